"""Benchmark: a national build (--no-pdf, through the command line) against a plain `mkdocs build`
of the folder it staged, both in fresh processes on the same machine, one run each (or --runs N,
alternating, with the median ratio).

    .venv/bin/python bench/plain_mkdocs.py [--runs N]

The ratio is what the generator adds (loading, validation, rendering, search index) on top of
MkDocs itself. Both wall time and CPU time (user + system of the child process) are shown: on a
machine shared with other work, CPU time is the steadier of the two.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from editions import copy_inputs, run  # noqa: E402


def cpu_seconds() -> float:
    """CPU time used so far by this process's finished children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1)
    runs = parser.parse_args().runs
    # Like with like: pip compiled MkDocs' bytecode when it installed it, and the warm-up build
    # compiles the generator's. With PYTHONDONTWRITEBYTECODE set, every run would compile the
    # generator's modules again (~0.1 s) and none of MkDocs'.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    wall_ratios, cpu_ratios = [], []
    with tempfile.TemporaryDirectory(prefix="bench-plain-") as tmp:
        project = copy_inputs(Path(tmp) / "proyek")
        run(project, "build", "--no-pdf")  # warm the file system cache and bytecode
        for _ in range(runs):
            cpu = cpu_seconds()
            ours, _ = run(project, "build", "--no-pdf")
            ours_cpu, cpu = cpu_seconds() - cpu, cpu_seconds()
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                            str(project / "build/stage/nasional/mkdocs.yml"), "-d", str(Path(tmp) / "polos")],
                           check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
            plain = time.perf_counter() - started
            plain_cpu = cpu_seconds() - cpu
            wall_ratios.append(ours / plain)
            cpu_ratios.append(ours_cpu / plain_cpu)
            print(f"national build --no-pdf: {ours:.2f} s; plain mkdocs build of its stage: {plain:.2f} s;"
                  f" ratio {ours / plain:.2f}")
            print(f"CPU time: {ours_cpu:.2f} s against {plain_cpu:.2f} s; ratio {ours_cpu / plain_cpu:.2f}")
    if runs > 1:
        print(f"median of {runs} runs: wall ratio {statistics.median(wall_ratios):.2f},"
              f" CPU ratio {statistics.median(cpu_ratios):.2f}")


if __name__ == "__main__":
    main()
