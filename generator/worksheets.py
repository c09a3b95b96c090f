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

from generator.caches import TemplateCache
from generator.model import Catalog, Item
from generator.wording import number_list

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
    """Every worksheet of the handbook, in printing order, as the catalogue manifest lists them."""
    sheets = []
    for spec in catalog.manifest.sheets:
        sheets.append(Worksheet(spec.slug, spec.code, spec.title, spec.layout, spec.summary, spec.max_pages))
        for item in catalog.of_kind(spec.per_item) if spec.per_item else []:
            name = item.get("nama", item.id)  # a catalogue with problems may lack it
            sheets.append(Worksheet(f"{spec.slug}-{item.id}", spec.code, f"{spec.title}: {name}", spec.layout,
                                    spec.item_summary.replace("{nama}", name), spec.max_pages, item))
    return sheets


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ") + '"'


def print_margins(heading: str, name_line: bool = True) -> str:
    """A style block for a printable page: every printed page carries `heading` (a sheet's code
    and title), "halaman N dari M" and, on a worksheet, a name line (the first page has the
    identity block instead), so a separated photocopy still says what and whose it is."""
    name = ('@top-right { content: "Nama: ______________________"; } ' if name_line else "")
    return ("<style>@page { "
            f"@top-left {{ content: {_css_string(heading)}; }} {name}"
            '@bottom-right { content: "halaman " counter(page) " dari " counter(pages); } } '
            "@page :first { @top-right { content: none; } }</style>")


def blank_sheet(sheets: list[Worksheet], layout: str) -> Worksheet | None:
    """The blank worksheet of a layout (e.g. 'perencanaan', LK-1), if the manifest has one."""
    return next((s for s in sheets if s.template == layout and s.indicator is None), None)


def worksheet_for(item: Item, sheets: list[Worksheet], catalog: Catalog) -> Worksheet:
    """The worksheet a reader fills in for a catalogue item: its own pre-filled sheet (a praktik
    kinerja indicator's LK-2), the competence reflection sheet for a pengembangan kompetensi item,
    else the planning sheet (LK-1)."""
    own = next((s for s in sheets if s.indicator is item), None)
    if own is not None:
        return own
    form = catalog.forms.get(item.component)
    layout = "refleksi-kompetensi" if form == "pengembangan-kompetensi" else "perencanaan"
    return blank_sheet(sheets, layout) or sheets[0]


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """HTML templates: values are HTML-escaped (the forms are raw HTML inside Markdown pages)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                             bytecode_cache=TemplateCache("forms"),  # compiled once per project
                             autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, auto_reload=True)
    env.globals["task_numbers"] = number_list
    return env


def render_html(template: str, **context) -> str:
    """An HTML template as one block without blank lines (so Markdown leaves it alone)."""
    html = _environment().get_template(template).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip())


def render_form(sheet: Worksheet, context: dict) -> str:
    """The worksheet's form as one HTML block (no blank lines, so Markdown leaves it alone)."""
    html = _environment().get_template(f"lembar/{sheet.template}.html.j2").render(
        indicator=sheet.indicator, slug=sheet.slug, title=sheet.title, code=sheet.code, **context)
    return "\n".join(line for line in html.splitlines() if line.strip())
