"""More audiences in one portal: the national catalogue plus a made-up kepala sekolah catalogue
(tests/fixtures/katalog-kepsek, never published) declared in site_config.yml `audiens`. The second
audience gets its own section (catalogue, worksheets, plan builder), its entry in the navigation and
its own page kinds in the one search index; the guru pages stay as they are."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.build import build_site, load_project
from generator.errors import HandbookError
from generator.wording import number
from tests.conftest import ROOT, copy_project
from tests.test_worksheets import pdf_text

KEPSEK = ROOT / "tests/fixtures/katalog-kepsek"  # made-up test data, never published
SECTION = "kepala-sekolah"
EDITION = """
edisi:
  - id: jawa-barat
    nama: Provinsi Jawa Barat
    jenis: provinsi
"""
AUDIENCES = f"""
audiens:
  - bagian: {SECTION}
    katalog: katalog-kepsek
    nama: Kepala Sekolah
""" + EDITION


def portal_project(dest: Path, audiences: str = AUDIENCES, place: bool = True) -> Path:
    """The real project with the kepala sekolah catalogue beside it, as a coordinator adds it."""
    project = copy_project(dest)
    shutil.copytree(KEPSEK, project / "katalog-kepsek")
    config = project / "site_config.yml"
    text = config.read_text(encoding="utf-8")
    if place:  # its own navigation section, after the worksheets
        text = text.replace("  - Lembar Kerja: lembar-kerja\n",
                            f"  - Lembar Kerja: lembar-kerja\n  - Kepala Sekolah: {SECTION}\n")
    config.write_text(text + audiences, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def portal(tmp_path_factory) -> Path:
    """The portal built in-process without PDFs, with the region edition."""
    from generator.build import build_editions

    project = portal_project(tmp_path_factory.mktemp("portal") / "proyek")
    build_editions(project, project / "site", pdf=False)
    return project / "site"


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml")


def article(site: Path, page: str) -> str:
    node = soup(site, page).select_one("article")
    for info in node.select(".hb-halaman-info"):  # the build date
        info.decompose()
    return re.sub(r"\s+", " ", node.get_text(" "))


def search_index(site: Path) -> dict:
    text = (site / "cari/indeks.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("=") + 1:].rstrip().rstrip(";"))


def test_section_is_in_the_navigation_of_every_page(portal):
    for page in ("index.html", "faq.html", "katalog/index.html", f"{SECTION}/rencana.html"):
        nav = soup(portal, page).select_one("nav.md-nav--primary")
        # a section title, which opens the section's home
        titles = [node.get_text(" ", strip=True) for node in nav.select("label.md-nav__link, a.md-nav__link")]
        assert "Kepala Sekolah" in titles, page
    links = {a["href"] for a in soup(portal, "faq.html").select("nav.md-nav--primary a[href]")}
    assert {f"{SECTION}/katalog/index.html", f"{SECTION}/lembar-kerja/index.html",
            f"{SECTION}/rencana.html"} <= links
    for href in links:  # every link resolves to a built page
        assert (portal / href.split("#")[0]).is_file() or href.startswith("#") or href == ".", href


def test_section_has_a_home_that_says_what_is_in_it(portal):
    """kepala-sekolah/ leads somewhere: the section's own home, first in its navigation, with
    the counts and names of its catalogue and links that all resolve."""
    home = soup(portal, f"{SECTION}/index.html")
    text = article(portal, f"{SECTION}/index.html")
    assert "rencana kinerja 2027" in text and "2026" not in text
    assert "tiga bagian rencana (tugas manajerial, praktik kepemimpinan, dan pengembangan diri)" in text
    sheets = yaml.safe_load((KEPSEK / "katalog.yml").read_text(encoding="utf-8"))["lembar_kerja"]
    assert f"Lembar kerja : {number(len(sheets))} lembar" in text  # the blank forms, not the pre-filled ones
    for a in home.select("article a[href]"):
        if not a["href"].startswith(("#", "mailto:", "http")):
            assert (portal / SECTION / a["href"].split("#")[0]).resolve().is_file(), a["href"]
    section = soup(portal, "faq.html").select_one(f'nav.md-nav--primary a[href="{SECTION}/index.html"]')
    assert section is not None  # the section's title in the navigation opens its home


def test_section_counts_labels_and_year_come_from_its_manifest(portal):
    text = article(portal, f"{SECTION}/katalog/index.html")
    assert "Katalog 2027" in text and "2026" not in text
    assert "Rencana kinerja kepala sekolah di Ruang GTK terdiri atas tiga bagian" in text
    assert "3 tugas pokok, 2 pilihan tugas pokok" in text and "2 dimensi, 5 indikator praktik kinerja" in text
    assert "3.2 adalah pilihan ke-2 di bawah tugas manajerial 3" in text and "Wali Kelas" not in text
    practice = article(portal, f"{SECTION}/katalog/praktik-kinerja/index.html")
    assert "Bagian 2 dari 3 rencana kinerja · Katalog 2027" in practice
    assert "Kepala sekolah memilih satu indikator" in practice and "Guru memilih" not in practice
    description = soup(portal, f"{SECTION}/katalog/praktik-kinerja/index.html").find(
        "meta", attrs={"name": "description"})["content"]
    assert description.startswith("Dua dimensi dan lima indikator praktik kinerja kepala sekolah 2027")


def test_ids_repeated_across_audiences_link_within_their_own_catalogue(portal):
    """tp-perencanaan, panduan-2026 and the component ids exist in both catalogues."""
    national = article(portal, "katalog/tugas-pokok/tp-perencanaan.html")
    own = article(portal, f"{SECTION}/katalog/tugas-pokok/tp-perencanaan.html")
    assert "Terlaksananya perencanaan pembelajaran" in national
    assert "Tersusunnya rencana kerja sekolah" in own and "Terlaksananya perencanaan" not in own
    page = soup(portal, f"{SECTION}/katalog/tugas-pokok/tp-perencanaan.html").select_one("article")
    sources = [a["href"] for a in page.select("a[href]") if "sumber" in a["href"]]
    assert sources and all((portal / SECTION / "katalog/tugas-pokok" / s.split("#")[0]).resolve()
                           == (portal / SECTION / "katalog/sumber.html").resolve() for s in sources)
    assert "Katalog uji kepala sekolah" in article(portal, f"{SECTION}/katalog/sumber.html")


def test_section_has_no_places_for_edition_priorities(portal):
    """Editions choose priorities among the national indicators; edisi.js must not mark a kepala
    sekolah indicator that happens to share an id."""
    for page in ("katalog/praktik-kinerja/index.html", "katalog/praktik-kinerja/pk-umpan-balik.html",
                 "lembar-kerja/perencanaan.html"):
        assert soup(portal, page).select("article [data-prioritas]"), page
        assert not soup(portal, f"{SECTION}/{page.replace('pk-', 'ks-')}").select("[data-prioritas], [data-edisi]"), page


def test_worksheets_carry_its_title_code_and_period(portal):
    text = article(portal, f"{SECTION}/lembar-kerja/perencanaan.html")
    assert "LK-KS-1 · Pengelolaan Kinerja Kepala Sekolah 2027 (uji)" in text
    assert "Juli 2026 – Juni 2027" in text and "Januari – Desember 2026" not in text
    assert "A. Pelaksanaan tugas manajerial" in text and "C. Pengembangan diri" in text
    assert "Tugas 1 dan 2 dijalankan setiap kepala sekolah" in text
    assert "Kepala sekolah" in text and "Pengawas sekolah" in text  # who signs
    observation = article(portal, f"{SECTION}/lembar-kerja/persiapan-observasi-ks-umpan-balik.html")
    assert "LK-KS-2" in observation and "Umpan Balik kepada Guru" in observation
    assert "dikatakan kepala sekolah" in observation and "Pengamat (pengawas sekolah)" in observation
    rows = soup(portal, f"{SECTION}/lembar-kerja/index.html").select("article tbody tr")
    assert [row.find("td").get_text() for row in rows] == ["LK-KS-1"] + ["LK-KS-2"] * (1 + 5)  # blank + per indicator


def test_plan_builder_of_the_section(portal):
    page = soup(portal, f"{SECTION}/rencana.html")
    data = json.loads(page.find(id="rencana-data").string)
    assert data["audiens"] == SECTION and data["periode"] == "Juli 2026 – Juni 2027"
    assert (data["penyusun"], data["penilai"]) == ("Kepala sekolah", "Pengawas sekolah")
    assert [p["judul"] for p in data["bagian"]] == ["Tugas manajerial", "Praktik kepemimpinan", "Pengembangan diri"]
    assert [s["src"] for s in page.select("article script[src]")] == ["../assets/javascripts/rencana.js"]
    assert page.select_one("noscript a")["href"] == "lembar-kerja/perencanaan.html"
    assert "audiens" not in json.loads(soup(portal, "rencana.html").find(id="rencana-data").string)


def test_guru_pages_are_unchanged(portal, tmp_path):
    """The national pages' articles are those of the same portal without the second audience."""
    plain = portal_project(tmp_path / "proyek", audiences=EDITION, place=False)
    build_site(plain, plain / "site", pdf=False)
    pages = [p.relative_to(plain / "site").as_posix() for p in (plain / "site").rglob("*.html")]
    changed = [p for p in pages if p.startswith(("katalog/", "lembar-kerja/", "index", "rencana", "faq"))
               and str(soup(plain / "site", p).select_one("article")) != str(soup(portal, p).select_one("article"))]
    assert changed == []
    assert not (plain / "site" / SECTION).exists()


def test_search_index_has_the_section_with_its_own_kinds(portal):
    index = search_index(portal)
    assert index["kinds"]["praktik"] == "Praktik kinerja"
    assert index["kinds"][f"{SECTION}/praktik"] == "Praktik kepemimpinan (Kepala Sekolah)"
    assert index["kinds"][f"{SECTION}/lembar"] == "Lembar kerja (Kepala Sekolah)"
    docs = {doc[0]: doc[2] for doc in index["docs"]}  # address, title, kind, ...
    assert docs[f"{SECTION}/katalog/praktik-kinerja/ks-umpan-balik.html"] == f"{SECTION}/praktik"
    assert docs[f"{SECTION}/lembar-kerja/perencanaan.html"] == f"{SECTION}/lembar"
    assert docs["katalog/praktik-kinerja/pk-umpan-balik.html"] == "praktik"
    # The section's own worksheet package is found as one of its worksheets (its forms left out).
    assert docs[f"{SECTION}/lembar-kerja/paket-lembar-kerja.html"] == f"{SECTION}/lembar"
    options = [o.get_text() for o in soup(portal, "cari.html").select("#cari-jenis option")]
    assert "Praktik kepemimpinan (Kepala Sekolah)" in options and "Praktik kinerja" in options


@pytest.mark.browser
def test_search_finds_a_kepala_sekolah_item_with_its_kind(portal, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto((portal / "cari.html").as_uri())
    page.wait_for_function("window.HandbookSearch !== undefined")
    found = page.evaluate("q => HandbookSearch.search(q, '', '')", "keputusan berbasis data")
    assert found and found[0].startswith(f"{SECTION}/katalog/praktik-kinerja/ks-data-sekolah.html")
    only = page.evaluate("([q, k]) => HandbookSearch.search(q, k, '')", ["umpan balik", f"{SECTION}/praktik"])
    assert only and all(url.startswith(f"{SECTION}/katalog/praktik-kinerja/") for url in only)
    page.fill("#cari-q", "keputusan berbasis data")
    page.wait_for_selector("#cari-hasil li")
    first = page.locator("#cari-hasil li").first
    assert "Praktik kepemimpinan (Kepala Sekolah)" in first.text_content()
    # its worksheets' codes name them, as the main worksheets' codes do
    # ('LKKS2' written together is a code, not a word written twice with a 2)
    for query, sheet in (("LK-KS-1", "perencanaan"), ("lk ks 2", "persiapan-observasi"), ("LKKS2", "persiapan-observasi"),
                         ("lk 1", None)):
        found = page.evaluate("q => HandbookSearch.search(q, '', '')", query)
        expected = f"{SECTION}/lembar-kerja/{sheet}.html" if sheet else "lembar-kerja/perencanaan.html"
        assert found[0] == expected, (query, found[:3])
    context.close()


@pytest.mark.browser
def test_section_planning_sheet_prints_with_its_title_and_period(portal, browser, tmp_path):
    """Printed as generator.pdf prints it (A4 from the print stylesheet)."""
    page = browser.new_page()
    page.goto((portal / SECTION / "lembar-kerja/perencanaan.html").as_uri())
    page.pdf(path=str(tmp_path / "lk.pdf"), prefer_css_page_size=True)
    page.close()
    text = pdf_text(tmp_path / "lk.pdf")
    for expected in ("LK-KS-1 · Pengelolaan Kinerja Kepala Sekolah 2027 (uji)", "Juli 2026 – Juni 2027",
                     "Lembar Perencanaan Kinerja Kepala Sekolah", "B. Praktik kepemimpinan", "Pengawas sekolah"):
        assert expected in text
    assert "2026 – Desember" not in text and "Guru 2026" not in text


def test_edition_shows_the_section_as_shared_pages(portal):
    """An edition has no pages of its own in the section: its navigation leads to the shared ones."""
    assert not (portal / "edisi/jawa-barat" / SECTION).exists()
    links = {a["href"] for a in soup(portal, "edisi/jawa-barat/index.html").select("nav.md-nav--primary a[href]")}
    assert f"../../{SECTION}/katalog/index.html" in links


def test_section_not_placed_in_the_navigation_gets_a_section_at_the_end(tmp_path):
    from generator.render import render_handbook

    project = load_project(portal_project(tmp_path / "proyek", place=False))
    edition, guides = project.edition("nasional")
    rendered = render_handbook(project.config, project.catalog, guides, edition, pdf=False,
                               audiences=project.audiences)
    assert rendered.nav[-1].title == "Kepala Sekolah"
    assert [c.title for c in rendered.nav[-1].children] == ["Kepala Sekolah", "Katalog 2027", "Lembar kerja",
                                                            "Susun Rencana Kinerja"]


def problems(project: Path) -> list[str]:
    with pytest.raises(HandbookError) as error:
        load_project(project)
    return [str(p) for p in error.value.problems]


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_problems_in_both_catalogues_are_reported_together_with_their_lines(tmp_path):
    project = portal_project(tmp_path / "proyek")
    for folder in ("catalog", "katalog-kepsek"):
        path = project / folder / "praktik_kinerja.yml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("definisi:", "definisii:", 1), encoding="utf-8")
    national = line_of(project / "catalog/praktik_kinerja.yml", "definisii:")
    own = line_of(project / "katalog-kepsek/praktik_kinerja.yml", "definisii:")
    found = problems(project)
    assert any(p.startswith(f"catalog/praktik_kinerja.yml:{national}: kunci tidak dikenal 'definisii'") for p in found)
    assert any(p.startswith(f"katalog-kepsek/praktik_kinerja.yml:{own}: kunci tidak dikenal 'definisii'") for p in found)


def test_config_problems_are_located_and_in_indonesian(tmp_path):
    project = portal_project(tmp_path / "proyek", audiences=f"""
audiens:
  - bagian: {SECTION}
    katalog: katalog-kepsek
    judul: Kepala Sekolah
  - bagian: {SECTION}
    katalog: katalog-lain
  - bagian: coaching
    katalog: catalog
  - katalog: ../luar
""")
    config = project / "site_config.yml"
    first = line_of(config, f"- bagian: {SECTION}")
    assert sorted(problems(project)) == sorted([
        f"site_config.yml:{first + 2}: kunci tidak dikenal 'judul' pada audiens (yang dikenal: bagian, katalog, nama)",
        f"site_config.yml:{first + 3}: bagian '{SECTION}' sudah dipakai audiens lain (baris {first}); setiap"
        " audiens perlu bagian sendiri",
        f"site_config.yml:{first + 4}: folder katalog 'katalog-lain' tidak ditemukan di folder proyek (folder ini"
        " berisi katalog.yml dan berkas katalog audiens ini)",
        f"site_config.yml:{first + 6}: 'catalog' adalah katalog utama situs; audiens lain memakai folder"
        " katalognya sendiri",
        f"site_config.yml:{first + 7}: kunci 'bagian' wajib diisi pada audiens",
    ])


def test_section_may_not_take_a_folder_of_the_site(tmp_path):
    project = portal_project(tmp_path / "proyek", place=False, audiences="""
audiens:
  - bagian: coaching
    katalog: katalog-kepsek
""")
    line = line_of(project / "site_config.yml", "- bagian: coaching")
    assert problems(project) == [f"site_config.yml:{line}: bagian 'coaching' sudah dipakai situs untuk halaman"
                                 " coaching/coaching-mentoring-supervisi.md; pilih nama bagian lain"]


def test_file_the_section_cannot_show_is_reported(tmp_path):
    project = portal_project(tmp_path / "proyek")
    shutil.copy(project / "catalog/linimasa.yml", project / "katalog-kepsek/linimasa.yml")
    manifest = project / "katalog-kepsek/katalog.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        "  kompetensi.yml: pengembangan-kompetensi\n", "  kompetensi.yml: pengembangan-kompetensi\n  linimasa.yml: linimasa\n"),
        encoding="utf-8")
    found = problems(project)
    assert f"katalog-kepsek/linimasa.yml: berkas berbentuk 'linimasa' tidak tampil di bagian '{SECTION}':" \
           " katalog audiens memuat bagian rencana kinerja, sumber, dan peran saja; jadikan berkas ini bagian" \
           " 'rencana' atau hapus dari 'berkas' di katalog-kepsek/katalog.yml" in found


@pytest.mark.browser
def test_section_plan_builder_keeps_its_own_draft(portal, browser):
    """The kepala sekolah plan builder offers its own parts and stores its draft apart from the guru's."""
    from playwright.sync_api import expect

    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((portal / SECTION / "katalog/praktik-kinerja/ks-umpan-balik.html").as_uri())
    page.get_by_role("link", name="Pilih di Susun Rencana Kinerja").click()  # ?pilih=ks-umpan-balik
    steps = page.get_by_role("navigation", name="Langkah penyusunan").get_by_role("button")
    expect(steps).to_have_count(5)  # identity, three parts, summary: wait until the builder is up
    assert steps.all_inner_texts()[1:4] == ["2. Tugas manajerial", "3. Praktik kepemimpinan", "4. Pengembangan diri"]
    page.get_by_label("Perubahan yang ingin dicapai", exact=True).fill("Guru menerima umpan balik setiap bulan.")
    page.wait_for_function(f"localStorage.getItem('rencana-kinerja:{SECTION}:nasional') !== null")
    draft = json.loads(page.evaluate(f"localStorage.getItem('rencana-kinerja:{SECTION}:nasional')"))
    assert draft["data"]["praktik"]["indikator"] == "ks-umpan-balik"
    assert page.evaluate("localStorage.getItem('rencana-kinerja:nasional')") is None
    assert errors == []
    context.close()


def test_preview_watches_the_audience_catalogues(tmp_path):
    from generator.preview import _audience_folders

    project = portal_project(tmp_path / "proyek")
    assert _audience_folders(project) == [project / "katalog-kepsek"]


@pytest.mark.slow
def test_check_reports_every_catalogue_from_the_command_line(tmp_path):
    from tests.conftest import run_cli

    project = portal_project(tmp_path / "proyek")
    path = project / "katalog-kepsek/tugas_pokok.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - id: ks-pengelolaan", "  - id: KS Pengelolaan"),
                    encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = line_of(path, "KS Pengelolaan")
    assert f"katalog-kepsek/tugas_pokok.yml:{line}: id 'KS Pengelolaan' tidak sah" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("1 masalah ditemukan.")
