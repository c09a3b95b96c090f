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
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from generator.audiences import Audience
from generator.caches import TemplateCache
from generator.dates import indonesian
from generator.errors import Problems
from generator.editions import ResolvedEdition, priority_label
from generator.guides import COUNT, ITEM_LINK, LIST, TEXT_LINK, body_lines, counted, headings
from generator.kit import FOLDER as KIT_DIR
from generator.kit import Scene, card_sets, page_url, qr_svg
from generator.model import Catalog, Guide, Item
from generator.placement import (CATALOG_INDEX, GLOSSARY_PAGE, INSERTS, PLAN_PAGE, PLAN_TITLE, SEARCH_PAGE, SOURCES_PAGE,
                                 WORKSHEETS_INDEX, Locator, component_page, glossary_homes, glossary_terms,
                                 link_targets, own_page_items,
                                 page_kind, printable_guides, search_kinds, section_kind, section_search_kinds)
from generator.stemmer import browser_script
from generator.site_config import CATALOG_TOKEN, WORKSHEETS_TOKEN, SiteConfig
from generator.worksheets import FOLDER as WORKSHEETS_DIR
from generator.worksheets import PACKAGE, blank_sheet, print_margins, render_form, worksheet_for, worksheets
from generator.wording import join_and, number, number_list, sentence


STEMMER_SCRIPT = "assets/javascripts/cari-stemmer.js"  # loaded by cari.js for the reader's query
# The Markdown dialect pages are written in (also what edition pages are converted with).
MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "tables", "def_list", "md_in_html",
                       {"toc": {"permalink": True}}, {"pymdownx.tasklist": {"custom_checkbox": True}}]


@dataclass(frozen=True)
class Page:
    path: str  # relative to the docs folder, POSIX
    text: str
    kind: str = "panduan"  # page kind for search (generator.placement.page_kind)
    within: str = ""  # names of what the page sits under (an item's component), for search
    names: tuple[str, ...] = ()  # other names a reader may search it by (a worksheet's code)


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
    assets: list[Page] = field(default_factory=list)  # generated files other than pages (scripts)
    search_kinds: dict[str, str] = field(default_factory=dict)  # page kind -> its name in the search filter
    # glossary term id -> the built page its `selengkapnya` names (search leans to it for the term)
    glossary_homes: dict[str, str] = field(default_factory=dict)


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


def kind_counts(component: Item, words: bool = False) -> list[tuple[str, str]]:
    """(count, kind label) for every kind of item under a component, in catalogue order:
    [('3', 'dimensi'), ('8', 'indikator praktik kinerja')]; `words` writes small counts in words."""
    counts: dict[str, list] = {}

    def walk(node: Item) -> None:
        for child in node.all_children():
            counts.setdefault(child.kind, [0, child.label])[0] += 1
            walk(child)

    walk(component)
    return [(number(n) if words else str(n), label) for n, label in counts.values()]


def display_name(item: Item) -> str:
    """Short name for links: the label of a tugas pokok (its official name is a long sentence)."""
    return item.get("label") or item.nama


def render_handbook(config: SiteConfig, catalog: Catalog, guides: list[Guide],
                    edition: ResolvedEdition, pdf: bool = True,
                    updated: dict[str, datetime.date] | None = None, scenes: list[Scene] = (),
                    audiences: list[Audience] = ()) -> Rendered:
    """Return every page of one edition of the handbook as Markdown, plus the navigation tree.
    `pdf` says whether worksheet PDFs will be made (their pages then link to them); `updated`
    gives the last change of each source file (generator.dates), shown on the pages made from it;
    `scenes` are the workshop kit's classroom scenes. Each of the extra `audiences` (loaded) gets
    its section with its own catalogue."""
    sections = [_Renderer(config, a.catalog, [], edition, pdf, section=a).render_section(
        updated or {}, search_kinds(catalog)) for a in audiences]
    renderer = _Renderer(config, catalog, guides, edition, pdf, scenes=scenes)
    rendered = renderer.render(sections)
    rendered.pages = [renderer.stamp(page, updated or {}) for page in rendered.pages]
    for section in sections:
        rendered.pages += section.pages
    return rendered


REPORT_HELP = "melaporkan-kesalahan"  # section of the sources page on how to report a mistake


def report_link(config: SiteConfig, edition: ResolvedEdition, title: str, page_path: str) -> str:
    """Where "Laporkan kesalahan" on a page leads: an e-mail to the edition's contact, else to
    site_config.yml's 'laporan' (an e-mail or web address), else a message to the edition
    contact's WhatsApp or phone; with none of these, the sources page's section on how to report
    (no address is ever made up)."""
    subject = f"Kesalahan di halaman: {title}"
    contacts = edition.contacts or []
    address = next((c["surel"] for c in contacts if c.get("surel")), None) or config.report
    if address:
        return f"mailto:{address}?subject={quote(subject)}" if "@" in address else address
    for contact in contacts:
        hrefs = [href for _, href in contact_links(contact)]
        whatsapp = [h for h in hrefs if h.startswith("https://wa.me/")]
        if whatsapp:  # with the page named in the message
            return f"{whatsapp[0]}?text={quote(subject)}"
        if hrefs:
            return hrefs[0]
    here = posixpath.dirname(page_path) or "."
    return posixpath.relpath(SOURCES_PAGE.removesuffix(".md") + ".html", here) + f"#{REPORT_HELP}"


def render_guides(config: SiteConfig, catalog: Catalog, guides: list[Guide], edition: ResolvedEdition,
                  only: list[Guide], extra: dict, pdf: bool = False) -> list[Page]:
    """Only the guides `only` of one edition (whose guides are `guides`), each rendered as if at
    its own path; `extra` is added to the template context (an edition home's own pages, downloads)."""
    renderer = _Renderer(config, catalog, guides, edition, pdf, extra)
    return [renderer._render_guide(g) for g in only]


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
    """One template environment per process, so templates compile once for all editions (and,
    through the bytecode cache, once for all builds of a project)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        bytecode_cache=TemplateCache("pages"),
        undefined=jinja2.StrictUndefined, finalize=_finalize, autoescape=False,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        auto_reload=True,  # `handbook serve` picks up edited templates
    )
    env.globals.update(json=lambda v: Markup(json.dumps(v, ensure_ascii=False)),
                       display_name=display_name, raw=Markup, contact_links=contact_links)
    env.filters.update(md=escape_md, number=number, number_list=number_list)
    env.globals["join_and"] = join_and
    return env


_PLACEMENTS: dict[tuple, tuple] = {}


def _placement(catalog: Catalog, guides: list[Guide]):
    """Where items live, what `[[id]]` may name, and which guides cite each item. Editions with the
    same guides (most schools) share one answer; the key holds the objects, so ids stay theirs."""
    key = (id(catalog), *map(id, guides))
    cached = _PLACEMENTS.get(key)
    if cached is not None and cached[0] is catalog and all(a is b for a, b in zip(cached[1], guides)):
        return cached[2]
    refs: dict[str, list[Guide]] = {}
    for guide in guides:
        for item_id, _ in guide.item_refs:
            if guide not in refs.setdefault(item_id, []):
                refs[item_id].append(guide)
    value = (Locator(catalog, guides), link_targets(catalog), refs)
    if len(_PLACEMENTS) >= 64:
        _PLACEMENTS.clear()
    _PLACEMENTS[key] = (catalog, tuple(guides), value)
    return value


@dataclass
class _Section:
    """An extra audience's rendered section: its pages (at their place in the site, stamped), its
    navigation entry and unlisted pages, and its page kinds' names in the search filter."""

    audience: Audience
    pages: list[Page]
    nav: NavNode
    unlisted: list[str]
    kinds: dict[str, str]


class _Renderer:
    def __init__(self, config: SiteConfig, catalog: Catalog, guides: list[Guide],
                 edition: ResolvedEdition, pdf: bool, extra: dict | None = None, scenes: list[Scene] = (),
                 section: Audience | None = None):
        self.config, self.catalog, self.guides, self.edition = config, catalog, guides, edition
        self.scenes = scenes
        self.pdf = pdf
        self.section = section  # an extra audience: pages are rendered as if at the root, then moved
        self.unlisted: list[str] = []
        self.glossary_homes: dict[str, str] = {}
        self.locator, self.targets, self.refs = _placement(catalog, guides)
        self.env = _environment()
        # Per-edition values reach the templates as render context (the environment is shared).
        self.sequence = {c.id: own_page_items(catalog, c) for c in catalog.plan}
        self.context = dict(link=self._link, href=self._href, related_guides=self._related_guides,
                            neighbours=self._neighbours, worksheet=self._worksheet, plan_href=self._plan_href,
                            plan_title=PLAN_TITLE,
                            catalog=catalog, plan=catalog.plan, manifest=catalog.manifest,
                            # An edition's priorities are ids of the main catalogue: a section shows
                            # none, and no placeholder for edisi.js to mark (its ids may be the same).
                            edition=edition, recommended=[] if section else recommended_indicators(catalog, edition),
                            edition_marks=section is None,
                            pdf=pdf, counts=kind_counts, part_names=[catalog.short_name(c) for c in catalog.plan],
                            priority=priority_label(edition), has_editions=bool(config.editions),
                            **plan_roles(catalog), **{"edition_pages": [], "downloads": [], **(extra or {})})

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
        return self.targets[f"lembar-{worksheet_for(item, worksheets(self.catalog), self.catalog).slug}"]

    @jinja2.pass_context
    def _plan_href(self, context, item: Item | None = None) -> Markup:
        """The plan builder, with the item already chosen if one is given (rencana.js reads ?pilih=)."""
        rel = posixpath.relpath(PLAN_PAGE, posixpath.dirname(context["page_path"]) or ".")
        return Markup(rel if item is None else f"{rel}?pilih={item.id}")

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
        meta["laporkan"] = report_link(self.config, self.edition, _front_title(page) or page.path, page.path)
        lines = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items())
        return replace(page, text="---\n" + lines + page.text[4:]) if page.text.startswith("---\n") else page

    def _sources(self, path: str) -> list[str]:
        """Source files a page is made from: its guide, its catalogue item's file, else the whole
        catalogue (worksheets, kit, search, plan builder draw on all of it)."""
        guide = next((g for g in self.guides if g.path == path), None)
        if guide:
            return [guide.source_path]
        owners = [i for i, place in self.locator.places.items() if place == (path, None) and i in self.catalog.items]
        if owners:
            return [self.catalog.items[owners[0]].source.path]
        scenes = {s.source.path for s in self.scenes} if path == f"{KIT_DIR}/kartu-adegan.md" else set()
        return sorted({i.source.path for i in self.catalog.items.values()} | scenes)

    def _template(self, name: str, page_path: str, **context) -> str:
        # `root`: from the page to the site root, for what every section shares (scripts, styles).
        depth = (self.section.path(page_path) if self.section else page_path).count("/")
        return self.env.get_template(name).render(page_path=page_path, root="../" * depth, **self.context,
                                                  **context)

    # --- pages --------------------------------------------------------------------------------
    def render(self, sections: list[_Section] = ()) -> Rendered:
        pages = [self._render_guide(g) for g in self.guides]
        catalog_nav = self._render_catalogue(pages)
        worksheet_nav = self._render_worksheets(pages)
        self._render_kit(pages)
        kinds = search_kinds(self.catalog)
        for section in sections:
            kinds.update(section.kinds)
        self._render_plan_builder(pages)
        self._render_search(pages, kinds)  # after every page a glossary term may name
        nav = []
        titles = {p.path: _front_title(p) for p in pages}
        placed = set()
        special = {CATALOG_TOKEN: catalog_nav, WORKSHEETS_TOKEN: worksheet_nav,
                   **{s.audience.section: s.nav for s in sections}}
        for section in self.config.nav:
            # Pages of switched-off modules are left out of this edition.
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
        # A site_config.yml that does not place the worksheets or an audience's section.
        nav += [special[token] for token in [WORKSHEETS_TOKEN, *(s.audience.section for s in sections)]
                if token not in placed]
        pages = [replace(p, kind=page_kind(self.catalog, p.path)) for p in pages]
        local = [NavNode(g.title, g.path) for g in self.guides if g.path not in placed]
        if local:
            nav.append(NavNode("Informasi lokal", children=local))
        for section in sections:
            self.unlisted += section.unlisted
        # Generated pages the navigation does not name are reached from other pages.
        in_nav = _nav_paths(nav)
        _check_listed(self.config, titles, in_nav)
        self.unlisted += [p.path for p in pages if p.path not in in_nav and p.path not in self.unlisted]
        title = self.config.title if self.edition.is_national else f"{self.config.title} – {self.edition.name}"
        return Rendered(pages, nav, title, self.config.description, self.edition.colour,
                        self.config.footer, self.edition, self.unlisted,
                        assets=[Page(STEMMER_SCRIPT, browser_script())], search_kinds=kinds,
                        glossary_homes=self.glossary_homes)

    def render_section(self, updated: dict[str, datetime.date], main_kinds: dict[str, str]) -> _Section:
        """An extra audience's section: its catalogue, worksheets and plan builder, each page
        rendered at its path within the section, then moved below the section's folder."""
        audience = self.section
        pages: list[Page] = []
        catalog_nav = self._render_catalogue(pages)
        worksheet_nav = self._render_worksheets(pages)
        nodes = [catalog_nav, worksheet_nav]
        if self.catalog.plan:
            self._render_plan_builder(pages)
            nodes.append(NavNode(PLAN_TITLE, PLAN_PAGE))
        # The section's own home first (navigation.indexes): its folder's address leads somewhere.
        pages.append(Page(SECTION_HOME, self._template("bagian.md.j2", SECTION_HOME, audience=audience.label,
                                                        sheets=worksheets(self.catalog), has_plan=bool(self.catalog.plan))))
        nodes.insert(0, NavNode(audience.label, SECTION_HOME))
        in_nav = _nav_paths(nodes)
        unlisted = [p.path for p in pages if p.path not in in_nav]
        kinds = {p.path: page_kind(self.catalog, p.path) for p in pages}
        moved = [replace(self.stamp(p, updated), path=audience.path(p.path),
                         kind=section_kind(audience.section, kinds[p.path])) for p in pages]
        names = section_search_kinds(self.catalog, audience.section, audience.label, set(kinds.values()),
                                     main_kinds)
        return _Section(audience, moved, _moved_nav(NavNode(audience.label, children=nodes), audience),
                        [audience.path(p) for p in unlisted], names)

    def _render_catalogue(self, pages: list[Page]) -> NavNode:
        """The catalogue's overview, its sources, and every plan part's pages; its navigation entry."""
        pages.append(Page(CATALOG_INDEX, self._template("katalog.md.j2", CATALOG_INDEX)))
        pages.append(Page(SOURCES_PAGE, self._template(
            "sumber.md.j2", SOURCES_PAGE, sources=self.catalog.of_kind("sumber"),
            text_notes=[i for i in self.catalog.items.values() if i.get("catatan_teks")],
            report=self.config.report, report_anchor=REPORT_HELP)))
        catalog_title = f"Katalog {self.catalog.manifest.year}"
        catalog_nav = NavNode(catalog_title, children=[NavNode(catalog_title, CATALOG_INDEX)])
        for component in self.catalog.plan:
            index = component_page(component)
            form = self.catalog.forms[component.id]
            pages.append(Page(index, self._template(f"{form}.md.j2", index, component=component)))
            # Item pages are reached from their component page, not listed in the navigation:
            # a navigation of every item made each page's HTML mostly menu (and slow to build).
            catalog_nav.children.append(NavNode(component.nama, index))
            for item in own_page_items(self.catalog, component):
                path = self.locator.places[item.id][0]
                pages.append(Page(path, self._template("item.md.j2", path, item=item),
                                  within=" ".join(display_name(a) for a in reversed(item.ancestors()))))
                self.unlisted.append(path)
        catalog_nav.children.append(NavNode("Sumber dan catatan teks", SOURCES_PAGE))
        return catalog_nav

    def _render_worksheets(self, pages: list[Page]) -> NavNode:
        sheets = worksheets(self.catalog)
        pages.append(Page(WORKSHEETS_INDEX, self._template("lembar-kerja.md.j2", WORKSHEETS_INDEX, sheets=sheets)))
        nav = NavNode("Lembar kerja", children=[NavNode("Lembar kerja", WORKSHEETS_INDEX)])
        form_context = dict(catalog=self.catalog, manifest=self.catalog.manifest, edition=self.edition,
                            recommended=self.context["recommended"], priority=self.context["priority"],
                            edition_marks=self.context["edition_marks"], **plan_roles(self.catalog))
        forms = []
        filled_by_builder = blank_sheet(sheets, "perencanaan")  # the plan builder prints it filled in
        for sheet in sheets:
            form = render_form(sheet, form_context)
            forms.append(form)
            pages.append(Page(sheet.page, self._template("lembar.md.j2", sheet.page, sheet=sheet, form=form,
                                                          margins=print_margins(f"{sheet.code} · {sheet.title}"),
                                                          builder=sheet == filled_by_builder),
                              names=(sheet.code,) if sheet.indicator is None else ()))
            if sheet.indicator is None:
                nav.children.append(NavNode(f"{sheet.code} {sheet.title}", sheet.page))
            else:  # the pre-filled sheets (one per indicator) are reached from the worksheet index
                self.unlisted.append(sheet.page)
        package = f"{WORKSHEETS_DIR}/{PACKAGE}.md"
        pages.append(Page(package, self._template("paket.md.j2", package, forms=forms)))
        self.unlisted.append(package)
        return nav

    def _render_search(self, pages: list[Page], kinds: dict[str, str]) -> None:
        terms = sorted(glossary_terms(self.catalog), key=lambda t: t.nama.casefold())
        more = {}  # term id -> (link text, address) of the page that explains it in full
        by_path = {p.path: p for p in pages}
        for term, home, _ in glossary_homes(self.catalog, self.guides, self.locator):
            if home is None:  # a page this project lacks (see check_glossary_homes)
                continue
            path, anchor = home
            target = self.targets.get(term["selengkapnya"])
            text = display_name(target) if target is not None else _front_title(by_path[path])
            href = posixpath.relpath(path, posixpath.dirname(GLOSSARY_PAGE) or ".") + (f"#{anchor}" if anchor else "")
            more[term.id] = (text, href)
            self.glossary_homes[term.id] = path.removesuffix(".md") + ".html"
        # A term's text may count the catalogue's items ([[jumlah:kind]]), so next year's glossary
        # follows next year's catalogue (generator.guides.check_glossary_counts).
        meanings = {t.id: ITEM_LINK.sub(lambda m: self._count(m.group(1)), t["arti"]) for t in terms}
        pages.append(Page(GLOSSARY_PAGE, self._template("glosarium.md.j2", GLOSSARY_PAGE, terms=terms, more=more,
                                                        meanings=meanings)))
        pages.append(Page(SEARCH_PAGE, self._template("cari.md.j2", SEARCH_PAGE, kinds=kinds,
                                                      roles=self.catalog.of_kind("peran"))))

    def _render_plan_builder(self, pages: list[Page]) -> None:
        """The plan builder page: the parts of the plan as JSON for assets/javascripts/rencana.js."""
        data = plan_builder_data(self.catalog, self.edition, self.context["recommended"])
        if self.section:  # its drafts are kept apart from the main plan builder's
            data["audiens"] = self.section.section
        # "</" cannot end the script element early: JSON allows escaping the slash.
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        planning = blank_sheet(worksheets(self.catalog), "perencanaan")
        pages.append(Page(PLAN_PAGE, self._template("rencana.md.j2", PLAN_PAGE, data=text, planning=planning)))

    def _render_kit(self, pages: list[Page]) -> None:
        from generator.worksheets import render_html

        for card_set in card_sets(self.catalog, self.scenes):
            url = page_url(self.edition.url, card_set.page)
            short = url.split("://", 1)[-1] if url else card_set.page.removesuffix(".md") + ".html"
            form = render_html("lembar/kartu.html.j2", set=card_set, edition=self.edition,
                               short_link=short, qr=qr_svg(url) if url else None)
            margins = print_margins(f"Kit lokakarya · {card_set.title}", name_line=False)
            # The kit's home is a guide; a project that writes its own guides may not have it.
            home = posixpath.join(posixpath.dirname(card_set.page), "index.md")
            pages.append(Page(card_set.page, self._template("kartu.md.j2", card_set.page, set=card_set,
                                                            form=form, margins=margins,
                                                            kit_home=any(g.path == home for g in self.guides)),
                              "lembar"))

    def _render_guide(self, guide: Guide) -> Page:
        lines = []
        for _, line, code in body_lines(guide):
            if code:  # shown as written: an example of [[id]] in a code block stays an example
                lines.append(line)
                continue
            stripped = line.strip()
            match = ITEM_LINK.fullmatch(stripped)
            if match and match.group(1).startswith("tabel:"):
                name = match.group(1)[len("tabel:"):]
                titles = [(level, self._guide_text(guide, text), anchor) for level, text, anchor in headings(guide)]
                lines.append(self._template(f"tabel_{name}.md.j2", guide.path, guide_headings=titles,
                                            component=self.catalog.component(INSERTS[name] or "")))
                continue
            lines.append(self._guide_text(guide, line))
        # MkDocs themes print titles and descriptions into HTML unescaped.
        front = {"title": html.escape(guide.title), "description": html.escape(guide.summary)}
        header = "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front.items())
        body = "\n".join(lines)
        if guide.path in printable_guides([guide]):
            body = self._print_frame(guide.path) + body + self._print_reference(guide.path)
        return Page(guide.path, header + "---\n\n# " + escape_md(guide.title) + "\n\n" + body)

    def _guide_text(self, guide: Guide, text: str) -> str:
        """A line of a guide with its [[…]] and (katalog:id) written out."""
        text = ITEM_LINK.sub(lambda m: self._guide_insert(guide, m.group(1)), text)
        return TEXT_LINK.sub(lambda m: "](" + self.locator.href(self.targets[m.group(1)], guide.path) + ")", text)

    def _guide_insert(self, guide: Guide, target: str) -> str:
        """What a [[…]] in a guide's text stands for: a count in words, or a link to the item."""
        context, spec = {"page_path": guide.path}, target.partition(":")[2]
        if target.lower().startswith(LIST):
            return join_and([self._link(context, i) for i in counted(self.catalog, spec)])
        if target.lower().startswith(COUNT):
            return self._count(target)
        return self._link(context, self.targets[target])

    def _count(self, target: str) -> str:
        """A [[jumlah:kind]] (or kind@id) in words; [[Jumlah:…]] starts a sentence."""
        text = number(len(counted(self.catalog, target.partition(":")[2])))
        return text[0].upper() + text[1:] if target[0] == "J" else text

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


def plan_roles(catalog: Catalog) -> dict[str, str]:
    """Names of who writes the plan and who discusses and signs it ('Guru', 'Kepala sekolah')."""
    roles = {r.id: r.nama for r in catalog.of_kind("peran")}
    manifest = catalog.manifest
    return {"author": sentence(roles[manifest.author]), "reviewer": sentence(roles[manifest.reviewer])}


def plan_builder_data(catalog: Catalog, edition: ResolvedEdition, recommended: list[Item]) -> dict:
    """What the plan builder offers and asks, from the manifest: every part of the plan with its
    items by id, whether one or several are chosen, and its free-text questions."""
    def item(node: Item, **extra) -> dict:
        return {"id": node.id, "nama": node.nama, "nomor": node.number, **extra}

    def indicator(node: Item) -> dict:
        extra = {"definisi": node["definisi"]} if node.get("definisi") else {}
        if node.kind == "indikator-praktik":
            extra["direkomendasikan"] = node in recommended
        if "ekspektasi" in node.children:
            extra["ekspektasi"] = [item(e) for e in node.children["ekspektasi"]]
        return item(node, **extra)

    manifest = catalog.manifest
    parts = []
    for component in catalog.plan:
        part = catalog.parts[component.id]
        entry = {"kunci": part.key, "bentuk": catalog.forms[component.id], "judul": catalog.short_name(component),
                 "lembar": part.sheet_title or catalog.short_name(component),
                 "pilih": "satu" if part.choose_one else "banyak",
                 "isian": [{"kunci": q.key, "label": q.label, "petunjuk": q.hint, "lembar": q.sheet_label,
                            "baris": q.lines} for q in part.questions]}
        if "tugas" in component.children:  # tasks: fixed ones, ones with options, additional duties
            entry["tugas"] = [item(t, label=t.get("label"), pilihan=[item(o) for o in t.children.get("pilihan", [])],
                                   tugas_tambahan=[item(o, catatan=o.get("catatan_teks") or o.get("catatan"))
                                                   for o in t.children.get("tugas_tambahan", [])])
                              for t in component.children["tugas"]]
        else:  # groups of indicators (dimensions, competence groups, aspects)
            groups = next(iter(component.children.values()))
            entry["kelompok"] = [item(g, indikator=[indicator(i) for i in g.children["indikator"]])
                                 for g in groups]
        parts.append(entry)
    roles = plan_roles(catalog)
    return {
        "versi": 1,
        "edisi": {"id": edition.id, "nama": edition.name, "jenis": edition.type},
        "judul": manifest.title, "periode": manifest.period,
        "penyusun": roles["author"], "penilai": roles["reviewer"],
        "bagian": parts,
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


SECTION_HOME = "index.md"  # an extra audience's home, at the top of its section's folder


def _moved_nav(node: NavNode, audience: Audience) -> NavNode:
    """A section's navigation with its paths moved below the section's folder."""
    return NavNode(node.title, node.path and audience.path(node.path),
                   [_moved_nav(child, audience) for child in node.children])


def _nav_paths(nodes: list[NavNode]) -> set[str]:
    paths = set()
    for node in nodes:
        if node.path:
            paths.add(node.path)
        paths |= _nav_paths(node.children)
    return paths
