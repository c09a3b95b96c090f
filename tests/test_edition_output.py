"""The multi-edition output over time: incremental rebuilds, adding one edition, joining shards."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import copy_project, replace_in, run_cli
from tests.test_editions import add_editions


def snapshot(site: Path) -> dict[str, tuple[int, int]]:
    """Every file with its inode and modification time: what "untouched" means to a host or rsync."""
    return {p.relative_to(site).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in site.rglob("*") if p.is_file()}


def contents(site: Path) -> dict[str, bytes]:
    # The sitemap carries the build date; everything else must match byte for byte.
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file() and not p.name.startswith("sitemap.xml")}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return add_editions(copy_project(tmp_path_factory.mktemp("keluaran") / "proyek"))


def test_rebuild_after_one_row_changed_touches_only_that_edition(project):
    assert run_cli("build", "--all", "--no-pdf", cwd=project).returncode == 0
    site = project / "site"
    before = snapshot(site)
    replace_in(project / "editions/sekolah.csv", "SD Negeri 2 Contoh", "SD Negeri 2 Contoh Baru")
    result = run_cli("build", "--all", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    after = snapshot(site)
    changed = sorted(path for path in after if before.get(path) != after[path])
    # The changed school, the edition list, and the build's own bookkeeping; nothing else.
    bookkeeping = {".handbook-edisi.json", ".handbook-output", "edisi/edisi.json", "edisi/index.html",
                   "sitemap.xml", "sitemap.xml.gz"}
    assert [p for p in changed if not p.startswith("edisi/20200002/") and p not in bookkeeping] == []
    assert "edisi/20200002/index.html" in changed and "edisi/index.html" in changed
    assert len([p for p in after if p.startswith("edisi/2020000")]) > 8  # the others are there, untouched
    assert "SD Negeri 2 Contoh Baru" in (site / "edisi/20200002/index.html").read_text(encoding="utf-8")


def test_one_edition_into_a_multi_edition_output_keeps_the_others(tmp_path):
    work = add_editions(copy_project(tmp_path / "proyek"))
    assert run_cli("build", "--edition", "20200001", "--no-pdf", cwd=work).returncode == 0
    result = run_cli("build", "--edition", "20200002", "--no-pdf", cwd=work)
    assert result.returncode == 0, result.stderr
    site = work / "site"
    assert (site / "edisi/20200001/index.html").is_file() and (site / "edisi/20200002/index.html").is_file()
    assert not (site / "edisi/20200003").exists()
    # The national build alone keeps them too, and an edition removed from the list goes.
    replace_in(work / "editions/sekolah.csv", "20200002,SD Negeri 2 Contoh", "20200009,SD Negeri 9 Contoh")
    assert run_cli("build", "--no-pdf", cwd=work).returncode == 0
    assert (site / "edisi/20200001/index.html").is_file()
    assert not (site / "edisi/20200002").exists()


def test_three_shards_joined_equal_one_run(project, tmp_path):
    single = tmp_path / "satu"
    assert run_cli("build", "--all", "--no-pdf", "--zip", "--out", str(single), cwd=project).returncode == 0
    parts = []
    for k in (1, 2, 3):
        out = tmp_path / f"potongan-{k}"
        result = run_cli("build", "--shard", f"{k}/3", "--no-pdf", "--zip", "--out", str(out), cwd=project)
        assert result.returncode == 0, result.stderr
        parts.append(str(out))
    shard_editions = [sorted(p.name for p in (Path(part) / "edisi").iterdir() if (p / "data.js").is_file())
                      for part in parts]
    assert sum(len(s) for s in shard_editions) == 6 and all(shard_editions)
    joined = tmp_path / "gabungan"
    result = run_cli("join", *parts, "--out", str(joined), cwd=project)
    assert result.returncode == 0, result.stderr
    assert contents(joined).keys() == contents(single).keys()
    assert contents(joined) == contents(single)


def test_join_refuses_parts_from_different_inputs(project, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert run_cli("build", "--shard", "1/2", "--no-pdf", "--out", str(first), cwd=project).returncode == 0
    other = copy_project(tmp_path / "lain")
    shutil.copytree(project / "editions", other / "editions")
    shutil.copy(project / "site_config.yml", other / "site_config.yml")
    shutil.copy(project / "content/modul.md", other / "content/modul.md")
    replace_in(other / "content/faq.md", "Tanya", "Tanya (versi lain)")
    assert run_cli("build", "--shard", "2/2", "--no-pdf", "--out", str(second), cwd=other).returncode == 0
    result = run_cli("join", str(first), str(second), "--out", str(tmp_path / "c"), cwd=project)
    assert result.returncode == 1
    assert "dibangun dari isi panduan yang berbeda" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "c").exists()
    result = run_cli("join", str(tmp_path / "tidak-ada"), "--out", str(tmp_path / "c"), cwd=project)
    assert result.returncode == 1 and "bukan hasil 'handbook build'" in result.stderr


def test_ten_thousand_schools_load_and_check(tmp_path):
    """A big school list is read and checked (its speed is measured in bench/editions.py)."""
    from generator.build import load_project

    work = add_editions(copy_project(tmp_path / "proyek"))
    rows = ["npsn,nama,jenjang,region,prioritas"] + [
        f"{30000000 + n},SD Negeri {n} Contoh,SD,kab-bandung,{'pk-umpan-balik' if n % 3 == 0 else ''}"
        for n in range(10_000)]
    (work / "editions/sekolah.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    project = load_project(work)
    assert len(project.config.editions) == 3 + 10_000
    school, _ = project.edition("30000001")
    assert school.priorities == ["dim-manajemen-kelas"] and school.priorities_from == "Kabupaten Bandung"
    own, _ = project.edition("30000003")
    assert own.priorities == ["pk-umpan-balik"] and own.priorities_from is None


def test_a_multi_edition_build_shows_progress_on_a_terminal(tmp_path):
    import os
    import pty
    import subprocess
    import sys

    from tests.conftest import ROOT

    work = add_editions(copy_project(tmp_path / "proyek"))
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "generator", "build", "--all", "--no-pdf"], cwd=work,
                               stdin=follower, stdout=follower, stderr=follower,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    assert process.wait(timeout=300) == 0
    text = output.decode()
    assert "Edisi 6 dari 6" in text
    home = (work / "site/index.html").read_text(encoding="utf-8")
    assert 'href="edisi/index.html"' in home  # the national home leads to the editions


def test_a_new_generator_writes_every_edition_again(tmp_path, monkeypatch):
    """Unchanged inputs but a changed generator (an upgrade): editions are written again, not
    reused (files that come out byte for byte the same then keep their dates)."""
    from generator import edition_site
    from generator.build import build

    project = add_editions(copy_project(tmp_path / "proyek"))
    written = build(project, project / "site", every=True, pdf=False).pages
    reused = build(project, project / "site", every=True, pdf=False).pages
    assert reused < written  # same generator: the editions' pages are reused
    monkeypatch.setattr(edition_site, "generator_digest", lambda: "versi-lain")
    assert build(project, project / "site", every=True, pdf=False).pages == written
