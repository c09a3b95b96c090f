"""How the search index reads the catalogue's words (generator/search.py), without a browser."""

from __future__ import annotations

from generator.build import load_project
from generator.search import Analyzer, glossary_groups
from tests.conftest import ROOT


def test_every_glossary_entry_keeps_its_own_name():
    """No stop word or stem merges two entries: 'Sangat Kurang' is not read as 'Kurang'."""
    catalog = load_project(ROOT).catalog
    analyzer = Analyzer(catalog)
    groups, forms = glossary_groups(catalog, analyzer)
    entries = catalog.components["glosarium"].children["istilah"]
    taken = {entry.nama: groups[forms[" ".join(analyzer.terms(entry.nama))]][0] for entry in entries}
    assert [name for name, first in taken.items() if first != " ".join(analyzer.terms(name))] == []
