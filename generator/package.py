"""Packaging of built editions: a zip per edition (works unzipped from disk) and the index page."""

from __future__ import annotations

import html
import json
import zipfile
from pathlib import Path

import jinja2

from generator.caches import TemplateCache

_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                          bytecode_cache=TemplateCache("package"),  # compiled once per project
                          autoescape=True, undefined=jinja2.StrictUndefined,
                          trim_blocks=True, lstrip_blocks=True)
TYPE_NAMES = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota",
              "sekolah": "Sekolah"}


ZIP_FOLDER = "panduan"


def write_zips(site: Path, edition_ids: list[str], names: dict[str, str], out: Path) -> None:
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
                _add(archive, f"{ZIP_FOLDER}/{rel}", path.read_bytes())
    script = (site / EDITION_SCRIPT).read_text(encoding="utf-8")
    for edition_id in edition_ids:
        target = out / f"{edition_id}.zip"
        shutil.copyfile(base, target)
        folder = site / EDITIONS_DIR / edition_id
        with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    _add(archive, f"{ZIP_FOLDER}/{EDITIONS_DIR}/{edition_id}/{path.relative_to(folder).as_posix()}",
                         path.read_bytes())
            home = f"{EDITIONS_DIR}/{edition_id}/index.html"
            for logo in sorted((site / EDITIONS_DIR / "logo").glob("*")):
                _add(archive, f"{ZIP_FOLDER}/{EDITIONS_DIR}/logo/{logo.name}", logo.read_bytes())
            _add(archive, f"{ZIP_FOLDER}/index.html", _REDIRECT.format(home=home, name=html.escape(names[edition_id])).encode())
            _add(archive, f"{ZIP_FOLDER}/{EDITION_SCRIPT}",
                 script.replace("var FORCED = null;", f'var FORCED = "{edition_id}";', 1).encode())
    base.unlink()


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    """An entry with a fixed date, so the same files always give the same zip (unchanged
    editions keep their zip untouched, and shards joined equal one run)."""
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
    archive.writestr(info, data, compresslevel=6)


EDITION_SCRIPT = "assets/javascripts/edisi.js"
_REDIRECT = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>{name}</title>
<meta http-equiv="refresh" content="0; url={home}"></head>
<body><p><a href="{home}">Buka panduan {name}</a></p>
<script>location.replace("{home}");</script></body></html>
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
