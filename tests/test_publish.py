"""Publishing recipes from the README: the school LAN server (Python's http.server over site/)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def lan_server(built_site):
    """The README's `python3 -m http.server 8080 --directory site`, on loopback for the test."""
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(built_site)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(50):  # bounded wait for the server to listen
        try:
            urllib.request.urlopen(base, timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield base
    server.terminate()
    server.wait(timeout=10)


def test_lan_server_recipe_serves_the_built_site(lan_server, built_site):
    for path in ("", "katalog/praktik-kinerja/index.html", "lembar-kerja/perencanaan.pdf", "cari/indeks.js"):
        with urllib.request.urlopen(lan_server + path, timeout=10) as response:
            assert response.status == 200
            body = response.read()
        assert body == (built_site / (path or "index.html")).read_bytes()
