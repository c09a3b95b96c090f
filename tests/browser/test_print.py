"""Print emulation in Chromium: a worksheet prints as a clean A4 form without the site around it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

A4_WIDTH_PX = 794  # 210 mm at 96 px per inch


@pytest.mark.parametrize("path", ["lembar-kerja/perencanaan.html",
                                  "lembar-kerja/persiapan-observasi-pk-disiplin-positif.html"])
def test_print_hides_navigation_and_fits_a4(built_site, browser, path, tmp_path):
    context = browser.new_context(viewport={"width": A4_WIDTH_PX, "height": 1123})
    page = context.new_page()
    page.goto((built_site / path).as_uri())
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".ws-screen",
                     "article > h1"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".ws").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= A4_WIDTH_PX
    shot = tmp_path / "cetak.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    page.emulate_media(media="screen")
    assert page.locator(".md-header").first.is_visible()
    assert page.get_by_role("button", name="Cetak").is_visible()
    context.close()


def test_scene_cards_print_from_the_browser_with_the_key_on_its_own_page(built_site, browser, tmp_path):
    """What a facilitator gets with the page's Cetak button: the cards, then the key on its own page."""
    from generator.catalog import load_catalog
    from generator.kit import load_scenes, shuffled
    from tests.conftest import ROOT
    from tests.test_kit import scene_check
    from tests.test_worksheets import page_texts

    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto((built_site / "lokakarya/kartu-adegan.html").as_uri())
    assert page.get_by_role("button", name="Cetak").is_visible()
    printed = tmp_path / "cetak.pdf"
    page.pdf(path=str(printed), prefer_css_page_size=True)  # print media, as the browser prints
    catalog = load_catalog(ROOT)
    scene_check(page_texts(printed), shuffled(load_scenes(ROOT), catalog), catalog)
    context.close()
