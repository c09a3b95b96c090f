"""Scoring of the search relevance sets, shared by tests/browser/test_search.py and bench/.

tests/search_queries.yml is the tuning set; tests/search_heldout.yml was written before any
ranking change and is only measured. A query hits when a page it names (`page` or `also`) is
among the first results; `matches` is how many pages the engine calls a strong match.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SETS = {"tuning": ROOT / "tests/search_queries.yml", "held-out": ROOT / "tests/search_heldout.yml"}
# Run in a page that has loaded cari.js: the result URLs in rank order (with the anchor of the
# section that answers best) and the number of strong matches.
QUERY_JS = "q => HandbookSearch.query(q)"
# The same for many queries in one call, one after the other: a round trip per query took longer
# than the queries (697 queries: 10.2 s against 4.5 s, the same results).
QUERIES_JS = "async qs => { const out = {}; for (const q of qs) out[q] = await HandbookSearch.query(q); return out; }"


def load(name: str) -> list[dict]:
    return yaml.safe_load(SETS[name].read_text(encoding="utf-8"))


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
