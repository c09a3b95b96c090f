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
