"""Weight on a cheap phone: what the first visit transfers (gzip, as any web server sends it) and
how long the home page takes to be usable on a slow mobile connection."""

from __future__ import annotations

import gzip
import http.server
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

BUDGET = 100 * 1024  # bytes, compressed, empty cache
SLOW_3G = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8,
           "uploadThroughput": 750_000 / 8}


def gzip_server(site: Path):
    """A loopback HTTP server that gzips responses, like a school's nginx or Apache would; its
    `requested` lists the paths asked for."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site), **kwargs)

        def log_message(self, *args):
            pass

        def do_GET(self):
            server.requested.append(self.path.split("?")[0])
            path = Path(self.translate_path(self.path.split("?")[0]))
            if not path.is_file():
                return super().do_GET()
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.requested = []  # the paths asked for, in order
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def server(built_site):
    srv = gzip_server(built_site)
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()


def first_visit(browser, url: str, throttle: bool = False):
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    page = context.new_page()
    sizes = {}

    def finished(request):
        response = request.response()
        sizes[request.url] = int(response.headers.get("content-length", 0)) if response else 0

    page.on("requestfinished", finished)
    if throttle:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    started = time.perf_counter()
    page.goto(url, wait_until="load")
    seconds = time.perf_counter() - started
    page.wait_for_timeout(300)  # anything scripts fetch right after load counts too
    context.close()
    return sizes, seconds


def test_home_page_first_visit_within_budget(browser, server, capsys):
    sizes, _ = first_visit(browser, f"{server}/index.html")
    total = sum(sizes.values())
    with capsys.disabled():
        print(f"\nhome page first visit: {len(sizes)} requests, {total / 1024:.1f} KiB compressed")
    assert all(url.startswith(server) for url in sizes), "a request left the local server"
    assert total <= BUDGET, sorted(sizes.items(), key=lambda kv: -kv[1])[:5]


def test_a_search_downloads_little(browser, server, capsys):
    sizes, _ = first_visit(browser, f"{server}/cari.html?q=observasi")
    search = sum(v for u, v in sizes.items() if "/cari/" in u or "cari" in u.rsplit("/", 1)[-1])
    with capsys.disabled():
        print(f"search 'observasi' (page, script, index, excerpts): {search / 1024:.1f} KiB compressed")
    assert search <= 80 * 1024


def test_usable_on_a_slow_mobile_connection(browser, server, capsys):
    _, seconds = first_visit(browser, f"{server}/index.html", throttle=True)
    with capsys.disabled():
        print(f"home page on 1.6 Mbps / 150 ms: loaded in {seconds:.2f} s")
    assert seconds < 5
