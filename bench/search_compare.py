"""Benchmark: our search against Pagefind on the same built handbook and the same relevance set.

Builds the handbook, indexes a copy with Pagefind (PyPI 'pagefind[bin]', Indonesian Snowball
stemming, article text only), serves both over loopback HTTP and runs every query of
tests/search_queries.yml through both engines in headless Chromium. Prints hit@1, hit@3, and the
bytes a first query transfers. Pagefind is not a project dependency: install it to run this.

    .venv/bin/pip install 'pagefind[bin]' && .venv/bin/python bench/search_compare.py
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


OURS = "q => HandbookSearch.search(q)"
PAGEFIND = """async q => {
  const pf = await import('./pagefind/pagefind.js');
  const found = await pf.search(q);
  const top = await Promise.all(found.results.slice(0, 3).map(r => r.data()));
  return top.map(d => d.url.replace(/^\\//, '').split('#')[0]);
}"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    queries = yaml.safe_load((ROOT / "tests/search_queries.yml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "generator", "--root", str(ROOT), "build", "--no-pdf",
                        "--out", str(site)], check=True, capture_output=True)
        subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", "article",
                        "--force-language", "id"], check=True, capture_output=True)
        server = serve(site)
        base = f"http://127.0.0.1:{server.server_port}"
        rows = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu",
                                                                        "--disable-background-networking"])
            for name, script, wait in (("ours", OURS, "window.HandbookSearch !== undefined"),
                                       ("Pagefind", PAGEFIND, "true")):
                page = browser.new_page()
                sizes = []
                page.on("response", lambda r: sizes.append(
                    len(r.body()) if r.ok and "/cari/" in r.url or "/pagefind/" in r.url else 0))
                page.goto(f"{base}/cari.html")
                page.wait_for_function(wait)
                hit1 = hit3 = 0
                first_bytes = None
                for case in queries:
                    wanted = {case["page"].split("#")[0], *(x.split("#")[0] for x in case.get("also", []))}
                    top = (page.evaluate(script, case["q"]) or [])[:3]
                    if first_bytes is None:
                        first_bytes = sum(sizes)
                    hit1 += bool(top) and top[0] in wanted
                    hit3 += bool(wanted & set(top))
                rows.append((name, hit1 / len(queries), hit3 / len(queries), first_bytes, sum(sizes)))
                page.close()
            browser.close()
        server.shutdown()
    print(f"{len(queries)} queries from tests/search_queries.yml\n")
    print("| engine | hit@1 | hit@3 | index bytes for the first query | for all queries |\n|---|---|---|---|---|")
    for name, h1, h3, first, total in rows:
        print(f"| {name} | {h1:.2f} | {h3:.2f} | {first / 1024:.0f} KiB | {total / 1024:.0f} KiB |")


if __name__ == "__main__":
    main()
