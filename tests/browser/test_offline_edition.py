"""An edition zip, unzipped and opened from disk with the network off: it navigates and searches."""

from __future__ import annotations

import zipfile

import pytest

from tests.conftest import copy_project, run_cli
from tests.test_editions import add_editions

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory):
    project = add_editions(copy_project(tmp_path_factory.mktemp("zip") / "proyek"))
    result = run_cli("build", "--edition", "20200001", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    target = tmp_path_factory.mktemp("flashdisk")
    with zipfile.ZipFile(project / "site/20200001.zip") as archive:
        archive.extractall(target)
    return target / "20200001"


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(viewport={"width": 1024, "height": 768}, offline=True)
    page = context.new_page()
    page.outside = []
    page.on("request", lambda r: None if r.url.startswith(("file://", "data:", "blob:", "about:"))
            else page.outside.append(r.url))
    yield page
    context.close()


def test_navigates_from_disk(unzipped, offline_page):
    page = offline_page
    page.goto((unzipped / "index.html").as_uri())
    assert "SMP Negeri 1 Contoh" in page.title()
    page.locator("article").get_by_role("link", name="Umpan Balik Konstruktif", exact=True).first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("katalog/praktik-kinerja/pk-umpan-balik.html")
    assert "Direkomendasikan untuk sekolah Anda" in page.locator("article").inner_text()
    assert page.outside == []


def test_searches_from_disk(unzipped, offline_page):
    page = offline_page
    page.goto((unzipped / "index.html").as_uri())
    page.fill("#hb-search-input", "disiplin")
    page.press("#hb-search-input", "Enter")
    page.wait_for_load_state("load")
    assert page.url.split("?")[0].endswith("20200001/cari.html")
    results = page.locator("#cari-hasil li")
    results.first.wait_for(state="visible", timeout=15000)
    assert "Penerapan Disiplin Positif" in page.locator("#cari-hasil").inner_text()
    assert page.outside == []



@pytest.fixture(scope="module")
def all_editions(tmp_path_factory):
    project = add_editions(copy_project(tmp_path_factory.mktemp("semua") / "proyek"))
    result = run_cli("build", "--all", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_edition_index_filters_by_npsn_and_name(all_editions, offline_page):
    page = offline_page
    page.goto((all_editions / "index.html").as_uri())
    rows = page.locator("tbody tr")
    assert rows.count() == 6
    page.get_by_label("Cari nama sekolah, NPSN, atau wilayah").fill("20200002")
    assert [r.inner_text().split("\t")[0] for r in rows.all() if r.is_visible()] == ["SD Negeri 2 Contoh"]
    page.get_by_label("Cari nama sekolah, NPSN, atau wilayah").fill("negeri kabupaten bandung")
    visible = [r for r in rows.all() if r.is_visible()]
    assert len(visible) == 2
    assert page.locator("#hasil").inner_text() == "2 dari 6 edisi."
    page.get_by_label("Cari nama sekolah, NPSN, atau wilayah").fill("tidak ada sekolah ini")
    assert page.locator("#kosong").is_visible()
    page.get_by_label("Cari nama sekolah, NPSN, atau wilayah").fill("SMP Negeri 1")
    page.get_by_role("link", name="SMP Negeri 1 Contoh").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("20200001/index.html")
    assert page.outside == []



@pytest.mark.parametrize("path", ["index.html", "20200001/index.html"])
def test_edition_pages_are_accessible(all_editions, browser, path):
    """The edition index and an edition's home page (with its local box) pass axe-core's WCAG rules."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto((all_editions / path).as_uri())
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": [
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})
    context.close()
    assert [v["id"] for v in result.response["violations"] if v["impact"] in ("serious", "critical")] == []
