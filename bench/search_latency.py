"""Benchmark: time from the last keystroke to the results shown on the search page (cari.html).

Builds the handbook (no PDFs), opens the search page from disk in headless Chromium, types every
query of both relevance sets and measures until the results are listed, and until their excerpts and
section links are in place, each up to the next painted frame; then opens the page afresh for some of
them and types the query at once (the first query of a visit). Prints the median, the 95th
percentile and the slowest.

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

FIRST_EVERY = 8  # every eighth query is also measured as the first of a fresh visit

# Each time is taken at the first frame painted after the mark (data-q: the list is shown,
# data-done: its excerpts and section links are in place), so it includes layout and paint.
MEASURE = """async q => {
  const input = document.getElementById('cari-q'), list = document.getElementById('cari-hasil');
  const painted = (name, start) => new Promise(resolve => {
    const check = () => list.dataset[name] === q;
    const after = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
    if (check()) return after();
    new MutationObserver((_, watch) => { if (check()) { watch.disconnect(); after(); } })
      .observe(list, {attributes: true});
  });
  input.value = q;
  const start = performance.now();
  const shown = painted('q', start), done = painted('done', start);
  input.dispatchEvent(new Event('input'));
  return [await shown, await done];
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
            page.close()
            # The first query of a visit: typed as soon as the page is there, while the index
            # it starts loading on load may not be in yet, and no word shard or excerpt is.
            first = []
            for q in queries[::FIRST_EVERY]:
                page = browser.new_page()
                page.goto((site / "cari.html").as_uri())
                first.append(page.evaluate(MEASURE, q))
                page.close()
            browser.close()
    for where, runs in (("one after another", measured), ("each first on a fresh page", first)):
        for name, times in (("results listed", [m[0] for m in runs]),
                            ("excerpts and section links in place", [m[1] for m in runs])):
            print(f"{len(times)} queries typed on cari.html (file://), {where}, last keystroke to {name}: "
                  f"median {statistics.median(times):.0f} ms, 95th percentile "
                  f"{sorted(times)[int(0.95 * len(times))]:.0f} ms, slowest {max(times):.0f} ms")


if __name__ == "__main__":
    main()
