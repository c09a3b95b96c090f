"""Catalogue item pages lead on: the item before and after, its worksheet, and the plan builder
with the item already chosen."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from generator.catalog import load_catalog
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


def test_previous_next_follow_the_catalogue_order(built_site, phone):
    indicators = load_catalog(ROOT).of_kind("indikator-praktik")
    for before, item, after in zip(indicators, indicators[1:], indicators[2:]):
        phone.goto((built_site / f"katalog/praktik-kinerja/{item.id}.html").as_uri())
        links = phone.locator("nav.butir-urutan a")
        assert links.all_inner_texts() == [f"‹ {before.nama}", f"{after.nama} ›"]
    first = indicators[0]
    phone.goto((built_site / f"katalog/praktik-kinerja/{first.id}.html").as_uri())
    assert phone.locator("nav.butir-urutan a").all_inner_texts() == [f"{indicators[1].nama} ›"]
    phone.locator("nav.butir-urutan a").click()
    phone.wait_for_load_state("load")
    assert phone.locator("h1").inner_text().rstrip("¶") == indicators[1].nama


def test_praktik_indicator_links_its_prefilled_lk2(built_site, phone):
    phone.goto((built_site / "katalog/praktik-kinerja/pk-disiplin-positif.html").as_uri())
    phone.locator(".butir-aksi a", has_text="Cetak Lembar Diskusi Persiapan").click()
    phone.wait_for_load_state("load")
    assert phone.url.endswith("lembar-kerja/persiapan-observasi-pk-disiplin-positif.html")
    assert "Penerapan Disiplin Positif" in phone.locator("#lembar").inner_text()


def test_choose_in_the_plan_builder_from_an_item_page(built_site, phone):
    phone.goto((built_site / "katalog/praktik-kinerja/pk-disiplin-positif.html").as_uri())
    phone.locator(".butir-aksi a", has_text="Pilih di Susun Rencana Kinerja").click()
    phone.wait_for_load_state("load")
    radio = phone.locator('input[name="praktik.indikator"][value="pk-disiplin-positif"]')
    radio.wait_for(state="visible")
    assert radio.is_checked()
    expect(phone.locator(".rencana-status")).to_have_text("“Penerapan Disiplin Positif” sudah dimasukkan ke draf Anda.")
    stored = phone.evaluate("JSON.parse(localStorage.getItem('rencana-kinerja:nasional')).data.praktik.indikator")
    assert stored == "pk-disiplin-positif"
    # A behaviour indicator from its aspect page, numbered as on the forms (2.1 is Akuntabel's first).
    phone.goto((built_site / "katalog/perilaku-kerja/akuntabel.html").as_uri())
    assert phone.locator("article h2").first.inner_text().startswith("2.1 ")
    phone.get_by_role("link", name="Pilih indikator 2.1 di Susun Rencana Kinerja").click()
    phone.wait_for_load_state("load")
    expect(phone.locator('input[name="perilaku.indikator"]:checked')).to_have_count(1)
    draft = phone.evaluate("JSON.parse(localStorage.getItem('rencana-kinerja:nasional')).data")
    assert draft["praktik"]["indikator"] == "pk-disiplin-positif"  # earlier choice kept
    assert len(draft["perilaku"]["indikator"]) == 1
