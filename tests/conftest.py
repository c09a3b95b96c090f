"""Shared fixtures: a throw-away copy of the project, a built site, and a CLI runner."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("catalog", "content", "theme", "site_config.yml")


def copy_project(dest: Path) -> Path:
    """Copy the real project inputs into `dest` so a test can break them freely."""
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        else:
            shutil.copy(src, dest / part)
    return dest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "proyek")


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run `handbook ARGS` in `cwd` as a user would, capturing its output and exit code.

    In this process (the same `generator.cli.main` that `python -m generator` calls, without
    starting Python and importing everything again) unless the command may print PDFs: Playwright
    cannot start inside this session's browser, so a build without --no-pdf runs as a process."""
    if args[:1] == ("build",) and "--no-pdf" not in args:
        return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                              capture_output=True, text=True, env=_env(), timeout=300)
    from generator.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as e:  # argparse: --help, wrong usage
            code = e.code
    return subprocess.CompletedProcess(["handbook", *args], code, out.getvalue(), err.getvalue())


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    # Builds as processes use the compiled modules (__pycache__) like a user's, instead of
    # compiling the generator again each time where the environment turns that off.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def shared_build(tmp_path_factory, name: str, make) -> Path:
    """`make(folder)` run once per test run, also when pytest-xdist runs several workers (they
    take turns on a lock; the first one builds); tests only read the result."""
    from generator.lock import exclusive

    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each worker's own
    folder, done = base / name, base / f".{name}.selesai"
    with exclusive(base / f".{name}.lock", name):
        if not done.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            make(folder)
            done.touch()
    return folder


def pytest_xdist_auto_num_workers(config) -> int:
    """Workers for `-n auto`: half again as many as cores. A worker spends much of its time
    waiting (for Chromium to load, print or run axe-core, for a server or another build's lock),
    so one worker per core left the cores idle about half the time."""
    return max(2, (3 * (os.cpu_count() or 1) + 1) // 2)


def _build_national(folder: Path) -> None:
    result = run_cli("build", cwd=copy_project(folder / "proyek"))
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real handbook with its PDFs, built once per test run (tests only read it). Through
    the command line: printing runs Playwright, which cannot start inside the session's browser."""
    return shared_build(tmp_path_factory, "build", _build_national) / "proyek" / "site"


def pytest_collection_modifyitems(config, items):
    """The files that read the national build run after the others, which run while it is made
    in the background (_national_build_early): it takes about 40 s, mostly Chromium printing,
    that the workers used to spend waiting for it."""
    reads = {item.path for item in items if "built_site" in item.fixturenames}
    items.sort(key=lambda item: item.path in reads)  # stable: each file's order is kept


@pytest.fixture(scope="session", autouse=True)
def _national_build_early(request, tmp_path_factory):
    """On the first worker, start the national build as the run starts, if a selected test reads
    it (the session's items are those left after -k and other deselection). A failure here is not
    lost: the built_site fixture then builds again and reports it."""
    if os.environ.get("PYTEST_XDIST_WORKER", "gw0") != "gw0" or \
            not any("built_site" in item.fixturenames for item in request.session.items):
        yield
        return
    tmp_path_factory.getbasetemp()  # made here, not by two threads at once
    thread = threading.Thread(target=shared_build, args=(tmp_path_factory, "build", _build_national),
                              daemon=True)
    thread.start()
    yield
    thread.join()


def seed_pdf_cache(project: Path, built_site: Path) -> None:
    """Give a fresh copy of the project the PDF cache of the session's build: a build prints only
    the PDFs whose pages differ from the national handbook's (as a rebuild does for a user)."""
    shutil.copytree(built_site.parent / "build" / "cache" / "pdf", project / "build" / "cache" / "pdf")


@pytest.fixture(scope="session")
def editions_site(tmp_path_factory) -> Path:
    """The handbook with the test editions (tests/test_editions.py, add_editions), every edition
    built with its zip and without PDFs, once per run; tests only read it."""
    from tests.test_editions import add_editions

    def make(folder: Path) -> None:
        project = add_editions(copy_project(folder / "proyek"))
        result = run_cli("build", "--all", "--zip", "--no-pdf", cwd=project)
        assert result.returncode == 0, result.stderr

    return shared_build(tmp_path_factory, "edisi", make) / "proyek" / "site"


NEXT_YEAR = ROOT / "tests/fixtures/katalog-2027"  # made-up test data, never published


def next_year_project(dest: Path) -> Path:
    """The real project with the made-up 2027 catalogue files, edited as a coordinator would."""
    project = copy_project(dest)
    for path in NEXT_YEAR.glob("*.yml"):
        shutil.copy(path, project / "catalog" / path.name)
    # The renamed component's id changed, so guides that link to it, and the glossary term that
    # names it as the page explaining it in full, are updated too (`check` names both).
    for guide in (project / "content").rglob("*.md"):
        text = guide.read_text(encoding="utf-8")
        guide.write_text(text.replace("[[pengembangan-kompetensi]]", "[[pengembangan-profesi]]"), encoding="utf-8")
    replace_in(project / "catalog/glosarium.yml", "selengkapnya: pengembangan-kompetensi",
               "selengkapnya: pengembangan-profesi")
    config = project / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("Katalog 2026", "Katalog 2027"), encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def site_2027(tmp_path_factory) -> Path:
    """The handbook built (in-process, without PDFs) from the made-up 2027 catalogue."""
    from generator.build import build_site

    def make(folder: Path) -> None:
        project = next_year_project(folder / "proyek")
        build_site(project, project / "site", pdf=False)

    return shared_build(tmp_path_factory, "2027", make) / "proyek" / "site"


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    """Edit a project file in place; fails loudly if `old` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


# Headless Chromium from Debian (/usr/bin/chromium) driven by Playwright; no browser download.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"])
        yield browser
        browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI a browser test never passes by being skipped: a skip there is a failure."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("CI") and item.get_closest_marker("browser"):
        report.outcome = "failed"
        report.longrepr = f"browser test skipped in CI: {report.longrepr}"
