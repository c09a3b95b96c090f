"""Where everything lives: the page (and anchor) of every catalogue item and generated page, what
`[[id]]` may name, which table a guide may insert, and each page's kind.

Validation, rendering and search all ask this module, so they cannot disagree. It reads the
catalogue and the guides only; it knows nothing of templates or of the site renderer.
"""

from __future__ import annotations

import posixpath

from generator.errors import Problems, Source, did_you_mean
from generator.kit import FOLDER as KIT_DIR
from generator.kit import card_set_pages
from generator.model import Catalog, Guide, Item
from generator.worksheets import FOLDER as WORKSHEETS_DIR
from generator.worksheets import worksheets

CATALOG_DIR = "katalog"
CATALOG_INDEX = f"{CATALOG_DIR}/index.md"
SOURCES_PAGE = f"{CATALOG_DIR}/sumber.md"
GLOSSARY_PAGE = "glosarium.md"
SEARCH_PAGE = "cari.md"
PLAN_PAGE = "rencana.md"
PLAN_TITLE = "Susun Rencana Kinerja"  # the plan builder's name wherever a page names it
WORKSHEETS_INDEX = f"{WORKSHEETS_DIR}/index.md"

# [[tabel:name]] -> the form of the component whose items it shows (their links then point at the
# guide holding the table); None: a table that shows no linkable items.
INSERTS = {"komponen": None, "edisi": None, "bulan-ini": None, "daftar-pertanyaan": None,
           "linimasa": "linimasa", "perubahan": "perubahan", "peran": "peran", "siklus": "siklus",
           "predikat": "predikat"}

# Page kinds besides the parts of the plan (whose kind is their manifest `kunci`).
GUIDE_KIND = "panduan"
SHEET_KIND = "lembar"
GLOSSARY_KIND = "glosarium"


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


def component_page(component: Item) -> str:
    return f"{CATALOG_DIR}/{component.id}/index.md"


class Locator:
    """Where each catalogue item or generated page is shown: (page path, anchor or None)."""

    def __init__(self, catalog: Catalog, guides: list[Guide]):
        self.catalog = catalog
        self.places: dict[str, tuple[str, str | None]] = {}
        # form of a component -> the guide that inserts its table
        self.hosts = {INSERTS[name]: g for g in guides for name, _ in g.inserts if INSERTS.get(name)}
        for item in catalog.items.values():
            place = self._place(item)
            if place:
                self.places[item.id] = place
        for target in page_targets(catalog).values():
            self.places[target.id] = (target["halaman"], None)

    def _place(self, item: Item) -> tuple[str, str | None] | None:
        catalog = self.catalog
        if item.kind == "sumber":
            return SOURCES_PAGE, item.id
        component_id = item.id if item.kind == "komponen" else item.component
        form = catalog.forms.get(component_id)
        if form == "glosarium":
            return GLOSSARY_PAGE, (item.id if item.kind != "komponen" else None)
        if component_id in catalog.parts:
            if item.kind == "komponen":
                return component_page(item), None
            if catalog.own_page(item):
                return f"{CATALOG_DIR}/{item.component}/{item.id}.md", None
            host = item.parent
            while not catalog.own_page(host) and host.kind != "komponen":
                host = host.parent
            return self._place(host)[0], item.id
        guide = self.hosts.get(form)
        if guide is None:
            return None
        return guide.path, (item.id if item.kind != "komponen" else None)

    def href(self, item: Item, from_page: str) -> str:
        path, anchor = self.places[item.id]
        rel = posixpath.relpath(path, posixpath.dirname(from_page) or ".")
        if rel == posixpath.basename(from_page) and anchor:
            rel = ""
        return rel + (f"#{anchor}" if anchor else "")


def own_page_items(catalog: Catalog, component: Item) -> list[Item]:
    """The items of a plan part that get a page of their own, in catalogue order."""
    out = []
    for child in component.all_children():
        if catalog.own_page(child):
            out.append(child)
        out.extend(own_page_items(catalog, child))
    return out


def page_kind(catalog: Catalog, path: str) -> str:
    """The kind of a page, as the search filter names it: a plan part's key for its catalogue pages,
    'lembar' for worksheets and card sheets, 'glosarium' for the glossary, 'panduan' for the rest."""
    for component_id, part in catalog.parts.items():
        if path.startswith(f"{CATALOG_DIR}/{component_id}/"):
            return part.key
    if path.startswith(f"{WORKSHEETS_DIR}/") or any(path == page for _, page in card_set_pages().values()):
        return SHEET_KIND
    if path == GLOSSARY_PAGE:
        return GLOSSARY_KIND
    return GUIDE_KIND


def search_kinds(catalog: Catalog) -> dict[str, str]:
    """Page kind -> its name in the search filter, in the manifest's order."""
    kinds = {part.key: catalog.short_name(catalog.components[c]) for c, part in catalog.parts.items()}
    return {**kinds, **catalog.manifest.search_kinds}


def printable_guides(guides: list[Guide]) -> set[str]:
    """Guides that are workshop material to print (session plans, checklist, reflection sheet)."""
    return {g.path for g in guides if g.path.startswith(f"{KIT_DIR}/") and g.path != f"{KIT_DIR}/index.md"}


def section_pages(catalog: Catalog, guides: list[Guide] = ()) -> set[str]:
    """Paths of the pages made from a catalogue in its section: its catalogue pages, worksheets and
    plan builder (an extra audience's, under its own folder, have these paths below it)."""
    locator = Locator(catalog, list(guides))
    items = {locator.places[i][0] for i in catalog.items if i in locator.places}
    sheets = {s.page for s in worksheets(catalog)}
    return items | sheets | {CATALOG_INDEX, SOURCES_PAGE, WORKSHEETS_INDEX, PLAN_PAGE}


def generated_pages(catalog: Catalog, guides: list[Guide]) -> set[str]:
    """Paths of the pages made from the catalogue (guides may link to them by path too)."""
    kit = {page for _, page in card_set_pages().values()}
    return section_pages(catalog, guides) | {GLOSSARY_PAGE, SEARCH_PAGE} | kit


def section_kind(section: str, kind: str) -> str:
    """The page kind of an extra audience's page: its kind within the audience, after its section."""
    return f"{section}/{kind}"


def section_search_kinds(catalog: Catalog, section: str, audience: str, used: set[str],
                         main: dict[str, str]) -> dict[str, str]:
    """An extra audience's page kinds that its pages `used` -> their names in the search filter,
    with the audience's name; a kind its manifest does not name takes the main catalogue's name."""
    names = search_kinds(catalog)
    names.update({k: v for k, v in main.items() if k not in names})
    return {section_kind(section, k): f"{v} ({audience})" for k, v in names.items() if k in used}


def glossary_terms(catalog: Catalog) -> list[Item]:
    """The terms of the catalogue's glossary (the component of form 'glosarium'), if it has one."""
    glossary = next((c for cid, c in catalog.components.items() if catalog.forms.get(cid) == "glosarium"), None)
    return glossary.children.get("istilah", []) if glossary else []


# A term is explained elsewhere: never on the glossary itself, nor on the search page.
_NOT_A_HOME = (GLOSSARY_PAGE, SEARCH_PAGE)


def glossary_homes(catalog: Catalog, guides: list[Guide], locator: Locator) -> list[tuple]:
    """(term, place, problem) for each glossary term with `selengkapnya`: the (page, anchor) it
    names (a guide or a generated page such as lembar-kerja/index.md by its path, a catalogue item
    or worksheet by its id) and None, or None and what is wrong with it."""
    pages = {g.path for g in guides} | generated_pages(catalog, guides)
    shown = sorted(pages - set(_NOT_A_HOME)) + [i for i, (path, _) in locator.places.items()
                                                if path not in _NOT_A_HOME]
    return [(term, *_glossary_home(term["selengkapnya"], catalog, pages, shown, locator))
            for term in glossary_terms(catalog) if term.get("selengkapnya") is not None]


def _glossary_home(target: str, catalog: Catalog, pages: set[str], shown: list[str], locator: Locator):
    """(place, None) or (None, problem) for one `selengkapnya` value (`shown`: names to suggest)."""
    if "#" in target:
        return None, (f"'{target}': tulis alamat halamannya saja, tanpa #bagian (misalnya"
                      f" '{target.partition('#')[0]}')")
    place = (target, None) if target in pages else locator.places.get(target)
    if place is not None and place[0] in _NOT_A_HOME:
        return None, (f"'{target}' adalah Glosarium atau halaman Cari sendiri; tulis halaman yang"
                      " menjelaskan istilah itu, misalnya id butir katalog atau alamat panduan")
    if place is not None:
        return place, None
    item = catalog.items.get(target)
    if item is not None:
        return None, unplaced(catalog, item)
    return None, (f"'{target}' tidak dikenal{did_you_mean(target, shown)}; tulis id butir katalog"
                  " (misalnya 'pk-umpan-balik') atau alamat halaman (misalnya 'coaching/tirta.md')")


def check_placement(catalog: Catalog, guides: list[Guide]) -> None:
    """Every item a guide links to must be shown somewhere (e.g. its table inserted in a guide)."""
    problems = Problems()
    locator = Locator(catalog, guides)
    for guide in guides:
        for item_id, line in guide.item_refs:
            item = catalog.items.get(item_id)
            if item is not None and item_id not in locator.places:
                problems.add(Source(guide.source_path, line), unplaced(catalog, item))
    problems.raise_if_any()


def check_glossary_homes(catalog: Catalog, guides: list[Guide]) -> None:
    """Every glossary term's `selengkapnya` names a page of the handbook (a project that borrows
    the national catalogue is not asked: a link to a guide it replaced is left out quietly)."""
    problems = Problems()
    for term, _, problem in glossary_homes(catalog, guides, Locator(catalog, guides)):
        if problem:
            problems.add(term.source_of("selengkapnya"),
                         f"istilah '{term.id}', kunci 'selengkapnya': {problem}")
    problems.raise_if_any()


def unplaced(catalog: Catalog, item: Item) -> str:
    """Why a link to an item that no page shows cannot be made, and how to show it."""
    form = catalog.forms.get(item.id if item.kind == "komponen" else item.component)
    table = next((n for n, f in INSERTS.items() if f is not None and f == form), None)
    hint = (f"; sisipkan [[tabel:{table}]] di salah satu panduan" if table
            else "; butir jenis ini tidak punya tabel untuk disisipkan")
    return f"'{item.id}' tidak tampil di halaman mana pun{hint}"
