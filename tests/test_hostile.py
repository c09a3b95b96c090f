"""Hostile and unlucky input (issue 16): each case ends in a working build or in located Indonesian
problems, `check` rejects what `build` would, and nothing of the user's is deleted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import lock
from generator.build import MARKER, MARKER_TEXT, build_site, load_project
from generator.errors import HandbookError
from tests.conftest import ROOT, _env, replace_in, run_cli

CORPUS = ROOT / "tests" / "hostile"


def problems(project: Path) -> list[str]:
    """What `check` says, in-process; [] when the project is valid."""
    try:
        load_project(project)
    except HandbookError as e:
        return [str(p) for p in e.problems]
    return []


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def add_edition(project: Path, text: str) -> Path:
    config = project / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8") + text, encoding="utf-8")
    return config


# --- 1, 2: YAML bounds ---------------------------------------------------------------------------

def test_alias_bomb_is_refused_at_its_line(project):
    config = add_edition(project, (CORPUS / "alias-bomb.yml").read_text(encoding="utf-8"))
    found = problems(project)
    assert len(found) == 1
    assert found[0].startswith("site_config.yml:")
    line = int(found[0].split(":")[1])
    assert "&a" in config.read_text(encoding="utf-8").splitlines()[line - 1]
    assert "alias YAML (*a" in found[0] and "mengulang terlalu banyak isi" in found[0]


def test_deep_nesting_is_refused_at_its_line(project):
    path = project / "catalog/sumber.yml"
    replace_in(path, "jenis: artikel", "jenis: " + "[" * 3000)
    assert problems(project) == [
        f"catalog/sumber.yml:{line_of(path, '[[[')}: isi bersarang terlalu dalam (lebih dari 50 tingkat);"
        " periksa tanda '[' dan '{' yang tidak ditutup"]


def test_huge_yaml_file_is_refused(project):
    path = project / "catalog/glosarium.yml"
    path.write_text(path.read_text(encoding="utf-8") + "#" * 2_100_000 + "\n", encoding="utf-8")
    assert problems(project) == ["catalog/glosarium.yml:1: isi YAML terlalu besar (lebih dari 2 juta karakter);"
                                 " berkas proyek ini biasanya hanya puluhan ribu karakter"]


@pytest.mark.parametrize("value, expected", [
    ("&a [*a]", "alias YAML (*nama) merujuk ke isi yang memuat dirinya sendiri"),
    ("2026-13-45", "nilai '2026-13-45' tidak dapat dibaca; apit dengan tanda kutip bila maksudnya teks"),
    ("!!python/object:os.system x", "tanda '!' memulai tag YAML; apit teks yang diawali '!' dengan tanda kutip"),
    ("0x" + "f" * 40, "angka terlalu besar; apit dengan tanda kutip bila maksudnya teks"),
    ("ab\x01", "karakter kendali (U+0001) tidak boleh ada di berkas ini; hapus karakter itu"),
])
def test_unusual_yaml_values_get_indonesian_messages(project, value, expected):
    path = project / "catalog/sumber.yml"
    replace_in(path, "jenis: artikel", "jenis: " + value)
    assert problems(project) == [f"catalog/sumber.yml:{line_of(path, 'jenis: ' + value[:2])}: {expected}"]


# --- 3: module names that are not text -------------------------------------------------------------

@pytest.mark.parametrize("key, shown", [("1", "'1'"), ("~", "kosong")])
def test_module_key_that_is_not_text(project, key, shown):
    config = project / "site_config.yml"
    replace_in(config, "  nilai-dan-makna-kerja: false", f"  {key}: false")
    assert problems(project) == [
        f"site_config.yml:{line_of(config, f'  {key}: false')}: nama modul {shown} tidak sah; tulis nama modul"
        " sebagai teks, contoh: 'nilai-dan-makna-kerja: true'"]


# --- 4, 5: ids that cannot be file names ----------------------------------------------------------

@pytest.mark.parametrize("edition_id, reason", [
    ("a" * 252, "terlalu panjang (252 karakter, paling banyak 100)"),
    ("kab-" + "b" * 296, "terlalu panjang (300 karakter, paling banyak 100)"),
    ("con", "nama ini dipakai Windows untuk perangkat"),
    ("nul", "nama ini dipakai Windows untuk perangkat"),
    ("lpt1", "nama ini dipakai Windows untuk perangkat"),
])
def test_edition_ids_that_cannot_be_folder_names(project, edition_id, reason):
    config = add_edition(project, f"edisi:\n  - id: {edition_id}\n    nama: Kabupaten Uji\n    jenis: kabupaten\n")
    [found] = problems(project)
    assert found.startswith(f"site_config.yml:{line_of(config, 'id: ' + edition_id)}: id edisi '{edition_id[:40]}")
    assert reason in found


def test_catalogue_ids_are_limited_too(project):
    path = project / "catalog/tugas_pokok.yml"
    replace_in(path, "id: tt-guru-piket", "id: aux")
    [found] = problems(project)
    assert found.startswith(f"catalog/tugas_pokok.yml:{line_of(path, 'id: aux')}: id 'aux' tidak sah: nama ini"
                            " dipakai Windows")


# --- 6, 7: editor, backup and system files ---------------------------------------------------------

def test_editor_and_system_files_are_ignored_everywhere(project):
    """Dangling Emacs lock links, macOS metadata, backups and .DS_Store next to real files."""
    appledouble = (CORPUS / "appledouble.bin").read_bytes()
    edition = project / "editions/kab-uji/content"
    edition.mkdir(parents=True)
    (edition / "faq.md").write_text((project / "content/faq.md").read_text(encoding="utf-8"), encoding="utf-8")
    add_edition(project, "edisi:\n  - id: kab-uji\n    nama: Kabupaten Uji\n    jenis: kabupaten\n")
    for folder in ("content", "content/coaching", "catalog", "theme/assets/stylesheets", "theme/partials",
                   "editions/kab-uji/content"):
        for name in ("faq.md", "perilaku.yml", "handbook.css", "header.html"):
            os.symlink("guru@laptop.4242:1700000000", project / folder / f".#{name}")
            (project / folder / f"._{name}").write_bytes(appledouble)
            (project / folder / f"{name}~").write_text("salinan lama", encoding="utf-8")
        (project / folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (project / "content/.obsidian").mkdir()
    (project / "content/.obsidian/catatan.md").write_text("bukan panduan", encoding="utf-8")
    assert problems(project) == []
    assert len(load_project(project).guides) == len(load_project(ROOT).guides)
    build_site(project, project / "site", pdf=False)
    built = [p.name for p in (project / "site").rglob("*")]
    assert "handbook.css" in built
    assert not [n for n in built if n.startswith((".#", "._", ".DS")) or n.endswith("~")]


def test_a_theme_file_that_cannot_be_read_fails_check(project):
    os.symlink("tidak-ada.css", project / "theme/assets/stylesheets/tambahan.css")
    assert problems(project) == ["theme/assets/stylesheets/tambahan.css: berkas tidak dapat dibaca (tautan ke"
                                 " berkas yang tidak ada); hapus atau perbaiki berkas ini"]


def test_a_broken_theme_template_fails_check_and_build_at_its_line(project):
    path = project / "theme/partials/header.html"
    path.write_text(path.read_text(encoding="utf-8") + "{% if config.x %}\n", encoding="utf-8")
    line = len(path.read_text(encoding="utf-8").splitlines())
    expected = [f"theme/partials/header.html:{line}: templat tema tidak dapat dipakai: periksa pasangan"
                " '{% ... %}' (misalnya 'if' ditutup 'endif') dan '{{ ... }}' di baris ini"]
    assert problems(project) == expected
    # A template that parses but fails while rendering is only found by the build, also located.
    path.write_text(path.read_text(encoding="utf-8").replace("{% if config.x %}", "{{ config.x.y.z }}"),
                    encoding="utf-8")
    with pytest.raises(HandbookError) as error:
        build_site(project, project / "site", pdf=False)
    assert [str(p) for p in error.value.problems] == expected


# --- 8: images ------------------------------------------------------------------------------------

def test_a_missing_image_is_located_and_an_existing_one_is_copied(project):
    guide = project / "content/coaching/tirta.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n![Alur TIRTA](gambar/alur%20tirta.png)\n"
                     "[Unduh](/mutlak.pdf) dan [lihat](../../luar.png)\n", encoding="utf-8")
    line = line_of(guide, "![Alur TIRTA]")
    assert problems(project) == [
        f"content/coaching/tirta.md:{line}: gambar atau berkas 'gambar/alur%20tirta.png' tidak ada; simpan"
        " berkasnya sebagai content/coaching/gambar/alur tirta.png, atau perbaiki tautannya",
        f"content/coaching/tirta.md:{line + 1}: tautan ke '../../luar.png' keluar dari folder content; simpan"
        " berkasnya di dalam content",
        f"content/coaching/tirta.md:{line + 1}: tautan ke '/mutlak.pdf' harus relatif terhadap halaman ini"
        " (tanpa '/' di depan), misalnya 'gambar/siklus.png'"]
    replace_in(guide, "[Unduh](/mutlak.pdf) dan [lihat](../../luar.png)\n", "")
    (project / "content/coaching/gambar").mkdir()
    image = (ROOT / "readme/beranda.png").read_bytes()
    (project / "content/coaching/gambar/alur tirta.png").write_bytes(image)
    assert problems(project) == []
    build_site(project, project / "site", pdf=False)
    assert (project / "site/coaching/gambar/alur tirta.png").read_bytes() == image
    assert 'src="gambar/alur%20tirta.png"' in (project / "site/coaching/tirta.html").read_text(encoding="utf-8")


# --- 10, 11: only our folders are deleted; builds take turns ---------------------------------------

def test_leftovers_are_removed_only_with_our_marker(project):
    theirs = project / ".site.lama-999999"
    theirs.mkdir()
    (theirs / "nilai-siswa.xlsx").write_bytes(b"penting")
    ours = project / ".site.baru-999998"
    ours.mkdir()
    (ours / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    build_site(project, project / "site", pdf=False)
    assert (theirs / "nilai-siswa.xlsx").read_bytes() == b"penting"
    assert not ours.exists()


def test_two_builds_into_one_output_take_turns(project):
    assert run_cli("build", "--no-pdf", cwd=project).returncode == 0
    command = [sys.executable, "-m", "generator", "build", "--no-pdf"]
    first = subprocess.Popen(command, cwd=project, env=_env(), stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)  # the first one holds the lock by now (it loads for about a second)
    second = subprocess.Popen(command, cwd=project, env=_env(), stderr=subprocess.PIPE, text=True)
    outputs = [p.communicate(timeout=300)[1] for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert "sedang memakai folder keluaran site/; menunggu sampai selesai" in outputs[1]
    assert (project / "site/index.html").is_file()
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []


def test_the_lock_file_fallback_waits_and_takes_over_a_dead_builds_lock(tmp_path, monkeypatch, capsys):
    """Without flock (Windows): an exclusive file with the owner's pid."""
    monkeypatch.setattr(lock, "fcntl", None)
    monkeypatch.setattr(lock, "POLL_SECONDS", 0.05)
    path = tmp_path / ".site.lock"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    path.write_text(dead)
    with lock.exclusive(path, "folder keluaran site/"):
        assert path.read_text() == str(os.getpid())
    assert not path.exists()
    assert capsys.readouterr().err == ""  # a dead owner is not waited for
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        path.write_text(str(sleeper.pid))
        import threading

        threading.Timer(0.5, path.unlink).start()  # the other build finishes
        with lock.exclusive(path, "folder keluaran site/"):
            pass
        assert f"Build lain (proses {sleeper.pid}) sedang memakai folder keluaran site/" in capsys.readouterr().err
    finally:
        sleeper.kill()
        sleeper.wait()


# --- 12: serve ------------------------------------------------------------------------------------

def test_serve_survives_broken_input_and_removes_its_temporary_folder(project, tmp_path):
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    temp = tmp_path / "tmp"
    temp.mkdir()
    header = project / "theme/partials/header.html"
    good_header = header.read_text(encoding="utf-8")
    header.write_text(good_header + "{% if %}\n", encoding="utf-8")  # the very first build fails
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(port)], cwd=project,
                                env={**_env(), "TMPDIR": str(temp)}, stdout=out, stderr=subprocess.STDOUT)

    def page(path: str) -> str:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:  # noqa: S310
                    return response.read().decode("utf-8")
            except OSError:
                assert proc.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.3)

    def wait_for(text: str) -> None:
        deadline = time.monotonic() + 90
        while text not in log.read_text():
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.3)

    try:
        assert "Pratinjau belum tersedia" in page("/index.html")
        assert "theme/partials/header.html:" in log.read_text()
        header.write_text(good_header, encoding="utf-8")
        wait_for("Pratinjau diperbarui.")
        assert "Tanya jawab" in page("/faq.html")
        replace_in(project / "content/faq.md", "judul: ", "judul: [rusak ")
        wait_for("content/faq.md:2:")
        assert "Tanya jawab" in page("/faq.html")  # the last good build is still served
        assert "Traceback" not in log.read_text()
        assert [p.name for p in temp.iterdir()][0].startswith("handbook-pratinjau-")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    assert list(temp.iterdir()) == []
