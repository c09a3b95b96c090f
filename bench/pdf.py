"""Benchmark: what printing the worksheets to PDF adds to a build of the national handbook.

Three CLI runs on a copy of the project: without PDFs, with PDFs and an empty cache, and again
with the cache filled (nothing changed, so nothing is printed).

    .venv/bin/python bench/pdf.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from editions import copy_inputs, run  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_inputs(Path(tmp) / "proyek")
        plain, _ = run(project, "build", "--no-pdf")
        cold, _ = run(project, "build")
        warm, _ = run(project, "build")
        pdfs = sorted((project / "site/lembar-kerja").glob("*.pdf"))
        size = sum(p.stat().st_size for p in pdfs)
    print("| build of the national handbook | seconds | ratio to no-PDF build |\n|---|---|---|")
    print(f"| without PDFs (--no-pdf) | {plain:.2f} | 1.00 |")
    print(f"| with PDFs, empty cache | {cold:.2f} | {cold / plain:.2f} |")
    print(f"| with PDFs, nothing changed (cache) | {warm:.2f} | {warm / plain:.2f} |")
    print(f"\n{len(pdfs)} PDFs, {size / 2**10:.0f} KiB in all.")


if __name__ == "__main__":
    main()
