"""Benchmark: our search against Pagefind on the same built handbook and the same relevance set.

Builds the handbook, indexes a copy with Pagefind (PyPI 'pagefind[bin]', Indonesian Snowball
stemming, article text only), serves both over loopback HTTP and runs every query of both
relevance sets (the reader questions, content/pertanyaan-pembaca.yml, for tuning;
tests/search_heldout.yml held out) through
both engines in headless Chromium. Prints hit@1, hit@3 and the bytes a first query transfers.
Pagefind is not a project dependency: install it to run this.

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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.search_relevance import QUERY_JS, evaluate, load  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


OURS = QUERY_JS
PAGEFIND = """async q => {
  const pf = await import('./pagefind/pagefind.js');
  const found = await pf.search(q);
  const top = await Promise.all(found.results.slice(0, 3).map(r => r.data()));
  return {urls: top.map(d => d.url.replace(/^\\//, '')), strong: found.results.length};
}"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    sets = {name: load(name) for name in ("tuning", "held-out")}
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
            for engine, script, wait in (("ours", OURS, "window.HandbookSearch !== undefined"),
                                         ("Pagefind", PAGEFIND, "true")):
                page = browser.new_page()
                sizes = []
                page.on("response", lambda r: sizes.append(
                    len(r.body()) if r.ok and ("/cari/" in r.url or "/pagefind/" in r.url) else 0))
                page.goto(f"{base}/cari.html")
                page.wait_for_function(wait)
                page.evaluate(script, "observasi")
                first = sum(sizes)
                scores = {name: evaluate(lambda q: page.evaluate(script, q), cases)
                          for name, cases in sets.items()}
                rows.append((engine, scores, first, sum(sizes)))
                page.close()
            browser.close()
        server.shutdown()
    print("| engine | set | queries | hit@1 | hit@3 | median matching pages | index bytes, first query "
          "| all queries |")
    print("|---|---|---|---|---|---|---|---|")
    for engine, scores, first, total in rows:
        for name, score in scores.items():
            print(f"| {engine} | {name} | {score.queries} | {score.hit1:.2f} | {score.hit3:.2f} | "
                  f"{score.median_matches:g} | {first / 1024:.0f} KiB | {total / 1024:.0f} KiB |")


if __name__ == "__main__":
    main()
