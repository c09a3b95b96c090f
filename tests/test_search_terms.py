"""How the search index reads the catalogue's words (generator/search.py), without a browser."""

from __future__ import annotations

from generator.build import load_project
from generator.search import Analyzer, glossary_groups
from tests.conftest import ROOT
from tests.search_relevance import load


def test_every_glossary_entry_keeps_its_own_name():
    """No stop word or stem merges two entries: 'Sangat Kurang' is not read as 'Kurang'."""
    catalog = load_project(ROOT).catalog
    analyzer = Analyzer(catalog)
    groups, forms = glossary_groups(catalog, analyzer)
    entries = catalog.components["glosarium"].children["istilah"]
    taken = {entry.nama: groups[forms[" ".join(analyzer.terms(entry.nama))]][0] for entry in entries}
    assert [name for name, first in taken.items() if first != " ".join(analyzer.terms(name))] == []


def test_no_held_out_question_is_in_the_tuning_set():
    """The held-out figure says how the search does on questions it was never tuned for: a
    question written twice, word for word (short ones like a single term easily are), must not
    stand in the tuning set too. Nor is a question written twice within one set."""
    def key(case):
        return " ".join(case["q"].lower().split())

    held_out = {key(case) for case in load("held-out")}
    tuning = [key(case) for case in load("tuning")]
    assert sum(q in held_out for q in tuning) == 0  # counted, not listed: the held-out set stays unread
    assert len(set(tuning)) == len(tuning)
