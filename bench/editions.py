"""Benchmark: cost of one extra edition, as a ratio of building a single edition.

Builds a copy of the handbook with a generated CSV of schools: first one edition, then N editions,
each through the real command line. Prints wall time, peak memory (of the build process) and the
marginal cost of one extra edition: ((T_N - T_1) / (N - 1)) / T_1.

    .venv/bin/python bench/editions.py [--editions 50] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_inputs(dest: Path) -> Path:
    """Copy what a build reads (catalogue, guides, theme, config) into `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in ("catalog", "content", "theme", "site_config.yml"):
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / part)
    return dest


def make_project(dest: Path, schools: int) -> list[str]:
    copy_inputs(dest)
    priorities = ["Dimensi Manajemen Kelas", "pk-umpan-balik", "instruksi yang adaptif", ""]
    rows = ["npsn,nama,jenjang,region,prioritas"]
    ids = []
    for n in range(schools):
        npsn = f"2{n:07d}"
        ids.append(npsn)
        rows.append(f"{npsn},Sekolah Contoh {n + 1},SMP,kab-contoh,{priorities[n % len(priorities)]}")
    (dest / "editions").mkdir()
    (dest / "editions/sekolah.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    with open(dest / "site_config.yml", "a", encoding="utf-8") as f:
        f.write("edisi:\n  - id: kab-contoh\n    nama: Kabupaten Contoh\n    jenis: kabupaten\n"
                "    tenggat:\n      perencanaan: Perencanaan paling lambat 24 Januari 2026\n"
                "daftar_sekolah: [editions/sekolah.csv]\n")
    return ids


def run(project: Path, *args: str) -> tuple[float, float]:
    """Run the CLI once; return (seconds, peak resident memory of the child in MiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "generator", *args], cwd=project,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(result.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editions", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--no-pdf", action="store_true", help="build without worksheet PDFs")
    args = parser.parse_args()
    n = args.editions
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "proyek"
        project.mkdir()
        ids = make_project(project, n)
        jobs = (["--jobs", str(args.jobs)] if args.jobs else []) + (["--no-pdf"] if args.no_pdf else [])
        t1, m1 = run(project, "build", "--edition", ids[0], *jobs)
        shutil.rmtree(project / "site")
        tn, mn = run(project, "build", *sum([["--edition", i] for i in ids], []), *jobs)
        size = sum(p.stat().st_size for p in (project / "site").rglob("*") if p.is_file())
    marginal = (tn - t1) / (n - 1)
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print("| measure | value |\n|---|---|")
    print(f"| 1 edition (cold CLI run) | {t1:.2f} s, peak {m1:.0f} MiB |")
    print(f"| {n} editions (one CLI run) | {tn:.2f} s, peak {mn:.0f} MiB |")
    print(f"| marginal cost of one extra edition | {marginal:.3f} s |")
    print(f"| ratio marginal / first build | {marginal / t1:.3f} |")
    print(f"| output for {n} editions (sites + zips) | {size / 2**20:.0f} MiB |")


if __name__ == "__main__":
    main()
