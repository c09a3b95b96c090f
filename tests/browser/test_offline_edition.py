"""Editions in the browser: an edition zip opened from disk with the network off, and shared pages
that speak to the edition the reader came through (and only to it)."""

from __future__ import annotations

import zipfile

import pytest

from tests.browser.conftest import reset_tab, serious_violations

pytestmark = pytest.mark.browser
OFFLINE_VIEW = {"width": 1024, "height": 768}


@pytest.fixture(scope="module")
def unzipped(editions_site, tmp_path_factory):
    """One school's zip, unpacked as on a flash disk."""
    target = tmp_path_factory.mktemp("flashdisk")
    with zipfile.ZipFile(editions_site / "unduh/20200001.zip") as archive:
        archive.extractall(target)
    return target / "panduan"


@pytest.fixture(scope="module")
def _offline_tab(browser):
    context = browser.new_context(viewport=OFFLINE_VIEW, offline=True)
    page = context.new_page()
    page.outside = []
    page.on("request", lambda r: None if r.url.startswith(("file://", "data:", "blob:", "about:"))
            else page.outside.append(r.url))
    yield page
    context.close()


@pytest.fixture
def offline_page(_offline_tab):
    """A laptop with the network off, recording any request that leaves the disk; the module's
    tests share the tab (see reset_tab)."""
    _offline_tab.outside.clear()
    yield _offline_tab
    reset_tab(_offline_tab, OFFLINE_VIEW)


def test_navigates_from_disk(unzipped, offline_page):
    page = offline_page
    page.goto((unzipped / "index.html").as_uri())
    page.wait_for_url("**/edisi/20200001/index.html")
    assert "SMP Negeri 1 Contoh" in page.title()
    page.locator("article").get_by_role("link", name="Umpan Balik Konstruktif", exact=True).first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("katalog/praktik-kinerja/pk-umpan-balik.html")
    page.get_by_text("★ Prioritas SMP Negeri 1 Contoh").first.wait_for(timeout=5000)
    assert "Anda membaca edisi SMP Negeri 1 Contoh" in page.locator("article").inner_text()
    assert page.outside == []


def test_searches_from_disk(unzipped, offline_page):
    page = offline_page
    page.goto((unzipped / "index.html").as_uri())
    page.fill("#hb-search-input", "disiplin")
    page.press("#hb-search-input", "Enter")
    page.wait_for_load_state("load")
    assert page.url.split("?")[0].endswith("panduan/cari.html")
    results = page.locator("#cari-hasil li")
    results.first.wait_for(state="visible", timeout=15000)
    assert "Penerapan Disiplin Positif" in page.locator("#cari-hasil").inner_text()
    assert page.outside == []



def test_edition_index_filters_by_npsn_and_name(editions_site, offline_page):
    page = offline_page
    page.goto((editions_site / "edisi/index.html").as_uri())
    rows = page.locator("tbody tr")
    assert rows.count() == 6
    page.get_by_label("Cari nama sekolah, NPSN, atau wilayah").fill("20200002")
    assert [r.inner_text().split("\t")[0] for r in rows.all() if r.is_visible()] == ["SD Negeri 2 Contoh"]
    page.get_by_label("Cari nama sekolah, NPSN, atau wilayah").fill("negeri kabupaten bandung")
    visible = [r for r in rows.all() if r.is_visible()]
    assert len(visible) == 3
    assert page.locator("#hasil").inner_text() == "3 dari 6 edisi."
    page.get_by_label("Cari nama sekolah, NPSN, atau wilayah").fill("tidak ada sekolah ini")
    assert page.locator("#kosong").is_visible()
    page.get_by_label("Cari nama sekolah, NPSN, atau wilayah").fill("SMP Negeri 1")
    page.get_by_role("link", name="SMP Negeri 1 Contoh").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("20200001/index.html")
    assert page.outside == []



@pytest.mark.parametrize("path", ["edisi/index.html", "edisi/20200001/index.html"])
def test_edition_pages_are_accessible(editions_site, browser, path):
    """The edition index and an edition's home page (with its local box) pass axe-core's WCAG rules."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto((editions_site / path).as_uri())
    serious = serious_violations(page)
    context.close()
    assert serious == []


def test_shared_pages_speak_to_the_readers_edition_only(editions_site, browser):
    """Through a school's home, the shared pages show its name, its ★ and its deadlines; another
    school's reader sees its own; a reader who came through no edition, or without JavaScript,
    sees the generic page."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, offline=True)
    page = context.new_page()
    shared = (editions_site / "katalog/praktik-kinerja/index.html").as_uri()
    page.goto(shared)
    assert page.locator("[data-prioritas]:visible").count() == 0
    page.goto((editions_site / "edisi/20200002/index.html").as_uri())
    page.goto(shared)
    page.locator(".edisi-bintang:visible").first.wait_for(timeout=5000)
    marked = page.locator(".edisi-bintang:visible").evaluate_all(
        "els => els.map(e => e.closest('tr').querySelector('a').textContent)")
    assert marked == ["Instruksi yang Adaptif", "Ekspektasi pada Murid", "Perhatian dan Kepedulian",
                      "Umpan Balik Konstruktif"]
    assert page.locator(".edisi-bintang:visible").first.inner_text() == "★ Prioritas SD Negeri 2 Contoh"
    assert page.locator(".md-header__topic").first.inner_text().startswith("SD Negeri 2 Contoh")  # seen on a phone
    page.goto((editions_site / "linimasa.html").as_uri())
    page.get_by_text("Tenggat SD Negeri 2 Contoh").first.wait_for(timeout=5000)
    # A school that inherits its region's priorities is told they are the region's.
    page.goto((editions_site / "edisi/20200004/index.html").as_uri())
    page.goto((editions_site / "katalog/praktik-kinerja/pk-disiplin-positif.html").as_uri())
    page.get_by_text("★ Prioritas Kabupaten Bandung").first.wait_for(timeout=5000)
    assert "Rapor Pendidikan SD Negeri 4" not in page.locator("article").inner_text()
    # Another school's reader: no ★ of school 20200002 on its pages.
    page.goto((editions_site / "edisi/20200003/index.html").as_uri())
    page.goto(shared)
    page.wait_for_function("document.documentElement.getAttribute('data-edisi') === '20200003'")
    assert page.locator("[data-prioritas]:visible").count() == 0
    assert "SD Negeri 2" not in page.locator("body").inner_text()
    # Leaving the edition brings the generic page back.
    page.get_by_role("button", name="Tampilkan edisi umum").click()
    page.wait_for_load_state("load")
    assert page.locator(".edisi-pita").count() == 0
    context.close()
    quiet = browser.new_context(java_script_enabled=False)
    page = quiet.new_page()
    page.goto(shared)
    assert page.locator("[data-prioritas]:visible").count() == 0
    assert "Prioritas" not in page.locator("article").inner_text()
    quiet.close()


def test_search_finds_the_editions_own_pages(editions_site, browser):
    context = browser.new_context(offline=True)
    page = context.new_page()
    page.goto((editions_site / "edisi/20200001/index.html").as_uri())
    page.goto((editions_site / "cari.html").as_uri() + "?q=jadwal%20observasi")
    own = page.locator("#cari-edisi")
    own.get_by_role("link", name="Jadwal di sekolah kami").wait_for(timeout=5000)
    own.get_by_role("link", name="Jadwal di sekolah kami").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("edisi/20200001/jadwal-sekolah.html")
    page.goto((editions_site / "edisi/20200002/index.html").as_uri())  # another school has no such page
    page.goto((editions_site / "cari.html").as_uri() + "?q=jadwal")
    page.wait_for_function("document.documentElement.getAttribute('data-edisi') === '20200002'")
    assert page.locator("#cari-edisi a").count() == 0
    context.close()
