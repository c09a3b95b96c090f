"""Saving the edition for reading without internet, on a phone, only when the reader asks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from generator.offline import fingerprint
from tests.browser.test_weight import gzip_server
from tests.conftest import copy_project, run_cli
from tests.test_editions import add_editions

pytestmark = pytest.mark.browser


def megabytes(size: int) -> str:
    """A size as the page writes it (id-ID, at most one decimal): '3,9 MB', '4 MB'."""
    return f"{size / 1048576:.1f}".removesuffix(".0").replace(".", ",") + " MB"


@pytest.fixture
def site(built_site, tmp_path):
    """A copy of the built site that the test may change, as a rebuild would."""
    copy = tmp_path / "situs"
    shutil.copytree(built_site, copy)
    server = gzip_server(copy)
    yield copy, f"http://127.0.0.1:{server.server_address[1]}/", server.requested
    server.shutdown()


def rebuild(site: Path, path: str, old: str, new: str, listed: dict, version: str, list_path: str) -> None:
    """Change a page of the site and its list (`list_path`) as a rebuild would: the page, its
    fingerprint in the list, the list's version."""
    page = site / path
    page.write_text(page.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    listed["sidik"][listed["berkas"].index(path)] = fingerprint(page.read_bytes())
    listed["versi"] = version
    (site / list_path).write_text(json.dumps(listed), encoding="utf-8")


def test_save_read_offline_refresh_and_remove(site, browser):
    folder, url, requested_from_server = site
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page.goto(url + "index.html")
    control = page.locator("#simpan-offline")
    expect(control).to_be_visible()
    page.wait_for_timeout(500)
    assert not [u for u in requested if u.endswith(("offline.json", "sw.js"))], "nothing before asking"
    assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => !!r)") is False

    control.get_by_role("button", name="Simpan untuk dibaca tanpa internet").click()
    listed = json.loads((folder / "offline.json").read_text(encoding="utf-8"))
    size = megabytes(listed["ukuran"])
    expect(control).to_contain_text(f"Akan diunduh {len(listed['berkas'])} berkas, {size}")
    assert not [u for u in requested if u.endswith("sw.js")], "the size is shown before downloading"
    # A page that reaches the phone other than the list says (a host that edits pages, a rebuild
    # half done) is saved, but not trusted by the next refresh.
    edited = folder / "linimasa.html"
    edited.write_text(edited.read_text(encoding="utf-8").replace("</body>", "<!-- host --></body>"),
                      encoding="utf-8")
    control.get_by_role("button", name="Unduh sekarang").click()
    expect(control).to_contain_text("Tersimpan di perangkat ini", timeout=60_000)

    context.set_offline(True)
    for path in ["linimasa.html", "katalog/praktik-kinerja/pk-disiplin-positif.html", "rencana.html?pilih=pk-umpan-balik"]:
        page.goto(url + path)
        expect(page.locator("h1").first).to_be_visible()
    expect(page.locator('input[name="praktik.indikator"][value="pk-umpan-balik"]')).to_be_checked()
    page.goto(url + "index.html")
    expect(control).to_contain_text("Tersimpan di perangkat ini")

    # The site changes (a rebuild): once online again, the saved copy follows it.
    context.set_offline(False)
    rebuild(folder, "faq.html", "Tanya jawab", "Tanya jawab (baru)", listed, "versi-baru", "offline.json")
    before = len(requested_from_server)
    page.reload()
    # The new copy replaces the old one when it is complete; only the changed page is downloaded.
    names = one_cache_named(page, ":versi-baru")
    assert len(names) == 1 and names[0].endswith(":versi-baru"), names
    again = set(requested_from_server[before:])
    fetched_again = {"/faq.html", "/linimasa.html"}  # changed; and the one whose bytes were not the list's
    assert fetched_again <= again and not again & ({"/" + p for p in listed["berkas"]} - fetched_again), again
    context.set_offline(True)
    page.goto(url + "faq.html")
    assert "Tanya jawab (baru)" in page.content()
    page.goto(url + "linimasa.html")  # copied from the first saved copy
    expect(page.locator("h1").first).to_be_visible()

    context.set_offline(False)
    page.goto(url + "index.html")
    control.get_by_role("button", name="Hapus simpanan").click()
    expect(control).to_contain_text("Simpanan dihapus")
    assert page.evaluate("caches.keys().then(k => k.length)") == 0
    assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => !!r)") is False
    context.close()


def one_cache_named(page, ending: str) -> list[str]:
    """The cache names once the service worker has left one cache whose name ends in `ending`
    (it swaps a new copy in only when it is complete), or after 60 s whatever is there."""
    for _ in range(120):
        names = page.evaluate("caches.keys()")
        if len(names) == 1 and names[0].endswith(ending):
            break
        page.wait_for_timeout(500)
    return names


def test_every_page_links_the_web_app_manifest(built_site):
    manifest = json.loads((built_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["start_url"] == "index.html" and manifest["display"] == "standalone"
    assert (built_site / manifest["icons"][0]["src"]).is_file()
    for path in ["index.html", "faq.html", "katalog/perilaku-kerja/loyal.html"]:
        html = (built_site / path).read_text(encoding="utf-8")
        assert 'rel="manifest"' in html


@pytest.fixture(scope="module")
def edition_site(tmp_path_factory):
    """The handbook with one school edition, served over HTTP (service workers need it)."""
    project = add_editions(copy_project(tmp_path_factory.mktemp("edisi") / "proyek"))
    result = run_cli("build", "--edition", "20200001", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    server = gzip_server(project / "site")
    yield project / "site", f"http://127.0.0.1:{server.server_address[1]}/", server.requested
    server.shutdown()


def test_an_edition_home_saves_the_edition_too(edition_site, browser):
    folder, url, requested_from_server = edition_site
    name = "SMP Negeri 1 Contoh"
    shared = json.loads((folder / "offline.json").read_text(encoding="utf-8"))
    own = json.loads((folder / "edisi/20200001/offline.json").read_text(encoding="utf-8"))
    assert not any(p.startswith("edisi/") for p in shared["berkas"])
    assert {"edisi/20200001/index.html", "edisi/20200001/jadwal-sekolah.html", "edisi/20200001/data.js"} <= set(own["berkas"])
    logo = next(p for p in own["berkas"] if p.startswith("edisi/logo/"))  # inherited from its province
    assert (folder / logo).is_file()

    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(url + "edisi/20200001/index.html")
    control = page.locator("#simpan-offline")
    control.get_by_role("button", name="Simpan untuk dibaca tanpa internet").click()
    size = megabytes(shared["ukuran"] + own["ukuran"])
    expect(control).to_contain_text(f"Akan diunduh {len(shared['berkas']) + len(own['berkas'])} berkas, {size}")
    control.get_by_role("button", name="Unduh sekarang").click()
    expect(control).to_contain_text("Tersimpan di perangkat ini", timeout=60_000)

    context.set_offline(True)
    page.goto(url + "edisi/20200001/index.html")
    expect(page.locator("article")).to_contain_text(name)
    expect(control).to_contain_text("Tersimpan di perangkat ini")
    page.goto(url + "edisi/20200001/jadwal-sekolah.html")
    expect(page.locator("h1").first).to_contain_text("Jadwal di sekolah kami")
    expect(page.locator("body")).to_contain_text(name)
    page.goto(url + "katalog/praktik-kinerja/pk-umpan-balik.html")  # a shared page, told by data.js
    expect(page.locator("article")).to_contain_text(f"Anda membaca edisi {name}")
    page.goto(url + "edisi/20200001/jadwal-sekolah.html")
    assert page.evaluate(f"caches.match({json.dumps(url + logo)}).then(r => !!r)")

    # The edition changes (a rebuild): once online again, the saved copy follows it.
    context.set_offline(False)
    rebuild(folder, "edisi/20200001/jadwal-sekolah.html", "bulan Maret", "bulan April", own, "edisi-baru",
            "edisi/20200001/offline.json")
    before = len(requested_from_server)
    page.goto(url + "edisi/20200001/index.html")
    names = one_cache_named(page, "+edisi-baru")
    assert len(names) == 1 and names[0].endswith(f"{shared['versi']}+edisi-baru"), names
    again, changed = set(requested_from_server[before:]), "/edisi/20200001/jadwal-sekolah.html"
    assert changed in again and not again & ({"/" + p for p in shared["berkas"] + own["berkas"]} - {changed}), again
    context.set_offline(True)
    page.goto(url + "edisi/20200001/jadwal-sekolah.html")
    assert "bulan April" in page.content()
    context.set_offline(False)
    page.goto(url + "edisi/20200001/index.html")
    control.get_by_role("button", name="Hapus simpanan").click()
    expect(control).to_contain_text("Simpanan dihapus")
    assert page.evaluate("caches.keys().then(k => k.length)") == 0
    context.close()
