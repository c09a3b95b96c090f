"""The built handbook opened from disk (file://) on a 360 px phone, as a teacher would."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = ["index.html", "katalog/index.html", "katalog/tugas-pokok/tp-tugas-tambahan.html",
         "katalog/praktik-kinerja/pk-disiplin-positif.html", "katalog/perilaku-kerja/berorientasi-pelayanan.html",
         "linimasa.html", "predikat-kinerja.html", "faq.html", "katalog/sumber.html"]


@pytest.mark.parametrize("path", PAGES)
def test_page_fits_a_phone_and_stays_local(built_site, phone, path):
    phone.goto((built_site / path).as_uri())
    phone.wait_for_load_state("load")
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    assert phone.locator("h1").first.is_visible()
    outside = [u for u in phone.requests if not u.startswith(("file://", "data:", "blob:"))]
    assert outside == []


def test_navigate_from_home_to_an_indicator_from_disk(built_site, phone):
    phone.goto((built_site / "index.html").as_uri())
    phone.locator("article").get_by_role("link", name="Praktik Kinerja", exact=True).first.click()
    phone.wait_for_load_state("load")
    assert phone.url.endswith("katalog/praktik-kinerja/index.html")
    phone.locator("article").get_by_role("link", name="Penerapan Disiplin Positif", exact=True).first.click()
    phone.wait_for_load_state("load")
    assert phone.locator("h1").inner_text().rstrip("¶") == "Penerapan Disiplin Positif"
    assert "Praktik pedagogis berupa penerapan prinsip disiplin positif" in phone.locator("article").inner_text()


def test_phone_menu_opens_the_catalogue(built_site, phone):
    phone.goto((built_site / "index.html").as_uri())
    phone.locator("label.md-header__button[for='__drawer']").click()
    drawer = phone.locator("nav.md-nav--primary")
    drawer.get_by_text("Katalog 2026", exact=True).first.wait_for(state="visible")
    assert drawer.get_by_text("Katalog 2026", exact=True).first.is_visible()


def test_phone_menu_lists_every_configured_page(built_site, phone):
    """Every page named in site_config.yml's navigation (and built) is in the phone menu."""
    from generator.site_config import CATALOG_TOKEN, WORKSHEETS_TOKEN
    from generator.yamlio import load_yaml
    from tests.conftest import ROOT

    sections = load_yaml(ROOT / "site_config.yml", "site_config.yml")["navigasi"]
    special = {CATALOG_TOKEN: "katalog/index.md", WORKSHEETS_TOKEN: "lembar-kerja/index.md"}
    expected = {special.get(p, p).removesuffix(".md") + ".html"
                for section in sections for pages in section.values()
                for p in ([pages] if isinstance(pages, str) else pages)}
    expected = {path for path in expected if (built_site / path).exists()}  # modules switched off
    assert "rencana.html" in expected and "glosarium.html" in expected
    phone.goto((built_site / "index.html").as_uri())
    phone.locator("label.md-header__button[for='__drawer']").click()
    drawer = phone.locator("nav.md-nav--primary")
    drawer.wait_for(state="visible")
    base = built_site.as_uri() + "/"
    listed = {href.removeprefix(base) for href in drawer.locator("a[href]").evaluate_all(
        "links => links.map(a => a.href.split('#')[0])")}
    assert expected - listed == set()
    for section in sections:
        (title, _), = section.items()
        assert drawer.get_by_text(title, exact=True).first.is_visible(), title
