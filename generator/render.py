"""Render the handbook to Markdown pages: catalogue pages from templates, guides with links resolved.

Nothing here knows about MkDocs; the pages are plain Markdown (with admonitions and attribute
lists) plus a neutral navigation tree, so the renderer behind them can be swapped.
"""

from __future__ import annotations

import datetime
import functools
import html
import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from generator.dates import indonesian
from generator.editions import ResolvedEdition
from generator.errors import Problems, Source
from generator.guides import INSERTS, ITEM_LINK, TEXT_LINK, headings
from generator.model import Catalog, Guide, Item
from generator.site_config import CATALOG_TOKEN, WORKSHEETS_TOKEN, SiteConfig
from generator.kit import FOLDER as KIT_DIR
from generator.kit import card_set_pages, card_sets, page_url, qr_svg
from generator.worksheets import FOLDER as WORKSHEETS_DIR
from generator.worksheets import PACKAGE, print_margins, render_form, worksheet_for, worksheets

# The four parts of a teacher's plan, in the order Ruang GTK shows them.
PLAN = ("tugas-pokok", "praktik-kinerja", "pengembangan-kompetensi", "perilaku-kerja")
# Kinds that get a page of their own; every other item is a section (anchor) of another page.
OWN_PAGE = {"tugas-pokok", "indikator-praktik", "indikator-kompetensi", "aspek"}
CATALOG_DIR = "katalog"
SOURCES_PAGE = "katalog/sumber.md"
GLOSSARY_PAGE = "glosarium.md"
SEARCH_PAGE = "cari.md"
PLAN_PAGE = "rencana.md"


@dataclass(frozen=True)
class Page:
    path: str  # relative to the docs folder, POSIX
    text: str


@dataclass
class NavNode:
    title: str
    path: str | None = None
    children: list[NavNode] = field(default_factory=list)


@dataclass
class Rendered:
    pages: list[Page]
    nav: list[NavNode]
    site_title: str
    site_description: str
    primary_colour: str
    footer: str
    edition: ResolvedEdition
    unlisted: list[str] = field(default_factory=list)  # pages deliberately not in the navigation


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|#!])")


def escape_md(value) -> str:
    """Text as literal Markdown: no HTML, no emphasis, links, attribute lists or table breaks."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=False))


def _finalize(value):
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return escape_md(value)


def page_targets(catalog: Catalog) -> dict[str, Item]:
    """Generated pages that guides link to by id like catalogue items: worksheets as
    `lembar-<slug>`, workshop card sheets by their slug."""
    targets = {}
    for sheet in worksheets(catalog):
        targets[f"lembar-{sheet.slug}"] = (sheet.title, sheet.page)
    targets.update(card_set_pages())
    return {key: Item(id=key, kind="halaman", label="halaman", data={"nama": title, "halaman": path},
                      source=Source("generator")) for key, (title, path) in targets.items()}


def link_targets(catalog: Catalog) -> dict[str, Item]:
    """Everything `[[id]]` may name: catalogue items and generated pages."""
    return {**catalog.items, **page_targets(catalog)}


class Locator:
    """Where each catalogue item or generated page is shown: (page path, anchor or None)."""

    def __init__(self, catalog: Catalog, guides: list[Guide]):
        self.places: dict[str, tuple[str, str | None]] = {}
        inserted = {name: g for g in guides for name, _ in g.inserts}
        for item in catalog.items.values():
            place = self._place(item, inserted)
            if place:
                self.places[item.id] = place
        for target in page_targets(catalog).values():
            self.places[target.id] = (target["halaman"], None)

    def _place(self, item: Item, inserted) -> tuple[str, str | None] | None:
        if item.kind == "sumber":
            return SOURCES_PAGE, item.id
        if item.id == "glosarium" or item.component == "glosarium":
            return GLOSSARY_PAGE, (item.id if item.kind != "komponen" else None)
        if item.kind == "komponen":
            if item.id in PLAN:
                return f"{CATALOG_DIR}/{item.id}/index.md", None
            guide = next((g for n, g in inserted.items() if INSERTS.get(n) == item.id), None)
            return (guide.path, None) if guide else None
        if item.kind in OWN_PAGE:
            return f"{CATALOG_DIR}/{item.component}/{item.id}.md", None
        if item.component in PLAN:
            host = item.parent
            while host.kind not in OWN_PAGE and host.kind != "komponen":
                host = host.parent
            return self._place(host, inserted)[0], item.id
        guide = next((g for n, g in inserted.items() if INSERTS.get(n) == item.component), None)
        return (guide.path, item.id) if guide else None

    def href(self, item: Item, from_page: str) -> str:
        path, anchor = self.places[item.id]
        rel = posixpath.relpath(path, posixpath.dirname(from_page) or ".")
        if rel == posixpath.basename(from_page) and anchor:
            rel = ""
        return rel + (f"#{anchor}" if anchor else "")


def display_name(item: Item) -> str:
    """Short name for links: the label of a tugas pokok (its official name is a long sentence)."""
    return item.get("label") or item.nama


def render_handbook(config: SiteConfig, catalog: Catalog, guides: list[Guide],
                    edition: ResolvedEdition, pdf: bool = True,
                    updated: dict[str, datetime.date] | None = None) -> Rendered:
    """Return every page of one edition of the handbook as Markdown, plus the navigation tree.
    `pdf` says whether worksheet PDFs will be made (their pages then link to them); `updated`
    gives the last change of each source file (generator.dates), shown on the pages made from it."""
    renderer = _Renderer(config, catalog, guides, edition, pdf)
    rendered = renderer.render()
    rendered.pages = [renderer.stamp(page, updated or {}) for page in rendered.pages]
    return rendered


def report_address(config: SiteConfig, edition: ResolvedEdition) -> str | None:
    """Where a reader reports a mistake: the edition's first contact with an e-mail address, else
    the address in site_config.yml ('laporan')."""
    for contact in edition.contacts or []:
        if contact.get("surel"):
            return contact["surel"]
    return config.report


def recommended_indicators(catalog: Catalog, edition: ResolvedEdition) -> list[Item]:
    """Praktik kinerja indicators an edition recommends: named ones and those of named dimensions."""
    out = []
    for item_id in edition.priorities:
        item = catalog.items[item_id]
        for indicator in item.children.get("indikator", [item]):
            if indicator not in out:
                out.append(indicator)
    return out


def contact_links(contact: dict) -> list[tuple[str, str]]:
    """(text, href) to call, message or e-mail an edition contact. A mobile number (08..., +628...)
    also gets a WhatsApp link (wa.me: a page outside the handbook that the reader chooses to open)."""
    links = []
    phone = contact.get("telepon", "")
    digits = re.sub(r"\D", "", phone)
    if digits:
        international = "62" + digits[1:] if digits.startswith("0") else digits
        links.append((f"Telepon {phone}", f"tel:+{international}"))
        if international.startswith("628"):
            links.append(("WhatsApp", f"https://wa.me/{international}"))
    if contact.get("surel"):
        links.append((contact["surel"], f"mailto:{contact['surel']}"))
    return links


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """One template environment per process, so templates compile once for all editions."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        undefined=jinja2.StrictUndefined, finalize=_finalize, autoescape=False,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        auto_reload=True,  # `handbook serve` picks up edited templates
    )
    env.globals.update(json=lambda v: Markup(json.dumps(v, ensure_ascii=False)),
                       display_name=display_name, raw=Markup, contact_links=contact_links)
    env.filters["md"] = escape_md
    return env


class _Renderer:
    def __init__(self, config: SiteConfig, catalog: Catalog, guides: list[Guide],
                 edition: ResolvedEdition, pdf: bool):
        self.config, self.catalog, self.guides, self.edition = config, catalog, guides, edition
        self.pdf = pdf
        self.unlisted: list[str] = []
        self.locator = Locator(catalog, guides)
        self.targets = link_targets(catalog)
        self.refs: dict[str, list[Guide]] = {}
        for guide in guides:
            for item_id, _ in guide.item_refs:
                if guide not in self.refs.setdefault(item_id, []):
                    self.refs[item_id].append(guide)
        self.env = _environment()
        # Per-edition values reach the templates as render context (the environment is shared).
        self.sequence = {c: self._own_pages(catalog.components[c]) for c in PLAN}
        self.context = dict(link=self._link, href=self._href, related_guides=self._related_guides,
                            neighbours=self._neighbours, worksheet=self._worksheet, plan_href=self._plan_href,
                            catalog=catalog, plan=[catalog.components[c] for c in PLAN],
                            edition=edition, recommended=recommended_indicators(catalog, edition),
                            pdf=pdf)

    # --- template helpers -------------------------------------------------------------------
    @jinja2.pass_context
    def _href(self, context, item: Item) -> Markup:
        return Markup(self.locator.href(item, context["page_path"]))

    @jinja2.pass_context
    def _link(self, context, item: Item, text: str | None = None) -> Markup:
        label = escape_md(text if text is not None else display_name(item))
        return Markup(f"[{label}]({self.locator.href(item, context['page_path'])})")

    def _neighbours(self, item: Item) -> tuple[Item | None, Item | None]:
        """The pages before and after an item page within its component, in catalogue order."""
        pages = self.sequence[item.component]
        at = pages.index(item)
        return (pages[at - 1] if at else None), (pages[at + 1] if at + 1 < len(pages) else None)

    def _worksheet(self, item: Item) -> Item:
        return self.targets[f"lembar-{worksheet_for(item, worksheets(self.catalog)).slug}"]

    @jinja2.pass_context
    def _plan_href(self, context, item: Item) -> Markup:
        """The plan builder with the item already chosen (rencana.js reads ?pilih=)."""
        rel = posixpath.relpath(PLAN_PAGE, posixpath.dirname(context["page_path"]) or ".")
        return Markup(f"{rel}?pilih={item.id}")

    @jinja2.pass_context
    def _related_guides(self, context, item: Item) -> list[tuple[str, str]]:
        """(title, relative href) of guides linking to the item first, then to its ancestors."""
        out, here = [], context["page_path"]
        for node in [item, *item.ancestors()]:
            for guide in self.refs.get(node.id, []):
                if guide.path == "index.md":
                    continue  # the home page mentions items as examples, it doesn't explain them
                href = posixpath.relpath(guide.path, posixpath.dirname(here) or ".")
                if (guide.title, href) not in out:
                    out.append((guide.title, href))
        return out

    def stamp(self, page: Page, updated: dict[str, datetime.date]) -> Page:
        """Add to a page's front matter when its sources last changed and where to report a
        mistake (theme/partials/source-file.html shows both under the page)."""
        sources = self._sources(page.path)
        dates = [updated[s] for s in sources if s in updated]
        meta = {}
        if dates:
            meta["diperbarui"] = indonesian(max(dates))
        address = report_address(self.config, self.edition)
        if address:
            title = _front_title(page) or page.path
            meta["laporkan"] = (f"mailto:{address}?subject=" + quote(f"Kesalahan di halaman: {title}")
                                if "@" in address else address)
        lines = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items())
        return Page(page.path, "---\n" + lines + page.text[4:]) if page.text.startswith("---\n") else page

    def _sources(self, path: str) -> list[str]:
        """Source files a page is made from: its guide, its catalogue item's file, else the whole
        catalogue (worksheets, kit, search, plan builder draw on all of it)."""
        guide = next((g for g in self.guides if g.path == path), None)
        if guide:
            return [guide.source_path]
        owners = [i for i, place in self.locator.places.items() if place == (path, None) and i in self.catalog.items]
        if owners:
            return [self.catalog.items[owners[0]].source.path]
        return sorted({i.source.path for i in self.catalog.items.values()})

    def _template(self, name: str, page_path: str, **context) -> str:
        return self.env.get_template(name).render(page_path=page_path, **self.context, **context)

    # --- pages --------------------------------------------------------------------------------
    def render(self) -> Rendered:
        pages = [self._render_guide(g) for g in self.guides]
        pages.append(Page(f"{CATALOG_DIR}/index.md", self._template("katalog.md.j2", f"{CATALOG_DIR}/index.md")))
        pages.append(Page(SOURCES_PAGE, self._template(
            "sumber.md.j2", SOURCES_PAGE, sources=self.catalog.of_kind("sumber"),
            text_notes=[i for i in self.catalog.items.values() if i.get("catatan_teks")])))
        catalog_nav = NavNode("Katalog 2026", children=[NavNode("Katalog 2026", f"{CATALOG_DIR}/index.md")])
        for component_id in PLAN:
            component = self.catalog.components[component_id]
            index = f"{CATALOG_DIR}/{component_id}/index.md"
            pages.append(Page(index, self._template(f"{component_id}.md.j2", index, component=component)))
            # Item pages are reached from their component page, not listed in the navigation:
            # a navigation of every item made each page's HTML mostly menu (and slow to build).
            catalog_nav.children.append(NavNode(component.nama, index))
            for item in self._own_pages(component):
                path = self.locator.places[item.id][0]
                pages.append(Page(path, self._template("item.md.j2", path, item=item)))
                self.unlisted.append(path)
        catalog_nav.children.append(NavNode("Sumber dan catatan teks", SOURCES_PAGE))
        worksheet_nav = self._render_worksheets(pages)
        self._render_kit(pages)
        self._render_search(pages)
        self._render_plan_builder(pages)
        nav = []
        titles = {p.path: _front_title(p) for p in pages}
        placed = set()
        for section in self.config.nav:
            # Pages of switched-off modules are left out of this edition.
            special = {CATALOG_TOKEN: catalog_nav, WORKSHEETS_TOKEN: worksheet_nav}
            nodes = [special[e] if e in special else NavNode(titles[e], e)
                     for e in section.entries if e in special or titles.get(e)]
            placed.update(section.entries)
            if not nodes:
                continue
            if len(nodes) == 1 and nodes[0].path:
                nav.append(NavNode(section.title, nodes[0].path))
            elif len(nodes) == 1:
                nav.append(NavNode(section.title, children=nodes[0].children))
            else:
                nav.append(NavNode(section.title, children=nodes))
        if WORKSHEETS_TOKEN not in placed:  # a site_config.yml that does not place them
            nav.append(worksheet_nav)
        local = [NavNode(g.title, g.path) for g in self.guides if g.path not in placed]
        if local:
            nav.append(NavNode("Informasi lokal", children=local))
        # Generated pages the navigation does not name are reached from other pages.
        in_nav = _nav_paths(nav)
        _check_listed(self.config, titles, in_nav)
        self.unlisted += [p.path for p in pages if p.path not in in_nav and p.path not in self.unlisted]
        title = self.config.title if self.edition.is_national else f"{self.config.title} – {self.edition.name}"
        return Rendered(pages, nav, title, self.config.description, self.edition.colour,
                        self.config.footer, self.edition, self.unlisted)

    def _render_worksheets(self, pages: list[Page]) -> NavNode:
        sheets = worksheets(self.catalog)
        index = f"{WORKSHEETS_DIR}/index.md"
        pages.append(Page(index, self._template("lembar-kerja.md.j2", index, sheets=sheets)))
        nav = NavNode("Lembar kerja", children=[NavNode("Lembar kerja", index)])
        form_context = dict(catalog=self.catalog, edition=self.edition,
                            recommended=self.context["recommended"])
        forms = []
        for sheet in sheets:
            form = render_form(sheet, form_context)
            forms.append(form)
            pages.append(Page(sheet.page, self._template("lembar.md.j2", sheet.page, sheet=sheet, form=form,
                                                          margins=print_margins(sheet))))
            if sheet.indicator is None:
                nav.children.append(NavNode(f"{sheet.code} {sheet.title}", sheet.page))
            else:  # the eight pre-filled LK-2 are reached from the worksheet index
                self.unlisted.append(sheet.page)
        package = f"{WORKSHEETS_DIR}/{PACKAGE}.md"
        pages.append(Page(package, self._template("paket.md.j2", package, forms=forms)))
        self.unlisted.append(package)
        return nav

    def _render_search(self, pages: list[Page]) -> None:
        from generator.search import KINDS

        glossary = self.catalog.components.get("glosarium")
        terms = sorted(glossary.children.get("istilah", []), key=lambda t: t.nama.casefold()) if glossary else []
        pages.append(Page(GLOSSARY_PAGE, self._template("glosarium.md.j2", GLOSSARY_PAGE, terms=terms)))
        pages.append(Page(SEARCH_PAGE, self._template("cari.md.j2", SEARCH_PAGE, kinds=KINDS,
                                                      roles=self.catalog.of_kind("peran"))))

    def _render_plan_builder(self, pages: list[Page]) -> None:
        """The plan builder page: the catalogue's four parts as JSON for assets/javascripts/rencana.js."""
        data = plan_builder_data(self.catalog, self.edition, self.context["recommended"])
        # "</" cannot end the script element early: JSON allows escaping the slash.
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        pages.append(Page(PLAN_PAGE, self._template("rencana.md.j2", PLAN_PAGE, data=text)))

    def _render_kit(self, pages: list[Page]) -> None:
        from generator.worksheets import render_html

        for card_set in card_sets(self.catalog):
            url = page_url(self.edition.url, card_set.page)
            short = url.split("://", 1)[-1] if url else card_set.page.removesuffix(".md") + ".html"
            form = render_html("lembar/kartu.html.j2", set=card_set, edition=self.edition,
                               short_link=short, qr=qr_svg(url) if url else None)
            pages.append(Page(card_set.page, self._template("kartu.md.j2", card_set.page, set=card_set,
                                                            form=form)))

    def _own_pages(self, component: Item) -> list[Item]:
        out = []
        for child in component.all_children():
            if child.kind in OWN_PAGE:
                out.append(child)
            out.extend(c for c in self._own_pages(child))
        return out

    def _render_guide(self, guide: Guide) -> Page:
        lines = []
        for line in guide.body.split("\n"):
            stripped = line.strip()
            match = ITEM_LINK.fullmatch(stripped)
            if match and match.group(1).startswith("tabel:"):
                name = match.group(1)[len("tabel:"):]
                lines.append(self._template(f"tabel_{name}.md.j2", guide.path, guide_headings=headings(guide),
                                            component=self.catalog.components.get(INSERTS[name])))
                continue
            line = ITEM_LINK.sub(lambda m: self._link({"page_path": guide.path},
                                                      self.targets[m.group(1)]), line)
            line = TEXT_LINK.sub(lambda m: "](" + self.locator.href(self.targets[m.group(1)],
                                                                     guide.path) + ")", line)
            lines.append(line)
        # MkDocs themes print titles and descriptions into HTML unescaped.
        front = {"title": html.escape(guide.title), "description": html.escape(guide.summary)}
        header = "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front.items())
        body = "\n".join(lines)
        if guide.path in printable_guides([guide]):
            body = self._print_frame(guide.path) + body + self._print_reference(guide.path)
        return Page(guide.path, header + "---\n\n# " + escape_md(guide.title) + "\n\n" + body)

    def _print_frame(self, path: str) -> str:
        """Buttons above a printable guide (workshop material): its PDF and the browser's print."""
        name = posixpath.basename(path).removesuffix(".md")
        pdf = f'<a class="md-button" href="{name}.pdf" download>Unduh PDF (A4)</a> ' if self.pdf else ""
        return (f'<p class="ws-screen">{pdf}<button class="md-button md-button--primary" type="button"'
                ' onclick="window.print()">Cetak</button></p>\n\n')

    def _print_reference(self, path: str) -> str:
        """Printed only: a short link and a QR code back to this page in this edition."""
        url = page_url(self.edition.url, path)
        short = url.split("://", 1)[-1] if url else path.removesuffix(".md") + ".html"
        qr = qr_svg(url) if url else ""
        return (f'\n\n<div class="print-ref"><p>Halaman ini di panduan: <span class="kit-link">'
                f'{html.escape(short)}</span></p>{qr}</div>\n')


def printable_guides(guides: list[Guide]) -> set[str]:
    """Guides that are workshop material to print (session plans, checklist, reflection sheet)."""
    return {g.path for g in guides if g.path.startswith(f"{KIT_DIR}/") and g.path != f"{KIT_DIR}/index.md"}


def plan_builder_data(catalog: Catalog, edition: ResolvedEdition, recommended: list[Item]) -> dict:
    """What the plan builder offers: every item of the four parts of the plan, by id."""
    def item(node: Item, **extra) -> dict:
        return {"id": node.id, "nama": node.nama, "nomor": node.number, **extra}

    tasks = catalog.components["tugas-pokok"].children["tugas"]
    return {
        "versi": 1,
        "edisi": {"id": edition.id, "nama": edition.name, "jenis": edition.type},
        "tugas": [item(t, label=t.get("label"), pilihan=[item(o) for o in t.children.get("pilihan", [])],
                       tugas_tambahan=[item(o, catatan=o.get("catatan_teks") or o.get("catatan"))
                                       for o in t.children.get("tugas_tambahan", [])])
                  for t in tasks],
        "praktik": [item(d, indikator=[item(i, definisi=i["definisi"], direkomendasikan=i in recommended)
                                       for i in d.children["indikator"]])
                    for d in catalog.components["praktik-kinerja"].children["dimensi"]],
        "kompetensi": [item(g, indikator=[item(i) for i in g.children["indikator"]])
                       for g in catalog.components["pengembangan-kompetensi"].children["kelompok"]],
        "perilaku": [item(a, indikator=[item(i, ekspektasi=[item(e) for e in i.children["ekspektasi"]])
                                        for i in a.children["indikator"]])
                     for a in catalog.components["perilaku-kerja"].children["aspek"]],
    }


def _front_title(page: Page) -> str | None:
    """The title in a page's front matter (JSON-quoted by the renderer), the navigation's label."""
    match = re.match(r'---\ntitle: (".*")\n', page.text)
    return html.unescape(json.loads(match.group(1))) if match else None


def _check_listed(config: SiteConfig, titles: dict[str, str | None], in_nav: set[str]) -> None:
    """A page that site_config.yml lists and this edition renders must be in the navigation."""
    problems = Problems()
    for section in config.nav:
        for index, entry in enumerate(section.entries):
            if entry in titles and entry not in in_nav:
                problems.add(section.entry_source(index),
                             f"halaman '{entry}' tercantum di 'navigasi' tetapi tidak masuk navigasi situs"
                             + ("" if titles[entry] else " (halamannya tidak punya judul di front matter)"))
    problems.raise_if_any()


def _nav_paths(nodes: list[NavNode]) -> set[str]:
    paths = set()
    for node in nodes:
        if node.path:
            paths.add(node.path)
        paths |= _nav_paths(node.children)
    return paths


def generated_pages(catalog: Catalog, guides: list[Guide]) -> set[str]:
    """Paths of the pages made from the catalogue (guides may link to them by path too)."""
    places = Locator(catalog, guides).places.values()
    sheets = {s.page for s in worksheets(catalog)} | {f"{WORKSHEETS_DIR}/index.md"}
    kit = {page for _, page in card_set_pages().values()}
    return ({path for path, _ in places} | {f"{CATALOG_DIR}/index.md", GLOSSARY_PAGE, SEARCH_PAGE, PLAN_PAGE}
            | sheets | kit)


def check_placement(catalog: Catalog, guides: list[Guide]) -> None:
    """Every item a guide links to must be shown somewhere (e.g. its table inserted in a guide)."""
    problems = Problems()
    locator = Locator(catalog, guides)
    for guide in guides:
        for item_id, line in guide.item_refs:
            item = catalog.items.get(item_id)
            if item is not None and item_id not in locator.places:
                table = next((n for n, c in INSERTS.items() if c == item.component or c == item.id), None)
                problems.add(Source(guide.source_path, line),
                             f"'{item_id}' tidak tampil di halaman mana pun; sisipkan"
                             f" [[tabel:{table}]] di salah satu panduan")
    problems.raise_if_any()
