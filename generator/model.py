"""The handbook's data model.

Glossary (Indonesian term -> name used in code):
  komponen            component: one part of the plan (tugas pokok, praktik kinerja, ...)
  tugas pokok         task; tugas tambahan: additional task
  indikator           indicator (praktik kinerja, kompetensi, perilaku)
  perilaku kerja      behaviour; aspek: aspect
  ekspektasi khusus pimpinan   expectation
  panduan             guide (a Markdown page in content/)
  sumber              source
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

from generator.errors import Source
from generator.wording import sentence

if TYPE_CHECKING:
    from generator.manifest import Manifest, PlanPart


@dataclass(eq=False)
class Item:
    """One catalogue entry. Its fields are read as `item['nama']` (or `item.nama` in templates)."""

    id: str | None
    kind: str
    label: str  # Indonesian name of the kind
    data: dict
    source: Source
    component: str | None = None
    parent: Item | None = None
    order: int = 1
    children: dict[str, list[Item]] = field(default_factory=dict)
    sumber: Item | None = None  # resolved source (own, else nearest ancestor's)
    key_lines: dict[str, int] = field(default_factory=dict)  # line of each field in its file

    def source_of(self, key: str) -> Source:
        """Where one of the item's fields is written (for messages about that field)."""
        return Source(self.source.path, self.key_lines.get(key, self.source.line))

    def __getitem__(self, key):
        return self.data[key]

    def get(self, key, default=None):
        return self.data.get(key, default)

    @property
    def nama(self) -> str:
        return self.data["nama"]

    @property
    def number(self) -> str:
        """Official position within its component, e.g. '5.15' for tugas tambahan 15."""
        parts, node = [], self
        while node is not None and node.kind != "komponen":
            parts.append(str(node.order))
            node = node.parent
        return ".".join(reversed(parts))

    def ancestors(self) -> list[Item]:
        """Parents from the nearest up to (and including) the component."""
        out, node = [], self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def all_children(self) -> list[Item]:
        return [c for group in self.children.values() for c in group]

    def siblings(self) -> list[Item]:
        if self.parent is None:
            return [self]
        return next(g for g in self.parent.children.values() if self in g)

    def __repr__(self) -> str:
        return f"Item({self.kind}:{self.id})"


@dataclass
class Catalog:
    components: dict[str, Item]  # component id -> component item, in file order
    items: dict[str, Item]  # every item with an id, components and sources included
    manifest: Manifest | None = None
    forms: dict[str, str] = field(default_factory=dict)  # component id -> form of its file
    parts: dict[str, PlanPart] = field(default_factory=dict)  # component id -> its plan part, in order

    def of_kind(self, kind: str) -> list[Item]:
        return [i for i in self.items.values() if i.kind == kind]

    def component(self, form: str) -> Item | None:
        """The component whose file has this form (e.g. 'glosarium'), if the catalogue has one."""
        return next((self.components[c] for c, f in self.forms.items() if f == form), None)

    @property
    def plan(self) -> list[Item]:
        """The components that are parts of the plan, in the manifest's order."""
        return [self.components[c] for c in self.parts]

    def part(self, item: Item) -> PlanPart | None:
        """The plan part an item (or component) belongs to, if any."""
        return self.parts.get(item.component if item.kind != "komponen" else item.id)

    def short_name(self, component: Item) -> str:
        """A plan part's short name ('Tugas pokok'), for steps, filters and worksheet headings."""
        part = self.parts[component.id]
        return part.short_name or sentence(component.nama)

    def own_page(self, item: Item) -> bool:
        """Whether the item gets a page of its own (the manifest's `halaman` of its part)."""
        part = self.part(item)
        return part is not None and item.kind in part.own_pages


@dataclass
class Guide:
    """A Markdown guide from content/ (or an edition overlay)."""

    path: str  # relative to content/, POSIX, e.g. 'faq.md'
    source_path: str  # relative to the project root, for messages
    title: str
    summary: str
    roles: list[str]
    body: str
    body_line: int  # line of the first body line in the source file
    item_refs: list[tuple[str, int]] = field(default_factory=list)  # (id, line) linked by the body
    inserts: list[tuple[str, int]] = field(default_factory=list)  # ([[tabel:x]] name, line)
    counts: list[tuple[str, int]] = field(default_factory=list)  # ('jumlah:kind@id' or 'daftar:…', line)
    heading_counts: list[tuple[str, int]] = field(default_factory=list)  # those in headings
    roles_line: int = 1
    module: str | None = None  # optional module the page belongs to (shown only when switched on)
    module_line: int = 1
    origin: Path | None = None  # the folder source_path is relative to (None: the project root)

    @property
    def id(self) -> str:
        return self.path[:-3]
