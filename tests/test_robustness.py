"""Random and malformed input: the loaders answer with a build or a clear message, never a crash."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import load_project
from generator.errors import HandbookError
from tests.conftest import ROOT, _env, run_cli

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NOISE = st.sampled_from([":", ": ", "\t", "- ", '"', "'", "{", "}", "[", "]", "#", "&a", "*a", "|",
                         ">", "%", "@", "`", "\x00", "\ufeff", "é", "\n", "  ", "---", "..."])


@pytest.fixture(scope="module")
def scratch():
    folder = Path(tempfile.mkdtemp(prefix="acak-"))
    original = folder / "asli"
    original.mkdir()
    for part in ("catalog", "content", "site_config.yml"):  # what loading reads (no theme)
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, original / part)
    yield folder
    shutil.rmtree(folder)


def fresh(scratch: Path) -> Path:
    work = scratch / "kerja"
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(scratch / "asli", work)
    return work


def mutate(text: str, data) -> str:
    """Insert, delete or duplicate a few things at random places in a real file."""
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 4))):
        action = data.draw(st.sampled_from(["insert", "delete", "duplicate", "indent"]))
        at = data.draw(st.integers(0, max(0, len(lines) - 1)))
        if action == "insert":
            line = lines[at]
            col = data.draw(st.integers(0, len(line)))
            lines[at] = line[:col] + data.draw(NOISE) + line[col:]
        elif action == "delete" and len(lines) > 1:
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        else:
            lines[at] = " " * data.draw(st.integers(0, 5)) + lines[at].lstrip()
    return "\n".join(lines)


def outcome(project: Path) -> str:
    """'ok' or 'problems'; anything else (an exception) fails the test."""
    try:
        load_project(project)
        return "ok"
    except HandbookError as e:
        assert e.problems, "an error must say what is wrong"
        for problem in e.problems:
            assert str(problem).strip() and "Traceback" not in str(problem)
        return "problems"


@SETTINGS
@given(data=st.data(), name=st.sampled_from(["perilaku.yml", "tugas_pokok.yml", "predikat.yml",
                                             "linimasa.yml", "sumber.yml", "katalog.yml"]))
def test_mutated_catalogue_files(scratch, data, name):
    project = fresh(scratch)
    path = project / "catalog" / name
    path.write_text(mutate(path.read_text(encoding="utf-8"), data), encoding="utf-8")
    outcome(project)


@SETTINGS
@given(text=st.text(max_size=300))
def test_arbitrary_text_as_a_catalogue_file(scratch, text):
    project = fresh(scratch)
    (project / "catalog/siklus.yml").write_text(text, encoding="utf-8")
    outcome(project)


@SETTINGS
@given(text=st.text(max_size=300) | st.sampled_from(["berkas: [a]", "rencana: {a: 1}", "berkas: {[a]: b}",
                                                      "rencana:\n  - berkas: [x]\n    kunci: 3", "cari: 5"]))
def test_arbitrary_text_as_the_manifest(scratch, text):
    project = fresh(scratch)
    (project / "catalog/katalog.yml").write_text(text, encoding="utf-8")
    outcome(project)


@SETTINGS
@given(data=st.data())
def test_mutated_site_config(scratch, data):
    project = fresh(scratch)
    path = project / "site_config.yml"
    path.write_text(mutate(path.read_text(encoding="utf-8") + """edisi:
  - id: kab-contoh
    nama: Kabupaten Contoh
    jenis: kabupaten
    prioritas: [pk-umpan-balik]
    tenggat:
      perencanaan: Perencanaan paling lambat 24 Januari 2026
daftar_sekolah: [sekolah.csv]
""", data), encoding="utf-8")
    (project / "sekolah.csv").write_text("npsn,nama,jenjang,region,prioritas\n20200001,SD Satu,SD,kab-contoh,\n",
                                         encoding="utf-8")
    outcome(project)


CSV_CELL = st.one_of(st.text(max_size=12), st.sampled_from(["20200001", "kab-contoh", "SMP", "pk-umpan-balik",
                                                             "Dimensi Manajemen Kelas;x", '"', ",", ";"]))


@SETTINGS
@given(rows=st.lists(st.lists(CSV_CELL, min_size=0, max_size=7), max_size=5))
def test_random_csv_rows(scratch, rows):
    project = fresh(scratch)
    config = project / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8") + "edisi:\n  - id: kab-contoh\n    nama: Kab\n"
                      "    jenis: kabupaten\ndaftar_sekolah: [sekolah.csv]\n", encoding="utf-8")
    body = "\n".join(",".join(cell.replace("\n", " ") for cell in row) for row in rows)
    (project / "sekolah.csv").write_text("npsn,nama,jenjang,region,prioritas\n" + body, encoding="utf-8")
    outcome(project)


@SETTINGS
@given(data=st.data(), extra=st.text(max_size=200))
def test_mutated_guides(scratch, data, extra):
    project = fresh(scratch)
    path = project / "content/faq.md"
    path.write_text(mutate(path.read_text(encoding="utf-8"), data) + extra, encoding="utf-8")
    outcome(project)


def test_markup_in_the_catalogue_is_shown_as_text(project):
    path = project / "catalog/praktik_kinerja.yml"
    text = path.read_text(encoding="utf-8").replace(
        "nama: Aktivitas Interaktif", "nama: \"Aktivitas <script>window.diserang=1</script> *Interaktif* [x](y) {: #z }\"")
    path.write_text(text, encoding="utf-8")
    result = run_cli("build", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    html = (project / "site/katalog/praktik-kinerja/pk-aktivitas-interaktif.html").read_text(encoding="utf-8")
    assert "<script>window.diserang" not in html
    assert "&lt;script&gt;window.diserang=1&lt;/script&gt;" in html
    assert "<em>Interaktif</em>" not in html


def test_a_killed_build_leaves_the_previous_site(project):
    assert run_cli("build", "--no-pdf", cwd=project).returncode == 0
    before = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    for delay in (0.3, 0.6, 0.9, 1.2):
        proc = subprocess.Popen([sys.executable, "-m", "generator", "build", "--no-pdf"], cwd=project,
                                env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
        assert after == before, f"site changed when killed after {delay}s"
    # The next build cleans up what the killed ones left behind and succeeds.
    assert run_cli("build", "--no-pdf", cwd=project).returncode == 0
    assert [p.name for p in project.iterdir() if p.name.startswith(".site.")] == []
