"""Load catalog/*.yml, check it against the schema, and build the Catalog model."""

from __future__ import annotations

from pathlib import Path

from generator.errors import HandbookError, Problems, Source, did_you_mean, known_list
from generator.files import project_files
from generator.ids import id_problem, shown
from generator.model import Catalog, Item
from generator.manifest import FILE as MANIFEST_FILE
from generator.manifest import load_manifest
from generator.schema import FORMS, Field, Kind
from generator.yamlio import LocatedDict, LocatedList, load_yaml

_TYPE_NAMES = {
    "text": "teks", "texts": "daftar teks", "bool": "true atau false", "int": "bilangan bulat",
    "months": "daftar nomor bulan", "month": "nomor bulan 1 sampai 12",
    "ref": "id", "refs": "daftar id",
}


def load_catalog(root: Path, folder: str = "catalog") -> Catalog:
    """Load the manifest and every catalogue file it names, and validate them; raise HandbookError
    listing all problems."""
    problems = Problems()
    loader = _Loader(problems)
    catalog_dir = root / folder
    try:
        manifest = load_manifest(root, folder)
    except HandbookError as e:
        e.partial_catalog = None  # without the manifest no file can be read
        raise
    files = manifest.files
    present = ({p.name for p in project_files(catalog_dir, "*.yml")} if catalog_dir.is_dir() else set()) - {MANIFEST_FILE}
    for name in sorted(present - files.keys()):
        problems.add(Source(f"{folder}/{name}"),
                     f"berkas katalog tidak dikenal{did_you_mean(name, files)}"
                     f" (yang dikenal: {known_list(files)}; berkas baru didaftarkan di"
                     f" {folder}/{MANIFEST_FILE}, kunci 'berkas')")
    forms, parts = {}, {}
    for name, form in files.items():
        rel = f"{folder}/{name}"
        spec = FORMS[form]
        if name not in present:
            problems.add(Source(rel), "berkas katalog tidak ditemukan")
            loader.unreadable_kinds.update(_kinds_in(spec))
            continue
        try:
            data = load_yaml(catalog_dir / name, rel)
        except HandbookError as e:
            problems.extend(e)
            loader.unreadable_kinds.update(_kinds_in(spec))
            continue
        component = loader.load_file(rel, data, spec)
        if component is not None and component.id:
            forms[component.id] = form
    for part in manifest.plan:
        component = next((c for c in loader.components.values() if c.source.path == f"{folder}/{part.file}"),
                         None)
        if component is not None:
            parts[component.id] = part
    loader.resolve_references()
    roles = [i.id for i in loader.items.values() if i.kind == "peran"]
    for key, role in (("penyusun", manifest.author), ("penilai", manifest.reviewer)):
        if "peran" not in loader.unreadable_kinds and role not in roles:
            problems.add(Source(f"{folder}/{MANIFEST_FILE}"), f"'{key}': id peran '{role}' tidak dikenal"
                                                              f"{did_you_mean(role, roles)} (yang ada: {known_list(roles)})")
    catalog = Catalog(components=loader.components, items=loader.items, manifest=manifest, forms=forms,
                      parts=parts)
    if problems:
        error = HandbookError(problems.items)
        # Later checks (guides) can still use the ids, unless a whole file could not be read.
        error.partial_catalog = None if loader.unreadable_kinds else catalog
        raise error
    return catalog


def _kinds_in(spec: dict[str, Kind]) -> set[str]:
    kinds = set()
    for kind in spec.values():
        kinds.add(kind.name)
        kinds |= _kinds_in(kind.children)
    return kinds


class _Loader:
    def __init__(self, problems: Problems):
        self.problems = problems
        self.items: dict[str, Item] = {}
        self.components: dict[str, Item] = {}
        self.pending_refs: list[tuple[Item, str, Field]] = []
        self.matrices: list[tuple[Source, list[Item]]] = []  # where each matrix starts, its cells
        self.unreadable_kinds: set[str] = set()  # kinds of files that failed to parse

    def load_file(self, rel: str, data: LocatedDict, spec: dict[str, Kind]) -> Item | None:
        """Load one file; return its component record, if it has one."""
        for key in data:
            if key not in spec:
                self.problems.add(Source(rel, data.line_of(key)),
                                  f"kunci tidak dikenal '{key}'{did_you_mean(key, spec)}"
                                  f" (yang dikenal: {known_list(spec)})")
        component = None
        if "komponen" in spec:
            raw = data.get("komponen")
            if raw is None:
                self.problems.add(Source(rel, 1), "kunci 'komponen' wajib ada")
            else:
                component = self.parse_item(rel, raw, spec["komponen"], data.line_of("komponen"),
                                            parent=None, order=1, component=None)
                if component is not None and component.id:
                    self.components[component.id] = component
        for key, kind in spec.items():
            if key == "komponen":
                continue
            children = self.parse_list(rel, data, key, kind, parent=component,
                                       line=data.line if isinstance(data, LocatedDict) else 1)
            if component is not None:
                component.children[key] = children
            if kind.name == "sel-matriks":
                self.matrices.append((Source(rel, data.line_of(key) or 1), children))
        return component

    def parse_list(self, rel, container, key, kind, parent, line) -> list[Item]:
        if key not in container:
            self.problems.add(Source(rel, line), f"kunci '{key}' wajib ada (daftar {kind.label})")
            return []
        raw = container[key]
        where = container.line_of(key) if isinstance(container, LocatedDict) else line
        if not isinstance(raw, list) or not raw:
            self.problems.add(Source(rel, where),
                              f"'{key}' harus berupa daftar {kind.label} yang tidak kosong")
            return []
        lines = raw.item_lines if isinstance(raw, LocatedList) else [where] * len(raw)
        items = []
        for order, (entry, entry_line) in enumerate(zip(raw, lines), start=1):
            component = parent.component if parent is not None and parent.kind != "komponen" else (
                parent.id if parent is not None else None)
            item = self.parse_item(rel, entry, kind, entry_line, parent, order, component)
            if item is not None:
                items.append(item)
        return items

    def parse_item(self, rel, raw, kind: Kind, line, parent, order, component) -> Item | None:
        source = Source(rel, getattr(raw, "line", line) or line)
        if not isinstance(raw, dict):
            self.problems.add(source, f"{kind.label} harus berupa pasangan 'kunci: nilai'")
            return None
        allowed = {**kind.fields, **kind.children}
        for key in raw:
            if key not in allowed:
                self.problems.add(Source(rel, raw.line_of(key)),
                                  f"kunci tidak dikenal '{key}' pada {kind.label}"
                                  f"{did_you_mean(key, allowed)} (yang dikenal: {known_list(allowed)})")
        data = {}
        for name, spec in kind.fields.items():
            if name not in raw or raw[name] is None:
                if spec.required:
                    self.problems.add(source, f"kunci '{name}' wajib diisi pada {kind.label}")
                continue
            value = raw[name]
            at = Source(rel, raw.line_of(name))
            if spec.type in ("texts", "refs", "months") and isinstance(value, list):
                bad = [(n, v) for n, v in enumerate(value) if not _type_ok(v, spec.type[:-1])]
                for n, v in bad:
                    where = value.item_lines[n] if isinstance(value, LocatedList) else at.line
                    self.problems.add(Source(rel, where), f"butir ke-{n + 1} pada '{name}' harus"
                                      f" berupa {_TYPE_NAMES[spec.type[:-1]]}, bukan {_describe(v)}")
                if bad:
                    continue
            elif not _type_ok(value, spec.type):
                self.problems.add(at, f"'{name}' harus berupa {_TYPE_NAMES[spec.type]}"
                                      f", bukan {_describe(value)}")
                continue
            data[name] = [v.strip() for v in value] if spec.type == "texts" else (
                value.strip() if isinstance(value, str) else value)
        item_id = data.get("id")
        reason = id_problem(item_id) if item_id is not None else None
        if reason:
            self.problems.add(Source(rel, raw.line_of("id")),
                              f"id '{shown(item_id)}' tidak sah: {reason} (contoh: pk-disiplin-positif)")
            item_id = None
        item = Item(id=item_id, kind=kind.name, label=kind.label, data=data, source=source,
                    component=component if kind.name != "komponen" else item_id,
                    parent=parent, order=order, key_lines={k: raw.line_of(k) for k in data})
        if item_id is not None:
            if item_id in self.items:
                first = self.items[item_id].source
                self.problems.add(Source(rel, raw.line_of("id")),
                                  f"id '{item_id}' sudah dipakai di {first}; setiap id harus unik")
            else:
                self.items[item_id] = item
        for name, spec in kind.fields.items():
            if spec.type in ("ref", "refs") and name in data:
                self.pending_refs.append((item, name, spec))
        for key, child_kind in kind.children.items():
            if key in raw:
                item.children[key] = self.parse_list(rel, raw, key, child_kind, item, source.line)
        return item

    def resolve_references(self) -> None:
        for item, name, spec in self.pending_refs:
            at = item.source_of(name)
            if spec.ref in self.unreadable_kinds:
                continue  # its file is already reported; don't repeat that for every reference
            values = item.data[name] if spec.type == "refs" else [item.data[name]]
            known = [i.id for i in self.items.values() if i.kind == spec.ref]
            for value in values:
                target = self.items.get(value)
                if target is None or target.kind != spec.ref:
                    self.problems.add(at, f"id {spec.ref} '{value}' tidak dikenal"
                                          f"{did_you_mean(value, known)} (yang ada: {known_list(known)})")
        for item in self.items.values():
            item.sumber = self.items.get(_inherited(item, "sumber"))
        for where, cells in self.matrices:
            self.check_matrix(where, cells)

    def check_matrix(self, where: Source, cells: list[Item]) -> None:
        ratings = [i.id for i in self.items.values() if i.kind == "rating"]
        seen: dict[tuple, Item] = {}
        for cell in cells:
            key = (cell.get("hasil_kerja"), cell.get("perilaku_kerja"))
            if key in seen:
                self.problems.add(cell.source, f"kombinasi hasil kerja '{key[0]}' dan perilaku kerja"
                                               f" '{key[1]}' sudah ada di baris {seen[key].source.line}")
            seen[key] = cell
        for hasil in ratings:
            for perilaku in ratings:
                if (hasil, perilaku) not in seen:
                    self.problems.add(where, f"matriks predikat belum lengkap: kombinasi hasil"
                                             f" kerja '{hasil}' dan perilaku kerja '{perilaku}' tidak ada")


def _inherited(item: Item, name: str):
    node = item
    while node is not None:
        if node.get(name):
            return node.get(name)
        node = node.parent
    return None


def _type_ok(value, type_: str) -> bool:
    if type_ in ("text", "ref"):
        return isinstance(value, str) and bool(value.strip())
    if type_ in ("texts", "refs"):
        return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
    if type_ == "bool":
        return isinstance(value, bool)
    if type_ == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if type_ == "month":
        return _type_ok(value, "int") and 1 <= value <= 12
    if type_ == "months":
        return isinstance(value, list) and all(_type_ok(v, "month") for v in value)
    raise ValueError(type_)


def _describe(value) -> str:
    if isinstance(value, dict):
        return "pasangan 'kunci: nilai' (mungkin ada ': ' di dalam teks; apit teks dengan tanda kutip)"
    if isinstance(value, list):
        return "daftar"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"angka {value}"
    if isinstance(value, str):
        return "teks kosong" if not value.strip() else f"teks '{value}'"
    if hasattr(value, "isoformat"):  # YAML reads 2026-01-24 as a date
        return f"tanggal {value.isoformat()} (apit dengan tanda kutip bila maksudnya teks)"
    return "data biner" if isinstance(value, bytes) else "nilai kosong"
