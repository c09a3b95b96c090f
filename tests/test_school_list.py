"""School lists from spreadsheets: .xlsx (Dapodik headers) and CSV with line breaks inside cells."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from generator.build import load_project
from generator.errors import HandbookError, Problems
from generator.school_list import read_school_list
from tests.test_editions import add_editions


def write_xlsx(path: Path, rows: list[list]) -> None:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.create_sheet("Lain").append(["npsn"])  # only the first sheet is read
    book.save(path)


DAPODIK = [
    ["Daftar Satuan Pendidikan"],  # title rows above the header, as in a Dapodik export
    [],
    ["No", "NPSN", "Nama Sekolah", "Bentuk Pendidikan", "Status", "Kabupaten/Kota"],
    [1, 20300001, "SD Negeri 1 Cicalengka", "SD", "Negeri", "Kabupaten Bandung"],
    [2, "20300002", "SMP Negeri 2\nCicalengka", "SMP", "Negeri", "kab-bandung"],
]


def problems_of(project: Path) -> list[str]:
    with pytest.raises(HandbookError) as error:
        load_project(project)
    return [str(p) for p in error.value.problems]


def add_list(project: Path, name: str) -> None:
    config = project / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - editions/sekolah.csv\n", f"  - editions/sekolah.csv\n  - editions/{name}\n"), encoding="utf-8")


def test_xlsx_with_dapodik_headers_becomes_school_editions(project):
    add_editions(project)
    write_xlsx(project / "editions/sekolah.xlsx", DAPODIK)
    add_list(project, "sekolah.xlsx")
    loaded = load_project(project)
    sd, _ = loaded.edition("20300001")
    assert (sd.name, sd.level, sd.chain[-2]) == ("SD Negeri 1 Cicalengka", "SD", "kab-bandung")
    smp, _ = loaded.edition("20300002")
    assert smp.name == "SMP Negeri 2 Cicalengka"  # the line break inside the cell is a space


def test_xlsx_errors_name_the_cell(project):
    add_editions(project)
    rows = DAPODIK + [[3, 123, "SD Tanpa NPSN", "SD", "Negeri", "Kabupaten Bandung"],
                      [4, 20300004, "SD Empat", "SD", "Negeri", "Kabupaten Garut"],
                      [5, 20300005, "", "SMK", "Negeri", "kab-bandung"]]
    write_xlsx(project / "editions/sekolah.xlsx", rows)
    add_list(project, "sekolah.xlsx")
    problems = problems_of(project)
    assert "editions/sekolah.xlsx!B6: (baris data 3) NPSN '123' tidak sah: NPSN terdiri atas 8 angka" in problems
    assert any(p.startswith("editions/sekolah.xlsx!F7: (baris data 4) region 'Kabupaten Garut' tidak dikenal")
               for p in problems)
    assert "editions/sekolah.xlsx!C8: (baris data 5) kolom nama kosong" in problems
    assert len(problems) == 3


def test_xlsx_without_the_columns_or_not_a_workbook(tmp_path):
    write_xlsx(tmp_path / "a.xlsx", [["Sekolah", "Alamat"], ["SD", "Jl. Contoh"]])
    (tmp_path / "b.xlsx").write_text("bukan xlsx", encoding="utf-8")
    problems = Problems()
    assert read_school_list("a.xlsx", tmp_path, problems) == []
    assert read_school_list("b.xlsx", tmp_path, problems) == []
    messages = [str(p) for p in problems.items]
    assert messages[0].startswith("a.xlsx!A1: kolom npsn, nama, jenjang, region tidak ada;")
    assert messages[1].startswith("b.xlsx: berkas .xlsx tidak dapat dibaca")


def test_csv_line_breaks_inside_quotes_keep_line_numbers(tmp_path):
    (tmp_path / "s.csv").write_text(
        'npsn,nama,jenjang,region\n'
        '20200002,"SD Negeri 2\nContoh",SD,kab-a\n'
        '20200003,"SD\u2028Tiga",SD,kab-a\n'  # U+2028 inside a name does not end the row
        '20200004,SD Empat,SD\n', encoding="utf-8")
    problems = Problems()
    rows = read_school_list("s.csv", tmp_path, problems)
    assert [r.values["nama"] for r in rows] == ["SD Negeri 2 Contoh", "SD Tiga"]
    assert [str(r.source) for r in rows] == ["s.csv:2", "s.csv:4"]
    assert [str(p) for p in problems.items] == [
        "s.csv:5: (baris data 3) ada 3 kolom, seharusnya 4; periksa tanda ',' di dalam nama"
        " (apit dengan tanda kutip)"]
