"""Editions: inheritance, CSV import and its errors, recommendations, shards, zips and the index."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.build import load_project
from generator.editions import select_shard
from tests.conftest import run_cli

EDITIONS = """
edisi:
  - id: jawa-barat
    nama: Provinsi Jawa Barat
    jenis: provinsi
    warna_utama: teal
    logo: editions/logo.svg
    kontak:
      - nama: Ibu Ratna
        peran: Koordinator PKG provinsi
        surel: ratna@example.org
    tenggat:
      perencanaan: Perencanaan paling lambat 28 Januari 2026
      penilaian: Predikat ditetapkan paling lambat 15 Desember 2026
  - id: kab-bandung
    nama: Kabupaten Bandung
    jenis: kabupaten
    induk: jawa-barat
    tenggat:
      perencanaan: Perencanaan paling lambat 24 Januari 2026
    prioritas: [Dimensi Manajemen Kelas]
    modul:
      contoh-modul: true
  - nama: SMP Negeri 1 Contoh
    jenis: sekolah
    npsn: "20200001"
    jenjang: SMP
    induk: kab-bandung
    warna_utama: green
    prioritas: [pk-umpan-balik]
    kontak:
      - nama: Pak Budi
        peran: Kepala sekolah
        telepon: "0812-0000-0000"
daftar_sekolah:
  - editions/sekolah.csv
"""

CSV = """npsn,nama,jenjang,region,prioritas
20200002,SD Negeri 2 Contoh,SD,kab-bandung,instruksi yang adaptif;Dimensi Dukungan Psikologis
20200003,SMA Negeri 3 Contoh,SMA,Provinsi Jawa Barat,
20200004,SD Negeri 4 Contoh,SD,kab-bandung,
"""

MODULE_PAGE = "---\njudul: Halaman modul\nringkasan: Modul pilihan.\nmodul: contoh-modul\n---\n\nIsi modul.\n"


def add_editions(project: Path) -> Path:
    """Turn a copy of the project into one with a province, a kabupaten, three schools and an overlay."""
    config = project / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      - glosarium.md\n", "      - glosarium.md\n  - Modul: modul.md\n").replace(
        "modul:\n", "modul:\n  contoh-modul: false\n") + EDITIONS, encoding="utf-8")
    (project / "content/modul.md").write_text(MODULE_PAGE, encoding="utf-8")
    (project / "editions").mkdir()
    (project / "editions/sekolah.csv").write_text(CSV, encoding="utf-8")
    (project / "editions/logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>',
        encoding="utf-8")
    overlay = project / "editions/20200001/content"
    overlay.mkdir(parents=True)
    (overlay / "jadwal-sekolah.md").write_text(
        "---\njudul: Jadwal di sekolah kami\nringkasan: Jadwal observasi setempat.\n---\n\n"
        "Observasi [[pk-umpan-balik]] dilakukan pada bulan Maret.\n", encoding="utf-8")
    (overlay / "faq.md").write_text("---\njudul: Tanya jawab sekolah\nringkasan: Versi sekolah.\n---\n\n"
                                    "## Siapa yang mengobservasi?\n\nKepala sekolah.\n", encoding="utf-8")
    return project


@pytest.fixture
def editions_project(project: Path) -> Path:
    return add_editions(project)


def test_inheritance(editions_project):
    project = load_project(editions_project)
    school, guides = project.edition("20200001")
    assert school.chain == ["nasional", "jawa-barat", "kab-bandung", "20200001"]
    assert school.colour == "green"  # its own
    assert school.deadlines == {"perencanaan": "Perencanaan paling lambat 24 Januari 2026",  # region
                                "penilaian": "Predikat ditetapkan paling lambat 15 Desember 2026"}  # province
    assert school.priorities == ["pk-umpan-balik"]  # its own replaces the region's
    assert school.contacts == [{"nama": "Pak Budi", "peran": "Kepala sekolah", "telepon": "0812-0000-0000"}]
    assert school.modules == {"contoh-modul": True, "nilai-dan-makna-kerja": False}  # kabupaten, national
    paths = {g.path: g for g in guides}
    assert "jadwal-sekolah.md" in paths and "modul.md" in paths
    assert paths["faq.md"].title == "Tanya jawab sekolah"  # overlay replaces the national page
    region, _ = project.edition("kab-bandung")
    assert region.colour == "teal" and region.contacts[0]["nama"] == "Ibu Ratna"
    assert region.priorities == ["dim-manajemen-kelas"]
    national, guides = project.edition("nasional")
    assert national.deadlines == {} and national.priorities == []
    assert "modul.md" not in {g.path for g in guides}  # module off by default


def test_csv_rows_become_school_editions(editions_project):
    project = load_project(editions_project)
    sd, _ = project.edition("20200002")
    assert sd.name == "SD Negeri 2 Contoh" and sd.level == "SD"
    assert sd.chain == ["nasional", "jawa-barat", "kab-bandung", "20200002"]
    assert sd.priorities == ["pk-instruksi-adaptif", "dim-dukungan-psikologis"]
    sma, _ = project.edition("20200003")
    assert sma.chain == ["nasional", "jawa-barat", "20200003"]  # region matched by name
    assert sma.priorities == []  # the province sets none


def check_lines(project: Path) -> list[str]:
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    return result.stderr.strip().splitlines()[:-1]


def test_bad_editions_are_reported_with_file_and_line(editions_project):
    config = editions_project / "site_config.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("    induk: jawa-barat\n", "    induk: jawa-baratt\n")
    text = text.replace('npsn: "20200001"', 'npsn: "2020"')
    text = text.replace("prioritas: [Dimensi Manajemen Kelas]", "prioritas: [Manajemen Kls]")
    text = text.replace("  - id: jawa-barat\n", "  - id: ../jawa-barat\n")
    config.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    line = lambda needle: next(n for n, l in enumerate(lines, 1) if needle in l)  # noqa: E731
    problems = check_lines(editions_project)
    assert f"site_config.yml:{line('id: ../jawa-barat')}: id edisi '../jawa-barat' tidak bisa dipakai sebagai" \
           " nama folder: pakai huruf kecil, angka, dan tanda '-' saja (contoh: kab-bandung)" in problems
    npsn_line = line('npsn: "2020"')
    assert f"site_config.yml:{npsn_line}: NPSN '2020' tidak sah: NPSN terdiri atas 8 angka" in problems
    assert any(p.startswith(f"site_config.yml:{line('Manajemen Kls')}: prioritas 'Manajemen Kls' tidak dikenal")
               for p in problems)
    assert any(p.startswith(f"site_config.yml:{line('jawa-baratt')}: induk 'jawa-baratt' tidak dikenal")
               for p in problems)


def test_csv_errors_name_file_line_and_row(editions_project):
    (editions_project / "editions/sekolah.csv").write_text(
        "npsn,nama,jenjang,region,prioritas\n"
        "20200002,SD Negeri 2 Contoh,SD,kab-bandung,\n"
        "123,SD Tanpa NPSN,SD,kab-bandung,\n"
        "20200004,SD Empat,SD,kab-garut,\n"
        "20200005,SD Lima,SD,kab-bandung,disiplin\n"
        "20200006,SD Enam,SD\n"
        "20200002,SD Kembar,SD,kab-bandung,\n", encoding="utf-8")
    problems = check_lines(editions_project)
    assert problems[0] == "editions/sekolah.csv:3: (baris data 2) NPSN '123' tidak sah: NPSN terdiri atas 8 angka"
    assert problems[1].startswith("editions/sekolah.csv:4: (baris data 3) region 'kab-garut' tidak dikenal")
    assert problems[2].startswith("editions/sekolah.csv:5: (baris data 4) prioritas 'disiplin' tidak dikenal")
    assert problems[3].startswith("editions/sekolah.csv:6: (baris data 5) ada 3 kolom, seharusnya 5")
    assert problems[4] == "editions/sekolah.csv:7: id edisi '20200002' sudah dipakai di editions/sekolah.csv:2"
    assert len(problems) == 5


def test_csv_missing_column(editions_project):
    (editions_project / "editions/sekolah.csv").write_text("npsn,nama,region\n20200002,SD,kab-bandung\n",
                                                           encoding="utf-8")
    assert check_lines(editions_project) == [
        "editions/sekolah.csv:1: kolom jenjang tidak ada; baris judul kolom harus berisi"
        " npsn,nama,jenjang,region dan boleh juga prioritas, atau nama kolom Dapodik (NPSN, Nama Sekolah,"
        " Bentuk Pendidikan, Kabupaten/Kota) (yang ada: npsn,nama,region)"]


def test_semicolon_csv_from_a_spreadsheet(editions_project):
    (editions_project / "editions/sekolah.csv").write_text(
        "npsn;nama;jenjang;region;prioritas\n20200002;SD Negeri 2, Contoh;SD;kab-bandung;pk-umpan-balik\n",
        encoding="utf-8")
    sd, _ = load_project(editions_project).edition("20200002")
    assert sd.name == "SD Negeri 2, Contoh" and sd.priorities == ["pk-umpan-balik"]


def test_overlay_folder_without_edition(editions_project):
    (editions_project / "editions/sekolah-lain/content").mkdir(parents=True)
    assert check_lines(editions_project) == [
        "editions/sekolah-lain/content: folder ini tidak cocok dengan edisi mana pun di site_config.yml;"
        " namai foldernya dengan id edisi"]


@pytest.mark.parametrize("count, n", [(0, 3), (1, 4), (7, 3), (50, 8), (1000, 7)])
def test_shards_cover_every_edition_exactly_once(count, n):
    ids = [f"{i:08d}" for i in range(count)]
    slices = [select_shard(ids, f"{k}/{n}") for k in range(1, n + 1)]
    assert sorted(sum(slices, [])) == sorted(ids)
    assert max(map(len, slices)) - min(map(len, slices)) <= 1


def test_shard_option_is_checked(editions_project):
    result = run_cli("build", "--shard", "4/3", cwd=editions_project)
    assert result.returncode == 2
    assert "'4/3' bukan potongan yang sah; tulis K/N, misalnya 2/5" in result.stderr


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def edition_data(site: Path, edition_id: str) -> dict:
    import json

    text = (site / "edisi" / edition_id / "data.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1:text.rindex(")")])


IDS = ["jawa-barat", "kab-bandung", "20200001", "20200002", "20200003", "20200004"]


def test_editions_add_only_what_they_change(editions_site):
    """One shared handbook; each edition folder holds its home, its own pages, its data and its
    list of files for offline saving only."""
    assert (editions_site / "katalog/perilaku-kerja/loyal.html").is_file()
    assert not (editions_site / "edisi/templat").exists()
    for edition_id in IDS:
        assert (editions_site / "edisi" / edition_id / "index.html").is_file()
        assert not (editions_site / "edisi" / edition_id / "katalog").exists()
    own = sorted(p.name for p in (editions_site / "edisi/20200001").iterdir())
    assert own == ["data.js", "faq.html", "index.html", "jadwal-sekolah.html", "modul.html", "offline.json"]
    assert sorted(p.name for p in (editions_site / "edisi/20200003").iterdir()) == ["data.js", "index.html", "offline.json"]
    shared = sum(p.stat().st_size for p in editions_site.rglob("*") if p.is_file()
                 and not p.relative_to(editions_site).as_posix().startswith(("edisi/", "unduh/")))
    school = sum(p.stat().st_size for p in (editions_site / "edisi/20200002").rglob("*"))
    assert school < shared / 20


def test_zip_and_index(editions_site):
    for edition_id in IDS:
        with zipfile.ZipFile(editions_site / "unduh" / f"{edition_id}.zip") as archive:
            names = archive.namelist()
            assert f"panduan/edisi/{edition_id}/index.html" in names
            assert "panduan/katalog/perilaku-kerja/loyal.html" in names
            assert f'url=edisi/{edition_id}/index.html' in archive.read("panduan/index.html").decode()
            script = archive.read("panduan/assets/javascripts/edisi.js").decode()
            assert f'var FORCED = "{edition_id}";' in script
            assert not any(n.startswith("panduan/edisi/") and f"/{edition_id}/" not in n
                           and not n.startswith("panduan/edisi/logo/") for n in names)
    index = soup(editions_site / "edisi/index.html")
    links = {a.get_text(): a["href"] for a in index.select("tbody a") if not a.has_attr("download")}
    assert links["SMP Negeri 1 Contoh"] == "20200001/index.html"
    rows = [tr.get("data-cari") for tr in index.select("tbody tr")]
    assert any("20200002" in r and "kabupaten bandung" in r for r in rows)


def test_search_reads_the_introduction_of_the_list_of_editions_not_its_schools(editions_site):
    """The handbook's search leads to the list of editions by what it is for; the schools in it
    are found by the list's own filter, so their names and NPSNs stay out of the shared index
    (which would otherwise change with every school added)."""
    from tests.test_audiences import search_index

    index = search_index(editions_site)
    assert "edisi/index.html" in [doc[0] for doc in index["docs"]]
    assert not {"20200001", "20200002", "bandung"} & set(index["vocabulary"])


def test_a_handbook_without_editions_says_so_on_its_list(built_site):
    """With no editions the list says none is published yet and leads to the general handbook,
    instead of a search box over an empty table."""
    index = soup(built_site / "edisi/index.html")
    assert "Belum ada edisi" in index.select_one("main").get_text()
    assert index.select_one("main a[href='../index.html']") is not None
    assert index.select_one("input, table") is None


def test_recommendations_are_honest(editions_site):
    """A school's own priorities are its Rapor Pendidikan's; inherited ones are its region's."""
    own = edition_data(editions_site, "20200002")
    assert [p["id"] for p in own["prioritas"]] == ["pk-instruksi-adaptif", "pk-ekspektasi-murid",
                                                     "pk-perhatian-kepedulian", "pk-umpan-balik"]
    assert own["prioritas_label"] == "Prioritas SD Negeri 2 Contoh"
    assert "Rapor Pendidikan SD Negeri 2 Contoh" in own["prioritas_teks"]
    home = soup(editions_site / "edisi/20200002/index.html").select_one("article").get_text(" ")
    assert "Prioritas SD Negeri 2 Contoh" in home and "Umpan Balik Konstruktif" in home
    inherited = edition_data(editions_site, "20200004")
    assert inherited["prioritas_label"] == "Prioritas Kabupaten Bandung"
    assert "SD Negeri 4 Contoh" not in inherited["prioritas_teks"]
    home = soup(editions_site / "edisi/20200004/index.html").select_one("article").get_text(" ")
    assert "Prioritas Kabupaten Bandung" in home and "Penerapan Disiplin Positif" in home
    assert "Rapor Pendidikan SD Negeri 4 Contoh" not in home
    assert edition_data(editions_site, "20200003")["prioritas"] == []
    # The shared pages make no claim for any school: only hidden placeholders.
    shared = soup(editions_site / "katalog/praktik-kinerja/pk-umpan-balik.html").select_one("article")
    assert "Prioritas" not in shared.get_text(" ")
    assert shared.select_one('[data-prioritas="pk-umpan-balik"]').has_attr("hidden")


def test_local_deadlines_contacts_and_overlays(editions_site):
    home = soup(editions_site / "edisi/20200001/index.html").select_one("article")
    text = home.get_text(" ")
    assert "Perencanaan paling lambat 24 Januari 2026" in text
    assert "Pak Budi" in text and "0812-0000-0000" in text
    links = {a.get_text(): a["href"] for a in home.select("a")}
    assert links["Jadwal di sekolah kami"] == "jadwal-sekolah.html"
    assert links["Tanya jawab sekolah"] == "faq.html"
    assert links["Paket untuk dibuka tanpa internet (zip)"] == "../../unduh/20200001.zip"
    assert links["Linimasa 2026"] == "../../linimasa.html"  # shared pages stay shared
    school_faq = soup(editions_site / "edisi/20200001/faq.html")
    assert "Tanya jawab sekolah" in school_faq.select_one("article").get_text()
    assert school_faq.select_one("link[rel=stylesheet]")["href"].startswith("../../assets/")
    page = soup(editions_site / "edisi/20200001/jadwal-sekolah.html").select_one("article")
    assert page.select_one("p a")["href"] == "../../katalog/praktik-kinerja/pk-umpan-balik.html"
    assert not (editions_site / "edisi/20200002/faq.html").exists()
    assert (editions_site / "edisi/kab-bandung/modul.html").is_file()
    assert not (editions_site / "modul.html").exists()  # the module is off nationally
    assert "SMP Negeri 1 Contoh" in soup(editions_site / "edisi/20200001/index.html").select_one("title").get_text()
    data = edition_data(editions_site, "20200001")
    assert {d["tahap"]: d["teks"] for d in data["tenggat"]}["perencanaan"] == \
        "Perencanaan paling lambat 24 Januari 2026"
    assert [p["judul"] for p in data["halaman"]] == ["Tanya jawab sekolah", "Halaman modul",
                                                     "Jadwal di sekolah kami"]


def test_edition_pages_name_the_edition_in_their_header_without_javascript(editions_site):
    for page in ("index.html", "jadwal-sekolah.html"):
        header = soup(editions_site / "edisi/20200001" / page).select_one("header")
        assert header.select_one(".md-header__topic .md-ellipsis").get_text().strip().startswith("SMP Negeri 1 Contoh – ")
        logo = header.select_one("a.md-logo")
        assert logo["href"] == "index.html"
        assert (editions_site / "edisi/20200001" / logo.select_one("img")["src"]).resolve() == \
            (editions_site / edition_data(editions_site, "20200001")["logo"]).resolve()
    shared = soup(editions_site / "linimasa.html").select_one("header")
    assert "Contoh" not in shared.get_text()  # shared pages stay generic


def test_logo_is_inherited_and_checked(editions_site, editions_project):
    logo = edition_data(editions_site, "20200001")["logo"]  # inherited from the province: one copy
    assert logo.startswith("edisi/logo/") and logo.endswith(".svg") and (editions_site / logo).is_file()
    assert edition_data(editions_site, "jawa-barat")["logo"] == logo
    assert len(list((editions_site / "edisi/logo").iterdir())) == 1
    config = editions_project / "site_config.yml"
    text = config.read_text(encoding="utf-8").replace("logo: editions/logo.svg", "logo: editions/tidak-ada.png")
    config.write_text(text, encoding="utf-8")
    line = next(n for n, l in enumerate(text.splitlines(), 1) if "tidak-ada.png" in l)
    assert check_lines(editions_project) == [
        f"site_config.yml:{line}: berkas logo 'editions/tidak-ada.png' tidak ditemukan"]


def test_edition_contacts_can_be_called_messaged_and_mailed(editions_project, tmp_path):
    out = tmp_path / "keluaran"
    result = run_cli("build", "--no-pdf", "--edition", "20200001", "--edition", "jawa-barat",
                     "--out", str(out), cwd=editions_project)
    assert result.returncode == 0, result.stderr
    school = BeautifulSoup((out / "edisi/20200001/index.html").read_text(encoding="utf-8"), "lxml")
    article = school.select_one("article")
    # The edition block is the first thing under the heading.
    assert article.select_one("h1").find_next_sibling().get("class")[:2] == ["admonition", "info"]
    hrefs = {a.get_text(): a["href"] for a in article.select(".admonition.info a")}
    assert hrefs["Telepon 0812-0000-0000"] == "tel:+6281200000000"
    assert hrefs["WhatsApp"] == "https://wa.me/6281200000000"
    province = BeautifulSoup((out / "edisi/jawa-barat/index.html").read_text(encoding="utf-8"), "lxml")
    links = {a.get_text(): a["href"] for a in province.select("article .admonition.info a")}
    assert links["ratna@example.org"] == "mailto:ratna@example.org"
    assert "WhatsApp" not in links
