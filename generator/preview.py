"""`handbook serve`: build into a temporary folder, serve it with live reload, rebuild on every edit.

A failed rebuild, whatever its cause, is reported in Indonesian and the last good build stays
visible; the temporary folder is removed when the preview stops (Ctrl+C, SIGTERM or SIGHUP).
"""

from __future__ import annotations

import errno
import shutil
import signal
import sys
import tempfile
from pathlib import Path

from generator.errors import HandbookError, Problem, Source

PLACEHOLDER = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Pratinjau belum tersedia</title></head>
<body><h1>Pratinjau belum tersedia</h1>
<p>Build pertama gagal. Perbaiki masalah yang disebut di terminal; halaman ini dimuat ulang sendiri
setelah build berhasil.</p></body></html>
"""


def serve(root: Path, edition_id: str, host: str, port: int, report) -> int:
    """Serve a live preview of one edition until interrupted; `report(HandbookError)` prints
    problems the way the command line does."""
    from generator.build import MARKER, MARKER_TEXT, build_site
    from generator.mkdocs_backend import serve_mkdocs

    temp = Path(tempfile.mkdtemp(prefix="handbook-pratinjau-"))
    preview = temp / "site"
    stop_signals = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s]
    previous = {s: signal.signal(s, _interrupt) for s in stop_signals}

    def rebuild() -> None:
        try:
            build_site(root, preview, edition_id, stage_dir=temp / "stage", pdf=False)
            print("Pratinjau diperbarui.", file=sys.stderr)
            return
        except HandbookError as e:
            report(e)
        except Exception as e:  # noqa: BLE001 - the preview must survive any failed rebuild
            print(f"Galat internal saat membangun pratinjau ({type(e).__name__}: {e}).", file=sys.stderr)
        print("Pratinjau tetap menampilkan hasil build terakhir yang berhasil; simpan perbaikan Anda"
              " untuk membangun ulang.", file=sys.stderr)
        if not preview.exists():  # nothing built yet: say so in the browser too
            preview.mkdir()
            (preview / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
            (preview / "index.html").write_text(PLACEHOLDER, encoding="utf-8")

    try:
        rebuild()
        print(f"Pratinjau di http://{host}:{port}/ (tekan Ctrl+C untuk berhenti).", file=sys.stderr)
        from generator.project_layers import ProjectLayers

        watch = [*ProjectLayers.of(root).watched(), *_audience_folders(root), Path(__file__).parent / "templates"]
        try:
            serve_mkdocs(rebuild, preview, watch, host, port)
        except OSError as e:
            if e.errno != errno.EADDRINUSE:
                raise
            raise HandbookError([Problem(Source("serve"), f"port {port} sudah dipakai program lain;"
                                                          " pilih port lain dengan --port")]) from None
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        shutil.rmtree(temp, ignore_errors=True)
    return 0


def _audience_folders(root: Path) -> list[Path]:
    """The catalogue folders of the extra audiences site_config.yml names when the preview starts."""
    from generator.project_layers import ProjectLayers
    from generator.site_config import load_site_config

    try:
        config = load_site_config(root, defaults=ProjectLayers.of(root).config_defaults())
    except HandbookError:
        return []  # the rebuild reports it; site_config.yml itself is watched
    return [root / audience.folder for audience in config.audiences]


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
