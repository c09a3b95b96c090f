"""One generator for any year: a made-up 2027 catalogue (tests/fixtures/katalog-2027: a sixth tugas
pokok, a new dimension, a renamed component, period 2027) builds, and every count, year and name on
the pages, the worksheets, the plan builder and the search page follows the catalogue."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from generator.build import load_project
from generator.render import render_handbook
from tests.conftest import ROOT, next_year_project, run_cli
from tests.test_worksheets import pdf_text

def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml")


def article(site: Path, page: str) -> str:
    """The page's own text; the footer with the build's date ("Terakhir diperbarui") left out."""
    node = soup(site, page).select_one("article")
    for info in node.select(".hb-halaman-info"):
        info.decompose()
    return re.sub(r"\s+", " ", node.get_text(" "))


def test_catalogue_overview_counts_and_names(site_2027):
    text = article(site_2027, "katalog/index.html")
    assert "Katalog 2027" in text and "2026" not in text
    assert "terdiri atas empat bagian" in text
    assert "6 tugas pokok, 3 pilihan tugas pokok, 24 tugas tambahan" in text
    assert "4 dimensi, 10 indikator praktik kinerja" in text
    assert "Pengembangan Profesi" in text and "Pengembangan Kompetensi" not in text
    description = soup(site_2027, "katalog/index.html").find("meta", attrs={"name": "description"})["content"]
    assert description.endswith("2027: tugas pokok, praktik kinerja, pengembangan profesi, dan perilaku kerja.")


def test_component_pages_follow_the_catalogue(site_2027):
    tasks = soup(site_2027, "katalog/tugas-pokok/index.html")
    assert tasks.find("meta", attrs={"name": "description"})["content"].startswith(
        "Enam tugas pokok guru dalam rencana kinerja 2027")
    text = article(site_2027, "katalog/tugas-pokok/index.html")
    assert "Bagian 1 dari 4 rencana kinerja · Katalog 2027" in text
    assert "Setiap guru menjalankan tugas pokok nomor 1–4. Nomor 5 dan 6 dipilih" in text
    assert len(tasks.select("article table")[0].select("tbody tr")) == 6
    assert (site_2027 / "katalog/tugas-pokok/tp-uji-refleksi.html").is_file()
    practice = soup(site_2027, "katalog/praktik-kinerja/index.html")
    assert practice.find("meta", attrs={"name": "description"})["content"].startswith(
        "Empat dimensi dan sepuluh indikator praktik kinerja guru 2027")
    assert practice.find(id="dim-uji-kolaborasi") is not None
    assert (site_2027 / "katalog/praktik-kinerja/pk-uji-kolaborasi-murid.html").is_file()
    assert "Bagian 3 dari 4" in article(site_2027, "katalog/pengembangan-profesi/index.html")
    assert not (site_2027 / "katalog/pengembangan-kompetensi").exists()
    item = article(site_2027, "katalog/pengembangan-profesi/kom-refleksi-diri.html")
    assert "Katalog 2027" in item and "Pengembangan Profesi" in item


def test_worksheets_follow_the_catalogue(site_2027):
    text = article(site_2027, "lembar-kerja/perencanaan.html")
    assert "LK-1 · Pengelolaan Kinerja Guru 2027" in text and "Januari – Desember 2027" in text
    assert "2026" not in text
    assert "A. Pelaksanaan tugas pokok" in text and "C. Pengembangan profesi" in text
    assert "Tugas 1–4 dijalankan setiap guru" in text and "Tugas pokok 6: tugas tambahan" in text
    assert "6.6 Wali Kelas" in text and "Dimensi Kolaborasi (uji)" in text
    assert (site_2027 / "lembar-kerja/persiapan-observasi-pk-uji-proyek-bersama.html").is_file()
    index = soup(site_2027, "lembar-kerja/index.html")
    assert sum(1 for row in index.select("article tbody tr") if "LK-2" in row.get_text()) == 1 + 10
    assert "katalog 2027" in article(site_2027, "lembar-kerja/index.html")
    assert "LK-4 · Pengelolaan Kinerja Guru 2027" in article(site_2027, "lembar-kerja/refleksi-kompetensi.html")
    assert "Lembar Refleksi Pengembangan Profesi" in article(site_2027, "lembar-kerja/refleksi-kompetensi.html")


def test_plan_builder_data_follows_the_catalogue(site_2027):
    data = json.loads(soup(site_2027, "rencana.html").find(id="rencana-data").string)
    assert data["periode"] == "Januari – Desember 2027" and data["judul"].endswith("2027")
    parts = data["bagian"]
    assert [p["judul"] for p in parts] == ["Tugas pokok", "Praktik kinerja", "Pengembangan profesi",
                                           "Perilaku kerja"]
    assert [p["kunci"] for p in parts] == ["tugas", "praktik", "kompetensi", "perilaku"]
    assert len(parts[0]["tugas"]) == 6 and parts[0]["tugas"][5]["nomor"] == "6"
    assert len(parts[1]["kelompok"]) == 4 and parts[1]["pilih"] == "satu"
    assert [q["kunci"] for q in parts[1]["isian"]] == ["target"]


def test_search_page_and_page_kinds_follow_the_catalogue(site_2027, tmp_path):
    options = [o.get_text() for o in soup(site_2027, "cari.html").select("#cari-jenis option")]
    assert options == ["Semua", "Tugas pokok", "Praktik kinerja", "Pengembangan profesi", "Perilaku kerja",
                       "Panduan", "Lembar kerja"]
    project = load_project(next_year_project(tmp_path / "proyek"))
    edition, guides = project.edition("nasional")
    kinds = {p.path: p.kind for p in render_handbook(project.config, project.catalog, guides, edition,
                                                      pdf=False).pages}
    assert kinds["katalog/pengembangan-profesi/index.md"] == "kompetensi"
    assert kinds["katalog/pengembangan-profesi/kom-refleksi-diri.md"] == "kompetensi"
    assert kinds["katalog/tugas-pokok/tp-uji-refleksi.md"] == "tugas"
    assert kinds["lembar-kerja/perencanaan.md"] == "lembar" and kinds["faq.md"] == "panduan"


def test_planning_sheet_pdf_follows_the_catalogue(site_2027, browser, tmp_path):
    """Printed as generator.pdf prints it (A4 from the print stylesheet), in the session's Chromium."""
    page = browser.new_page()
    page.goto((site_2027 / "lembar-kerja/perencanaan.html").as_uri())
    page.pdf(path=str(tmp_path / "lk-1.pdf"), prefer_css_page_size=True)
    page.close()
    text = pdf_text(tmp_path / "lk-1.pdf")
    for expected in ("LK-1 · Pengelolaan Kinerja Guru 2027", "Januari – Desember 2027", "C. Pengembangan profesi",
                     "Tugas pokok 6: tugas tambahan", "Kolaborasi Murid (uji)", "4. Terlaksananya refleksi pembelajaran bersama rekan sejawat"):
        assert expected in text
    assert "2026" not in text


def test_guides_write_counts_and_lists_from_the_catalogue(built_site, site_2027):
    """[[jumlah:…]] and [[daftar:…]] in the guides follow each year's catalogue."""
    for site, practice, dimensions in ((built_site, "delapan", "tiga"), (site_2027, "sepuluh", "empat")):
        text = article(site, "apa-itu-pengelolaan-kinerja.html")
        assert f"Ada {practice} indikator dalam {dimensions} dimensi." in text
        assert "terdiri atas empat bagian." in text
        assert "[[" not in text and "jumlah:" not in text
        # a count in a heading, which keeps its own address
        heading = soup(site, "apa-itu-pengelolaan-kinerja.html").find(id="empat-bagian-rencana-kinerja")
        assert heading.get_text(" ", strip=True).startswith("Empat bagian rencana kinerja")
    # The list of dimensions links to each one, the new 2027 dimension included.
    for site, count in ((built_site, 3), (site_2027, 4)):
        page = soup(site, "cara-mengisi-rencana.html")
        [sentence] = [p for p in page.select("article p") if "indikator dalam" in p.get_text()]
        links = [a["href"] for a in sentence.select("a")]
        assert len(links) == count and all("praktik-kinerja/index.html#dim-" in h for h in links), links
    assert "dim-uji-kolaborasi" in str(sentence)
    tasks = article(site_2027, "cara-mengisi-rencana.html")
    assert "memiliki 24 pilihan." in tasks and "memuat tujuh aspek BerAKHLAK dengan 21 indikator perilaku" in tasks


def test_code_blocks_in_guides_are_shown_as_written(project):
    """A fenced example of the guide syntax stays an example: not a count, a link or an error."""
    path = project / "content/faq.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n```markdown\nAda [[jumlah:dimensi]] dimensi:"
                    " [[daftar:dimensi]], lihat [[pk-tidak-ada]].\n```\n", encoding="utf-8")
    loaded = load_project(project)  # the unknown id in the code block is no problem
    edition, guides = loaded.edition("nasional")
    pages = render_handbook(loaded.config, loaded.catalog, guides, edition, pdf=False).pages
    faq = next(p.text for p in pages if p.path == "faq.md")
    assert "```markdown\nAda [[jumlah:dimensi]] dimensi: [[daftar:dimensi]], lihat [[pk-tidak-ada]].\n```" in faq


def test_check_says_when_the_guides_were_written_for_an_earlier_year(tmp_path):
    """Next year's catalogue with this year's guides: `check` passes and says, once, that the
    guides mostly name 2026 and where; this year's project gets no such hint."""
    result = run_cli("check", cwd=next_year_project(tmp_path / "proyek"))
    assert result.returncode == 0, result.stderr
    [hint] = [line for line in result.stderr.splitlines() if "paling sering menyebut tahun" in line]
    assert re.fullmatch(r"Petunjuk: panduan paling sering menyebut tahun 2026 \(\d+ kali di \d+ panduan, misalnya"
                        r" content/[\w/-]+\.md:\d+\), padahal katalognya untuk 2027; periksa apakah teksnya"
                        r" masih berlaku untuk 2027", hint), hint
    assert "menyebut tahun" not in run_cli("check", cwd=ROOT).stderr
