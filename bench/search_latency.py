"""Benchmark: time from the last keystroke to the results shown on the search page (cari.html).

Builds the handbook (no PDFs), opens the search page from disk in headless Chromium, types every
query of both relevance sets and measures until the results are listed, and until their excerpts and
section links are in place. Prints the median, the 95th percentile and the slowest.

    .venv/bin/python bench/search_latency.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.search_relevance import load  # noqa: E402

MEASURE = """async q => {
  const input = document.getElementById('cari-q'), list = document.getElementById('cari-hasil');
  input.value = q;
  const start = performance.now();
  input.dispatchEvent(new Event('input'));
  while (list.dataset.q !== q) await new Promise(r => setTimeout(r, 1));
  const shown = performance.now() - start;
  while (list.dataset.done !== q) await new Promise(r => setTimeout(r, 1));
  return [shown, performance.now() - start];
}"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    queries = [c["q"] for name in ("tuning", "held-out") for c in load(name)]
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "generator", "--root", str(ROOT), "build", "--no-pdf",
                        "--out", str(site)], check=True, capture_output=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page()
            page.goto((site / "cari.html").as_uri())
            page.wait_for_function("window.HandbookSearch !== undefined")
            page.evaluate("HandbookSearch.ready()")
            measured = [page.evaluate(MEASURE, q) for q in queries]
            browser.close()
    for name, times in (("results listed", [m[0] for m in measured]),
                        ("excerpts and section links in place", [m[1] for m in measured])):
        print(f"{len(times)} queries typed on cari.html (file://), last keystroke to {name}: "
              f"median {statistics.median(times):.0f} ms, 95th percentile "
              f"{sorted(times)[int(0.95 * len(times))]:.0f} ms, slowest {max(times):.0f} ms")


if __name__ == "__main__":
    main()
