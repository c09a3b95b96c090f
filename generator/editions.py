"""Editions: the national handbook and its regional and school editions, with inheritance.

National -> region (provinsi, kabupaten, kota) -> school (satuan pendidikan, by NPSN). An edition
sets only what differs; everything else comes from its parent. Schools can also come from a
spreadsheet (CSV or .xlsx, `npsn,nama,jenjang,region,prioritas`; read by school_list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.errors import Problems, Source, did_you_mean, known_list
from generator.ids import CHARACTERS, id_problem, shown
from generator.model import Catalog
from generator.yamlio import LocatedDict, LocatedList

NATIONAL = "nasional"
REGION_TYPES = ("provinsi", "kabupaten", "kota")
TYPES = (*REGION_TYPES, "sekolah")
LEVELS = ("PAUD", "TK", "RA", "SD", "MI", "SMP", "MTs", "SMA", "MA", "SMK", "MAK", "SLB", "SKB", "PKBM")
NPSN_PATTERN = re.compile(r"^[0-9A-Z][0-9]{7}$")
EDITION_KEYS = {"id", "nama", "jenis", "induk", "npsn", "jenjang", "logo", "warna_utama", "kontak",
                "tenggat", "prioritas", "modul", "alamat"}
CONTACT_KEYS = {"nama": True, "peran": False, "telepon": False, "surel": False}


@dataclass
class Edition:
    """One edition as written in site_config.yml or a CSV row (before inheritance)."""

    id: str
    name: str
    type: str
    source: Source
    parent: str | None = None
    npsn: str | None = None
    level: str | None = None
    logo: str | None = None  # path relative to the project root
    colour: str | None = None
    contacts: list[dict] | None = None
    deadlines: dict[str, str] = field(default_factory=dict)  # timeline stage id -> text
    priorities: list[str] | None = None  # catalogue ids of dimensions or praktik indicators
    modules: dict[str, bool] = field(default_factory=dict)
    address: str | None = None  # web address where the edition is published (https://...)


@dataclass
class ResolvedEdition:
    """An edition with everything inherited filled in; what the renderer needs."""

    id: str
    name: str
    type: str
    chain: list[str]  # edition ids from the national edition down to this one
    npsn: str | None
    level: str | None
    logo: str | None
    colour: str
    contacts: list[dict]
    deadlines: dict[str, str]
    priorities: list[str]
    modules: dict[str, bool]
    parent_name: str | None = None
    url: str | None = None  # web address of the edition's home, for printed links and QR codes
    # Name of the edition that set the priorities when this one inherits them (its region's), so
    # pages never present a region's choice as the school's own Rapor Pendidikan.
    priorities_from: str | None = None

    @property
    def is_national(self) -> bool:
        return self.id == NATIONAL


def parse_editions(name: str, data: LocatedDict, catalog: Catalog | None, root: Path,
                   problems: Problems, colours, modules: dict[str, bool]) -> list[Edition]:
    """Editions listed under `edisi` and in the CSV files under `daftar_sekolah`."""
    editions: list[Edition] = []
    raw = data.get("edisi") or []
    if not isinstance(raw, list):
        problems.add(Source(name, data.line_of("edisi")), "'edisi' harus berupa daftar edisi")
        raw = []
    lines = raw.item_lines if isinstance(raw, LocatedList) else [data.line] * len(raw)
    for entry, line in zip(raw, lines):
        edition = _parse_entry(name, entry, line, catalog, problems, colours, modules)
        if edition and edition.logo:
            _check_logo(edition, entry, name, root, problems)
        if edition:
            editions.append(edition)
    csv_files = data.get("daftar_sekolah") or []
    if isinstance(csv_files, str):
        csv_files = [csv_files]
    if not isinstance(csv_files, list) or not all(isinstance(f, str) for f in csv_files):
        problems.add(Source(name, data.line_of("daftar_sekolah")),
                     "'daftar_sekolah' harus berisi nama berkas CSV atau XLSX (contoh: editions/sekolah.xlsx)")
        csv_files = []
    regions = {e.id: e for e in editions if e.type in REGION_TYPES}
    for rel in csv_files:
        editions.extend(_parse_school_list(rel, root, regions, catalog, problems))
    _check_tree(editions, problems)
    return editions


def _parse_entry(name, entry, line, catalog, problems, colours, modules) -> Edition | None:
    if not isinstance(entry, dict):
        problems.add(Source(name, line), "setiap edisi ditulis sebagai pasangan 'kunci: nilai'")
        return None
    for key in entry:
        if key not in EDITION_KEYS:
            problems.add(Source(name, entry.line_of(key)), f"kunci tidak dikenal '{key}' pada edisi"
                         f"{did_you_mean(key, EDITION_KEYS)} (yang dikenal: {known_list(EDITION_KEYS)})")
    at = lambda key: Source(name, entry.line_of(key))  # noqa: E731
    text = {}
    for key in ("id", "nama", "jenis", "induk", "npsn", "jenjang", "logo", "warna_utama", "alamat"):
        value = entry.get(key)
        if key == "npsn" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # an unquoted NPSN is read by YAML as a number
        if value is not None and not (isinstance(value, str) and value.strip()):
            problems.add(at(key), f"'{key}' harus berupa teks")
            value = None
        text[key] = value.strip() if isinstance(value, str) else None
    kind = text["jenis"]
    if kind is None:
        problems.add(Source(name, line), f"edisi harus punya 'jenis' ({', '.join(TYPES)})")
        return None
    if kind not in TYPES:
        problems.add(at("jenis"), f"jenis edisi '{kind}' tidak dikenal{did_you_mean(kind, TYPES)}"
                                  f" (yang ada: {', '.join(TYPES)})")
        return None
    npsn = text["npsn"]
    if kind == "sekolah":
        if npsn is None:
            problems.add(Source(name, line), "edisi sekolah harus punya 'npsn' (8 angka)")
            return None
        if not NPSN_PATTERN.match(npsn):
            problems.add(at("npsn"), f"NPSN '{npsn}' tidak sah: NPSN terdiri atas 8 angka")
            return None
    edition_id = text["id"] or (npsn if kind == "sekolah" else None)
    if edition_id is None:
        problems.add(Source(name, line), "edisi wilayah harus punya 'id' (contoh: kab-bandung)")
        return None
    if not _check_id(edition_id, at("id") if text["id"] else at("npsn"), problems):
        return None
    if text["nama"] is None:
        problems.add(Source(name, line), f"edisi '{edition_id}' harus punya 'nama'")
        return None
    level = _check_level(text["jenjang"], at("jenjang"), problems)
    colour = text["warna_utama"]
    if colour is not None and colour not in colours:
        problems.add(at("warna_utama"), f"warna '{colour}' tidak dikenal{did_you_mean(colour, colours)}")
    address = text["alamat"]
    if address is not None and not check_address(address, at("alamat"), problems):
        address = None
    edition = Edition(id=edition_id, name=text["nama"], type=kind, source=Source(name, line),
                      parent=text["induk"], npsn=npsn, level=level, logo=text["logo"], colour=colour,
                      address=address)
    edition.source_of_parent = at("induk")
    if "kontak" in entry:
        edition.contacts = _parse_contacts(name, entry, problems)
    if "tenggat" in entry:
        edition.deadlines = _parse_deadlines(name, entry, catalog, problems)
    if "prioritas" in entry:
        value = entry["prioritas"]
        refs = value if isinstance(value, list) else [value]
        edition.priorities = resolve_priorities([str(v) for v in refs], at("prioritas"), catalog, problems)
    if "modul" in entry:
        edition.modules = parse_modules(name, entry, modules, problems)
    return edition


LOGO_TYPES = (".png", ".svg", ".jpg", ".jpeg", ".webp")


def _check_logo(edition: Edition, entry, name: str, root: Path, problems: Problems) -> None:
    at = Source(name, entry.line_of("logo"))
    path = (root / edition.logo).resolve()
    if not path.is_relative_to(root.resolve()):
        problems.add(at, f"logo '{edition.logo}' harus berada di dalam folder proyek")
    elif not path.is_file():
        problems.add(at, f"berkas logo '{edition.logo}' tidak ditemukan")
    elif path.suffix.lower() not in LOGO_TYPES:
        problems.add(at, f"logo harus berupa gambar {', '.join(LOGO_TYPES)}")
    else:
        return
    edition.logo = None


def check_address(address: str, source: Source, problems: Problems) -> bool:
    if not re.match(r"^https?://[^\s/]+\.[^\s]+$", address):
        problems.add(source, f"alamat '{address}' tidak sah; tulis alamat web lengkap, contoh:"
                             " https://panduan.dinas.go.id/")
        return False
    return True


def _check_id(edition_id: str, source: Source, problems: Problems) -> bool:
    reason = id_problem(edition_id)
    if edition_id == NATIONAL or reason:
        problems.add(source, f"id edisi '{shown(edition_id)}' tidak bisa dipakai sebagai nama folder:"
                             f" {reason or CHARACTERS} (contoh: kab-bandung)"
                     + (f"; '{NATIONAL}' sudah dipakai edisi nasional" if edition_id == NATIONAL else ""))
        return False
    return True


_LEVEL_BY_KEY = {lv.lower(): lv for lv in LEVELS}


def _check_level(level, source, problems):
    if level is None:
        return None
    match = _LEVEL_BY_KEY.get(level.lower())
    if match is None:
        problems.add(source, f"jenjang '{level}' tidak dikenal (yang ada: {', '.join(LEVELS)})")
    return match


def _parse_contacts(name, entry, problems) -> list[dict]:
    raw = entry["kontak"]
    if not isinstance(raw, list):
        problems.add(Source(name, entry.line_of("kontak")), "'kontak' harus berupa daftar")
        return []
    contacts = []
    for item in raw:
        line = getattr(item, "line", entry.line_of("kontak"))
        if not isinstance(item, dict):
            problems.add(Source(name, line), "setiap kontak ditulis dengan nama, peran, telepon, surel")
            continue
        bad = [k for k in item if k not in CONTACT_KEYS]
        for key in bad:
            problems.add(Source(name, item.line_of(key)), f"kunci tidak dikenal '{key}' pada kontak"
                         f"{did_you_mean(key, CONTACT_KEYS)} (yang dikenal: {known_list(CONTACT_KEYS)})")
        if not (isinstance(item.get("nama"), str) and item["nama"].strip()):
            problems.add(Source(name, line), "kontak harus punya 'nama'")
            continue
        email = item.get("surel")
        if email is not None and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", str(email)):
            problems.add(Source(name, item.line_of("surel")), f"alamat surel '{email}' tidak sah")
        contacts.append({k: str(item[k]).strip() for k in CONTACT_KEYS if item.get(k) is not None})
    return contacts


def _parse_deadlines(name, entry, catalog, problems) -> dict[str, str]:
    raw = entry["tenggat"]
    if not isinstance(raw, dict):
        problems.add(Source(name, entry.line_of("tenggat")),
                     "'tenggat' ditulis per tahap, contoh: 'perencanaan: Perencanaan paling lambat 24 Januari 2026'")
        return {}
    stages = [i.id for i in catalog.of_kind("tahap")] if catalog else None
    out = {}
    for stage, text in raw.items():
        if stages is not None and stage not in stages:
            problems.add(Source(name, raw.line_of(stage)), f"tahap linimasa '{stage}' tidak dikenal"
                         f"{did_you_mean(stage, stages)} (yang ada: {known_list(stages)})")
        elif not (isinstance(text, str) and text.strip()):
            problems.add(Source(name, raw.line_of(stage)), f"tenggat '{stage}' harus berupa teks")
        else:
            out[stage] = text.strip()
    return out


def parse_modules(name, container, known: dict[str, bool], problems) -> dict[str, bool]:
    raw = container["modul"]
    if not isinstance(raw, dict):
        problems.add(Source(name, container.line_of("modul")),
                     "'modul' ditulis per modul, contoh: 'nilai-dan-makna-kerja: true'")
        return {}
    out = {}
    for module, on in raw.items():
        if not isinstance(module, str) or not module.strip():
            problems.add(Source(name, raw.line_of(module)), f"nama modul {'kosong' if module is None else repr(str(module))} tidak sah; tulis nama"
                         " modul sebagai teks, contoh: 'nilai-dan-makna-kerja: true'")
        elif known is not None and module not in known:
            problems.add(Source(name, raw.line_of(module)), f"modul '{module}' tidak dikenal"
                         f"{did_you_mean(module, known)} (yang ada: {known_list(known) or 'belum ada'})")
        elif not isinstance(on, bool):
            problems.add(Source(name, raw.line_of(module)), f"modul '{module}' diisi true atau false")
        else:
            out[module] = on
    return out


_PRIORITY_KEYS: dict[int, tuple] = {}


def _priority_keys(catalog: Catalog) -> tuple[list, dict[str, str]]:
    """The items a priority may name, and every way of naming them (once per catalogue: a school
    list of thousands of rows asks for each row)."""
    cached = _PRIORITY_KEYS.get(id(catalog))
    if cached is not None and cached[0] is catalog:
        return cached[1], cached[2]
    candidates = [i for i in catalog.items.values() if i.kind in ("dimensi", "indikator-praktik")]
    by_key = {}
    for item in candidates:
        by_key[item.id] = item.id
        by_key[item.nama.casefold()] = item.id
        if item.kind == "dimensi":  # "Manajemen Kelas" as well as "Dimensi Manajemen Kelas"
            by_key[item.nama.casefold().removeprefix("dimensi ")] = item.id
    _PRIORITY_KEYS.clear()
    _PRIORITY_KEYS[id(catalog)] = (catalog, candidates, by_key)
    return candidates, by_key


def resolve_priorities(refs: list[str], source: Source, catalog: Catalog | None,
                       problems: Problems) -> list[str]:
    """Ids of dimensions or praktik indicators, given by id or official name (any case)."""
    if catalog is None:
        return []
    candidates, by_key = _priority_keys(catalog)
    out = []
    for ref in refs:
        key = ref.strip().casefold()
        if not key:
            continue
        if key in by_key:
            out.append(by_key[key])
        else:
            problems.add(source, f"prioritas '{ref.strip()}' tidak dikenal{did_you_mean(key, by_key)}: tulis id"
                                 " atau nama dimensi/indikator praktik kinerja"
                                 f" (id yang ada: {known_list([i.id for i in candidates], limit=11)})")
    return out


def _parse_school_list(rel: str, root: Path, regions: dict, catalog, problems: Problems) -> list[Edition]:
    from generator.school_list import read_school_list

    region_by_name = {e.name.casefold(): e.id for e in regions.values()}
    editions = []
    for row in read_school_list(rel, root, problems):
        label, cells = row.label, row.values
        npsn, name, level, region = (cells["npsn"], cells["nama"], cells["jenjang"], cells["region"])
        row_problems = Problems()
        if not NPSN_PATTERN.match(npsn):
            row_problems.add(row.at("npsn"), f"{label}NPSN '{npsn}' tidak sah: NPSN terdiri atas 8 angka")
        if not name:
            row_problems.add(row.at("nama"), f"{label}kolom nama kosong")
        level = _check_level(level, row.at("jenjang"), row_problems) if level else None
        parent = regions.get(region) and region or region_by_name.get(region.casefold())
        if not parent:
            row_problems.add(row.at("region"), f"{label}region '{region}' tidak dikenal"
                                               f"{did_you_mean(region, regions)}: tulis id atau nama edisi"
                                               " wilayah di site_config.yml"
                                               f" (yang ada: {known_list(regions) or 'belum ada'})")
        priorities = resolve_priorities(cells["prioritas"].split(";"), row.at("prioritas"), catalog,
                                        row_problems) if cells.get("prioritas") else None
        for problem in row_problems.items:
            if problem.message.startswith("prioritas"):
                problem = type(problem)(problem.source, label + problem.message)
            problems.items.append(problem)
        if row_problems:
            continue
        edition = Edition(id=npsn.lower(), name=name, type="sekolah", source=row.source, parent=parent,
                          npsn=npsn, level=level, priorities=priorities)
        edition.source_of_parent = row.at("region")
        editions.append(edition)
    return editions


def _check_tree(editions: list[Edition], problems: Problems) -> None:
    """Unique ids, parents that are regions of the right level, no cycles: linear in editions."""
    seen: dict[str, Edition] = {}
    for edition in editions:
        if edition.id in seen:
            problems.add(edition.source, f"id edisi '{edition.id}' sudah dipakai di {seen[edition.id].source}")
        else:
            seen[edition.id] = edition
    regions = [e.id for e in seen.values() if e.type in REGION_TYPES]
    for edition in editions:
        parent = edition.parent
        if parent is None:
            if edition.type == "sekolah":
                problems.add(edition.source, f"edisi sekolah '{edition.id}' harus punya 'induk' (edisi wilayah)")
            continue
        target = seen.get(parent)
        if target is None or target.type not in REGION_TYPES:
            problems.add(edition.source_of_parent, f"induk '{parent}' tidak dikenal{did_you_mean(parent, regions)}:"
                                                   f" induk harus edisi wilayah (yang ada: {known_list(regions) or 'belum ada'})")
            continue
        if target.type in ("kabupaten", "kota") and edition.type != "sekolah":
            problems.add(edition.source_of_parent, f"induk '{parent}' adalah {target.type}; di bawahnya hanya"
                                                   " boleh ada edisi sekolah")
    # A cycle (a -> b -> a) would make inheritance loop forever. Only regions can be parents, so
    # walking up from each region once settles every chain.
    for region_id in regions:
        node, visited = seen[region_id], set()
        while node is not None and node.parent and node.id not in visited:
            visited.add(node.id)
            node = seen.get(node.parent)
        if node is not None and node.id in visited:
            problems.add(seen[region_id].source, f"induk edisi '{region_id}' membentuk lingkaran")


def resolve_edition(national: Edition, editions: dict[str, Edition], edition_id: str) -> ResolvedEdition:
    """Fill in everything an edition does not set from its parents, up to the national defaults."""
    chain = []
    node = editions.get(edition_id) if edition_id != NATIONAL else None
    while node is not None:
        chain.append(node)
        node = editions.get(node.parent) if node.parent else None
    chain.append(national)
    chain.reverse()  # national first, the edition itself last
    merged = replace(national, deadlines=dict(national.deadlines), modules=dict(national.modules))
    priorities_by = national
    for step in chain[1:]:
        merged.logo = step.logo or merged.logo
        merged.colour = step.colour or merged.colour
        merged.contacts = step.contacts if step.contacts is not None else merged.contacts
        if step.priorities is not None:
            merged.priorities, priorities_by = step.priorities, step
        merged.deadlines.update(step.deadlines)
        merged.modules.update(step.modules)
    own = chain[-1]
    parent = editions.get(own.parent) if own.parent else None
    # Editions built together live at <national address>/<id>/ unless they have their own address.
    url = own.address or (national.address.rstrip("/") + f"/{own.id}/" if national.address and own is not national
                          else national.address)
    return ResolvedEdition(
        id=own.id, name=own.name, type=own.type, chain=[e.id for e in chain], npsn=own.npsn,
        level=own.level, logo=merged.logo, colour=merged.colour or "indigo",
        contacts=merged.contacts or [], deadlines=merged.deadlines, priorities=merged.priorities or [],
        modules=merged.modules, parent_name=parent.name if parent else None, url=url,
        priorities_from=None if priorities_by is own else priorities_by.name)


def priority_label(edition: ResolvedEdition) -> tuple[str, str]:
    """How a page names an edition's priorities, and the sentence explaining them. Priorities a
    school did not set itself are its region's, never the school's own Rapor Pendidikan."""
    if edition.priorities_from:
        return (f"Prioritas {edition.priorities_from}",
                f"{edition.priorities_from} menetapkan indikator ini sebagai prioritas bagi satuan"
                " pendidikan di wilayahnya. Rapor Pendidikan sekolah Anda sendiri bisa menunjuk"
                " indikator lain.")
    if edition.type == "sekolah":
        return (f"Prioritas {edition.name}",
                f"Rapor Pendidikan {edition.name} menunjuk indikator ini sebagai prioritas."
                " Pertimbangkan untuk memilihnya sebagai fokus tahun ini.")
    return (f"Prioritas {edition.name}",
            f"{edition.name} menetapkan indikator ini sebagai prioritas bagi satuan pendidikan di"
            " wilayahnya. Rapor Pendidikan sekolah Anda sendiri bisa menunjuk indikator lain.")


def select_shard(ids: list[str], shard: str) -> list[str]:
    """The K-th of N nearly equal slices of the sorted ids ('K/N', K from 1)."""
    k, n = (int(x) for x in shard.split("/"))
    ordered = sorted(ids)
    size, extra = divmod(len(ordered), n)
    start = (k - 1) * size + min(k - 1, extra)
    return ordered[start:start + size + (1 if k <= extra else 0)]
