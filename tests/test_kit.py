"""Coaching guides and the workshop kit: cards from the catalogue, A4 sheets, links, the module."""

from __future__ import annotations

import re

import math

from bs4 import BeautifulSoup
from pypdf import PdfReader

from generator.catalog import load_catalog
from generator.kit import load_scenes, shuffled
from tests.conftest import ROOT, run_cli
from tests.test_worksheets import page_texts


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def test_indicator_cards_follow_the_catalogue(built_site):
    catalog = load_catalog(ROOT)
    page = soup(built_site / "lokakarya/kartu-indikator.html")
    titles = [c.select_one(".kit-title").get_text() for c in page.select(".kit-card")]
    expected = ([i.nama for i in catalog.of_kind("indikator-praktik")]
                + [i.nama for i in catalog.of_kind("indikator-kompetensi")]
                + [a.nama for a in catalog.of_kind("aspek")])
    assert titles == expected and len(titles) == 8 + 12 + 7
    loyal = next(c for c in page.select(".kit-card") if c.select_one(".kit-title").get_text() == "Loyal")
    assert len(loyal.select(".kit-list li")) == 3
    sheets = page.select(".kit-sheet")
    assert len(sheets) == math.ceil(27 / 6)
    assert all(len(s.select(".kit-card")) <= 6 for s in sheets)
    pdf = PdfReader(built_site / "lokakarya/kartu-indikator.pdf")
    assert len(pdf.pages) == len(sheets)
    assert all(abs(float(p.mediabox.width) - 595) < 2 and abs(float(p.mediabox.height) - 842) < 2
               for p in pdf.pages)


def test_tirta_cards_hold_every_question(built_site):
    catalog = load_catalog(ROOT)
    parts = catalog.components["tirta"].children["bagian"]
    assert [p["huruf"] for p in parts] == ["T", "I", "R", "TA"]
    questions = [q for p in parts for q in p["pertanyaan"]]
    page = soup(built_site / "lokakarya/kartu-tirta.html")
    assert [c.select_one(".kit-title").get_text() for c in page.select(".kit-card")] == questions
    assert len(PdfReader(built_site / "lokakarya/kartu-tirta.pdf").pages) == math.ceil(len(questions) / 8)


def test_every_card_sheet_carries_a_short_link(built_site):
    page = soup(built_site / "lokakarya/kartu-tirta.html")
    links = [s.select_one(".kit-link").get_text() for s in page.select(".kit-sheet")]
    assert links and set(links) == {"lokakarya/kartu-tirta.html"}
    assert not page.select(".kit-qr")  # no web address configured: no QR code


def test_guides_link_to_the_items_and_worksheets_they_name(built_site):
    article = soup(built_site / "coaching/diskusi-persiapan.html").select_one("article")
    hrefs = {a["href"] for a in article.select("a[href]")}
    assert any("lembar-kerja/persiapan-observasi" in h for h in hrefs), hrefs
    assert any(h.startswith("../siklus-peningkatan.html#diskusi-persiapan") for h in hrefs), hrefs
    example = soup(built_site / "coaching/contoh-satu-tahun.html").select_one("article")
    assert any("pk-disiplin-positif.html" in a["href"] for a in example.select("a[href]"))


def test_unknown_worksheet_id_fails_with_file_and_line(project):
    guide = project / "content/coaching/tirta.md"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text + "\nCetak [[lembar-perencanan]].\n", encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    assert (f"content/coaching/tirta.md:{len(text.splitlines()) + 2}: id katalog 'lembar-perencanan'"
            " tidak dikenal (maksud Anda 'lembar-perencanaan'?)") in result.stderr


def test_values_module_is_off_by_default_and_on_for_an_edition(built_site, project):
    assert not (built_site / "coaching/nilai-dan-makna-kerja.html").exists()
    assert "nilai-dan-makna-kerja" not in (built_site / "coaching/index.html").read_text(encoding="utf-8")
    config = project / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8") + """
alamat: https://panduan.contoh.sch.id/
edisi:
  - id: madrasah-contoh
    nama: MTs Contoh
    jenis: kabupaten
    modul:
      nilai-dan-makna-kerja: true
""", encoding="utf-8")
    result = run_cli("build", "--edition", "madrasah-contoh", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    page = soup(site / "edisi/madrasah-contoh/coaching/nilai-dan-makna-kerja.html")
    assert "amanah" in page.select_one("article").get_text().lower()
    assert page.select_one("link[rel=stylesheet]")["href"].startswith("../../../assets/")
    home = soup(site / "edisi/madrasah-contoh/index.html").select_one("article")
    assert home.find("a", string=re.compile("Nilai"))["href"] == "coaching/nilai-dan-makna-kerja.html"
    assert not (site / "coaching/nilai-dan-makna-kerja.html").exists()  # still off in the shared tree
    cards = soup(site / "lokakarya/kartu-tirta.html")  # shared by every edition: its QR goes there
    assert cards.select_one(".kit-link").get_text() == "panduan.contoh.sch.id/lokakarya/kartu-tirta.html"
    assert cards.select_one("svg.kit-qr") is not None


def test_printed_workshop_pages_link_back_and_have_pdfs(built_site):
    for name in ("sesi-90-menit", "sesi-setengah-hari", "sesi-sehari-penuh", "daftar-periksa-fasilitator",
                 "refleksi-peserta"):
        page = soup(built_site / f"lokakarya/{name}.html")
        assert page.select_one(".print-ref .kit-link").get_text() == f"lokakarya/{name}.html"
        assert page.select_one(f'a[href="{name}.pdf"]') is not None
        reader = PdfReader(built_site / f"lokakarya/{name}.pdf")
        assert 1 <= len(reader.pages) <= 4
        assert f"lokakarya/{name}.html" in reader.pages[-1].extract_text()


def scene_check(texts: list[str], scenes, catalog) -> None:
    """Printed scene cards (one text per page): the cards carry no answer, the last page is the key
    and nothing else, every page says which sheet it is and which page of how many."""
    answers = [catalog.items[s.answer].nama for s in scenes]
    *cards, key = texts
    assert cards
    for number, text in enumerate(texts, start=1):
        assert "Kit lokakarya · Kartu adegan kelas" in text and f"halaman {number} dari {len(texts)}" in text
    printed = " ".join(cards)
    for scene in scenes:
        assert re.sub(r"\s+", " ", scene.text) in printed, scene.text
    assert not any(name.casefold() in printed.casefold() for name in answers)
    assert "Kunci jawaban" in key and "Kunci jawaban" not in printed
    assert all(name in key for name in answers) and not any(s.text[:40] in key for s in scenes)


def test_scene_cards_keep_the_answers_on_a_page_of_their_own(built_site):
    catalog = load_catalog(ROOT)
    scenes = load_scenes(ROOT)
    assert len(scenes) == 8
    page = soup(built_site / "lokakarya/kartu-adegan.html")
    bodies = [c.select_one(".kit-body").get_text() for c in page.select(".kit-card")]
    ordered = shuffled(scenes, catalog)
    assert bodies == [s.text for s in ordered]
    # Numbered in an order that is not the catalogue's order of their answers.
    order = list(catalog.items)
    assert [order.index(s.answer) for s in ordered] != sorted(order.index(s.answer) for s in scenes)
    rows = [r.get_text(" ", strip=True) for r in page.select(".kit-key tbody tr")]
    assert rows[0].startswith("Adegan 1 ") and catalog.items[ordered[0].answer].nama in rows[0]
    scene_check(page_texts(built_site / "lokakarya/kartu-adegan.pdf"), ordered, catalog)
    # The workshop page links the cards.
    kit = soup(built_site / "lokakarya/index.html").select_one("article")
    assert kit.find("a", href="kartu-adegan.html", string="Kartu adegan kelas")


def test_scenes_are_shuffled_even_when_written_in_catalogue_order():
    catalog = load_catalog(ROOT)
    order = list(catalog.items)
    scenes = sorted(load_scenes(ROOT), key=lambda s: order.index(s.answer))
    for count in range(2, len(scenes) + 1):
        mixed = shuffled(scenes[:count], catalog)
        assert sorted(mixed, key=lambda s: s.text) == sorted(scenes[:count], key=lambda s: s.text)
        assert mixed != scenes[:count], count
        assert mixed == shuffled(list(reversed(scenes[:count])), catalog)  # the file's order does not matter


def test_unknown_scene_answer_fails_with_file_and_line(project):
    scenes = project / "content/lokakarya/adegan-kelas.yml"
    text = scenes.read_text(encoding="utf-8")
    line = text.splitlines().index("    indikator: pk-umpan-balik") + 1
    scenes.write_text(text.replace("indikator: pk-umpan-balik", "indikator: pk-umpan-balk")
                      + "  - teks: Guru diam.\n", encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    assert (f"content/lokakarya/adegan-kelas.yml:{line}: id katalog 'pk-umpan-balk' tidak dikenal"
            " (maksud Anda 'pk-umpan-balik'?)") in result.stderr
    assert f"content/lokakarya/adegan-kelas.yml:{len(text.splitlines()) + 1}: adegan harus punya 'indikator'" \
        " berupa teks" in result.stderr  # every problem at once


def test_scene_cards_say_when_their_scenes_changed(project):
    import os

    os.utime(project / "content/lokakarya/adegan-kelas.yml", (1798804800, 1798804800))  # 1 January 2027
    assert run_cli("build", "--no-pdf", cwd=project).returncode == 0
    info = soup(project / "site/lokakarya/kartu-adegan.html").select_one(".hb-halaman-info").get_text()
    assert "Terakhir diperbarui: 1 Januari 2027" in info
