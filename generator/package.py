"""Packaging of built editions: a zip per edition (works unzipped from disk) and the index page."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import jinja2

from generator.editions import NATIONAL

_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                          autoescape=True, undefined=jinja2.StrictUndefined,
                          trim_blocks=True, lstrip_blocks=True)
TYPE_NAMES = {NATIONAL: "Nasional", "provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota",
              "sekolah": "Sekolah"}


def zip_edition(folder: Path, target: Path) -> None:
    """Zip `folder` as `<name>/...` so that unzipping gives one folder to open index.html from."""
    # Level 1: most of the size gain of deflate at a fraction of its time (the assets are minified).
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")


def write_editions_index(project, listed: list[str], built: set[str], out: Path) -> None:
    """Write out/index.html: every listed edition, searchable by name, NPSN and region."""
    rows = []
    for edition_id in listed:
        edition, _ = project.edition(edition_id)
        rows.append({
            "id": edition.id, "name": edition.name if not edition.is_national else project.config.title,
            "type": TYPE_NAMES[edition.type], "npsn": edition.npsn or "", "region": edition.parent_name or "",
            "level": edition.level or "", "built": edition_id in built,
        })
    html = _ENV.get_template("editions_index.html.j2").render(
        title=project.config.title, description=project.config.description, rows=rows,
        footer=project.config.footer, count=len(rows))
    (out / "index.html").write_text(html, encoding="utf-8")
    (out / "edisi.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
