"""The handbook as a real package: the wheel's contents, and `handbook` installed from it in a fresh
virtual environment outside the repository."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def _repo_files(folder: str, pattern: str) -> set[str]:
    return {p.relative_to(ROOT).as_posix() for p in (ROOT / folder).glob(pattern) if p.is_file()}


def fresh_venv(folder: Path) -> Path:
    """A virtual environment whose only own package is what the test installs; the dependencies
    (mkdocs, ...) are borrowed from the test's environment through a .pth file, which adds their
    folder but not the editable install of the repository (its .pth files there are not run)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    own = next(folder.glob("lib/python*/site-packages"), None) or folder / "Lib" / "site-packages"
    (own / "borrowed-deps.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    return folder / ("Scripts" if os.name == "nt" else "bin")


# A user's shell: no venv, and not inside another make (CI runs the tests through `make test`,
# whose MAKELEVEL/MAKEFLAGS would make the inner make print "Entering directory" lines).
_NOT_A_USERS_SHELL = ("PYTHONPATH", "VIRTUAL_ENV", "MAKELEVEL", "MAKEFLAGS", "MFLAGS")


def outside_env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in _NOT_A_USERS_SHELL}
    env["HANDBOOK_CHROMIUM"] = "none"
    return env


def test_wheel_carries_the_templates_and_the_national_handbook_and_runs_outside(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    wheel = next(dist.glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = (_repo_files("generator/templates", "**/*")
                | {f"generator/national/{f}" for f in _repo_files("theme", "**/*") | _repo_files("catalog", "*.yml")
                   | _repo_files("content", "**/*.md") | {"site_config.yml"}})
    assert any(n.startswith("generator/templates/lembar/") for n in expected)
    assert expected - names == set()

    bin_dir = fresh_venv(tmp_path / "venv")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), "install", "-q",
                    "--no-deps", str(wheel)], check=True, capture_output=True, timeout=300)
    work = tmp_path / "kerja"
    work.mkdir()
    run = lambda *args: subprocess.run([str(bin_dir / "handbook"), *args], cwd=work, env=outside_env(),  # noqa: E731
                                       capture_output=True, text=True, timeout=300)
    where = subprocess.run([str(bin_dir / "python"), "-c", "import generator; print(generator.__file__)"],
                           cwd=work, env=outside_env(), capture_output=True, text=True, check=True)
    assert Path(where.stdout.strip()).is_relative_to(tmp_path / "venv")  # the wheel, not the repository

    created = run("new", "kab-contoh")
    assert created.returncode == 0, created.stderr
    built = run("--root", "kab-contoh", "build", "--edition", "99990003", "--no-pdf")
    assert built.returncode == 0, built.stderr
    site_dir = work / "kab-contoh" / "site"
    home = (site_dir / "edisi" / "99990003" / "index.html").read_text(encoding="utf-8")
    assert "SMA Negeri 1 Contoh" in home  # a school from the example .xlsx list
    assert (site_dir / "kontak-dan-jadwal.html").is_file()  # the district's own page
    assert (site_dir / "lembar-kerja" / "perencanaan.html").is_file()  # worksheet templates (lembar/)
    assert (site_dir / "katalog" / "praktik-kinerja" / "index.html").is_file()  # the packaged catalogue
