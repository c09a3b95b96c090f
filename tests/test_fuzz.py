"""A bounded fuzz run in the default test run: 1,200 seeded mutations of the real input files.

Every mutated file must give either success or located Indonesian problems: no internal error (an
exception other than HandbookError), no English text (PyYAML's, say), and a line number on every
problem about a file that has lines. The loaders are called in-process on a project holding only
the mutated file, so each mutation costs milliseconds; a missing file is reported without a line,
which is right (it has none).
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from generator.catalog import load_catalog
from generator.errors import HandbookError
from generator.guides import check_guides, check_linked_files, load_guides
from generator.placement import generated_pages
from generator.site_config import load_site_config
from tests.conftest import ROOT

SEED = 16
# Mutations per kind of file, fixed by the seed so that every run tries the same cases: about 25
# for each catalogue file.
MUTATIONS = {"catalog": 300, "site_config": 300, "guide": 300}
CATALOG_FILES = sorted(p.name for p in (ROOT / "catalog").glob("*.yml"))
GUIDES = ["faq.md", "linimasa.md", "coaching/tirta.md", "index.md"]
# YAML-significant fragments and values that tripped the loaders before.
NOISE = [":", ": ", "\t", "- ", "-", '"', "'", "{", "}", "[", "]", "#", "&a ", "*a", "*b", "&b ", "|", ">",
         "|9", ">-x", "%", "%YAML 1.1\n", "%TAG ! x\n", "@", "`", "?", "? ", "<<: *a", "<<: 1", "!!binary ",
         "!x ", "!!python/object ", "!!float ", "!<x> ", "\\x", "\\", "\x00", "\x01", "\x85", "\ufeff",
         "\u2028", "é", "\n", "  ", "---", "...", "~", "1", "0x" + "f" * 30, "1e999", "2026-13-45",
         "2026-01-01", "null", "true", "[" * 60, "{a: " * 60, "- " * 60, "&a [*a]", "[*a, *a, *a]",
         "id: con", "id: " + "a" * 120, "modul: 1", "modul: {1: true}", "modul: {~: true}",
         "![x](tidak-ada.png)", "[x](/mutlak.png)", "[x](../../luar.png)", "[[tabel:x]]", "[[x]]"]
# Appended to site_config.yml so that edition entries are fuzzed too.
EDITIONS = """edisi:
  - id: kab-contoh
    nama: Kabupaten Contoh
    jenis: kabupaten
    prioritas: [pk-umpan-balik, Dimensi Manajemen Kelas]
    tenggat:
      perencanaan: Perencanaan paling lambat 24 Januari 2026
    modul:
      nilai-dan-makna-kerja: true
    kontak:
      - nama: Bu Sari
        surel: sari@contoh.sch.id
  - npsn: "20200001"
    nama: SD Contoh
    jenis: sekolah
    induk: kab-contoh
    jenjang: SD
"""
# Words of English that must not reach a user (outside quoted input).
ENGLISH = re.compile(r"\b(expected|found|while|could not|cannot|not allowed|unexpected|scanning|parsing|"
                     r"constructing|mapping|sequence|scalar|stream|document|character|token|indicator|"
                     r"undefined|invalid|unknown|error|traceback|object|type|date|datetime|bytes|"
                     r"NoneType|str|int|float|dict|list)\b", re.I)
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\S*/\S*")  # input quoted in a message, and file paths


def mutate(text: str, rng: random.Random) -> str:
    """A few random edits: insert a fragment, drop, repeat, swap or re-indent lines, cut the end."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(lines)) if lines else 0
        action = rng.choice(["insert", "insert", "insert", "delete", "duplicate", "swap", "indent", "cut"])
        if not lines:
            lines = [rng.choice(NOISE)]
        elif action == "insert":
            col = rng.randint(0, len(lines[at]))
            lines[at] = lines[at][:col] + rng.choice(NOISE) + lines[at][col:]
        elif action == "delete" and len(lines) > 1:
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "swap":
            other = rng.randrange(len(lines))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == "indent":
            lines[at] = " " * rng.randint(0, 7) + lines[at].lstrip()
        elif action == "cut":
            del lines[at + 1:]
    return "\n".join(lines)


def english_in(message: str) -> list[str]:
    return ENGLISH.findall(QUOTED.sub("", message))


def assert_told_well(error: HandbookError, project: Path, what: str) -> None:
    assert error.problems, f"{what}: an error must say what is wrong"
    for problem in error.problems:
        text = str(problem)
        assert "Galat internal" not in text
        assert not english_in(problem.message), f"{what}: English in {text!r}"
        path = project / problem.source.path
        if path.is_file() and path.read_bytes().strip():
            assert problem.source.line > 0, f"{what}: no line in {text!r}"


@pytest.fixture(scope="module")
def real():
    """The real catalogue and guides, loaded once, for the checks that cross files."""
    catalog = load_catalog(ROOT)
    guides = load_guides(ROOT)
    return catalog, guides, generated_pages(catalog, guides)


def run(project: Path, kind: str, name: str, real) -> None:
    catalog, guides, generated = real
    if kind == "catalog":
        try:
            load_catalog(project)
        except HandbookError as e:
            # Only this file is present: the others are reported missing, which is fine.
            e.problems = [p for p in e.problems if p.source.path == f"catalog/{name}"]
            if e.problems:
                raise
    elif kind == "site_config":
        load_site_config(project, catalog)
    else:
        mine = load_guides(project)
        others = [g for g in guides if g.path != name]
        check_guides(mine, catalog, generated, {"nilai-dan-makna-kerja": False}, others)
        check_linked_files(project, mine)


@pytest.mark.parametrize("kind", sorted(MUTATIONS))
def test_mutated_inputs_get_located_indonesian_problems(tmp_path, real, kind):
    rng = random.Random(f"{SEED}-{kind}")
    names = {"catalog": CATALOG_FILES, "site_config": ["site_config.yml"], "guide": GUIDES}[kind]
    told = 0
    for number in range(MUTATIONS[kind]):
        name = rng.choice(names)
        source = {"catalog": ROOT / "catalog" / name, "site_config": ROOT / "site_config.yml",
                  "guide": ROOT / "content" / name}[kind]
        project = tmp_path / str(number)
        target = project / source.relative_to(ROOT)
        target.parent.mkdir(parents=True)
        text = source.read_text(encoding="utf-8") + (EDITIONS if kind == "site_config" else "")
        target.write_text(mutate(text, rng), encoding="utf-8")
        if kind == "catalog" and name != "katalog.yml":  # the manifest says which files to read
            shutil.copy(ROOT / "catalog/katalog.yml", project / "catalog/katalog.yml")
        try:
            run(project, kind, name, real)
        except HandbookError as e:
            assert_told_well(e, project, f"mutation {number} of {name}")
            told += 1
        shutil.rmtree(project)
    assert told > MUTATIONS[kind] // 10, "the mutations should break many files"


def test_the_english_heuristic_sees_pyyaml_and_spares_quoted_input():
    assert english_in("YAML tidak valid: while scanning a simple key could not find expected ':'")
    assert not english_in("kunci tidak dikenal 'found' pada edisi (yang dikenal: id, nama)")
