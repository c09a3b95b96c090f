"""Worksheets: A4 PDFs with the catalogue's text, the expected page counts, edition names."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.catalog import load_catalog
from generator.worksheets import worksheets
from tests.conftest import ROOT, replace_in, run_cli, seed_pdf_cache

A4 = (595.0, 842.0)  # points
EXPECTED_PAGES = {"perencanaan": 4, "persiapan-observasi": 2, "tindak-lanjut-refleksi": 2,
                  "refleksi-kompetensi": 1}


def pdf_text(path: Path, layout: bool = False) -> str:
    """Text as a reader sees it (pdftotext; `layout` keeps a label and its filled value on one
    line), with line breaks joined."""
    text = subprocess.run(["pdftotext", *(["-layout"] if layout else []), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", text)


def page_texts(path: Path) -> list[str]:
    """The text of each page of a PDF (pdftotext page by page), with line breaks joined."""
    count = len(PdfReader(path).pages)
    return [re.sub(r"\s+", " ", subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"],
                                              capture_output=True, text=True, check=True).stdout)
            for n in range(1, count + 1)]


def test_every_worksheet_is_an_a4_pdf_within_its_page_limit(built_site):
    sheets = worksheets(load_catalog(ROOT))
    assert len(sheets) == 12
    total = 0
    for sheet in sheets:
        reader = PdfReader(built_site / sheet.pdf)
        pages = len(reader.pages)
        total += pages
        assert pages <= sheet.max_pages, sheet.slug
        expected = EXPECTED_PAGES.get(sheet.slug, EXPECTED_PAGES["persiapan-observasi"])
        assert pages == expected, sheet.slug
        for page in reader.pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2
    package = PdfReader(built_site / "lembar-kerja/paket-lembar-kerja.pdf")
    assert len(package.pages) == total
    assert [e.title for e in package.outline if not isinstance(e, list)] == [s.title for s in sheets]


def test_fonts_are_embedded(built_site):
    fonts = subprocess.run(["pdffonts", str(built_site / "lembar-kerja/perencanaan.pdf")],
                           capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts
    assert all(line.split()[-5] == "yes" for line in fonts), fonts  # the 'emb' column


def test_planning_sheet_holds_every_catalogue_item(built_site):
    catalog = load_catalog(ROOT)
    text = pdf_text(built_site / "lembar-kerja/perencanaan.pdf")
    kinds = ("tugas-pokok", "pilihan-tugas", "tugas-tambahan", "dimensi", "indikator-praktik",
             "kelompok-kompetensi", "indikator-kompetensi", "aspek", "indikator-perilaku", "ekspektasi")
    items = [i for i in catalog.items.values() if i.kind in kinds]
    assert len(items) == 5 + 3 + 24 + 3 + 8 + 4 + 12 + 7 + 21 + 62
    missing = [i.id for i in items if re.sub(r"\s+", " ", i.nama) not in text]
    assert missing == []
    for label in ("Nama", "NIP/NUPTK", "Satuan pendidikan", "Periode", "Januari – Desember 2026",
                  "Kepala sekolah", "Tanggal"):
        assert label in text


def test_observation_sheets_carry_their_indicator(built_site):
    catalog = load_catalog(ROOT)
    for indicator in catalog.of_kind("indikator-praktik"):
        text = pdf_text(built_site / f"lembar-kerja/persiapan-observasi-{indicator.id}.pdf")
        assert indicator.nama in text
        assert re.sub(r"\s+", " ", indicator["definisi"]) in text
        for field in ("Jadwal observasi", "Kelas dan mata pelajaran", "baseline", "Yang teramati"):
            assert field in text


def test_worksheet_pages_link_their_pdf(built_site):
    html = (built_site / "lembar-kerja/perencanaan.html").read_text(encoding="utf-8")
    assert 'href="perencanaan.pdf"' in html and "Unduh PDF (A4)" in html
    index = (built_site / "lembar-kerja/index.html").read_text(encoding="utf-8")
    for sheet in worksheets(load_catalog(ROOT)):
        assert f'href="{sheet.slug}.pdf"' in index
    assert 'href="paket-lembar-kerja.pdf"' in index


def test_the_blank_planning_sheet_points_to_the_plan_builder_and_only_it(built_site):
    """LK-1 prints blank; the plan builder prints it filled in, and LK-1's page says so with a link
    that leads to the builder. The other sheets have no builder that fills them."""
    for sheet in worksheets(load_catalog(ROOT)):
        html = (built_site / sheet.page.removesuffix(".md")).with_suffix(".html").read_text(encoding="utf-8")
        points = 'href="../rencana.html">Susun Rencana Kinerja</a>' in html
        assert points == (sheet.slug == "perencanaan"), sheet.slug
    assert (built_site / "rencana.html").is_file()


def test_catalogue_change_shows_up_in_the_pdf_and_unchanged_builds_reuse_it(project, built_site):
    seed_pdf_cache(project, built_site)  # printed by the session's build of the same pages
    cache = project / "build/cache/pdf"
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*.pdf")}
    result = run_cli("build", cwd=project)
    # The twelve worksheets (each printed from its own page), three card sheets and five workshop
    # pages all come from the cache.
    assert "PDF lembar kerja: 0 dicetak, 20 dipakai ulang" in result.stderr, result.stderr
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*.pdf")} == before
    replace_in(project / "catalog/perilaku.yml", "Menuntaskan semua pekerjaan", "Menuntaskan semua pekerjaan tepat waktu")
    result = run_cli("build", cwd=project)
    # Only the planning sheet changes; the kit shows no expectations.
    assert "PDF lembar kerja: 1 dicetak, 19 dipakai ulang" in result.stderr
    assert "Menuntaskan semua pekerjaan tepat waktu" in pdf_text(project / "site/lembar-kerja/perencanaan.pdf")


def test_national_sheets_leave_the_school_blank(built_site):
    lines = pdf_text(built_site / "lembar-kerja/tindak-lanjut-refleksi.pdf", layout=True)
    assert re.search(r"Satuan pendidikan +A\. Diskusi tindak lanjut", lines)  # nothing filled in
    assert "Wilayah" not in lines


@pytest.fixture(scope="module")
def school_site(tmp_path_factory, built_site):
    from tests.conftest import copy_project
    from tests.test_editions import add_editions

    project = add_editions(copy_project(tmp_path_factory.mktemp("lk") / "proyek"))
    seed_pdf_cache(project, built_site)  # the shared sheets are the national ones; stamping is real
    result = run_cli("build", "--edition", "20200002", "--edition", "kab-bandung", "--zip", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_a_school_built_alone_gets_the_zip_of_a_full_build(school_site, editions_site):
    """`--edition X --zip` (a dinas publishing one school) packs what `--all --zip` packs for it,
    here with the worksheet PDFs too."""
    import zipfile

    def names(site: Path) -> set[str]:
        with zipfile.ZipFile(site / "unduh/20200002.zip") as archive:
            return set(archive.namelist())

    alone = names(school_site)
    assert {n for n in alone if not n.endswith(".pdf")} == names(editions_site)
    assert "panduan/edisi/20200002/lembar-kerja/paket-lembar-kerja.pdf" in alone


def test_school_name_and_recommendations_on_the_edition_sheets(school_site):
    """The shared package stamped for one school: its name on every name line, its ★ on LK-1."""
    from pypdf import PdfReader

    package = school_site / "edisi/20200002/lembar-kerja/paket-lembar-kerja.pdf"
    generic = school_site / "lembar-kerja/paket-lembar-kerja.pdf"
    from generator.pdf import sheet_pages

    pages = PdfReader(package).pages
    sheets = worksheets(load_catalog(ROOT))
    ranges = sheet_pages(PdfReader(generic), sheets)
    priorities = {"pk-instruksi-adaptif", "pk-ekspektasi-murid", "pk-perhatian-kepedulian", "pk-umpan-balik"}
    # Every blank sheet, and the pre-filled observation sheets of the school's priorities only.
    assert len(pages) == sum(len(ranges[s.slug]) for s in sheets
                             if s.indicator is None or s.indicator.id in priorities)
    for number, page in enumerate(pages):
        text = page.extract_text(extraction_mode="layout")
        if "Satuan pendidikan" in text:
            assert re.search(r"Satuan pendidikan +SD Negeri 2 Contoh", text), f"page {number + 1}"
    text = pdf_text(package, layout=True)
    assert re.search(r"Instruksi yang Adaptif +★ Prioritas SD Negeri 2 Contoh", text)
    assert not re.search(r"Penerapan Disiplin Positif +★", text)
    assert "SD Negeri 2 Contoh" not in pdf_text(generic)
    fonts = subprocess.run(["pdffonts", str(package)], capture_output=True, text=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # every font embedded
    home = (school_site / "edisi/20200002/index.html").read_text(encoding="utf-8")
    assert 'href="lembar-kerja/paket-lembar-kerja.pdf"' in home
    assert not (school_site / "edisi/kab-bandung/lembar-kerja").exists()  # a region has no one name


def test_every_printed_page_says_which_sheet_whose_and_which_page(built_site):
    """A separated photocopy still carries the sheet's code and title, a name line, and its page
    number out of the sheet's pages; no file path is printed."""
    for sheet in worksheets(load_catalog(ROOT)):
        texts = page_texts(built_site / sheet.pdf)
        count = len(texts)
        for number, text in enumerate(texts, start=1):
            assert f"{sheet.code} · {sheet.title}" in text, (sheet.slug, number)
            assert f"halaman {number} dari {count}" in text, (sheet.slug, number)
            assert "Nama" in text, (sheet.slug, number)
            assert ".pdf" not in text and "lembar-kerja/" not in text, (sheet.slug, number)
