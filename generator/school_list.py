"""School lists from spreadsheets: CSV (comma or semicolon) or .xlsx (first sheet), as rows of
named cells that each know where they are (`sekolah.csv:14`, `sekolah.xlsx!B14`).

Columns are found by name in the header row, the first row naming an NPSN column (a Dapodik export
may have title rows above it); Dapodik's headers (NPSN, Nama Sekolah, Bentuk Pendidikan,
Kabupaten/Kota) are accepted besides our own. Validating the values is the caller's job.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import HandbookError, Problems, Source
from generator.yamlio import read_text

COLUMNS = ("npsn", "nama", "jenjang", "region")  # required
OPTIONAL = ("prioritas",)
ALIASES = {
    "npsn": "npsn",
    "nama": "nama", "nama sekolah": "nama", "nama satuan pendidikan": "nama", "satuan pendidikan": "nama",
    "jenjang": "jenjang", "bentuk pendidikan": "jenjang", "bentuk": "jenjang",
    "region": "region", "wilayah": "region", "kabupaten/kota": "region", "kab/kota": "region",
    "kota/kabupaten": "region", "kabupaten": "region", "kota": "region",
    "prioritas": "prioritas",
}
HEADER_SEARCH_ROWS = 20  # a header lower than this is not looked for


@dataclass
class Row:
    number: int  # data row, from 1
    values: dict[str, str]  # column -> cell text, whitespace (line breaks too) made single spaces
    cells: dict[str, Source]  # column -> where its cell is
    source: Source  # where the row is (its NPSN cell in a workbook)

    def at(self, column: str) -> Source:
        return self.cells[column]

    @property
    def label(self) -> str:
        return f"(baris data {self.number}) "


def read_school_list(rel: str, root: Path, problems: Problems) -> list[Row]:
    """The data rows of the list at `rel` (relative to `root`); problems with the file itself or
    a row of the wrong width are added to `problems` (such rows are left out)."""
    path = root / rel
    if not path.is_file():
        problems.add(Source("site_config.yml"), f"berkas daftar sekolah '{rel}' tidak ditemukan")
        return []
    suffix = path.suffix.lower()
    if suffix == ".xls":
        problems.add(Source(rel), "berkas .xls (Excel lama) tidak dapat dibaca; simpan ulang sebagai .xlsx"
                                  " atau CSV")
        return []
    raw = _read_xlsx(path, rel, problems) if suffix in (".xlsx", ".xlsm") else _read_csv(path, rel, problems)
    if raw is None:
        return []
    return _named(rel, *raw, problems)


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # an NPSN typed as a number
    return " ".join(str(value).split()) if value is not None else ""


def _read_csv(path: Path, rel: str, problems: Problems):
    try:
        text = read_text(path, rel)
    except HandbookError as e:
        problems.extend(e)
        return None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","  # Excel in Indonesian locale
    # Read from a stream, not from text.splitlines(): a quoted cell may hold a line break, and
    # splitlines() would also break rows at U+2028 and other characters inside names.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, line = [], 1
    try:
        for cells in reader:
            rows.append(([_text(c) for c in cells], lambda column, line=line: Source(rel, line)))
            line = reader.line_num + 1
    except csv.Error as e:
        problems.add(Source(rel, line), f"berkas CSV tidak dapat dibaca ({e}); simpan ulang dari spreadsheet"
                                        " sebagai CSV")
        return None
    return rows, f"periksa tanda '{delimiter}' di dalam nama (apit dengan tanda kutip)"


def _read_xlsx(path: Path, rel: str, problems: Problems):
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, data_only=True)  # data_only: a formula's last computed value
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as e:
        problems.add(Source(rel), f"berkas .xlsx tidak dapat dibaca ({type(e).__name__}); buka di spreadsheet"
                                  " lalu simpan ulang sebagai .xlsx")
        return None
    sheet = book.worksheets[0]
    rows = [([_text(v) for v in values],
             lambda column, number=number: Source(f"{rel}!{get_column_letter(column + 1)}{number}"))
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    book.close()
    return rows, "periksa isi barisnya"


def _named(rel: str, rows, hint: str, problems: Problems) -> list[Row]:
    """Cells by column name, from the header row down."""
    filled = [n for n, (cells, _) in enumerate(rows) if any(cells)]
    if not filled:
        problems.add(Source(rel, 1), "daftar sekolah kosong; baris pertama harus berisi nama kolom"
                                     f" {','.join(COLUMNS + OPTIONAL)}")
        return []
    start = next((n for n in filled[:HEADER_SEARCH_ROWS] if "npsn" in map(_column, rows[n][0])), filled[0])
    header, where = rows[start]
    columns = {}
    for index, name in enumerate(header):
        columns.setdefault(_column(name), index)
    missing = [c for c in COLUMNS if c not in columns]
    if missing:
        problems.add(where(0), f"kolom {', '.join(missing)} tidak ada; baris judul kolom harus berisi"
                               f" {','.join(COLUMNS)} dan boleh juga prioritas, atau nama kolom Dapodik"
                               " (NPSN, Nama Sekolah, Bentuk Pendidikan, Kabupaten/Kota)"
                               f" (yang ada: {','.join(h for h in header if h)})")
        return []
    wanted = {c: columns[c] for c in COLUMNS + OPTIONAL if c in columns}
    out = []
    for number, (cells, where) in enumerate(rows[start + 1:], start=1):
        if not any(cells):
            continue
        if len(cells) != len(header):
            problems.add(where(0), f"(baris data {number}) ada {len(cells)} kolom, seharusnya"
                                   f" {len(header)}; {hint}")
            continue
        values = {c: cells[i] for c, i in wanted.items()}
        cells_at = {c: where(i) for c, i in wanted.items()}
        out.append(Row(number, values, cells_at, cells_at["npsn"]))
    return out


def _column(name: str) -> str | None:
    key = re.sub(r"\s*/\s*", "/", " ".join(name.replace(".", " ").split())).casefold()
    return ALIASES.get(key)
