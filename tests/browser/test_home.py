"""The home page on a 360 px phone answers "what do I do this month?" and leads straight on."""

from __future__ import annotations

import datetime

import pytest

from generator.yamlio import load_yaml
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


def stages_by_month() -> dict[int, list[str]]:
    stages = load_yaml(ROOT / "catalog/linimasa.yml", "catalog/linimasa.yml")["tahap"]
    out: dict[int, list[str]] = {}
    for stage in stages:
        for month in stage.get("bulan", []):
            out.setdefault(month, []).append(stage["nama"])
    return out


@pytest.mark.parametrize("month", [1, 3, 12])
def test_shows_the_stage_of_the_devices_month(built_site, own_phone, month):
    own_phone.clock.set_fixed_time(datetime.datetime(2031, month, 15, 9, 0))  # any year: no year in the data
    own_phone.goto((built_site / "index.html").as_uri())
    visible = own_phone.locator(".bulan-ini__tahap:visible > p:first-child > strong").all_inner_texts()
    assert [text.split(": ", 1)[1] for text in visible] == stages_by_month()[month]
    box = own_phone.locator(".bulan-ini").bounding_box()
    assert box["y"] < 640, "this month's stage is on the first screen"


def test_without_javascript_the_whole_year_is_listed(built_site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    page.goto((built_site / "index.html").as_uri())
    shown = page.locator(".bulan-ini__tahap:visible").count()
    context.close()
    assert shown == len({name for names in stages_by_month().values() for name in names})


def test_heading_entries_and_roles(built_site, phone):
    phone.goto((built_site / "index.html").as_uri())
    assert phone.locator("h1").inner_text().rstrip("¶") != "Beranda"
    entries = phone.locator(".beranda-pintu a")
    assert entries.all_inner_texts() == ["Susun Rencana Kinerja", "Siklus peningkatan", "Lembar kerja", "Cari"]
    roles = phone.locator("#menurut-peran-anda + ul > li > strong").all_inner_texts()
    assert roles == ["Guru", "Kepala sekolah", "Pengawas sekolah", "Dinas pendidikan", "Pelatih dan fasilitator"]
    # The welcome and the disclaimer come after what to do now.
    assert phone.locator(".bulan-ini").bounding_box()["y"] < phone.locator(".admonition.note").bounding_box()["y"]
    entries.first.click()
    phone.wait_for_load_state("load")
    assert phone.url.endswith("/rencana.html")
    phone.locator("#rencana-app").wait_for(state="visible")
    phone.go_back()
    phone.locator(".beranda-pintu a", has_text="Cari").click()
    phone.wait_for_load_state("load")
    assert phone.url.endswith("/cari.html")
