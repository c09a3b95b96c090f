"""Bad input gives one clear `file:line: message` per problem, all at once, exit code 1, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import replace_in, run_cli


def line_of(path: Path, text: str) -> int:
    """1-based line of the first line containing `text`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def check(project: Path) -> list[str]:
    result = run_cli("check", cwd=project)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith(f"{len(lines) - 1} masalah ditemukan.")
    return lines[:-1]


def test_unknown_key_is_reported_with_its_line(project):
    path = project / "catalog/praktik_kinerja.yml"
    replace_in(path, "        nama: Instruksi Pembelajaran\n",
               "        nama: Instruksi Pembelajaran\n        descripton: Teks tambahan\n")
    line = line_of(path, "descripton")
    assert check(project) == [
        f"catalog/praktik_kinerja.yml:{line}: kunci tidak dikenal 'descripton' pada indikator"
        " praktik kinerja (yang dikenal: catatan, catatan_teks, definisi, id, keseharian, nama, sumber)"]


def test_typo_in_key_gets_a_suggestion(project):
    path = project / "catalog/praktik_kinerja.yml"
    replace_in(path, "        definisi: Praktik pedagogis berupa aktivasi",
               "        defenisi: Praktik pedagogis berupa aktivasi")
    line = line_of(path, "defenisi")
    item_line = line_of(path, "id: pk-aktivitas-interaktif")
    assert check(project) == [
        f"catalog/praktik_kinerja.yml:{item_line}: kunci 'definisi' wajib diisi pada indikator praktik kinerja",
        f"catalog/praktik_kinerja.yml:{line}: kunci tidak dikenal 'defenisi' pada indikator praktik"
        " kinerja (maksud Anda 'definisi'?) (yang dikenal: catatan, catatan_teks, definisi, id, keseharian, nama, sumber)",
    ]


def test_wrong_type(project):
    path = project / "catalog/predikat.yml"
    replace_in(path, "angka_kredit: 150", "angka_kredit: banyak")
    assert check(project) == [f"catalog/predikat.yml:{line_of(path, 'banyak')}: 'angka_kredit' harus"
                              " berupa bilangan bulat, bukan teks 'banyak'"]


def test_duplicate_id_names_the_first_place(project):
    # Ids that no guide links to, so the only problem is the duplicate itself.
    path = project / "catalog/tugas_pokok.yml"
    first = line_of(path, "id: tt-bursa-kerja-khusus")
    second = line_of(path, "id: tt-lsp-p1")
    replace_in(path, "id: tt-lsp-p1", "id: tt-bursa-kerja-khusus")
    assert check(project) == [
        f"catalog/tugas_pokok.yml:{second}: id 'tt-bursa-kerja-khusus' sudah dipakai di"
        f" catalog/tugas_pokok.yml:{first}; setiap id harus unik"]


def test_unknown_reference(project):
    path = project / "catalog/linimasa.yml"
    replace_in(path, "peran: [guru, kepala-sekolah]", "peran: [guru, kepsek]")
    assert check(project) == [
        f"catalog/linimasa.yml:{line_of(path, 'kepsek')}: id peran 'kepsek' tidak dikenal"
        " (yang ada: guru, kepala-dinas, kepala-sekolah, pengawas-sekolah)"]


def test_unsafe_id(project):
    path = project / "catalog/tugas_pokok.yml"
    replace_in(path, "id: tt-guru-piket", "id: Wali Kelas")
    assert check(project) == [
        f"catalog/tugas_pokok.yml:{line_of(path, 'id: Wali Kelas')}: id 'Wali Kelas' tidak sah: pakai"
        " huruf kecil, angka, dan tanda '-' saja (contoh: pk-disiplin-positif)"]


def test_incomplete_predikat_matrix(project):
    path = project / "catalog/predikat.yml"
    replace_in(path, "  - {hasil_kerja: di-bawah-ekspektasi, perilaku_kerja: di-bawah-ekspektasi, predikat: sangat-kurang}\n", "")
    assert check(project) == [
        f"catalog/predikat.yml:{line_of(path, 'matriks:')}: matriks predikat belum lengkap: kombinasi hasil kerja"
        " 'di-bawah-ekspektasi' dan perilaku kerja 'di-bawah-ekspektasi' tidak ada"]


@pytest.mark.parametrize("name, edit, expected", [
    ("tab", lambda t: t.replace("\n    nama: Guru\n", "\n\tnama: Guru\n"),
     "{line}: karakter tab tidak boleh dipakai di YAML; ganti tab dengan spasi"),
    ("indentation", lambda t: t.replace("\n    nama: Guru\n", "\n      nama: Guru\n"),
     "{line}: tanda ':' di tempat yang tidak diharapkan; apit teks yang memuat ': ' dengan tanda"
     " kutip, atau periksa indentasi"),
    ("duplicate key", lambda t: t.replace("\n    nama: Guru\n", "\n    nama: Guru\n    nama: Pendidik\n"),
     "{next}: kunci 'nama' muncul dua kali (pertama di baris {line})"),
    ("unclosed quote", lambda t: t.replace("\n    nama: Guru\n", '\n    nama: "Guru\n'),
     "{line}: tanda kutip yang dibuka di baris ini tidak ditutup"),
])
def test_malformed_yaml(project, name, edit, expected):
    path = project / "catalog/peran.yml"
    line = line_of(path, "nama: Guru")
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert check(project) == ["catalog/peran.yml:" + expected.format(line=line, next=line + 1)]


def test_wrong_encoding(project):
    path = project / "catalog/peran.yml"
    path.write_bytes(path.read_text(encoding="utf-8").replace("Guru", "Guru é").encode("latin-1", "replace"))
    assert check(project) == [
        f"catalog/peran.yml:{line_of_bytes(path, b'Guru ')}: berkas bukan teks UTF-8; simpan ulang dengan"
        " pengodean UTF-8 (di Notepad: Simpan Sebagai → Encoding: UTF-8)"]


def line_of_bytes(path: Path, needle: bytes) -> int:
    data = path.read_bytes()
    return data[: data.index(needle)].count(b"\n") + 1


def test_empty_file(project):
    (project / "catalog/siklus.yml").write_text("# kosong\n", encoding="utf-8")
    assert check(project) == ["catalog/siklus.yml:1: berkas kosong; isinya belum ada"]


def test_missing_and_unknown_files(project):
    (project / "catalog/siklus.yml").rename(project / "catalog/siklus_peningkatan.yml")
    assert check(project) == [
        "catalog/siklus.yml: berkas katalog tidak ditemukan",
        "catalog/siklus_peningkatan.yml: berkas katalog tidak dikenal (yang dikenal: glosarium.yml, kompetensi.yml,"
        " linimasa.yml, peran.yml, perilaku.yml, perubahan.yml, praktik_kinerja.yml, predikat.yml,"
        " siklus.yml, sumber.yml, tirta.yml, tugas_pokok.yml; berkas baru didaftarkan di catalog/katalog.yml,"
        " kunci 'berkas')",
    ]


def test_manifest_problems_are_located(project):
    replace_in(project / "catalog/katalog.yml", "  siklus.yml: siklus", "  siklus.yml: siklus-baru")
    replace_in(project / "catalog/katalog.yml", "    kunci: praktik\n    halaman: [indikator-praktik]",
               "    kunci: praktik\n    halaman: [indikator]")
    problems = check(project)
    assert any(p.startswith("catalog/katalog.yml:22: bentuk 'siklus-baru' tidak dikenal")
               and "(maksud Anda 'siklus'?)" in p for p in problems), problems
    assert any(p.startswith("catalog/katalog.yml:")
               and "jenis butir 'indikator' tidak ada dalam bentuk 'praktik-kinerja'" in p for p in problems), problems


def test_manifest_roles_must_exist(project):
    replace_in(project / "catalog/katalog.yml", "penilai: kepala-sekolah", "penilai: kepsek")
    assert [p for p in check(project) if "kepsek" in p] == [
        "catalog/katalog.yml: 'penilai': id peran 'kepsek' tidak dikenal (yang ada: guru, kepala-dinas,"
        " kepala-sekolah, pengawas-sekolah)"]


def test_guide_with_unknown_id_and_broken_link(project):
    path = project / "content/faq.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nLihat [[pk-tidak-ada]] dan [halaman lain](tidak-ada.md).\n", encoding="utf-8")
    line = len(text.splitlines()) + 2
    assert check(project) == [
        f"content/faq.md:{line}: id katalog 'pk-tidak-ada' tidak dikenal (daftar id ada di berkas"
        " catalog/*.yml, kunci 'id')",
        f"content/faq.md:{line}: tautan ke 'tidak-ada.md' rusak: halaman itu tidak ada",
    ]


def test_guide_link_to_missing_section(project):
    path = project / "content/faq.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nBaca [linimasa](linimasa.md#bagian-yang-tidak-ada).\n", encoding="utf-8")
    [problem] = check(project)
    assert problem.startswith(f"content/faq.md:{len(text.splitlines()) + 2}: tautan ke"
                              " 'linimasa.md#bagian-yang-tidak-ada' rusak: bagian"
                              " 'bagian-yang-tidak-ada' tidak ada di halaman itu")


def test_all_problems_reported_at_once(project):
    replace_in(project / "catalog/praktik_kinerja.yml", "definisi: Praktik pedagogis berupa aktivasi",
               "descripton: Praktik pedagogis berupa aktivasi")
    replace_in(project / "catalog/linimasa.yml", "peran: [guru, kepala-sekolah]", "peran: [guru, kepsek]")
    replace_in(project / "catalog/siklus.yml", "peran: [guru]", "peran: guru")
    replace_in(project / "site_config.yml", "warna_utama: indigo", "warna_utama: indigoo")
    guide = project / "content/peran.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n[[tp-tidak-ada]]\n", encoding="utf-8")
    problems = check(project)
    files = [p.split(":")[0] for p in problems]
    assert files == ["catalog/linimasa.yml", "catalog/praktik_kinerja.yml", "catalog/praktik_kinerja.yml",
                     "catalog/siklus.yml", "content/peran.md", "site_config.yml"]
    assert "warna 'indigoo' tidak dikenal (maksud Anda 'indigo'?)" in problems[-1]


def test_front_matter_is_checked(project):
    path = project / "content/faq.md"
    replace_in(path, "judul:", "judull:")
    problems = check(project)
    assert problems[0] == "content/faq.md:1: front matter: 'judul' wajib diisi dengan teks"
    assert problems[1].startswith("content/faq.md:2: kunci front matter tidak dikenal 'judull' (maksud Anda 'judul'?)")


def test_guide_missing_from_navigation(project):
    (project / "content/baru.md").write_text("---\njudul: Baru\nringkasan: Halaman baru.\n---\nIsi.\n",
                                             encoding="utf-8")
    assert check(project) == ["site_config.yml:1: panduan 'content/baru.md' belum ada di navigasi;"
                              " tambahkan ke 'navigasi'"]


def test_valid_project_passes(project):
    from generator.catalog import load_catalog

    result = run_cli("check", cwd=project)
    assert result.returncode == 0, result.stderr
    items, guides = len(load_catalog(project).items), len(list((project / "content").rglob("*.md")))
    assert items > 250 and guides > 20
    assert result.stderr.startswith(f"Tidak ada masalah: {items} butir katalog, {guides} panduan, dan 0 edisi"
                                    " daerah/sekolah diperiksa.")


def test_unreadable_file_is_reported_once(project):
    """References into a file that cannot be parsed are not reported again one by one."""
    (project / "catalog/peran.yml").write_text("peran:\n\t- id: guru\n", encoding="utf-8")
    assert check(project) == ["catalog/peran.yml:2: karakter tab tidak boleh dipakai di YAML;"
                              " ganti tab dengan spasi"]


@pytest.mark.parametrize("field", ["nama: Instruksi yang Adaptif", "definisi: Praktik pedagogis berupa penyesuaian"])
def test_missing_required_field_of_an_indicator(project, field):
    """Pages generated from the catalogue are not computed from an incomplete item."""
    path = project / "catalog/praktik_kinerja.yml"
    line = line_of(path, "id: pk-instruksi-adaptif")
    text = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(l for l in text if field not in l), encoding="utf-8")
    problems = check(project)
    assert problems[0] == (f"catalog/praktik_kinerja.yml:{line}: kunci '{field.split(':')[0]}' wajib diisi"
                           " pada indikator praktik kinerja")


def test_manifest_comment_lists_every_form():
    """The manifest's own comment names every form a catalogue file may have (the README's key
    tables are kept true by tests/test_readme.py)."""
    from generator.schema import FORMS
    from tests.conftest import ROOT

    manifest = (ROOT / "catalog/katalog.yml").read_text(encoding="utf-8")
    assert [form for form in FORMS if form not in manifest.split("berkas:")[0]] == []  # listed in its comment


def test_listed_page_missing_from_the_built_navigation_fails_with_its_line(project, monkeypatch):
    """The plan builder once vanished from the menu because it had no guide title; such a page
    now stops the build at its line in site_config.yml."""
    from generator import render
    from generator.build import load_project
    from generator.errors import HandbookError

    real = render._front_title
    monkeypatch.setattr(render, "_front_title", lambda page: None if page.path == "rencana.md" else real(page))
    loaded = load_project(project)
    edition, guides = loaded.edition("nasional")
    with pytest.raises(HandbookError) as error:
        render.render_handbook(loaded.config, loaded.catalog, guides, edition, pdf=False)
    line = line_of(project / "site_config.yml", "- rencana.md")
    assert [str(p) for p in error.value.problems] == [
        f"site_config.yml:{line}: halaman 'rencana.md' tercantum di 'navigasi' tetapi tidak masuk"
        " navigasi situs (halamannya tidak punya judul di front matter)"]


def test_month_outside_the_year_is_reported(project):
    path = project / "catalog/linimasa.yml"
    replace_in(path, "bulan: [1]", "bulan: [13]")
    line = line_of(path, "bulan: [13]")
    assert check(project) == [f"catalog/linimasa.yml:{line}: butir ke-1 pada 'bulan' harus berupa"
                              " nomor bulan 1 sampai 12, bukan angka 13"]


def test_everyday_words_only_where_a_page_shows_them(project):
    """`keseharian` is refused on kinds whose pages would not show it (a glossary term), with the
    kinds' own keys listed, instead of being dropped without a word."""
    path = project / "catalog/glosarium.yml"
    replace_in(path, "    singkatan: [KS, kepsek, kasek]\n",
               "    singkatan: [KS, kepsek, kasek]\n    keseharian: [Memimpin rapat guru.]\n")
    line = line_of(path, "keseharian:")
    assert check(project) == [
        f"catalog/glosarium.yml:{line}: kunci tidak dikenal 'keseharian' pada istilah glosarium"
        " (yang dikenal: arti, bentuk, catatan, catatan_teks, id, nama, selengkapnya, singkatan, sinonim,"
        " sumber)"]


def test_glossary_further_reading_must_name_a_page(project):
    """A glossary term's `selengkapnya` names a guide by its path or an item by its id; a typo in
    either, an item that no page shows, an address with a #section and the glossary itself are
    reported at the key's line, all at once, in the file's order."""
    path = project / "catalog/glosarium.yml"
    replace_in(path, "selengkapnya: predikat-kinerja.md\n    arti: >-\n      Hasil akhir",
               "selengkapnya: predikat-kinerj.md\n    arti: >-\n      Hasil akhir")
    replace_in(path, "selengkapnya: akuntabel", "selengkapnya: akuntable")
    replace_in(path, "selengkapnya: coaching/tirta.md", "selengkapnya: tirta-tujuan")  # a step no page shows
    replace_in(path, "selengkapnya: peran.md", "selengkapnya: peran.md#tim-kinerja")  # Tim Kinerja's
    replace_in(path, "selengkapnya: linimasa.md", "selengkapnya: istilah-tenggat")  # Linimasa's: the glossary
    where = {name: line_of(path, f"selengkapnya: {value}") for name, value in [
        ("predikat-kinerja", "predikat-kinerj.md"), ("gratifikasi", "akuntable"), ("tirta", "tirta-tujuan"),
        ("tim-kinerja", "peran.md#tim-kinerja"), ("linimasa", "istilah-tenggat")]}
    found = [p for p in check(project) if "selengkapnya" in p]
    hint = "; tulis id butir katalog (misalnya 'pk-umpan-balik') atau alamat halaman (misalnya 'coaching/tirta.md')"
    assert found == [
        f"catalog/glosarium.yml:{where['tim-kinerja']}: istilah 'istilah-tim-kinerja', kunci 'selengkapnya':"
        " 'peran.md#tim-kinerja': tulis alamat halamannya saja, tanpa #bagian (misalnya 'peran.md')",
        f"catalog/glosarium.yml:{where['linimasa']}: istilah 'istilah-linimasa', kunci 'selengkapnya':"
        " 'istilah-tenggat' adalah Glosarium atau halaman Cari sendiri; tulis halaman yang menjelaskan istilah"
        " itu, misalnya id butir katalog atau alamat panduan",
        f"catalog/glosarium.yml:{where['tirta']}: istilah 'istilah-tirta', kunci 'selengkapnya': 'tirta-tujuan'"
        " tidak tampil di halaman mana pun; butir jenis ini tidak punya tabel untuk disisipkan",
        f"catalog/glosarium.yml:{where['predikat-kinerja']}: istilah 'istilah-predikat-kinerja', kunci 'selengkapnya':"
        f" 'predikat-kinerj.md' tidak dikenal (maksud Anda 'predikat-kinerja.md'?){hint}",
        f"catalog/glosarium.yml:{where['gratifikasi']}: istilah 'istilah-gratifikasi', kunci 'selengkapnya':"
        f" 'akuntable' tidak dikenal (maksud Anda 'akuntabel'?){hint}"]


def test_glossary_text_may_count_items_and_nothing_else(project):
    """A glossary term's text counts with [[jumlah:kind]] as a guide does; a typo in the kind and a
    link in double brackets are reported at the text's line."""
    path = project / "catalog/glosarium.yml"
    replace_in(path, "memuat [[jumlah:tugas-tambahan]] pilihan.", "memuat [[jumlah:tugas-tambahn]] pilihan, [[akuntabel]].")
    line = line_of(path, "[[jumlah:tugas-tambahn]]")
    found = [p for p in check(project) if "kunci 'arti'" in p]
    where = f"catalog/glosarium.yml:{line}: istilah 'istilah-tugas-tambahan', kunci 'arti':"
    assert len(found) == 2, found  # one line: in the order of the message
    assert found[0] == (f"{where} [[akuntabel]]: di teks Glosarium hanya [[jumlah:jenis]] yang dapat dipakai"
                        " (untuk menautkan halaman, pakai kunci 'selengkapnya')")
    assert found[1].startswith(f"{where} [[jumlah:tugas-tambahn]]: jenis butir 'tugas-tambahn' tidak dikenal"
                               " (maksud Anda 'tugas-tambahan'?)"), found


def test_guide_count_of_unknown_kind_or_item_and_in_a_heading(project):
    path = project / "content/faq.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nAda [[jumlah:indikator-praktek]] indikator, [[daftar:dimensi@pk-tidak-ada]], dan"
                    " [[jumlah:aspek@tugas-pokok]] aspek.\n\n## [[Jumlah:aspek]] aspek\n\n"
                    "## [[Jumlah:aspek]] aspek BerAKHLAK {#aspek-berakhlak}\n", encoding="utf-8")
    line = len(text.splitlines()) + 2
    assert check(project) == [
        f"content/faq.md:{line}: [[daftar:dimensi@pk-tidak-ada]]: id katalog 'pk-tidak-ada' tidak dikenal"
        " (daftar id ada di berkas catalog/*.yml, kunci 'id')",
        f"content/faq.md:{line}: [[jumlah:aspek@tugas-pokok]]: tidak ada butir 'aspek' di bawah 'tugas-pokok'",
        f"content/faq.md:{line}: [[jumlah:indikator-praktek]]: jenis butir 'indikator-praktek' tidak dikenal"
        " (maksud Anda 'indikator-praktik'?) (yang ada: aspek, bagian-rencana, bagian-tirta, dimensi,"
        " ekspektasi, indikator-kompetensi, indikator-perilaku, indikator-praktik, istilah,"
        " kelompok-kompetensi, komponen, langkah-siklus, … (+9 lagi))",
        f"content/faq.md:{line + 2}: [[Jumlah:aspek]] di judul bagian memerlukan alamat tetap untuk bagian"
        " itu, misalnya {#nama-bagian} di akhir judul (tanpa itu alamatnya berubah bila jumlahnya berubah)",
    ]


def test_guide_list_of_items_that_no_page_shows(project):
    """[[daftar:…]] links to each item, so each must be shown somewhere (the parts of TIRTA are
    shown on its cards and guide, not as catalogue items with a place of their own)."""
    path = project / "content/faq.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nBagian TIRTA: [[daftar:bagian-tirta]].\n", encoding="utf-8")
    problems = check(project)
    assert f"content/faq.md:{len(text.splitlines()) + 2}: [[daftar:bagian-tirta]]: 'tirta-tujuan' tidak tampil" \
           " di halaman mana pun; butir jenis ini tidak punya tabel untuk disisipkan" in problems
    assert all(p.startswith(f"content/faq.md:{len(text.splitlines()) + 2}: [[daftar:bagian-tirta]]: 'tirta-")
               for p in problems), problems


def test_guide_front_matter_is_shown_as_written(project):
    path = project / "content/linimasa.md"
    replace_in(path, "judul: Linimasa 2026", "judul: Linimasa [[jumlah:linimasa]] tahap")
    assert check(project) == [f"content/linimasa.md:{line_of(path, 'judul:')}: front matter: 'judul' tidak dapat"
                              " memuat [[jumlah:linimasa]]; tulis teksnya langsung"]


def test_a_glossary_form_search_cannot_use_is_reported(project):
    """Every word of 'oleh-oleh' is one a query leaves out ('oleh'): as a form of gratifikasi it
    would never be found, so `check` says so at its line instead of dropping it silently."""
    path = project / "catalog/glosarium.yml"
    replace_in(path, "bentuk: [hadiah, bingkisan,", "bentuk: [hadiah, oleh-oleh, bingkisan,")
    line = line_of(path, "oleh-oleh")
    assert [p for p in check(project) if "oleh-oleh" in p] == [
        f"catalog/glosarium.yml:{line}: istilah 'istilah-gratifikasi', kunci 'bentuk': 'oleh-oleh' tidak dapat"
        " dicari, karena semua katanya diabaikan oleh pencarian (kata umum seperti 'oleh', 'yang', 'dan');"
        " tulis bentuk lain atau hapus"]


def test_a_glossary_name_that_search_reads_as_another_terms_is_reported(project):
    """'nilai kinerja' (a name of predikat kinerja) and 'penilai kinerja' (of the pejabat penilai
    kinerja) have the same roots: search would take both for the first term, so the second name
    would never find its own. `check` says so at the second one's line, naming the first."""
    path = project / "catalog/glosarium.yml"
    replace_in(path, "    sinonim: [nilai akhir, hasil penilaian]", "    sinonim: [nilai kinerja, nilai akhir, hasil penilaian]")
    line = line_of(path, "sinonim: [nilai kinerja, nilai akhir")
    assert [p for p in check(project) if "kata dasarnya sama" in p] == [
        f"catalog/glosarium.yml:{line}: istilah 'istilah-predikat-kinerja', kunci 'sinonim': 'nilai kinerja' bagi"
        " pencarian sama dengan 'penilai kinerja' dari istilah 'istilah-pejabat-penilai-kinerja' (kata dasarnya"
        " sama, atau kata umumnya diabaikan), sehingga pertanyaan yang memuat nama itu hanya menemukan istilah"
        " 'istilah-pejabat-penilai-kinerja'; hapus salah satunya atau tulis bentuk lain"]
    # a term's own names may read alike ('Pejabat penilai kinerja' and its 'PPK' are one term)
    replace_in(path, "    singkatan: [PPK]", "    singkatan: [PPK, pejabat penilai kinerja]")
    assert not [p for p in check(project) if "istilah-pejabat-penilai-kinerja', kunci" in p]
