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


ZIP_FOLDER = "panduan"


def write_zips(site: Path, edition_ids: list[str], out: Path) -> None:
    """One zip per edition for a flash drive: the shared tree, the edition's folder, an index.html
    that opens the edition's home, and the edition script set to that edition. The shared part is
    compressed once and copied; each edition only appends its own files."""
    import shutil

    from generator.edition_site import EDITIONS_DIR

    out.mkdir(parents=True, exist_ok=True)
    personal = {"index.html", EDITION_SCRIPT}
    base = out / ".bersama.zip"
    with zipfile.ZipFile(base, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(site.rglob("*")):
            rel = path.relative_to(site).as_posix()
            if path.is_file() and rel not in personal and not rel.startswith((f"{EDITIONS_DIR}/", "unduh/")) \
                    and not rel.startswith("."):
                archive.write(path, f"{ZIP_FOLDER}/{rel}")
    script = (site / EDITION_SCRIPT).read_text(encoding="utf-8")
    for edition_id in edition_ids:
        target = out / f"{edition_id}.zip"
        shutil.copyfile(base, target)
        folder = site / EDITIONS_DIR / edition_id
        with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    archive.write(path, f"{ZIP_FOLDER}/{EDITIONS_DIR}/{edition_id}/{path.relative_to(folder).as_posix()}")
            home = f"{EDITIONS_DIR}/{edition_id}/index.html"
            archive.writestr(f"{ZIP_FOLDER}/index.html", _REDIRECT.format(home=home))
            archive.writestr(f"{ZIP_FOLDER}/{EDITION_SCRIPT}",
                             script.replace("var FORCED = null;", f'var FORCED = "{edition_id}";', 1))
    base.unlink()


EDITION_SCRIPT = "assets/javascripts/edisi.js"
_REDIRECT = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Panduan</title>
<meta http-equiv="refresh" content="0; url={home}"></head>
<body><p><a href="{home}">Buka panduan</a></p></body></html>
"""


def write_editions_index(project, listed: list[str], built: set[str], out: Path, zips: bool = False) -> None:
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
        footer=project.config.footer, count=len(rows), zips=zips)
    out.mkdir(parents=True, exist_ok=True)
    (out / "index.html").write_text(html, encoding="utf-8")
    (out / "edisi.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
