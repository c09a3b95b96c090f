"""The Indonesian stemmer: expected stems, and the same answers in Python (index) and JavaScript (query)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.stemmer import EXCEPTIONS, stem, tokens

ROOT = Path(__file__).resolve().parent.parent
STEMMER_JS = ROOT / "theme" / "assets" / "javascripts" / "cari-stemmer.js"
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
    "menuntaskan": "tuntas", "diperbaiki": "baik", "memperbaiki": "baik", "mengembangkan": "kembang",
    "bekerja": "kerja", "pekerjaan": "kerja", "pelajaran": "ajar", "mempelajari": "ajar",
    "kebijakan": "bijak", "kembangkan": "kembang", "pemeriksaan": "periksa",
    "diskusi": "diskusi", "diskusikan": "diskusi", "berdiskusi": "diskusi",
    # particles, possessives and the exception list reached through them
    "sekolahnya": "sekolah", "bersekolah": "sekolah", "berperilaku": "perilaku",
    "penilaiannya": "nilai", "bertanya": "tanya", "meskipun": "meski", "pilihlah": "pilih",
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
    assert len(EXCEPTIONS) <= 20
    # a key that ended another key would shadow it, depending on the order
    assert not [a for a in EXCEPTIONS for b in EXCEPTIONS if a != b and a.endswith(b)]


def test_stems_are_stable():
    """Stemming a stem changes nothing for the words of the handbook (a query may already be a stem)."""
    unstable = {w: (stem(w), stem(stem(w))) for w in corpus_words() if stem(stem(w)) != stem(w)}
    assert len(unstable) < 0.03 * len(corpus_words()), unstable


@pytest.mark.browser
def test_javascript_matches_python(browser):
    words = corpus_words() + sorted(EXPECTED)
    assert len(corpus_words()) >= 500
    page = browser.new_page()
    try:
        page.set_content("<html></html>")
        page.add_script_tag(path=str(STEMMER_JS))
        js_stems = page.evaluate("ws => ws.map(w => window.HandbookStemmer.stem(w))", words)
        js_tokens = page.evaluate("ts => ts.map(t => window.HandbookStemmer.tokens(t))", SAMPLE_TEXTS)
    finally:
        page.close()
    differ = {w: (stem(w), js) for w, js in zip(words, js_stems) if stem(w) != js}
    assert differ == {}, f"{len(differ)} of {len(words)} words stem differently (python, js)"
    assert js_tokens == [tokens(text) for text in SAMPLE_TEXTS]
