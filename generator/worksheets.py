"""Printable plan worksheets (lembar kerja), generated from the catalogue.

Each worksheet is a handbook page: a short Markdown introduction for the screen, then the form as
an HTML block styled for A4 by theme/assets/stylesheets/handbook.css. `generator.pdf` prints the
built pages to PDF.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator.model import Catalog, Item

FOLDER = "lembar-kerja"
PACKAGE = "paket-lembar-kerja"  # one page with every form; printed once, then split per worksheet


@dataclass(frozen=True)
class Worksheet:
    slug: str  # page path is lembar-kerja/<slug>.md, its PDF lembar-kerja/<slug>.pdf
    code: str
    title: str
    template: str
    summary: str
    max_pages: int
    indicator: Item | None = None

    @property
    def page(self) -> str:
        return f"{FOLDER}/{self.slug}.md"

    @property
    def pdf(self) -> str:
        return f"{FOLDER}/{self.slug}.pdf"


def worksheets(catalog: Catalog) -> list[Worksheet]:
    """Every worksheet of the handbook, in printing order."""
    sheets = [Worksheet("perencanaan", "LK-1", "Lembar Perencanaan Kinerja", "perencanaan",
                        "Diisi pada bulan Januari sebelum dialog kinerja dengan kepala sekolah.", 4),
              Worksheet("persiapan-observasi", "LK-2", "Lembar Diskusi Persiapan dan Observasi",
                        "persiapan-observasi", "Versi kosong, untuk indikator apa pun.", 2)]
    for indicator in catalog.of_kind("indikator-praktik"):
        name = indicator.get("nama", indicator.id)  # a catalogue with problems may lack it
        sheets.append(Worksheet(f"persiapan-observasi-{indicator.id}", "LK-2",
                                f"Lembar Diskusi Persiapan dan Observasi: {name}",
                                "persiapan-observasi", f"Sudah memuat definisi indikator {name}.",
                                2, indicator))
    sheets += [Worksheet("tindak-lanjut-refleksi", "LK-3", "Lembar Diskusi Tindak Lanjut dan Refleksi",
                         "tindak-lanjut", "Untuk diskusi sesudah observasi, upaya tindak lanjut, dan refleksi.", 2),
               Worksheet("refleksi-kompetensi", "LK-4", "Lembar Refleksi Pengembangan Kompetensi",
                         "refleksi-kompetensi", "Satu lembar untuk setiap indikator kompetensi yang dipilih.", 2)]
    return sheets


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ") + '"'


def print_margins(sheet: Worksheet) -> str:
    """A style block for the sheet's own page: every printed page carries the sheet's code and
    title, a name line (the first page has the identity block instead) and "halaman N dari M", so
    a separated photocopy still says what and whose it is."""
    return ("<style>@page { "
            f"@top-left {{ content: {_css_string(f'{sheet.code} · {sheet.title}')}; }} "
            '@top-right { content: "Nama: ______________________"; } '
            '@bottom-right { content: "halaman " counter(page) " dari " counter(pages); } } '
            "@page :first { @top-right { content: none; } }</style>")


def worksheet_for(item: Item, sheets: list[Worksheet]) -> Worksheet:
    """The worksheet a reader fills in for a catalogue item: a praktik kinerja indicator's
    pre-filled LK-2, LK-4 for a kompetensi indicator, else the planning sheet LK-1."""
    by_slug = {s.slug: s for s in sheets}
    if item.kind == "indikator-praktik":
        return next(s for s in sheets if s.indicator is item)
    if item.component == "pengembangan-kompetensi":
        return by_slug["refleksi-kompetensi"]
    return by_slug["perencanaan"]


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """HTML templates: values are HTML-escaped (the forms are raw HTML inside Markdown pages)."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                              autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True, auto_reload=True)


def render_html(template: str, **context) -> str:
    """An HTML template as one block without blank lines (so Markdown leaves it alone)."""
    html = _environment().get_template(template).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip())


def render_form(sheet: Worksheet, context: dict) -> str:
    """The worksheet's form as one HTML block (no blank lines, so Markdown leaves it alone)."""
    html = _environment().get_template(f"lembar/{sheet.template}.html.j2").render(
        indicator=sheet.indicator, slug=sheet.slug, title=sheet.title, **context)
    return "\n".join(line for line in html.splitlines() if line.strip())
