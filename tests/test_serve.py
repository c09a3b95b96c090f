"""`handbook serve`: a live preview that rebuilds and tells the browser to reload on every edit."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import _env, replace_in


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 70) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
        return response.read().decode("utf-8")


@pytest.fixture
def server(project):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(port)],
                            cwd=project, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            fetch(base + "/index.html", timeout=5)
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("serve did not start: " + (proc.stdout.read() if proc.stdout else ""))
            time.sleep(0.3)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def epoch_of(html: str) -> int:
    return int(re.search(r"livereload\((\d+), \d+\)", html).group(1))


@pytest.mark.parametrize("edit, page, expected", [
    (("catalog/praktik_kinerja.yml", "nama: Aktivitas Interaktif", "nama: Aktivitas Interaktif (diubah)"),
     "/katalog/praktik-kinerja/pk-aktivitas-interaktif.html", "Aktivitas Interaktif (diubah)"),
    (("content/faq.md", "judul: ", "judul: Diubah "), "/faq.html", "Diubah "),
    (("theme/assets/stylesheets/handbook.css", "/* Handbook", "/* diubah */ /* Handbook"),
     "/assets/stylesheets/handbook.css", "/* diubah */"),
])
def test_edit_rebuilds_and_reloads(project, server, edit, page, expected):
    html = fetch(server + page.replace("assets/stylesheets/handbook.css", "index.html")
                 if page.endswith(".css") else server + page)
    epoch = epoch_of(html)
    assert expected not in fetch(server + page)
    path, old, new = edit
    replace_in(project / path, old, new)
    # The browser's long poll answers with a newer epoch once the rebuilt site is visible.
    assert int(fetch(f"{server}/livereload/{epoch}/1")) > epoch
    assert expected in fetch(server + page)
