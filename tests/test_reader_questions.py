"""Reader questions (content/pertanyaan-pembaca.yml): checked like every other input, and read by
the search index as words of the section that answered them."""

from __future__ import annotations

import json

from generator.build import load_project
from tests.conftest import ROOT, next_year_project, run_cli

FILE = "content/pertanyaan-pembaca.yml"

BAD = """kelompok:
  - nama: Guru SDN 3
    pertanyaan:
      - tanya: anak2 ribut terus
        halaman: pk-keteraturan-kelas
      - tanya: kapan batas akhir rencana
        halaman: linimasa.htm
      - halaman: faq.html
      - tanya: lembar observasi
        halaman: lembar-kerja/index.html
        juga: coaching/observasi.html
        catatan: dari rapat KKG
  - pertanyaan: faq.html
"""


def test_every_problem_of_the_file_is_reported_with_its_line(project):
    (project / FILE).write_text(BAD, encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    err = result.stderr
    assert (f"{FILE}:7: halaman 'linimasa.htm' tidak dikenal (maksud Anda 'linimasa.html'?); tulis id"
            " butir katalog (misalnya 'pk-umpan-balik') atau alamat halaman seperti yang tampil di peramban") in err
    assert f"{FILE}:8: pertanyaan harus punya 'tanya' berupa teks" in err
    assert f"{FILE}:11: 'juga' harus berupa daftar id butir katalog atau alamat halaman" in err
    assert f"{FILE}:12: kunci tidak dikenal 'catatan' pada pertanyaan" in err
    assert f"{FILE}:13: setiap kelompok ditulis dengan 'pertanyaan'" in err
    assert f"{FILE}:1: 'tahun' wajib diisi dengan tahun katalog saat pertanyaan ditulis" in err


def test_a_section_the_page_does_not_have_fails_the_build_and_keeps_the_site(project):
    assert run_cli("build", "--no-pdf", cwd=project).returncode == 0
    before = (project / "site/cari/indeks.js").read_bytes()
    (project / FILE).write_text("tahun: 2026\nkelompok:\n  - pertanyaan:\n      - tanya: telat isi rencana\n"
                                "        halaman: faq.html#bagaimana-jika-saya-terlambat\n", encoding="utf-8")
    result = run_cli("build", "--no-pdf", cwd=project)
    assert result.returncode == 1
    assert (f"{FILE}:5: halaman 'faq.html' tidak punya bagian '#bagaimana-jika-saya-terlambat' (maksud Anda"
            " 'bagaimana-jika-saya-terlambat-dari-tenggat-januari'?)") in result.stderr
    assert (project / "site/cari/indeks.js").read_bytes() == before


def _index(site):
    text = (site / "cari/indeks.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("=") + 1:].rstrip().rstrip(";"))


def _postings(site, term: str, page: str) -> list[tuple[int, int]]:
    """(place, weight) of a term on a page; a place of -2 - n is place n with the term in its heading."""
    index = _index(site)
    number = [d[0] for d in index["docs"]].index(page)
    shard = (site / f"cari/istilah-{term[0]}.js").read_text(encoding="utf-8")
    postings = json.loads(shard[shard.index("=") + 1:].rstrip().rstrip(";")).get(term, [])
    return [(postings[k + 1], postings[k + 2]) for k in range(0, len(postings), 3) if postings[k] == number]


def _weights(site, term: str, page: str) -> list[int]:
    return [weight for _, weight in _postings(site, term, page)]


def _places(site, term: str, page: str) -> list[int]:
    return [place if place >= -1 else -2 - place for place, _ in _postings(site, term, page)]


def _sections(site, index, page: str) -> list:
    number = [d[0] for d in index["docs"]].index(page) // index["chunk"]
    text = (site / f"cari/teks-{number}.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("=") + 1:].rstrip().rstrip(";"))[0]


def test_a_question_gives_its_section_the_words_some_page_uses_and_no_others(project):
    """'tantrum' stands on no page: a question's typo or odd word never becomes a word the search
    knows (it would stop the search from reading it as the word meant). 'bolos' stands on the
    page about attention and care, not on the linimasa's."""
    (project / FILE).write_text("tahun: 2026\nkelompok:\n  - pertanyaan:\n      - tanya: murid tantrum dan bolos\n"
                                "        halaman: linimasa.html\n      - tanya: murid bolos lagi\n"
                                "        halaman: faq.html#apa-bedanya-wali-kelas-dan-guru-wali\n", encoding="utf-8")
    assert run_cli("build", "--no-pdf", cwd=project).returncode == 0
    site = project / "site"
    assert "tantrum" not in _index(site)["vocabulary"]
    assert _weights(site, "bolos", "linimasa.html")
    # A question with a section gives its words to that section's places only.
    index = _index(site)
    faq = [d for d in index["docs"] if d[0] == "faq.html"][0]
    section = [a for a, *_ in _sections(site, index, "faq.html")].index("apa-bedanya-wali-kelas-dan-guru-wali")
    places = _places(site, "bolos", "faq.html")
    assert places and {faq[5][p] for p in places} == {section}
    (project / FILE).unlink()
    assert run_cli("build", "--no-pdf", cwd=project).returncode == 0
    assert not _weights(site, "bolos", "linimasa.html")


def test_an_item_of_a_list_gives_its_words_to_the_section_that_lists_it(project):
    """An additional task is an item of the list on its page, not a section: a question naming it
    by its id (or by the anchor the browser shows) builds, and its words go to the section that
    holds the list (the build failed: 'tidak punya bagian #tt-wakil-kepala')."""
    (project / FILE).write_text("tahun: 2026\nkelompok:\n  - pertanyaan:\n      - tanya: wakasek bolos\n"
                                "        halaman: tt-wakil-kepala\n      - tanya: wakasek bolos lagi\n"
                                "        halaman: katalog/tugas-pokok/tp-tugas-tambahan.html#tt-wakil-kepala\n",
                                encoding="utf-8")
    result = run_cli("build", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    site, page = project / "site", "katalog/tugas-pokok/tp-tugas-tambahan.html"
    index = _index(site)
    doc = [d for d in index["docs"] if d[0] == page][0]
    section = [a for a, *_ in _sections(site, index, page)].index("daftar-tugas-tambahan")
    places = _places(site, "bolos", page)
    assert places and {doc[5][p] for p in places} == {section}


def test_the_national_questions_name_pages_of_this_year_and_none_is_left_out():
    questions = load_project(ROOT).questions
    assert len(questions.questions) >= 1500 and len({q.group for q in questions.questions}) >= 20
    assert questions.stale == []
    # A catalogue item is named by its id and read as the address of its page.
    assert any(q.page == "katalog/praktik-kinerja/pk-umpan-balik.html" for q in questions.questions)


def test_next_years_catalogue_leaves_out_the_questions_about_items_it_no_longer_has(tmp_path):
    """Questions written for the 2026 catalogue, with the made-up 2027 one: the build goes on, its
    items are found by id at their new addresses, and `check` says how many were left out."""
    project = next_year_project(tmp_path / "proyek")
    result = run_cli("check", cwd=project)
    assert result.returncode == 0, result.stderr
    questions = load_project(project).questions
    [hint] = [line for line in result.stderr.splitlines() if "pertanyaan pembaca" in line]
    assert hint.startswith(f"Petunjuk: {len(questions.stale)} pertanyaan pembaca menyebut butir yang tidak ada"
                           " di katalog 2027 (misalnya content/pertanyaan-pembaca.yml:")
    assert hint.endswith("lalu ubah 'tahun' menjadi 2027")
    assert 0 < len(questions.stale) < len(questions.questions)
    assert any(q.page == "katalog/pengembangan-profesi/kom-asesmen.html" for q in questions.questions)
    # The same unknown id in a file written for this year's catalogue is an error, and so is a
    # mistyped address in any year's file.
    (project / FILE).write_text("tahun: 2027\nkelompok:\n  - pertanyaan:\n      - tanya: x\n"
                                "        halaman: pk-umpan-balik-lama\n", encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 1 and f"{FILE}:5: halaman 'pk-umpan-balik-lama' tidak dikenal" in result.stderr
    (project / FILE).write_text("tahun: 2026\nkelompok:\n  - pertanyaan:\n      - tanya: x\n"
                                "        halaman: linimasa.htm\n", encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 1 and f"{FILE}:5: halaman 'linimasa.htm' tidak dikenal" in result.stderr


def test_an_empty_block_does_not_shift_the_words_of_the_items_after_it():
    """The browser finds an item's words by counting the pieces of the section text (word n is
    piece 2n of text.split(/(\\s+)/)): an empty cell before an item must not start the text with a space."""
    import re

    from generator.search import _read_article

    html = ("<article><h1>T</h1><h2 id='a'>Daftar</h2><table><tr><td></td><td id='x'>kepala laboratorium"
            " bengkel</td></tr></table></article>")
    _, sections, _, _, _, inner = _read_article(html, "t.html")
    text, [(item, first, after)] = sections[0][2], inner[0]
    pieces = re.split(r"(\s+)", text)
    assert item == "x" and [pieces[2 * n] for n in range(first, after)] == ["kepala", "laboratorium", "bengkel"]
