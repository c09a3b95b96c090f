"""`handbook new FOLDER`: a district project that builds on the national handbook in the package.

The project holds only what is its own (site_config.yml, school lists, local pages, a README for
the coordinator and a publishing workflow); the catalogue and the national guides stay in the
package (see project_layers), so they are never copied.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jinja2

from generator import __version__
from generator.errors import HandbookError, Problem, Source
from generator.project_layers import CONFIG, LOCAL_PAGES

TEMPLATES = Path(__file__).parent / "templates" / "proyek"
# template -> file in the new project
FILES = {
    "site_config.yml.j2": CONFIG,
    "README.md.j2": "README.md",
    "sekolah.csv.j2": "editions/sekolah.csv",
    "halaman.md.j2": f"{LOCAL_PAGES}/kontak-dan-jadwal.md",
    "terbitkan.yml.j2": ".github/workflows/terbitkan.yml",
    "requirements.txt.j2": "requirements.txt",
    "gitignore.j2": ".gitignore",
}
XLSX = "editions/sekolah-dapodik.xlsx"


def create_project(folder: Path, region: str = "Kabupaten Contoh", colour: str = "teal") -> list[str]:
    """Write a new district project into `folder` (new or empty); return the files written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise HandbookError([Problem(Source(str(folder)), "folder ini sudah berisi berkas; pilih folder baru"
                                                          " atau folder kosong untuk proyek baru")])
    context = {"region": region, "region_id": region_id(region), "kind": region_kind(region),
               "colour": colour, "version": __version__,
               "requirement": f"panduan-kinerja-guru~={__version__}"}
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True)
    env.filters["yaml"] = lambda text: json.dumps(text, ensure_ascii=False)  # a YAML double-quoted string
    for template, target in FILES.items():
        path = folder / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(env.get_template(template).render(context), encoding="utf-8")
    _write_example_xlsx(folder / XLSX, region)
    return [*FILES.values(), XLSX]


def region_id(name: str) -> str:
    """'Kabupaten Bandung Barat' -> 'kab-bandung-barat' (an edition id and folder name)."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return re.sub(r"^kabupaten-", "kab-", slug) or "daerah"


def region_kind(name: str) -> str:
    first = name.split()[0].casefold() if name.split() else ""
    return first if first in ("provinsi", "kota") else "kabupaten"


def _write_example_xlsx(path: Path, region: str) -> None:
    """A school list laid out like a Dapodik export: a title row, then the header."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Sekolah"
    sheet.append([f"Daftar satuan pendidikan {region} (contoh; ganti dengan ekspor Dapodik)"])
    sheet.append(["NPSN", "Nama Sekolah", "Bentuk Pendidikan", "Kabupaten/Kota"])
    sheet.append(["99990003", "SMA Negeri 1 Contoh", "SMA", region])
    sheet.append(["99990004", "SMK Negeri 1 Contoh", "SMK", region])
    book.save(path)
