"""The Indonesian stemmer: expected stems, and the same answers in Python (index) and JavaScript (query)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.stemmer import EXCEPTIONS, RULES, browser_script, stem, tokens

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

EXPECTED = {
    # required by the search brief
    "mengamati": "amat", "pengamatan": "amat", "diamati": "amat",
    "membimbing": "bimbing", "pembimbingan": "bimbing", "bimbingan": "bimbing",
    "dikelola": "kelola", "mengelola": "kelola", "pengelolaan": "kelola",
    "menilai": "nilai", "penilaian": "nilai", "dinilai": "nilai",
    "perilaku": "perilaku", "kinerja": "kinerja", "keterlibatan": "libat",
    "kolaborasi": "kolaborasi", "kesepakatan": "sepakat",
    "pelatihan": "latih", "melatih": "latih",
    "refleksi": "refleksi", "merefleksikan": "refleksi",
    "belajar": "ajar", "pembelajaran": "ajar", "mengajar": "ajar",
    "guru": "guru", "murid": "murid", "kelas": "kelas", "observasi": "observasi",
    "tugas": "tugas", "ditugaskan": "tugas",
    "kepemimpinan": "pimpin", "pemimpin": "pimpin", "keteraturan": "atur",
    "disiplin": "disiplin", "sekolah": "sekolah", "ekspektasi": "ekspektasi",
    "perencanaan": "rencana", "merencanakan": "rencana", "direncanakan": "rencana",
    "pelaksanaan": "laksana", "melaksanakan": "laksana",
    # the examples the rules are written for
    "kebutuhan": "butuh", "memilih": "pilih", "pemilihan": "pilih", "menyusun": "susun",
    "menuntaskan": "tuntas", "memperkuat": "kuat", "diperluas": "luas", "mengembangkan": "kembang",
    "diperbaiki": "perbaikan", "memperbaiki": "perbaikan",  # an exception: improvement is not 'baik'
    "bekerja": "kerja", "pekerjaan": "kerja", "pelajaran": "ajar", "mempelajari": "ajar",
    "kebijakan": "bijak", "kembangkan": "kembang", "pemeriksaan": "periksa",
    "diskusi": "diskusi", "diskusikan": "diskusi", "berdiskusi": "diskusi",
    # particles, possessives and the exception list reached through them
    "sekolahnya": "sekolah", "bersekolah": "sekolah", "berperilaku": "perilaku",
    "penilaiannya": "nilai", "bertanya": "tanya", "meskipun": "meski", "pilihlah": "pilih",
    "istilah": "istilah", "mengolah": "olah",
    # se- 'one' before a measure, and se- that is part of the word
    "setahun": "tahun", "sehari": "hari", "seminggu": "minggu", "sesuai": "sesuai", "sebelum": "sebelum",
    # left alone: short words and words with digits
    "ada": "ada", "2026": "2026", "kelas7": "kelas7",
}

SAMPLE_TEXTS = [
    "Pengelolaan Kinerja Guru 2026: perencanaan, pelaksanaan, penilaian.",
    "Guru mengamati dan membimbing murid secara terus-menerus; e-Kinerja dipakai kepala sekolah.",
    "Résumé — naïve café, ÉCOLE, ﬁle, ①, x²  tab\tnew\nline",
    "Kepemimpinan pembelajaran & keterlibatan orang tua/wali (50%) di SMA-3.",
    "",
    "---",
]


def corpus_words() -> list[str]:
    """Every distinct word of the catalogue and the guides, as the index sees them."""
    files = sorted(ROOT.glob("catalog/*.yml")) + sorted(ROOT.glob("content/**/*.md"))
    words = set()
    for path in files:
        words.update(tokens(path.read_text(encoding="utf-8")))
    return sorted(words)


@pytest.mark.parametrize("word, expected", sorted(EXPECTED.items()))
def test_expected_stem(word, expected):
    assert stem(word) == expected


def test_tokens():
    assert tokens("Terus-menerus, e-Kinerja!") == ["terus", "menerus", "e", "kinerja"]
    assert tokens("Évaluasi  2025/2026") == ["evaluasi", "2025", "2026"]
    assert tokens(" -- ") == []


def test_exception_list_is_small():
    # The rules do the work; exceptions are for loans and roots the rules cannot tell apart. A
    # long list would mean the stemmer had turned into a dictionary, read word by word.
    assert len(EXCEPTIONS) <= 40
    # a key that ended another key would shadow it, depending on the order
    assert not [a for a in EXCEPTIONS for b in EXCEPTIONS if a != b and a.endswith(b)]


def test_stems_are_stable():
    """Stemming a stem changes nothing for the words of the handbook (a query may already be a stem)."""
    unstable = {w: (stem(w), stem(stem(w))) for w in corpus_words() if stem(stem(w)) != stem(w)}
    assert len(unstable) < 0.03 * len(corpus_words()), unstable


def js_stems(browser, words: list[str], texts: list[str] = ()) -> tuple[list[str], list[list[str]]]:
    """Stems and tokens from the browser's stemmer, as the site serves it (rules inlined)."""
    page = browser.new_page()
    try:
        page.set_content("<html></html>")
        page.add_script_tag(content=browser_script())
        stems = page.evaluate("ws => ws.map(w => window.HandbookStemmer.stem(w))", words)
        token_lists = page.evaluate("ts => ts.map(t => window.HandbookStemmer.tokens(t))", list(texts))
    finally:
        page.close()
    return stems, token_lists


@pytest.mark.browser
def test_javascript_matches_python(browser):
    words = corpus_words() + sorted(EXPECTED)
    assert len(corpus_words()) >= 500
    stems, token_lists = js_stems(browser, words, SAMPLE_TEXTS)
    differ = {w: (stem(w), js) for w, js in zip(words, stems) if stem(w) != js}
    assert differ == {}, f"{len(differ)} of {len(words)} words stem differently (python, js)"
    assert token_lists == [tokens(text) for text in SAMPLE_TEXTS]


# Random words built from the pieces the rules look at: prefixes, roots' letters, suffixes.
PIECES = sorted({rule[1].lstrip("^").split("[")[0].split("(")[0] for rule in RULES["prefix_rules"]}
                | set(RULES["particles"]) | set(RULES["possessives"]) | set(RULES["suffixes"]) | {"i"})
RANDOM_WORD = st.lists(st.sampled_from(PIECES) | st.text("abcdegiklmnoprstuy", min_size=1, max_size=4),
                       min_size=1, max_size=5).map("".join)


@pytest.mark.browser
@settings(max_examples=5, deadline=None)
@given(words=st.lists(RANDOM_WORD, min_size=200, max_size=200))
def test_javascript_matches_python_on_random_words(browser, words):
    stems, _ = js_stems(browser, words)
    assert {w: (stem(w), js) for w, js in zip(words, stems) if stem(w) != js} == {}
