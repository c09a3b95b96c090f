"""Accessibility in a real browser: no serious or critical axe-core violations (WCAG 2.2 AA rules)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import reset_tab, resize_and_settle, serious_violations

pytestmark = pytest.mark.browser

PAGES = ["index.html", "katalog/index.html", "katalog/praktik-kinerja/index.html",
         "katalog/praktik-kinerja/pk-umpan-balik.html", "katalog/perilaku-kerja/loyal.html",
         "katalog/tugas-pokok/tp-tugas-tambahan.html", "linimasa.html", "faq.html",
         "lembar-kerja/index.html", "lembar-kerja/perencanaan.html", "coaching/tirta.html",
         "lokakarya/kartu-indikator.html", "lokakarya/sesi-90-menit.html", "glosarium.html",
         "cari.html?q=observasi"]
PHONE_VIEW = {"width": 360, "height": 800}


@pytest.fixture(scope="module")
def _tab(browser):
    context = browser.new_context(viewport=PHONE_VIEW)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def tab(_tab):
    """One tab for the pages below, each loaded into it in turn at 360 px (a tab of its own per
    page cost Chromium a CPU-second more each); put back after every page, also after a failure."""
    yield _tab
    reset_tab(_tab, PHONE_VIEW)


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_violations(built_site, tab, path):
    """On a phone (360 px) and on a desktop (1280 px): one page load, resized between the checks
    (a page load costs Chromium about a second of CPU; the layout follows the width)."""
    target, _, query = path.partition("?")
    tab.goto((built_site / target).as_uri() + (f"?{query}" if query else ""))
    if query:  # the search results page, with its results shown
        tab.locator("#cari-hasil li").first.wait_for()
    serious = {}
    for width in (360, 1280):
        resize_and_settle(tab, width)
        serious[width] = serious_violations(tab)
    assert serious == {360: [], 1280: []}


def test_no_serious_violations_on_a_fresh_desktop_load(built_site, browser):
    """The home page opened at 1280 px, not resized from a phone: what the theme sets up only as
    a page loads is checked at desktop width too."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto((built_site / "index.html").as_uri())
    serious = serious_violations(page)
    context.close()
    assert serious == []


def test_the_check_sees_a_serious_violation(browser, tmp_path):
    """The same check on a page with an image without text and an unlabelled field fails."""
    page_file = tmp_path / "buruk.html"
    page_file.write_text('<!doctype html><html lang="id"><head><title>Buruk</title></head><body><main>'
                         '<img src="x.png"><input type="text"></main></body></html>', encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    page.goto(page_file.as_uri())
    serious = serious_violations(page)
    again = serious_violations(page)  # axe-core is already in the page: the same answer
    within = serious_violations(page, "main img")  # only the image
    context.close()
    assert [v.split(" ")[0] for v in serious] == ["image-alt", "label"] == [v.split(" ")[0] for v in again]
    assert [v.split(" ")[0] for v in within] == ["image-alt"]
