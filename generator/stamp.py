"""A school's name on its printed worksheets without printing them again.

The shared build prints the worksheet package once with an empty "Satuan pendidikan" line. For a
school edition, the name is written onto that line of every page that has one: pypdf finds where
the label stands, fpdf2 writes the name (with an embedded font) on a transparent page of the same
size, and the two are merged. The result is cached by the package's content and the name.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

STAMP_VERSION = "2"
LABEL = "Satuan pendidikan"


def stamp_name(package: Path, name: str, target: Path, cache_dir: Path) -> None:
    """Write `package` with `name` on each of its name lines to `target` (cached)."""
    digest = hashlib.sha256(STAMP_VERSION.encode() + package.read_bytes() + name.encode()).hexdigest()[:32]
    cached = cache_dir / f"{digest}.pdf"
    if not cached.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        temp = cached.with_suffix(".tmp")
        _stamp(package, name, temp)
        temp.replace(cached)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)


def _positions(page) -> tuple[list[tuple[float, float, float]], float | None]:
    """(x, y, font size) in points of each name-line label on a page, and the gap between a
    label and its value as the page shows it on the 'Periode' line (None when it has none)."""
    found, labels, values = [], {}, {}

    def visit(text, cm, tm, font, size):
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(cm[3]) or 1.0
        stripped = text.strip()
        if stripped == LABEL:
            found.append((x, y, size * scale))
        elif stripped == "Periode":
            labels[round(y)] = (x, size * scale)
        elif stripped and round(y) in labels:
            values.setdefault(round(y), x)

    page.extract_text(visitor_text=visit)
    gap = None
    for y, (x, size) in labels.items():
        if y in values:
            gap = (values[y] - x, "Periode", size)
    return found, gap


def _font(pdf) -> str:
    """An embedded bold sans font (the system's DejaVu or Liberation), else the PDF core font."""
    for pattern in ("DejaVu Sans:bold", "Liberation Sans:bold"):
        try:
            path = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True,
                                  text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            path = ""
        if path.endswith(".ttf") and Path(path).is_file():
            pdf.add_font("cap", "", path)
            return "cap"
    return "helvetica"


def _stamp(package: Path, name: str, target: Path) -> None:
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(str(package))
    writer = PdfWriter(clone_from=reader)
    overlay = FPDF(unit="pt")
    overlay.set_auto_page_break(False)
    font = None
    marks = []
    for number, page in enumerate(reader.pages):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        found, gap = _positions(page)
        if not found:
            continue
        overlay.add_page(format=(width, height))
        font = font or _font(overlay)
        for x, y, size in found:
            overlay.set_font(font, size=size)
            if gap is not None:
                offset = gap[0] - overlay.get_string_width(gap[1])
            else:
                offset = size * 1.1
            overlay.set_font(font, size=size)
            label_width = FPDF.get_string_width(overlay, LABEL)
            # fpdf's origin is the top left corner; a PDF's is the bottom left.
            overlay.text(x + label_width + offset, height - y, name)
        marks.append(number)
    if not marks:
        shutil.copyfile(package, target)
        return
    stamped = PdfReader(_bytes(overlay))
    for page_number, overlay_page in zip(marks, stamped.pages):
        writer.pages[page_number].merge_page(overlay_page)
        writer.pages[page_number].compress_content_streams()  # merging leaves them uncompressed
    writer.compress_identical_objects()
    with open(target, "wb") as f:
        writer.write(f)


def _bytes(pdf):
    import io

    return io.BytesIO(bytes(pdf.output()))
