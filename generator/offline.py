"""Reading without internet on a phone: the lists of files for the service worker (theme/sw.js)
and a web app manifest so the handbook can be added to the home screen.

The shared tree's offline.json lists every shared file; each edition's edisi/<id>/offline.json
lists what only that edition has (its home and pages, data.js, its worksheet package, its logo).
An edition home saves both. Paths in both lists are relative to the site root (the service
worker's scope). Nothing here downloads anything: the reader starts the download from a home page
(theme/assets/javascripts/simpan-offline.js).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

FILES = "offline.json"
MANIFEST = "manifest.webmanifest"
SKIP = {FILES, "sw.js", "sitemap.xml", "sitemap.xml.gz", "404.html"}


def write_offline_files(out: Path, title: str, colour: str) -> None:
    """The shared tree's offline.json (edition folders are listed by their own) and the web app
    manifest."""
    (out / MANIFEST).write_text(json.dumps({
        "name": title, "short_name": "Panduan Kinerja", "lang": "id", "start_url": "index.html",
        "scope": "./", "display": "standalone", "background_color": "#ffffff", "theme_color": colour,
        "icons": [{"src": "assets/images/ikon.svg", "sizes": "any", "type": "image/svg+xml"}],
    }, ensure_ascii=False, indent=1), encoding="utf-8")
    files = [p for p in out.rglob("*") if p.is_file() and not _skipped(p.relative_to(out))
             and not p.relative_to(out).as_posix().startswith(("edisi/", "unduh/"))]
    _write_list(out, out / FILES, files)


def write_edition_list(site: Path, folder: str, extra: list[str]) -> None:
    """edisi/<id>/offline.json: every file of the edition's folder `folder`, and `extra` files
    elsewhere that it shows (its logo)."""
    target = site / folder / FILES
    files = [p for p in (site / folder).rglob("*") if p.is_file() and p != target
             and not _skipped(p.relative_to(site / folder))]
    _write_list(site, target, files + [site / e for e in extra if (site / e).is_file()])


def _write_list(site: Path, target: Path, files: list[Path]) -> None:
    """The list: files by path from the site root with a fingerprint of each (a saved copy then
    downloads again only the files whose fingerprint changed), their total size, and a version
    that changes whenever any of them does."""
    digest, size, prints = hashlib.sha256(), 0, []
    files = sorted(set(files))
    for path in files:
        data = path.read_bytes()
        size += len(data)
        prints.append(fingerprint(data))
        digest.update(f"{path.relative_to(site).as_posix()}\0{prints[-1]}\0".encode())
    text = json.dumps({"versi": digest.hexdigest()[:16], "ukuran": size,
                       "berkas": [p.relative_to(site).as_posix() for p in files], "sidik": prints},
                      ensure_ascii=False, separators=(",", ":"))
    target.write_text(text, encoding="utf-8")


def fingerprint(data: bytes) -> str:
    """A file's fingerprint in the list (12 hex digits: short, as the list is downloaded whole)."""
    return hashlib.sha256(data).hexdigest()[:12]


def _skipped(rel: Path) -> bool:
    return rel.as_posix() in SKIP or any(part.startswith(".") for part in rel.parts)
