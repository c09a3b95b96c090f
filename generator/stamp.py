"""A school's name and priorities on its printed worksheets without printing them again.

The shared build prints the worksheet package once, generic: an empty "Satuan pendidikan" line and
no ★. For a school edition, pypdf finds where those words stand on each page, fpdf2 writes the
school's text (with an embedded font) on a transparent page of the same size, and the two are
merged. The result is cached by the package's content and what is written.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

STAMP_VERSION = "6"
NAME_LABEL = "Satuan pendidikan"


@dataclass(frozen=True)
class Mark:
    """Write `text` where the page shows `anchor` (a whole text run): on its fill line when the
    anchor is a field label (`field`), else right after it."""

    anchor: str
    text: str
    field: bool = False


def school_marks(name: str, priorities: list[str], label: str) -> list[Mark]:
    """The name on every name line; the ★ after each priority indicator where a form lists it."""
    return [Mark(NAME_LABEL, name, field=True)] + [Mark(p, f"★ {label}") for p in priorities]


def stamp(package: Path, marks: list[Mark], target: Path, cache_dir: Path, pages: list[int] | None = None) -> None:
    """Write `package` (only its `pages`, when given) with `marks` to `target` (cached by content)."""
    what = json.dumps([[m.__dict__ for m in marks], pages], ensure_ascii=False).encode()
    content = package.read_bytes()
    digest = hashlib.sha256(STAMP_VERSION.encode() + content + what).hexdigest()[:32]
    cached = cache_dir / f"{digest}.pdf"
    if not cached.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        temp = cached.with_suffix(".tmp")
        _stamp(package, _layout(content), marks, temp, pages)
        temp.replace(cached)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)


def _runs(page) -> list[tuple[str, float, float, float]]:
    """Every text run of a page: (text, x, y, font size), in points from the bottom left."""
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((text, x, y, size * (abs(cm[3]) or 1.0)))

    page.extract_text(visitor_text=visit)
    return runs


def _field_gap(runs, measure) -> float | None:
    """The space between a field's label and its value, as the 'Periode' line shows it."""
    for text, x, y, size in runs:
        if text.strip() == "Periode":
            value = next((r for r in runs if abs(r[2] - y) < 2 and r[1] > x and r[0].strip() != "Periode"), None)
            if value is not None:
                return value[1] - x - measure("Periode", size)
    return None


@functools.lru_cache(maxsize=1)
def _font_file() -> str | None:
    """A sans font with ★ to embed (the system's DejaVu, else Liberation)."""
    for pattern in ("DejaVu Sans:bold", "Liberation Sans:bold"):
        try:
            path = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True,
                                  text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            path = ""
        if path.endswith(".ttf") and Path(path).is_file():
            return path
    return None


_LAYOUTS: dict[bytes, list] = {}


def _layout(content: bytes) -> list[list[tuple[str, float, float, float]]]:
    """The text runs of every page of a package, read once per process: every school's stamp
    goes to the same places, and reading them is most of a stamp's cost."""
    from pypdf import PdfReader

    key = hashlib.sha256(content).digest()
    if key not in _LAYOUTS:
        _LAYOUTS.clear()
        _LAYOUTS[key] = [_runs(page) for page in PdfReader(io.BytesIO(content)).pages]
    return _LAYOUTS[key]


def _stamp(package: Path, layout: list, marks: list[Mark], target: Path, pages: list[int] | None) -> None:
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(str(package))
    layout = [layout[n] for n in pages] if pages is not None else layout
    if pages is not None:  # only the sheets this school needs (and only the objects they use)
        writer = PdfWriter()
        for number in pages:
            writer.add_page(reader.pages[number])
        reader = PdfReader(_written(writer))
    writer = PdfWriter(clone_from=reader)
    overlay = FPDF(unit="pt")
    overlay.set_auto_page_break(False)
    font_file = _font_file()
    font = "cap" if font_file else "helvetica"
    if font_file:
        overlay.add_font("cap", "", font_file)

    def measure(text: str, size: float) -> float:
        # The printed text is Liberation Sans, whose widths are those of the core Helvetica.
        overlay.set_font("helvetica", size=size)
        return overlay.get_string_width(text.encode("latin-1", "replace").decode("latin-1"))

    stamped_pages = []
    for number, (page, runs) in enumerate(zip(reader.pages, layout)):
        hits = [(mark, run) for run in runs for mark in marks if run[0].strip() == mark.anchor]
        if not hits:
            continue
        height = float(page.mediabox.height)
        overlay.add_page(format=(float(page.mediabox.width), height))
        gap = _field_gap(runs, measure)
        for mark, (anchor, x, y, size) in hits:
            offset = measure(anchor.strip(), size) + (gap if mark.field and gap is not None else size * 0.6)
            text = mark.text if font_file else mark.text.replace("★", "*")  # core fonts lack ★
            overlay.set_font(font, size=size)
            overlay.text(x + offset, height - y, text)  # fpdf measures from the top
        stamped_pages.append(number)
    if not stamped_pages:
        with open(target, "wb") as f:
            writer.write(f)
        return
    layer = PdfReader(io.BytesIO(bytes(overlay.output())))
    for number, overlay_page in zip(stamped_pages, layer.pages):
        writer.pages[number].merge_page(overlay_page)
        writer.pages[number].compress_content_streams()  # merging leaves them uncompressed
    with open(target, "wb") as f:
        writer.write(f)


def _written(writer) -> io.BytesIO:
    buffer = io.BytesIO()
    writer.write(buffer)
    buffer.seek(0)
    return buffer
