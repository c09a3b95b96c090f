"""Coaching guides and the workshop kit: cards from the catalogue, A4 sheets, links, the module."""

from __future__ import annotations

import re

import math

from bs4 import BeautifulSoup
from pypdf import PdfReader

from generator.catalog import load_catalog
from tests.conftest import ROOT, run_cli


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


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
