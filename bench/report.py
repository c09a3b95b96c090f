"""One table of the figures that matter, measured in one run on this machine.

    .venv/bin/python bench/report.py [--editions 20]

Cold build (empty PDF cache), warm rebuild after one catalogue edit, the cost of one extra edition
as a ratio of a single-edition build, PDF time, pages, site size, search index size, and what the
home page's first visit transfers (gzip, as a web server sends it).
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from editions import copy_inputs, make_project, run  # noqa: E402


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def home_transfer(site: Path) -> int:
    """Compressed bytes of the home page and what it loads on a first visit (CSS, scripts)."""
    html = (site / "index.html").read_text(encoding="utf-8")
    assets = re.findall(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"', html)
    return gz(site / "index.html") + sum(gz(site / a.split("?")[0]) for a in assets if not a.startswith("http"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editions", type=int, default=20)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_inputs(Path(tmp) / "proyek")
        plain, _ = run(project, "build", "--no-pdf")
        cold, memory = run(project, "build")
        path = project / "catalog/praktik_kinerja.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("nama: Aktivitas Interaktif",
                                                                 "nama: Aktivitas Interaktif (uji)"), encoding="utf-8")
        warm, _ = run(project, "build")
        site = project / "site"
        pages = len(list(site.rglob("*.html")))
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        index = site / "cari" / "indeks.js"
        rows += [("cold build, national handbook, PDFs printed", f"{cold:.2f} s (peak {memory:.0f} MiB)"),
                 ("same without PDFs (--no-pdf)", f"{plain:.2f} s"),
                 ("PDF printing added to a cold build", f"{cold - plain:.2f} s ({cold / plain:.2f}x)"),
                 ("warm rebuild after one catalogue edit", f"{warm:.2f} s"),
                 ("pages", str(pages)),
                 ("site size (with PDFs)", f"{size / 2**20:.1f} MiB"),
                 ("search index cari/indeks.js", f"{index.stat().st_size / 1024:.0f} KiB, {gz(index) / 1024:.0f} KiB gzip"),
                 ("home page first visit (gzip)", f"{home_transfer(site) / 1024:.0f} KiB")]
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "proyek"
        project.mkdir()
        ids = make_project(project, args.editions)
        t1, _ = run(project, "build", "--edition", ids[0], "--no-pdf")
        shutil.rmtree(project / "site")
        tn, _ = run(project, "build", *sum([["--edition", i] for i in ids], []), "--no-pdf")
        ratio = (tn - t1) / (args.editions - 1) / t1
        rows.append((f"one extra edition / one edition ({args.editions} editions, --no-pdf)", f"{ratio:.3f}"))
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}\n")
    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
