"""The plan builder (rencana.html) opened from disk in headless Chromium, as a teacher would: fill
in every part, reload, save to and open from a file, refuse broken files, print the filled LK-1,
use it on a phone and with the keyboard, and fall back to the blank worksheet without JavaScript."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import reset_tab, serious_violations

pytestmark = pytest.mark.browser

PAGE = "rencana.html"
KEY = "rencana-kinerja:nasional"
A4_WIDTH_PX = 794  # 210 mm at 96 px per inch
STEPS = ["1. Identitas", "2. Tugas pokok", "3. Praktik kinerja", "4. Pengembangan kompetensi",
         "5. Perilaku kerja", "6. Ringkasan untuk kepala sekolah"]

TARGET = ("Murid menyepakati aturan kelas <b>bersama</b> & menepatinya.\n"
          "Saya menanggapi pelanggaran dengan tenang.")
ACTIVITIES = "Komunitas belajar setiap Kamis; membaca buku tentang disiplin positif."
NOTES = "Saya perlu jadwal observasi kelas pada bulan Maret."
# What fill() chooses, by the labels the teacher sees (official names, exactly as in the catalogue).
CHOSEN = {
    "tugas": ["4.1 Membimbing dan melatih kegiatan kokurikuler", "5.6 Wali Kelas"],
    "praktik": "Penerapan Disiplin Positif",
    "kompetensi": ["Pengembangan diri melalui kebiasaan refleksi",
                   "Kolaborasi untuk peningkatan pembelajaran"],
    "perilaku": "Memahami kebutuhan peserta didik dan berusaha memenuhinya",
    "ekspektasi": "Mengidentifikasi kebutuhan peserta didik secara proaktif",
}
EXPECTED_DATA = {
    "identitas": {"nama": "Siti Rahmawati", "nip": "198703152010012003", "satuan": "SD Negeri 1 Sukamaju"},
    "tugas": {"pilihan": ["tp-kokurikuler"], "tambahan": ["tt-wali-kelas"]},
    "praktik": {"indikator": "pk-disiplin-positif", "target": TARGET},
    "kompetensi": {"indikator": ["kom-refleksi-diri", "kom-kolaborasi"], "kegiatan": ACTIVITIES},
    "perilaku": {"indikator": ["pelayanan-1"], "ekspektasi": ["pelayanan-1-1"], "catatan": NOTES},
}


def open_builder(browser, site: Path, width: int = 1280, height: int = 900, **options):
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True,
                                  **options)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto((site / PAGE).as_uri())
    return page


@pytest.fixture(scope="module")
def _builder_tab(built_site, browser):
    page = open_builder(browser, built_site)
    yield page
    page.context.close()


@pytest.fixture
def builder(built_site, _builder_tab):
    """The builder at 1280x900, each test in the module's one tab (see reset_tab) with an empty
    draft: a tab of its own cost Chromium a CPU-second more each."""
    page = _builder_tab
    page.errors.clear()
    page.requests.clear()
    page.goto((built_site / PAGE).as_uri())
    yield page
    errors = list(page.errors)
    page.emulate_media(media="null")
    reset_tab(page, {"width": 1280, "height": 900})
    assert errors == []


def step(page, name: str) -> None:
    page.get_by_role("navigation", name="Langkah penyusunan").get_by_role("button", name=name).click()
    expect(page.locator(".rencana-step:not([hidden]) h2")).to_contain_text(name.split(". ", 1)[1])


def fill(page) -> None:
    step(page, STEPS[0])
    page.get_by_label("Nama", exact=True).fill("Siti Rahmawati")
    page.get_by_label("NIP/NUPTK", exact=True).fill("198703152010012003")
    page.get_by_label("Satuan pendidikan", exact=True).fill("SD Negeri 1 Sukamaju")
    step(page, STEPS[1])
    for label in CHOSEN["tugas"]:
        page.get_by_label(label, exact=True).check()
    step(page, STEPS[2])
    page.get_by_label(CHOSEN["praktik"], exact=True).check()
    page.get_by_label("Target perilaku", exact=True).fill(TARGET)
    step(page, STEPS[3])
    for label in CHOSEN["kompetensi"]:
        page.get_by_label(label, exact=True).check()
    page.get_by_label("Kegiatan yang direncanakan", exact=True).fill(ACTIVITIES)
    step(page, STEPS[4])
    page.get_by_label(CHOSEN["perilaku"], exact=True).check()
    page.get_by_label(CHOSEN["ekspektasi"], exact=True).check()
    page.get_by_label("Catatan untuk diskusi dengan kepala sekolah", exact=True).fill(NOTES)


def stored(page) -> dict | None:
    text = page.evaluate(f"localStorage.getItem({KEY!r})")
    return None if text is None else json.loads(text)


def assert_filled(page) -> None:
    """The form, the stored draft and the summary all hold what fill() entered."""
    saved = stored(page)
    assert saved["versi"] == 1 and saved["edisi"] == "nasional"
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", saved["disimpan"])
    assert saved["data"] == EXPECTED_DATA
    expect(page.get_by_label("Nama", exact=True)).to_have_value("Siti Rahmawati")
    expect(page.get_by_label("NIP/NUPTK", exact=True)).to_have_value("198703152010012003")
    expect(page.get_by_label("Satuan pendidikan", exact=True)).to_have_value("SD Negeri 1 Sukamaju")
    for label in CHOSEN["tugas"] + CHOSEN["kompetensi"] + [CHOSEN["praktik"], CHOSEN["perilaku"],
                                                            CHOSEN["ekspektasi"]]:
        expect(page.get_by_label(label, exact=True)).to_be_checked()
    expect(page.get_by_label("5.7 Pembina OSIS", exact=True)).not_to_be_checked()
    expect(page.get_by_label("Target perilaku", exact=True)).to_have_value(TARGET)
    expect(page.get_by_label("Kegiatan yang direncanakan", exact=True)).to_have_value(ACTIVITIES)
    expect(page.get_by_label("Catatan untuk diskusi dengan kepala sekolah", exact=True)).to_have_value(NOTES)
    step(page, STEPS[5])
    summary = page.locator("#rk-ringkasan")
    for text in ("Siti Rahmawati", "5.6 Wali Kelas", "Penerapan Disiplin Positif",
                 "<b>bersama</b> & menepatinya",
                 CHOSEN["kompetensi"][1], ACTIVITIES, CHOSEN["ekspektasi"], NOTES):
        expect(summary).to_contain_text(text)
    assert summary.locator("b").count() == 0  # typed text is shown as text, never as HTML


def assert_local(page) -> None:
    outside = [u for u in page.requests if not u.startswith(("file://", "data:", "blob:"))]
    assert outside == []


def open_file(page, path: Path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Buka dari berkas").click()
    chooser.value.set_files(str(path))


def test_draft_survives_a_reload(builder):
    expect(builder.locator("#rencana-app")).to_be_visible()
    assert stored(builder) is None
    fill(builder)
    builder.reload()
    assert_filled(builder)
    step(builder, STEPS[4])
    expect(builder.get_by_role("group", name="Ekspektasi khusus pimpinan").first).to_be_visible()
    assert_local(builder)


def test_the_page_says_how_to_go_on_later_or_on_another_device(builder):
    """A teacher who starts on a phone and goes on at a laptop is told which two buttons do it,
    by the names the builder shows (a renamed button would leave the page pointing at nothing)."""
    intro = builder.locator("article > .ws-screen").first.inner_text()
    assert "hari lain" in intro and "perangkat lain" in intro
    for name in ("Simpan ke berkas", "Buka dari berkas"):
        expect(builder.get_by_role("button", name=name)).to_be_visible()
        assert name in intro, name


def test_the_first_three_tasks_always_apply_and_recommended_are_marked_only_when_set(builder):
    step(builder, STEPS[1])
    fixed = builder.locator(".rencana-step:not([hidden]) input[type=checkbox]:disabled")
    assert fixed.count() == 3
    for n in range(3):
        expect(fixed.nth(n)).to_be_checked()
    assert builder.locator('input[name="tugas.tambahan"]').count() == 24
    step(builder, STEPS[2])
    assert builder.locator('input[type=radio][name="praktik.indikator"]').count() == 8
    assert builder.get_by_text("Direkomendasikan untuk sekolah Anda").count() == 0  # national edition
    expect(builder.locator("#rk-praktik-indikator-pk-umpan-balik")).to_have_attribute(
        "aria-describedby", "rk-praktik-indikator-pk-umpan-balik-def")
    step(builder, STEPS[4])
    assert builder.locator("fieldset", has=builder.locator('input[name="perilaku.indikator"]')).count() >= 7
    # An indicator's expectations show once it is chosen; unchoosing it drops them.
    expect(builder.get_by_label(CHOSEN["ekspektasi"], exact=True)).to_be_hidden()
    builder.get_by_label(CHOSEN["perilaku"], exact=True).check()
    builder.get_by_label(CHOSEN["ekspektasi"], exact=True).check()
    builder.get_by_label(CHOSEN["perilaku"], exact=True).uncheck()
    assert stored(builder)["data"]["perilaku"] == {"indikator": [], "ekspektasi": [], "catatan": ""}


def test_save_to_file_clear_and_open_again(builder, tmp_path):
    fill(builder)
    with builder.expect_download() as info:
        builder.get_by_role("button", name="Simpan ke berkas").click()
    download = info.value
    assert download.suggested_filename.startswith("rencana-kinerja-nasional-")
    assert download.suggested_filename.endswith(".json")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert set(saved) == {"versi", "edisi", "disimpan", "data"}
    assert saved["versi"] == 1 and saved["edisi"] == "nasional" and saved["data"] == EXPECTED_DATA

    builder.once("dialog", lambda dialog: dialog.dismiss())  # "Hapus draf" asks first; "no" keeps it
    builder.get_by_role("button", name="Hapus draf").click()
    assert stored(builder)["data"] == EXPECTED_DATA
    messages = []
    builder.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.accept()))
    builder.get_by_role("button", name="Hapus draf").click()
    expect(builder.get_by_role("status")).to_contain_text("Draf dihapus")
    assert messages and "Hapus" in messages[0]
    assert stored(builder) is None
    step(builder, STEPS[1])
    expect(builder.get_by_label("5.6 Wali Kelas", exact=True)).not_to_be_checked()
    step(builder, STEPS[0])
    expect(builder.get_by_label("Nama", exact=True)).to_have_value("")

    open_file(builder, path)
    expect(builder.get_by_role("status")).to_contain_text("dibuka")
    assert_filled(builder)
    builder.reload()
    assert_filled(builder)

    # Opening a file over a draft asks first; declining keeps the draft.
    other = dict(saved, data=dict(EXPECTED_DATA, identitas={"nama": "Orang Lain", "nip": "", "satuan": ""}))
    other_path = tmp_path / "lain.json"
    other_path.write_text(json.dumps(other), encoding="utf-8")
    builder.once("dialog", lambda dialog: dialog.dismiss())
    open_file(builder, other_path)
    expect(builder.get_by_role("status")).to_contain_text("tidak dibuka")
    assert stored(builder)["data"] == EXPECTED_DATA
    assert_local(builder)


def bad_files() -> dict[str, tuple[str, str]]:
    """File name -> (content, part of the message that refuses it)."""
    good = {"versi": 1, "edisi": "nasional", "disimpan": "2026-01-10T08:00:00.000Z", "data": EXPECTED_DATA}

    def variant(**parts):
        return json.dumps(dict(good, data=dict(EXPECTED_DATA, **parts)))

    return {
        "versi.json": (json.dumps({"versi": 99}), "versi berkas (99)"),
        "catatan.txt": ("Ini hanya catatan biasa, bukan JSON.", "bukan JSON"),
        "daftar.json": ("[1, 2, 3]", "bukan draf rencana kinerja"),
        "tanpa-data.json": (json.dumps({"versi": 1, "edisi": "nasional"}), "“data” tidak ada"),
        "kurang.json": (json.dumps(dict(good, data={k: v for k, v in EXPECTED_DATA.items()
                                                    if k != "praktik"})),
                        "“data.praktik” tidak ada"),
        "id-asing.json": (variant(kompetensi={"indikator": ["kom-tidak-ada"], "kegiatan": ""}),
                          "“kom-tidak-ada”"),
        "id-salah-tempat.json": (variant(tugas={"pilihan": ["tt-wali-kelas"], "tambahan": []}),
                                 "tidak dikenal"),
        "teks-angka.json": (variant(praktik={"indikator": "pk-umpan-balik", "target": 5}),
                            "harus berupa teks"),
        "ekspektasi-lepas.json": (variant(perilaku={"indikator": [], "ekspektasi": ["pelayanan-1-1"],
                                                    "catatan": ""}), "tanpa indikator"),
    }


def test_broken_files_are_refused_and_the_draft_survives(builder, tmp_path):
    fill(builder)
    before = stored(builder)["data"]
    status = builder.get_by_role("status")
    assert status.get_attribute("aria-live") == "polite"
    for name, (content, reason) in bad_files().items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        open_file(builder, path)
        expect(status).to_contain_text(f"“{name}” tidak dapat dibuka")
        expect(status).to_contain_text(reason)
        expect(status).to_contain_text("Draf Anda tidak diubah.")
        assert stored(builder)["data"] == before, name
    builder.reload()
    assert_filled(builder)


def test_print_fills_in_the_lk1_worksheet(builder):
    fill(builder)
    builder.reload()
    # Counted instead of printed; set on this page only (the module's tab is shared).
    builder.evaluate("() => { window.print = () => { window.dicetak = (window.dicetak || 0) + 1; }; }")
    builder.set_viewport_size({"width": A4_WIDTH_PX, "height": 1123})
    builder.get_by_role("button", name="Cetak").click()
    assert builder.evaluate("window.dicetak") == 1
    sheet = builder.locator(".rencana-print .ws")
    expect(sheet).to_be_hidden()  # on screen only the form shows
    builder.emulate_media(media="print")
    expect(sheet).to_be_visible()
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", "article > h1",
                     ".rencana-form", ".rencana-toolbar", ".rencana-steps", "input", "textarea", "button"):
        for element in builder.locator(selector).all():
            assert not element.is_visible(), selector
    ticked = sheet.locator("li:has(> .ws-box--checked) > .ws-text").all_inner_texts()
    assert ticked[:3] == [
        "1. Terlaksananya perencanaan pembelajaran / pembimbingan dalam mewujudkan pembelajaran yang "
        "bermutu untuk semua",
        "2. Terlaksananya pembelajaran / pembimbingan dalam mewujudkan pembelajaran yang bermutu untuk semua",
        "3. Terlaksananya penilaian pembelajaran atau evaluasi bimbingan dalam mewujudkan pembelajaran yang "
        "bermutu untuk semua"]
    for text in CHOSEN["tugas"] + CHOSEN["kompetensi"] + [CHOSEN["praktik"], CHOSEN["perilaku"],
                                                          CHOSEN["ekspektasi"]]:
        assert text in ticked, text
    # Tasks 1-4, 4.1, 5.6, one practice, two competences, one behaviour, one expectation.
    assert len(ticked) == 11
    assert sheet.locator(".ws-box").count() > 100  # the whole LK-1 layout, not only the chosen items
    cross = builder.evaluate("""() => [':before', ':after'].map((part) => {
        const s = getComputedStyle(document.querySelector('.ws-box--checked'), part);
        return [s.borderLeftStyle, s.borderLeftColor, s.transform !== 'none'];
    })""")
    assert cross == [["solid", "rgb(0, 0, 0)", True]] * 2  # a black X drawn with lines, not a background
    written = sheet.locator(".ws-written").all_inner_texts()
    assert written == TARGET.split("\n") + [ACTIVITIES, NOTES]  # one ruled line per paragraph
    fields = sheet.locator(".ws-identity .ws-fill").all_inner_texts()
    assert fields == ["Siti Rahmawati", "198703152010012003", "SD Negeri 1 Sukamaju",
                      "Januari – Desember 2026"]
    assert builder.evaluate("document.documentElement.scrollWidth") <= A4_WIDTH_PX
    pdf = builder.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
    builder.emulate_media(media="screen")
    expect(sheet).to_be_hidden()
    expect(builder.locator(".rencana-form")).to_be_visible()
    assert_local(builder)


def test_keyboard_alone_moves_between_steps_and_ticks_boxes(builder):
    builder.get_by_role("button", name="Berikutnya").focus()
    builder.keyboard.press("Enter")
    heading = builder.locator(".rencana-step:not([hidden]) h2")
    expect(heading).to_have_text("Langkah 2 dari 6: Tugas pokok")
    assert builder.evaluate("document.activeElement.textContent") == "Langkah 2 dari 6: Tugas pokok"
    builder.keyboard.press("Tab")  # the fixed tasks 1-3 are skipped: the first choice is 4.1
    assert builder.evaluate("document.activeElement.id") == "rk-tugas-pilihan-tp-kokurikuler"
    outline = builder.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus stays visible
    builder.keyboard.press("Space")
    assert stored(builder)["data"]["tugas"]["pilihan"] == ["tp-kokurikuler"]


def test_phone_width_never_scrolls_sideways(built_site, phone):
    phone.goto((built_site / PAGE).as_uri())
    fill(phone)
    for name in STEPS:
        step(phone, name)
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"
    assert_local(phone)


def test_without_javascript_the_blank_worksheet_is_offered(built_site, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto((built_site / PAGE).as_uri())
    message = page.locator(".rencana-nojs")
    expect(message).to_be_visible()
    expect(message).to_contain_text("memerlukan JavaScript")
    link = message.get_by_role("link", name="Lembar Perencanaan Kinerja")
    assert link.get_attribute("href") == "lembar-kerja/perencanaan.html"
    expect(page.locator("#rencana-app")).to_be_hidden()
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("lembar-kerja/perencanaan.html")
    context.close()


def test_school_edition_prefills_the_school_and_marks_recommendations(built_site, browser, tmp_path):
    """A school edition's page: its name fills 'Satuan pendidikan' and its recommended indicators lead."""
    site = tmp_path / "sekolah"
    shutil.copytree(built_site / "assets", site / "assets")
    html = (built_site / PAGE).read_text(encoding="utf-8")
    html = html.replace('"edisi":{"id":"nasional","nama":"Nasional","jenis":"nasional"}',
                        '"edisi":{"id":"20200001","nama":"SD Negeri Contoh 1","jenis":"sekolah"}', 1)
    umpan = re.search(r'\{"id":"pk-umpan-balik",[^{}]*"direkomendasikan":false\}', html).group(0)
    html = html.replace(umpan, umpan.replace('"direkomendasikan":false', '"direkomendasikan":true'))
    (site / PAGE).write_text(html, encoding="utf-8")
    page = open_builder(browser, site)
    expect(page.get_by_label("Satuan pendidikan", exact=True)).to_have_value("SD Negeri Contoh 1")
    step(page, STEPS[2])
    group = page.get_by_role("group", name="Dimensi Dukungan Psikologis")
    labels = group.locator("label").all_inner_texts()
    assert labels[0].startswith("Umpan Balik Konstruktif")
    assert "Direkomendasikan untuk sekolah Anda" in labels[0]
    assert page.get_by_text("Direkomendasikan untuk sekolah Anda").count() == 1
    page.get_by_label("Umpan Balik Konstruktif").check()
    saved = json.loads(page.evaluate("localStorage.getItem('rencana-kinerja:20200001')"))
    assert saved["edisi"] == "20200001" and saved["data"]["praktik"]["indikator"] == "pk-umpan-balik"
    assert saved["data"]["identitas"]["satuan"] == "SD Negeri Contoh 1"
    assert page.evaluate(f"localStorage.getItem({KEY!r})") is None  # each edition keeps its own draft
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_no_serious_accessibility_violations(built_site, browser, width):
    """Every step as a reader sees it; the page around the builder is the same at every step, so
    after the first step only the builder is checked again."""
    page = open_builder(browser, built_site, width=width, height=800)
    fill(page)  # opens every part, with an expectation list shown
    problems = []
    for number, name in enumerate(STEPS):
        step(page, name)
        # Moving up the page fades in the theme's "back to top" button: let transitions end first.
        page.wait_for_function("document.getAnimations().every((a) => a.playState !== 'running')")
        problems += [f"{name}: {violation}" for violation in serious_violations(page, "#rencana-app" if number else None)]
    page.context.close()
    assert problems == []


def test_next_years_catalogue_shapes_the_steps_and_the_printed_sheet(browser, site_2027):
    """The made-up 2027 catalogue (tests/fixtures): six tasks, a renamed part, four dimensions."""
    page = open_builder(browser, site_2027)
    steps = page.get_by_role("navigation", name="Langkah penyusunan").get_by_role("button").all_inner_texts()
    assert steps == ["1. Identitas", "2. Tugas pokok", "3. Praktik kinerja", "4. Pengembangan profesi",
                     "5. Perilaku kerja", "6. Ringkasan untuk kepala sekolah"]
    step(page, "2. Tugas pokok")
    expect(page.locator(".rencana-step:not([hidden]) .rencana-help")).to_contain_text("Tugas 1–4 berlaku")
    fixed = page.locator('input[name="tugas.tetap"]')
    expect(fixed).to_have_count(4)
    step(page, "3. Praktik kinerja")
    page.get_by_label("Kolaborasi Murid (uji)", exact=True).check()
    expect(page.locator(".rencana-step:not([hidden]) legend")).to_have_count(4)
    page.emulate_media(media="print")
    sheet = page.locator(".rencana-print")
    expect(sheet).to_contain_text("LK-1 · Pengelolaan Kinerja Guru 2027")
    expect(sheet).to_contain_text("Tugas 1–4 dijalankan setiap guru.")
    expect(sheet).to_contain_text("C. Pengembangan profesi")
    expect(sheet.locator(".ws-identity .ws-fill").last).to_have_text("Januari – Desember 2027")
    assert page.errors == []
    page.context.close()
