"""Accessibility in a real browser: no serious or critical axe-core violations (WCAG 2.2 AA rules)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = ["index.html", "katalog/index.html", "katalog/praktik-kinerja/index.html",
         "katalog/praktik-kinerja/pk-umpan-balik.html", "katalog/perilaku-kerja/loyal.html",
         "katalog/tugas-pokok/tp-tugas-tambahan.html", "linimasa.html", "faq.html",
         "lembar-kerja/index.html", "lembar-kerja/perencanaan.html", "coaching/tirta.html",
         "lokakarya/kartu-indikator.html", "lokakarya/sesi-90-menit.html", "glosarium.html",
         "cari.html?q=observasi"]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", [360, 1280])
def test_no_serious_violations(built_site, browser, axe, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    target, _, query = path.partition("?")
    page.goto((built_site / target).as_uri() + (f"?{query}" if query else ""))
    if query:  # the search results page, with its results shown
        page.locator("#cari-hasil li").first.wait_for()
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    serious = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
               for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
    context.close()
    assert serious == []
