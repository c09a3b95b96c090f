"""A fresh machine: `make site` in a fresh clone, the Debian installer, and a build without Chromium."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest

from generator import install_deps
from generator.pdf import PDF_SKIPPED
from tests.conftest import ROOT
from tests.test_package import fresh_venv, outside_env


@pytest.mark.slow
def test_make_site_in_a_fresh_clone_without_chromium(tmp_path):
    """Chromium hidden (HANDBOOK_CHROMIUM=none): the site is built, without PDFs, and the only
    words about it are one line. The clone's .venv borrows the installed dependencies instead of
    downloading them again (the pip step is the Makefile's own, unchanged)."""
    clone = tmp_path / "klon"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, timeout=120)
    fresh_venv(clone / ".venv")
    time.sleep(0.01)
    (clone / ".venv/.installed").touch()  # newer than pyproject.toml: make skips pip
    result = subprocess.run(["make", "site"], cwd=clone, env=outside_env(), capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert lines[0] == PDF_SKIPPED
    assert lines[1] == "Membangun panduan…" and re.match(r"Selesai: \d+ halaman dalam", lines[2])
    assert len(lines) == 3  # nothing else: no command echo, no warnings
    site = clone / "site"
    assert (site / "lembar-kerja" / "perencanaan.html").is_file()
    assert not list(site.rglob("*.pdf"))


def test_explicit_pdf_without_chromium_fails_clearly(project):
    env = dict(os.environ, HANDBOOK_CHROMIUM="none", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--pdf"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Chromium tidak ditemukan" in result.stderr
    assert not (project / "site").exists()


def test_installer_asks_for_what_is_missing(monkeypatch):
    monkeypatch.setenv("HANDBOOK_CHROMIUM", "none")
    assert "chromium" not in install_deps.missing("pdf")  # 'none' means: do not install it
    monkeypatch.delenv("HANDBOOK_CHROMIUM")
    monkeypatch.setattr(install_deps, "find_chromium", lambda: None)
    monkeypatch.setattr(install_deps.shutil, "which", lambda name: None)
    assert install_deps.missing("pdf") == ["chromium", *install_deps.FONTS]
    assert install_deps.missing("test") == ["chromium", *install_deps.FONTS, "poppler-utils", "nodejs", "npm"]


def test_installer_without_root_skips_pdfs_quietly_and_fails_tests_loudly(monkeypatch, capsys):
    monkeypatch.setattr(install_deps, "missing", lambda need: ["chromium"])
    monkeypatch.setattr(install_deps, "_installer", lambda: None)
    assert install_deps.install("pdf") == 0
    assert capsys.readouterr().err == ""  # the build says it, in one line
    assert install_deps.install("test") == 1
    assert "sudo apt install chromium" in capsys.readouterr().err


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"^(make test)\s+#", readme, re.M).group(1)
    steps = [line for line in (ROOT / ".ci/run").read_text().splitlines()
             if line and not line.startswith(("#", " ", "set ", "cd ", "if ", "fi"))]
    assert steps == [command]


def test_installer_says_what_it_installs_and_runs_apt_get(tmp_path, monkeypatch, capsys):
    calls = tmp_path / "apt-get.calls"
    fake = tmp_path / "bin" / "apt-get"
    fake.parent.mkdir()
    fake.write_text(f'#!/bin/sh\necho "$@" >> {calls}\n', encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(install_deps, "missing", lambda need: ["chromium", "fonts-dejavu-core"])
    monkeypatch.setattr(install_deps, "_installer", lambda: [])  # as root
    assert install_deps.install("pdf") == 0
    assert capsys.readouterr().err.startswith("Memasang paket Debian: chromium, fonts-dejavu-core (dengan apt-get;")
    assert calls.read_text().splitlines() == [
        "update -qq", "install -y -qq --no-install-recommends chromium fonts-dejavu-core"]
