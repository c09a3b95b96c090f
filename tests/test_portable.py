"""Portability: multi-edition builds with the `spawn` start method (the only one Windows has)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator.new_project import create_project
from tests.conftest import ROOT

SPAWN_BUILD = """
import multiprocessing, os, sys
from pathlib import Path

def no_fork():
    raise OSError("fork is not available (as on Windows)")

if __name__ == "__main__":
    os.fork = no_fork
    multiprocessing.set_start_method("spawn")
    from generator.build import build_editions

    root = Path(sys.argv[1])
    result = build_editions(root, root / "site", ["kab-contoh", "99990001", "99990003"], jobs=2, pdf=False,
                            zips=True)
    print(" ".join(result.editions))
"""


@pytest.mark.slow
def test_multi_edition_build_with_spawn(tmp_path):
    project = tmp_path / "kab"
    create_project(project)
    script = tmp_path / "spawn_build.py"
    script.write_text(SPAWN_BUILD, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script), str(project)], cwd=ROOT, capture_output=True,
                            text=True, timeout=600, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["kab-contoh", "99990001", "99990003"]
    for edition in ("kab-contoh", "99990001", "99990003"):
        assert (project / "site" / "edisi" / edition / "index.html").is_file()
        assert (project / "site" / "unduh" / f"{edition}.zip").is_file()
    home = (project / "site" / "edisi" / "99990003" / "index.html").read_text(encoding="utf-8")
    assert "SMA Negeri 1 Contoh" in home
