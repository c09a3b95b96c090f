"""Search as teachers use it: the relevance set through the real index in Chromium, offline and
over a LAN server; light (nothing loaded before searching); safe (catalogue text never runs)."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest
import yaml

from tests.conftest import ROOT, copy_project, replace_in, run_cli

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((ROOT / "tests/search_queries.yml").read_text(encoding="utf-8"))


def results(page, query: str, kind: str = "", role: str = "") -> list[str]:
    return page.evaluate("([q, k, r]) => HandbookSearch.search(q, k, r)", [query, kind, role])


@pytest.fixture(scope="module")
def search_page(built_site, browser):
    context = browser.new_context(offline=True)
    page = context.new_page()
    page.goto((built_site / "cari.html").as_uri())
    page.wait_for_function("window.HandbookSearch !== undefined")
    yield page
    context.close()


def test_relevance_set(search_page, capsys):
    assert len(QUERIES) >= 40
    first = top3 = 0
    misses = []
    for case in QUERIES:
        wanted = {case["page"].split("#")[0], *(p.split("#")[0] for p in case.get("also", []))}
        found = results(search_page, case["q"])[:3]
        if found and found[0] in wanted:
            first += 1
        if wanted & set(found):
            top3 += 1
        else:
            misses.append(f"{case['q']!r}: wanted {case['page']}, got {found}")
    hit1, hit3 = first / len(QUERIES), top3 / len(QUERIES)
    with capsys.disabled():
        print(f"\nsearch relevance: {len(QUERIES)} queries, hit@1 = {hit1:.2f}, hit@3 = {hit3:.2f}")
        for miss in misses:
            print("  miss:", miss)
    assert hit3 >= 0.9 and hit1 >= 0.7, misses


def test_item_page_first_for_its_name(search_page):
    assert results(search_page, "Penerapan Disiplin Positif")[0] == "katalog/praktik-kinerja/pk-disiplin-positif.html"
    assert results(search_page, "loyal")[0] == "katalog/perilaku-kerja/loyal.html"


def test_filters_by_kind_and_role(search_page):
    only_items = results(search_page, "refleksi", "kompetensi")
    assert only_items and all(u.startswith("katalog/pengembangan-kompetensi/") for u in only_items)
    for_principals = results(search_page, "observasi", "", "kepala-sekolah")
    assert for_principals and "katalog/praktik-kinerja/index.html" not in for_principals


def test_no_match_says_so_and_suggests_the_glossary(search_page):
    search_page.fill("#cari-q", "zzqxw")
    search_page.wait_for_function("document.getElementById('cari-status').textContent.includes('Tidak ada hasil')")
    link = search_page.locator("#cari-status a")
    assert link.inner_text() == "Glosarium" and link.get_attribute("href").endswith("glosarium.html")


def test_results_show_an_excerpt_with_the_match_marked(search_page):
    search_page.fill("#cari-q", "guru wali")
    search_page.locator("#cari-hasil li mark").first.wait_for()
    assert search_page.locator("#cari-hasil li").count() > 0
    marked = {m.lower() for m in search_page.locator("#cari-hasil li mark").all_inner_texts()}
    assert marked and marked <= {"guru", "wali"}, marked


def test_nothing_is_loaded_until_a_search_starts(built_site, browser):
    context = browser.new_context()
    page = context.new_page()
    loaded = []
    page.on("requestfinished", lambda r: loaded.append(r.url))
    page.goto((built_site / "index.html").as_uri())
    assert not [u for u in loaded if "/cari/" in u or "cari-stemmer" in u]
    page.goto((built_site / "cari.html").as_uri() + "?q=observasi")
    page.locator("#cari-hasil li").first.wait_for()
    assert any(u.endswith("cari/indeks.js") for u in loaded)
    # Only the word shards and excerpt files this query needs, not the whole index.
    shards = [u for u in loaded if "/cari/istilah-" in u]
    texts = [u for u in loaded if "/cari/teks-" in u]
    assert 1 <= len(shards) <= len(list((built_site / "cari").glob("istilah-*.js"))) // 3
    assert len(texts) <= len(list((built_site / "cari").glob("teks-*.js")))
    context.close()


def test_search_over_a_school_lan_server(built_site, browser):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_site))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_port}/index.html")
        page.fill("#hb-search-input", "kepsek") if page.locator("#hb-search-input").is_visible() else None
        page.goto(f"http://127.0.0.1:{server.server_port}/cari.html?q=kepsek")
        page.locator("#cari-hasil li").first.wait_for()
        assert page.locator("#cari-hasil li").count() >= 3
        context.close()
    finally:
        server.shutdown()


def test_catalogue_markup_cannot_run_in_results(tmp_path, browser):
    project = copy_project(tmp_path / "proyek")
    replace_in(project / "catalog/praktik_kinerja.yml", "nama: Aktivitas Interaktif",
               'nama: "Aktivitas <img src=x onerror=window.diserang=1> Interaktif"')
    assert run_cli("build", "--no-pdf", cwd=project).returncode == 0
    context = browser.new_context(offline=True)
    page = context.new_page()
    page.goto((project / "site/cari.html").as_uri() + "?q=aktivitas interaktif")
    page.locator("#cari-hasil li").first.wait_for()
    assert "<img src=x" in page.locator("#cari-hasil li .cari-judul").first.inner_text()
    assert page.evaluate("window.diserang") is None
    context.close()
