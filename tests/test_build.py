"""End-to-end builds through the command line: output safety, strict links, a plain MkDocs stage."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import replace_in, run_cli


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_build_reports_and_writes_site(project):
    result = run_cli("build", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Selesai: 83 halaman" in result.stderr
    assert (project / "site/index.html").is_file()
    assert (project / "site/katalog/perilaku-kerja/loyal.html").is_file()
    assert (project / "site/.handbook-output").is_file()


def test_failed_build_leaves_previous_site_intact(project):
    assert run_cli("build", "--no-pdf", cwd=project).returncode == 0
    before = snapshot(project / "site")
    replace_in(project / "catalog/perilaku.yml", "id: loyal-2-3", "id: loyal-2-2")
    result = run_cli("build", "--no-pdf", cwd=project)
    assert result.returncode == 1
    assert "id 'loyal-2-2' sudah dipakai" in result.stderr
    assert "hasil build sebelumnya tidak diubah" in result.stderr
    assert snapshot(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def test_a_rebuild_replaces_the_previous_output(project):
    assert run_cli("build", "--no-pdf", cwd=project).returncode == 0
    replace_in(project / "catalog/praktik_kinerja.yml", "nama: Aktivitas Interaktif", "nama: Aktivitas Interaktif Baru")
    assert run_cli("build", "--no-pdf", cwd=project).returncode == 0
    html = (project / "site/katalog/praktik-kinerja/pk-aktivitas-interaktif.html").read_text(encoding="utf-8")
    assert "Aktivitas Interaktif Baru" in html


def test_refuses_an_output_folder_it_did_not_create(project):
    foreign = project / "dokumen-sekolah"
    foreign.mkdir()
    (foreign / "rapor.xlsx").write_bytes(b"penting")
    result = run_cli("build", "--no-pdf", "--out", "dokumen-sekolah", cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[1].startswith(
        "dokumen-sekolah: folder keluaran sudah berisi berkas lain dan bukan hasil build sebelumnya")
    assert (foreign / "rapor.xlsx").read_bytes() == b"penting"
    assert [p.name for p in foreign.iterdir()] == ["rapor.xlsx"]


def test_builds_into_an_empty_existing_folder(project):
    (project / "keluaran").mkdir()
    assert run_cli("build", "--no-pdf", "--out", "keluaran", cwd=project).returncode == 0
    assert (project / "keluaran/index.html").is_file()


def test_broken_guide_link_fails_the_build(project):
    guide = project / "content/faq.md"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text + "\nLihat [halaman ini](halaman-hilang.md).\n", encoding="utf-8")
    result = run_cli("build", "--no-pdf", cwd=project)
    assert result.returncode == 1
    assert f"content/faq.md:{len(text.splitlines()) + 2}: tautan ke 'halaman-hilang.md' rusak" in result.stderr
    assert not (project / "site").exists()


def test_broken_anchor_in_a_generated_page_fails_the_build(project):
    """Links by path into catalogue pages are checked by MkDocs' strict mode, named by guide file."""
    guide = project / "content/faq.md"
    guide.write_text(guide.read_text(encoding="utf-8")
                     + "\nLihat [dimensi](katalog/praktik-kinerja/index.md#dimensi-hilang).\n",
                     encoding="utf-8")
    result = run_cli("build", "--no-pdf", cwd=project)
    assert result.returncode == 1, result.stderr
    assert (f"content/faq.md:{len(guide.read_text(encoding='utf-8').splitlines())}: tautan ke"
            " 'katalog/praktik-kinerja/index.md#dimensi-hilang' rusak: bagian 'dimensi-hilang' tidak ada"
            " di halaman itu") in result.stderr
    assert "Traceback" not in result.stderr


def test_staged_project_builds_with_plain_mkdocs(project, tmp_path):
    assert run_cli("build", "--no-pdf", cwd=project).returncode == 0
    stage = project / "build/stage/nasional"
    assert not (stage / "mkdocs.yml").read_text().count("hooks:")
    out = tmp_path / "polos"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                             "-f", str(stage / "mkdocs.yml"), "-d", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert snapshot(out)["katalog/perilaku-kerja/loyal.html"] == snapshot(project / "site")[
        "katalog/perilaku-kerja/loyal.html"]


def test_cli_help_is_indonesian(project):
    result = run_cli("--help", cwd=project)
    assert result.returncode == 0
    assert result.stdout.startswith("Pemakaian: handbook")
    assert "periksa katalog, panduan, dan konfigurasi tanpa membangun" in result.stdout
    wrong = run_cli("bangun", cwd=project)
    assert wrong.returncode == 2
    assert "perintah tidak dapat dipahami" in wrong.stderr


ARGPARSE_ENGLISH = ("usage", "invalid choice", "unrecognized arguments", "expected one argument",
                    "the following arguments", "error:", "show this help", "options:", "invalid int")


@pytest.mark.parametrize("args", [["build", "--help"], ["check", "--help"], ["serve", "--help"]])
def test_subcommand_help_has_one_indonesian_usage_line(project, args):
    result = run_cli(*args, cwd=project)
    assert result.returncode == 0
    assert result.stdout.startswith(f"Pemakaian: handbook {args[0]} [-h]")
    assert result.stdout.count("Pemakaian:") == 1
    assert not any(english in result.stdout for english in ARGPARSE_ENGLISH)


@pytest.mark.parametrize("args, message", [
    (["bangun"], "handbook: perintah tidak dapat dipahami (argumen PERINTAH: pilihan 'bangun' tidak"
                 " dikenal (yang ada: 'build', 'join', 'check', 'serve', 'new')).\nLihat 'handbook --help'."),
    (["build", "-o", "x"], "handbook: perintah tidak dapat dipahami (argumen tidak dikenal: -o x).\n"
                           "Lihat 'handbook --help'."),
    (["build", "--edition"], "handbook build: perintah tidak dapat dipahami (argumen --edition: memerlukan"
                             " satu nilai).\nLihat 'handbook build --help'."),
    (["build", "--jobs", "dua"], "handbook build: perintah tidak dapat dipahami (argumen --jobs: 'dua'"
                                 " bukan bilangan bulat positif).\nLihat 'handbook build --help'."),
])
def test_wrong_usage_is_explained_in_indonesian(project, args, message):
    result = run_cli(*args, cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith("Pemakaian: handbook")
    assert result.stderr.rstrip().endswith(message)
    assert "Pemakaian: Pemakaian:" not in result.stderr and "'Pemakaian:" not in result.stderr
    assert not any(english in result.stderr for english in ARGPARSE_ENGLISH)


def test_every_page_says_when_it_changed_and_where_to_report_a_mistake(project):
    from bs4 import BeautifulSoup

    replace_in(project / "site_config.yml", "# laporan: (not set yet: the project has no public address for reports)",
               "laporan: koreksi@example.org")
    os.utime(project / "content/faq.md", (1767268800, 1767268800))  # 1 January 2026, noon UTC
    assert run_cli("build", "--no-pdf", cwd=project).returncode == 0
    # (the editions list, edisi/index.html, is a plain generated index outside the handbook's pages)
    pages = [p for p in (project / "site").rglob("*.html") if p.name != "404.html"
             and p.relative_to(project / "site").as_posix() != "edisi/index.html"]
    assert len(pages) > 50
    for page in pages:
        info = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").select_one("article .hb-halaman-info")
        assert info is not None, page
        assert info.get_text().count("Terakhir diperbarui: ") == 1, page
        link = info.find("a", string="Laporkan kesalahan di halaman ini")
        assert link["href"].startswith("mailto:koreksi@example.org?subject=Kesalahan%20di%20halaman%3A%20"), page
    faq = BeautifulSoup((project / "site/faq.html").read_text(encoding="utf-8"), "lxml")
    assert "Terakhir diperbarui: 1 Januari 2026" in faq.select_one(".hb-halaman-info").get_text()
    sources = BeautifulSoup((project / "site/katalog/sumber.html").read_text(encoding="utf-8"), "lxml")
    assert "Kirim laporan ke koreksi@example.org" in sources.find(id="melaporkan-kesalahan").find_next("p").get_text()
    assert "Petunjuk" not in run_cli("check", cwd=project).stderr


def test_without_a_report_address_the_link_leads_somewhere_real(project):
    """No address is made up: shared pages lead to how to report, an edition's pages to its contact."""
    from bs4 import BeautifulSoup

    from tests.test_editions import add_editions

    add_editions(project)
    check = run_cli("check", cwd=project)
    assert check.returncode == 0, check.stderr
    assert "Petunjuk: site_config.yml: 'laporan' belum diisi" in check.stderr
    assert run_cli("build", "--edition", "20200001", "--no-pdf", cwd=project).returncode == 0
    site = project / "site"

    def report(path):
        page = BeautifulSoup((site / path).read_text(encoding="utf-8"), "lxml")
        return page.select_one("article .hb-halaman-info").find("a", string="Laporkan kesalahan di halaman ini")["href"]

    assert report("faq.html") == "katalog/sumber.html#melaporkan-kesalahan"
    assert report("katalog/perilaku-kerja/loyal.html") == "../sumber.html#melaporkan-kesalahan"
    sources = BeautifulSoup((site / "katalog/sumber.html").read_text(encoding="utf-8"), "lxml")
    help_text = sources.find(id="melaporkan-kesalahan").find_next("p").get_text()
    assert "belum memiliki alamat khusus" in help_text
    # The school's contact has a mobile number and no e-mail: a WhatsApp message naming the page.
    assert report("edisi/20200001/jadwal-sekolah.html") == (
        "https://wa.me/6281200000000?text=Kesalahan%20di%20halaman%3A%20Jadwal%20di%20sekolah%20kami"
        "%20%E2%80%93%20SMP%20Negeri%201%20Contoh")
    assert report("edisi/20200001/index.html").startswith("https://wa.me/6281200000000?text=")


def test_edition_pages_say_when_their_source_changed(project):
    """An edition's own page shows the date of its own file, like a shared page (not the build's)."""
    from bs4 import BeautifulSoup

    from tests.test_editions import add_editions

    add_editions(project)
    os.utime(project / "editions/20200001/content/jadwal-sekolah.md", (1767268800, 1767268800))  # 1 Jan 2026
    assert run_cli("build", "--edition", "20200001", "--no-pdf", cwd=project).returncode == 0

    def info(path):
        page = BeautifulSoup((project / "site" / path).read_text(encoding="utf-8"), "lxml")
        return page.select_one("article .hb-halaman-info").get_text(" ")

    assert "Terakhir diperbarui: 1 Januari 2026" in info("edisi/20200001/jadwal-sekolah.html")
    for path in ("edisi/20200001/faq.html", "edisi/20200001/index.html"):
        assert info(path).count("Terakhir diperbarui: ") == 1, path
    # A new date alone (the file saved again) rewrites the edition's page.
    os.utime(project / "editions/20200001/content/jadwal-sekolah.md", (1769947200, 1769947200))  # 1 Feb 2026
    assert run_cli("build", "--edition", "20200001", "--no-pdf", cwd=project).returncode == 0
    assert "Terakhir diperbarui: 1 Februari 2026" in info("edisi/20200001/jadwal-sekolah.html")
