"""Load site_config.yml: the handbook's title, colours and navigation order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.audiences import KEY as AUDIENCES_KEY
from generator.audiences import Audience, parse_audiences
from generator.editions import NATIONAL, Edition, check_address, parse_editions, parse_modules
from generator.errors import Problems, Source, did_you_mean, known_list
from generator.model import Catalog, Guide
from generator.yamlio import LocatedDict, LocatedList, load_yaml

CATALOG_TOKEN = "katalog"  # navigation entry that stands for the generated catalogue section
WORKSHEETS_TOKEN = "lembar-kerja"  # ... and the one for the generated worksheets
COLOURS = ("red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal",
           "green", "light-green", "lime", "yellow", "amber", "orange", "deep-orange", "brown",
           "grey", "blue-grey", "black", "white")
KEYS = {"judul": True, "deskripsi": True, "warna_utama": False, "catatan_kaki": False, "navigasi": True,
        "modul": False, "edisi": False, "daftar_sekolah": False, "alamat": False,
        "laporan": False, AUDIENCES_KEY: False}
DEFAULT_FOOTER = ("Panduan komunitas, bukan terbitan resmi Kemendikdasmen. Rujukan resmi: Ruang GTK"
                  " dan peraturan yang berlaku.")


@dataclass
class NavSection:
    title: str
    entries: list[str]  # guide paths or CATALOG_TOKEN
    source: Source
    entry_sources: list[Source] = None  # where each entry is written (the section line if unknown)

    def entry_source(self, index: int) -> Source:
        return self.entry_sources[index] if self.entry_sources else self.source


@dataclass
class SiteConfig:
    title: str
    description: str
    primary_colour: str
    footer: str
    nav: list[NavSection]
    report: str | None  # where readers report a mistake: an e-mail address or a web address
    modules: dict[str, bool]  # optional modules and whether they are on nationally
    national: Edition
    editions: dict[str, Edition]  # regional and school editions by id
    audiences: list[Audience] = field(default_factory=list)  # extra catalogues, each in its section

    def edition_ids(self) -> list[str]:
        """Every edition that `build --all` produces, the national one first."""
        return [NATIONAL, *self.editions]


def load_site_config(root: Path, catalog: Catalog | None = None,
                     name: str = "site_config.yml", defaults: dict | None = None) -> SiteConfig:
    """Load and validate site_config.yml and its editions (navigation is checked against guides
    separately). Without a catalogue, references into it are not checked. `defaults`: values
    for keys the file leaves out (see project_layers)."""
    data = load_yaml(root / name, name)
    for key, value in (defaults or {}).items():
        data.setdefault(key, value)
    problems = Problems()
    for key in data:
        if key not in KEYS:
            problems.add(Source(name, data.line_of(key)),
                         f"kunci tidak dikenal '{key}'{did_you_mean(key, KEYS)} (yang dikenal: {known_list(KEYS)})")
    for key, required in KEYS.items():
        if required and key not in data:
            problems.add(Source(name, 1), f"kunci '{key}' wajib ada")
    for key in ("judul", "deskripsi", "warna_utama", "catatan_kaki"):
        if key in data and not (isinstance(data[key], str) and data[key].strip()):
            problems.add(Source(name, data.line_of(key)), f"'{key}' harus berupa teks")
    colour = data.get("warna_utama", "indigo")
    if isinstance(colour, str) and colour not in COLOURS:
        problems.add(Source(name, data.line_of("warna_utama")),
                     f"warna '{colour}' tidak dikenal{did_you_mean(colour, COLOURS)} (yang ada: {', '.join(COLOURS)})")
    nav = _parse_nav(name, data, problems)
    modules = parse_modules(name, data, None, problems) if "modul" in data else {}
    editions = parse_editions(name, data, catalog, root, problems, COLOURS, modules)
    audiences = parse_audiences(name, data, root, problems)
    problems.raise_if_any()
    address = data.get("alamat")
    if address is not None and not (isinstance(address, str) and check_address(address, Source(name, data.line_of("alamat")), problems)):
        address = None
    report = data.get("laporan")
    if report is not None and not (isinstance(report, str) and (
            re.match(r"^[^@\s/]+@[^@\s]+\.[^@\s]+$", report)
            or check_address(report, Source(name, data.line_of("laporan")), Problems()))):
        problems.add(Source(name, data.line_of("laporan")),
                     f"'laporan' harus berupa alamat surel atau alamat web lengkap, bukan '{report}'")
    problems.raise_if_any()
    national = Edition(id=NATIONAL, name="Nasional", type=NATIONAL, source=Source(name, 1),
                       colour=colour, modules=dict(modules), address=address)
    return SiteConfig(title=data["judul"].strip(), description=data["deskripsi"].strip(),
                      primary_colour=colour, footer=data.get("catatan_kaki", DEFAULT_FOOTER).strip(),
                      nav=nav, report=report, modules=modules, national=national,
                      editions={e.id: e for e in editions}, audiences=audiences)


def hints(config: SiteConfig, name: str = "site_config.yml") -> list[str]:
    """Things worth setting that are not errors (shown by `handbook check`)."""
    if config.report:
        return []
    return [f"{name}: 'laporan' belum diisi, jadi tautan 'Laporkan kesalahan' di halaman bersama"
            " menuju penjelasan cara melapor (halaman Sumber dan catatan teks). Bila sudah ada alamat"
            " untuk laporan, isi 'laporan' dengan alamat surel atau alamat web, misalnya halaman isu"
            " repositori proyek."]


def _parse_nav(name: str, data: LocatedDict, problems: Problems) -> list[NavSection]:
    raw = data.get("navigasi")
    if raw is None:
        return []
    if not isinstance(raw, list) or not raw:
        problems.add(Source(name, data.line_of("navigasi")), "'navigasi' harus berupa daftar bagian")
        return []
    sections = []
    for entry, line in zip(raw, raw.item_lines if isinstance(raw, LocatedList) else [data.line]):
        if not (isinstance(entry, dict) and len(entry) == 1):
            problems.add(Source(name, line), "setiap bagian navigasi ditulis '- Judul: halaman.md'"
                                             " atau '- Judul: [halaman1.md, halaman2.md]'")
            continue
        (title, pages), = entry.items()
        lines = getattr(pages, "item_lines", None) or [line] * (len(pages) if isinstance(pages, list) else 1)
        pages = [pages] if isinstance(pages, str) else pages
        if not isinstance(pages, list) or not pages or not all(isinstance(p, str) for p in pages):
            problems.add(Source(name, line), f"bagian navigasi '{title}' harus berisi nama halaman")
            continue
        sections.append(NavSection(str(title), pages, Source(name, line), [Source(name, n) for n in lines]))
    return sections


def check_nav(config: SiteConfig, guides: list[Guide], generated: set[str] | None = frozenset()) -> None:
    """Every guide appears exactly once in the navigation, and every entry exists (a guide or a
    generated page such as lokakarya/kartu-tirta.md; `generated` None: not known, not checked)."""
    problems = Problems()
    pages = {g.path for g in guides} | set(generated or ())
    tokens = {CATALOG_TOKEN, WORKSHEETS_TOKEN, *(a.section for a in config.audiences)}
    seen: dict[str, Source] = {}
    for section in config.nav:
        for index, entry in enumerate(section.entries):
            source = section.entry_source(index)
            # Without the generated pages (catalogue unreadable) only guides can be checked.
            if (entry not in tokens and entry not in pages
                    and generated is not None):
                problems.add(source, f"halaman '{entry}' tidak ada di content/{did_you_mean(entry, pages)}")
            elif entry in seen:
                problems.add(source, f"halaman '{entry}' sudah ada di navigasi (baris {seen[entry].line})")
            seen[entry] = source
    for page in sorted({g.path for g in guides} - seen.keys()):
        problems.add(Source("site_config.yml", 1),
                     f"panduan 'content/{page}' belum ada di navigasi; tambahkan ke 'navigasi'")
    if CATALOG_TOKEN not in seen:
        problems.add(Source("site_config.yml", 1),
                     f"navigasi harus memuat '{CATALOG_TOKEN}' (bagian katalog yang dibuat otomatis)")
    if "index.md" not in seen:
        problems.add(Source("site_config.yml", 1), "navigasi harus memuat 'index.md' (beranda)")
    problems.raise_if_any()
