"""Worksheet PDFs, printed by headless Chromium from the built pages.

Chromium is the browser engine teachers print with, so the PDF is exactly the browser's print
(same print stylesheet, same layout) with its fonts embedded. A PDF is cached under
build/cache/pdf by a hash of what it shows (the form's HTML and the stylesheets), so an unchanged
worksheet is not printed again on the next build or for another edition with the same content.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from pathlib import Path

from generator.errors import HandbookError, Problem, Source

CACHE_VERSION = "2"  # bump when the printing settings change
# What a printed page shows: its article (the print stylesheet hides everything else).
_PRINTED = re.compile(r"<article.*?</article>", re.S)


# Chromium or a browser built on it (Google Chrome on CI runners, Edge on Windows).
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge")


def find_chromium() -> str | None:
    """Path of the Chromium to print with: $HANDBOOK_CHROMIUM ('none': no Chromium), else the
    first of BROWSERS on PATH."""
    chosen = os.environ.get("HANDBOOK_CHROMIUM")
    if chosen:
        return None if chosen == "none" else chosen
    return next((path for path in map(shutil.which, BROWSERS) if path), None)


# The one line a default build prints when it skips the PDFs.
PDF_SKIPPED = ("PDF lembar kerja dilewati karena Chromium tidak ditemukan; untuk menambahkannya, pasang"
               " Chromium ('sudo apt install chromium', di Windows Chrome atau Edge, atau tunjuk lewat"
               " HANDBOOK_CHROMIUM) lalu bangun ulang.")


def missing_chromium() -> HandbookError:
    return HandbookError([Problem(Source("lembar-kerja"),
                                  "PDF lembar kerja dibuat dengan Chromium, tetapi Chromium tidak ditemukan."
                                  " Pasang dengan 'sudo apt install chromium', atau bangun tanpa PDF"
                                  " dengan opsi --no-pdf.")])


class Printer:
    """One headless Chromium for a whole build (started on first use)."""

    def __init__(self, cache_dir: Path):
        self.cache_dir = cache_dir
        self._playwright = self._browser = self._tab = None
        self.printed = self.reused = 0
        self.seconds = 0.0  # time spent in Chromium, browser start included

    def __enter__(self) -> Printer:
        return self

    def __exit__(self, *exc) -> None:
        if self._browser is not None:
            self._browser.close()
            self._playwright.stop()

    def _page(self):
        """The one tab every page is printed from: opening a tab per page cost Chromium twice the
        time of the printing itself (bench/pdf.py)."""
        if self._tab is not None:
            return self._tab
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            executable = find_chromium()
            if executable is None:
                raise missing_chromium()
            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(
                executable_path=executable,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                      "--disable-component-update", "--no-first-run", "--disable-sync"])
            # Printing needs no script: the print stylesheet does all the work.
            self._context = self._browser.new_context(java_script_enabled=False)
            # Printing needs nothing from the network: refuse anything that is not a local file.
            self._context.route(re.compile(r"^(?!file:|data:)"), lambda route: route.abort())
        self._tab = self._context.new_page()
        return self._tab

    def print_page(self, html_path: Path, styles: bytes) -> tuple[Path, bool]:
        """Print a built page to PDF (A4, from its print stylesheet, with an outline of its
        headings); return the cached PDF and whether it had to be printed."""
        key = _key(html_path.read_text(encoding="utf-8"), styles)
        cached = self.cache_dir / key / "cetak.pdf"
        if cached.is_file():
            self.reused += 1
            return cached, False
        cached.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        page = self._page()
        page.goto(html_path.as_uri())
        temp = cached.with_suffix(f".{os.getpid()}.tmp")
        # The outline (from the tagged structure) marks where each worksheet starts.
        page.pdf(path=str(temp), prefer_css_page_size=True, outline=True, tagged=True)
        temp.replace(cached)
        self.printed += 1
        self.seconds += time.perf_counter() - started
        return cached, True


def write_worksheet_pdfs(site: Path, folder: str, package: str, sheets, printer: Printer, base: str = "") -> None:
    """Print each worksheet from its own page (so "halaman N dari M" counts that sheet's pages),
    then join them into the package PDF with one outline entry per sheet. `base`: the folder the
    sheets' pages are in (an extra audience's section)."""
    from pypdf import PdfWriter

    styles = site_styles(site)
    writer = PdfWriter()
    for sheet in sheets:
        printed, _ = printer.print_page(site / base / (sheet.page.removesuffix(".md") + ".html"), styles)
        shutil.copyfile(printed, site / base / sheet.pdf)
        first = len(writer.pages)
        writer.append(str(printed), import_outline=False)
        writer.add_outline_item(sheet.title, first)
    writer.add_metadata({"/Title": "Paket lembar kerja"})
    with open(site / folder / f"{package}.pdf", "wb") as f:
        writer.write(f)


def write_page_pdfs(site: Path, pages: list[str], printer: Printer) -> None:
    """Print whole pages (e.g. card sheets) to the PDF beside each; cached like the worksheets."""
    styles = site_styles(site)
    for page in pages:
        html = site / (page.removesuffix(".md") + ".html")
        printed, _ = printer.print_page(html, styles)
        shutil.copyfile(printed, html.with_suffix(".pdf"))


def sheet_pages(reader, sheets) -> dict[str, range]:
    """The pages of each worksheet in the printed package, from the PDF outline (its titles)."""
    wanted = {s.title for s in sheets}
    starts = [(entry.title, reader.get_destination_page_number(entry))
              for entry in reader.outline if not isinstance(entry, list) and entry.title in wanted]
    titles = [title for title, _ in starts]
    if titles != [s.title for s in sheets]:
        raise RuntimeError(f"worksheet outline does not match the worksheets: {titles}")
    bounds = [page for _, page in starts] + [len(reader.pages)]
    return {sheet.slug: range(first, end) for sheet, first, end in zip(sheets, bounds, bounds[1:])}


def _key(html: str, styles: bytes) -> str:
    """Hash of what a printed page shows: its form and the stylesheets."""
    match = _PRINTED.search(html)
    content = match.group(0) if match else html
    return hashlib.sha256(CACHE_VERSION.encode() + styles + content.encode()).hexdigest()[:32]


def site_styles(site: Path) -> bytes:
    """The stylesheets a printed page uses (any change invalidates the cache)."""
    return b"".join(p.read_bytes() for p in sorted((site / "assets" / "stylesheets").rglob("*.css")))


