"""Scoring of the search relevance sets, shared by tests/browser/test_search.py and bench/.

The tuning set is the handbook's reader questions (content/pertanyaan-pembaca.yml), which the
index also reads: its figure says how well the questions it was given are found. What the search
does for new questions is said by tests/search_heldout.yml, written before any ranking change, never
added to the reader questions and only measured, and by questions of one group of reader questions
against an index built without that group (tests/browser/test_search.py). A query hits when a page
it names (`page` or `also`) is among the first results; `matches` is how many pages the engine calls
a strong match.
"""

from __future__ import annotations

import functools
import statistics
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SETS = {"tuning": ROOT / "content/pertanyaan-pembaca.yml", "held-out": ROOT / "tests/search_heldout.yml"}
# Run in a page that has loaded cari.js: the result URLs in rank order (with the anchor of the
# section that answers best) and the number of strong matches.
QUERY_JS = "q => HandbookSearch.query(q)"
# The same for many queries in one call, one after the other: a round trip per query took longer
# than the queries (697 queries: 10.2 s against 4.5 s, the same results).
QUERIES_JS = "async qs => { const out = {}; for (const q of qs) out[q] = await HandbookSearch.query(q); return out; }"


def load(name: str) -> list[dict]:
    """The set's questions as {q, page, also}; the reader questions as the generator reads them
    (a catalogue item's id as the address of its page), with the number of their group."""
    if name != "tuning":
        return yaml.safe_load(SETS[name].read_text(encoding="utf-8"))
    return [{"q": q.text, "page": q.page + (f"#{q.anchor}" if q.anchor else ""), "also": list(q.also),
             "group": q.group} for q in _reader_questions()]


@functools.cache
def _reader_questions():
    from generator.build import load_project

    return tuple(load_project(ROOT).questions.questions)


@dataclass
class Score:
    queries: int
    hit1: float
    hit3: float
    median_matches: float
    anchor1: float  # share of section-level answers whose first result links to that section
    misses: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        return (f"{name}: {self.queries} queries, hit@1 = {self.hit1:.2f}, hit@3 = {self.hit3:.2f}, "
                f"median strong matches = {self.median_matches:g}, "
                f"right section at hit@1 = {self.anchor1:.2f}")


def evaluate(run, queries: list[dict]) -> Score:
    """`run(q)` returns {"urls": [...], "strong": n} as QUERY_JS does."""
    first = top3 = anchored = anchor_cases = 0
    matches, misses = [], []
    for case in queries:
        wanted = {case["page"].split("#")[0], *(p.split("#")[0] for p in case.get("also", []))}
        found = run(case["q"])
        urls = found["urls"]
        pages = [u.split("#")[0] for u in urls[:3]]
        matches.append(found["strong"])
        if pages and pages[0] in wanted:
            first += 1
        if wanted & set(pages):
            top3 += 1
        else:
            misses.append(f"{case['q']!r}: wanted {case['page']}, got {pages}")
        if "#" in case["page"] and pages and pages[0] == case["page"].split("#")[0]:
            anchor_cases += 1
            anchored += urls[0] == case["page"]
    n = len(queries)
    return Score(n, first / n, top3 / n, statistics.median(matches), anchored / max(1, anchor_cases), misses)
