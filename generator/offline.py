"""Reading without internet on a phone: the list of the edition's files for the service worker
(theme/sw.js) and a web app manifest so the edition can be added to the home screen.

Nothing here downloads anything: the reader starts the download from the home page
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
    """offline.json: every file of the edition in `out`, their total size and a version that
    changes whenever any file does; and the web app manifest."""
    (out / MANIFEST).write_text(json.dumps({
        "name": title, "short_name": "Panduan Kinerja", "lang": "id", "start_url": "index.html",
        "scope": "./", "display": "standalone", "background_color": "#ffffff", "theme_color": colour,
        "icons": [{"src": "assets/images/ikon.svg", "sizes": "any", "type": "image/svg+xml"}],
    }, ensure_ascii=False, indent=1), encoding="utf-8")
    files = sorted(p for p in out.rglob("*") if p.is_file() and not _skipped(p.relative_to(out)))
    digest = hashlib.sha256()
    size = 0
    for path in files:
        data = path.read_bytes()
        size += len(data)
        digest.update(path.relative_to(out).as_posix().encode() + b"\0" + hashlib.sha256(data).digest())
    (out / FILES).write_text(json.dumps({
        "versi": digest.hexdigest()[:16], "ukuran": size,
        "berkas": [p.relative_to(out).as_posix() for p in files],
    }, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _skipped(rel: Path) -> bool:
    return rel.as_posix() in SKIP or any(part.startswith(".") for part in rel.parts)
