"""Benchmark: what one extra edition costs, in bytes and time, as a share of the shared handbook.

Builds a copy of the handbook through the real command line: first `build` (the national handbook
only: B_1 bytes, T_1 seconds), then `build --all` with N schools in four kabupaten (B_N, T_N), zips
excluded. Prints the ratios (B_N - B_1) / (N x B_1) and (T_N - T_1) / (N x T_1), peak memory, what
the offline zips add, an incremental rebuild after one school changed, the time to load and check a
list of 10,000 schools, and the extrapolation to 220,000 schools on this machine.

    .venv/bin/python bench/editions.py [--schools 200 2000] [--no-pdf]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGIONS = ("kab-satu", "kab-dua", "kota-tiga", "kab-empat")
SCHOOLS_IN_INDONESIA = 220_000


def copy_inputs(dest: Path) -> Path:
    """Copy what a build reads (catalogue, guides, theme, config) into `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in ("catalog", "content", "theme", "site_config.yml"):
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / part)
    return dest


def make_project(dest: Path, schools: int) -> list[str]:
    """The handbook with `schools` schools (a CSV) under four regions of one province."""
    copy_inputs(dest)
    priorities = ["Dimensi Manajemen Kelas", "pk-umpan-balik", "instruksi yang adaptif", ""]
    rows = ["npsn,nama,jenjang,region,prioritas"]
    ids = []
    for n in range(schools):
        npsn = f"2{n:07d}"
        ids.append(npsn)
        rows.append(f"{npsn},Sekolah Contoh {n + 1},SMP,{REGIONS[n % len(REGIONS)]},{priorities[n % len(priorities)]}")
    (dest / "editions").mkdir(exist_ok=True)
    (dest / "editions/sekolah.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    regions = "".join(f"  - id: {r}\n    nama: {r.replace('-', ' ').title()}\n    jenis: {r.split('-')[0].replace('kab', 'kabupaten')}\n"
                      f"    induk: prov-contoh\n    prioritas: [Dimensi Manajemen Kelas]\n" for r in REGIONS)
    with open(dest / "site_config.yml", "a", encoding="utf-8") as f:
        f.write("edisi:\n  - id: prov-contoh\n    nama: Provinsi Contoh\n    jenis: provinsi\n"
                "    tenggat:\n      perencanaan: Perencanaan paling lambat 24 Januari 2026\n"
                + regions + "daftar_sekolah: [editions/sekolah.csv]\n")
    return ids


def run(project: Path, *args: str) -> tuple[float, float]:
    """Run the CLI once in a fresh process; return (seconds, peak resident memory in MiB)."""
    code = ("import resource, runpy, sys; sys.argv = ['generator', *sys.argv[1:]];"
            "\ntry: runpy.run_module('generator', run_name='__main__')"
            "\nfinally: print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=project,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(result.stderr)
    return seconds, int(result.stderr.strip().splitlines()[-1]) / 1024


def size(folder: Path, skip: str = "unduh/") -> int:
    return sum(p.stat().st_size for p in folder.rglob("*")
               if p.is_file() and not p.relative_to(folder).as_posix().startswith(skip))


def load_seconds(schools: int) -> float:
    """Time to load and check a project with `schools` schools, in this process."""
    sys.path.insert(0, str(ROOT))
    from generator.build import load_project

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "proyek"
        make_project(project, schools)
        start = time.perf_counter()
        load_project(project)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--no-pdf", action="store_true", help="build without worksheet PDFs")
    args = parser.parse_args()
    pdf = ["--no-pdf"] if args.no_pdf else []
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()};"
          f" PDFs {'off' if args.no_pdf else 'on'}")
    print("| measure | value |\n|---|---|")
    largest = None
    for n in args.schools:
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp) / "proyek"
            make_project(project, n)
            t1, m1 = run(project, "build", *pdf)
            b1 = size(project / "site")
            shutil.rmtree(project / "site")
            tn, mn = run(project, "build", "--all", *pdf)
            bn = size(project / "site")
            editions = n + 1 + len(REGIONS)
            # One school's row changes: only its folder is written again.
            csv = project / "editions/sekolah.csv"
            csv.write_text(csv.read_text(encoding="utf-8").replace("Sekolah Contoh 7,", "Sekolah Contoh Tujuh,"),
                           encoding="utf-8")
            ti, _ = run(project, "build", "--all", *pdf)
            tz, _ = run(project, "build", "--all", "--zip", *pdf)
            zips = sum(p.stat().st_size for p in (project / "site/unduh").glob("*.zip"))
        print(f"| national handbook only: B_1, T_1 | {b1 / 2**20:.1f} MiB, {t1:.2f} s, peak {m1:.0f} MiB |")
        print(f"| {editions} editions ({n} schools): B_N, T_N | {bn / 2**20:.1f} MiB, {tn:.2f} s, peak {mn:.0f} MiB |")
        print(f"| bytes of an extra edition (B_N - B_1) / (N x B_1) | {(bn - b1) / (editions * b1):.4f} |")
        print(f"| time of an extra edition (T_N - T_1) / (N x T_1) | {(tn - t1) / (editions * t1):.4f} |")
        print(f"| rebuild after one school changed | {ti:.2f} s |")
        print(f"| offline zips for all {editions} editions (not published) | {zips / 2**20:.0f} MiB,"
              f" +{tz - ti:.1f} s |")
        largest = (editions, b1, bn, t1, tn)
    editions, b1, bn, t1, tn = largest
    scale = SCHOOLS_IN_INDONESIA / editions
    print(f"| extrapolated to {SCHOOLS_IN_INDONESIA:,} schools, one machine |"
          f" {(b1 + (bn - b1) * scale) / 2**30:.1f} GiB, {(t1 + (tn - t1) * scale) / 3600:.2f} h |")
    print(f"| load and check 10,000 schools | {load_seconds(10_000):.2f} s |")


if __name__ == "__main__":
    main()
