"""Workshop kit: card sheets generated from the catalogue (indicator cards, TIRTA question cards)
and from the classroom scenes of content/lokakarya/adegan-kelas.yml (scene cards with a key).

Cards are laid out several to an A4 sheet with cut lines; every sheet carries a short link and,
when the edition has a web address, a QR code back to its page in the same edition.
"""

from __future__ import annotations

import functools
import io
import random
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problems, Source, did_you_mean
from generator.model import Catalog, Item
from generator.wording import join_and
from generator.yamlio import load_yaml

FOLDER = "lokakarya"
SCENES = f"{FOLDER}/adegan-kelas.yml"  # in the content folder
SCENE_KEYS = {"teks", "indikator"}


@dataclass(frozen=True)
class Card:
    kind: str  # small label at the top, e.g. "Praktik kinerja · Dimensi Manajemen Kelas"
    title: str
    lines: tuple[str, ...] = ()  # body: a definition, or the indicators of an aspect
    letter: str = ""  # big letter for TIRTA cards


@dataclass(frozen=True)
class Scene:
    text: str
    answer: str  # id of the catalogue item the scene shows
    source: Source


@dataclass(frozen=True)
class CardSet:
    slug: str  # page lembar lokakarya/<slug>.md, PDF lokakarya/<slug>.pdf
    title: str
    summary: str
    per_sheet: int
    cards: tuple[Card, ...]
    key: tuple[tuple[str, Item], ...] = ()  # answer key (card title, item), printed on its own page

    @property
    def id(self) -> str:
        return self.slug

    @property
    def page(self) -> str:
        return f"{FOLDER}/{self.slug}.md"

    @property
    def pdf(self) -> str:
        return f"{FOLDER}/{self.slug}.pdf"

    def sheets(self) -> list[tuple[Card, ...]]:
        return [self.cards[i:i + self.per_sheet] for i in range(0, len(self.cards), self.per_sheet)]


# slug -> (title, summary, cards per A4 sheet); the cards themselves come from the catalogue.
CARD_SETS = {
    "kartu-indikator": ("Kartu indikator",  # the summary names what the catalogue has cards for
                        "Satu kartu untuk setiap {}; untuk kegiatan memilah dan mencocokkan.", 6),
    "kartu-tirta": ("Kartu pertanyaan TIRTA",
                    "Kartu pertanyaan coaching untuk setiap bagian TIRTA: Tujuan, Identifikasi,"
                    " Rencana aksi, Tanggung jawab.", 8),
    "kartu-adegan": ("Kartu adegan kelas",
                     "Adegan kelas, yaitu studi kasus atau skenario singkat dari kelas, untuk dicocokkan"
                     " dengan kartu indikator; kunci jawabannya di halaman tersendiri.", 8),
}


def card_set_pages() -> dict[str, tuple[str, str]]:
    """slug -> (title, page path), known without reading the catalogue."""
    return {slug: (title, f"{FOLDER}/{slug}.md") for slug, (title, _, _) in CARD_SETS.items()}


def load_scenes(content_root: Path, catalog: Catalog | None = None) -> list[Scene]:
    """The classroom scenes (none when the content folder has no scene file); with a catalogue,
    every answer must be one of its items. Raise HandbookError listing every problem."""
    path = content_root / "content" / SCENES
    rel = f"content/{SCENES}"
    if not path.is_file():
        return []
    data = load_yaml(path, rel)
    problems, scenes = Problems(), []
    entries = data.get("adegan")
    if not isinstance(entries, list) or not entries:
        problems.add(Source(rel, data.line_of("adegan")), "'adegan' harus berupa daftar adegan kelas")
        problems.raise_if_any()
    for entry, line in zip(entries, entries.item_lines):
        if not isinstance(entry, dict):
            problems.add(Source(rel, line), "setiap adegan ditulis dengan 'teks' dan 'indikator'")
            continue
        for key in entry:
            if key not in SCENE_KEYS:
                problems.add(Source(rel, entry.line_of(key)), f"kunci tidak dikenal '{key}' pada adegan"
                                                              f"{did_you_mean(key, SCENE_KEYS)}")
        values = {k: entry.get(k) for k in SCENE_KEYS}
        missing = [k for k, v in values.items() if not (isinstance(v, str) and v.strip())]
        for key in sorted(missing):
            problems.add(Source(rel, entry.line_of(key)), f"adegan harus punya '{key}' berupa teks")
        if missing:
            continue
        answer, where = values["indikator"].strip(), Source(rel, entry.line_of("indikator"))
        if catalog is not None and answer not in catalog.items:
            problems.add(where, f"id katalog '{answer}' tidak dikenal{did_you_mean(answer, catalog.items)}"
                                " (daftar id ada di berkas catalog/*.yml, kunci 'id')")
        scenes.append(Scene(values["teks"].strip(), answer, where))
    problems.raise_if_any()
    return scenes


def shuffled(scenes: list[Scene], catalog: Catalog) -> list[Scene]:
    """The scenes in an order that does not give the answers away: shuffled the same way on every
    build, and never in the catalogue's order of their answers."""
    order = list(catalog.items)
    position = lambda scene: order.index(scene.answer)  # noqa: E731
    out = sorted(scenes, key=position)
    random.Random(len(out)).shuffle(out)  # a fixed seed: the same cards on every build
    if len(out) > 1 and [position(s) for s in out] == sorted(position(s) for s in out):
        out = out[1:] + out[:1]
    return out


def card_sets(catalog: Catalog, scenes: list[Scene] = ()) -> list[CardSet]:
    """The card sheets of the kit; their counts follow the catalogue (and the scene file: the
    scene cards are left out when there are no scenes)."""
    indicator_cards, card_kinds = [], []
    for component in catalog.plan:  # every indicator of the plan, and every group that has expectations
        part = catalog.short_name(component)
        for group in component.all_children():
            indicators = group.children.get("indikator", [])
            if any("ekspektasi" in i.children for i in indicators):
                indicator_cards.append(Card(part, group.nama, tuple(i.nama for i in indicators)))
                card_kinds.append(group.label)
                continue
            card_kinds += [i.label for i in indicators]
            for indicator in indicators:
                definition = (indicator["definisi"],) if indicator.get("definisi") else ()
                indicator_cards.append(Card(f"{part} · {group.nama}", indicator.nama, definition))
    tirta = catalog.component("tirta")
    question_cards = [Card(f"Coaching TIRTA · {part.nama}", question, letter=part["huruf"])
                      for part in (tirta.children["bagian"] if tirta else [])
                      for question in part["pertanyaan"]]
    ordered = shuffled(scenes, catalog)
    scene_cards = [Card("Adegan kelas", f"Adegan {n}", (s.text,)) for n, s in enumerate(ordered, start=1)]
    cards = {"kartu-indikator": indicator_cards, "kartu-tirta": question_cards, "kartu-adegan": scene_cards}
    keys = {"kartu-adegan": tuple((c.title, catalog.items[s.answer]) for c, s in zip(scene_cards, ordered))}
    kinds = join_and(list(dict.fromkeys(card_kinds)))
    return [CardSet(slug, title, summary.format(kinds), per_sheet, tuple(cards[slug]), keys.get(slug, ()))
            for slug, (title, summary, per_sheet) in CARD_SETS.items() if cards[slug]]


@functools.lru_cache(maxsize=512)
def qr_svg(url: str) -> str:
    """A QR code as inline SVG (black modules, no outside request)."""
    import segno

    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=1, border=0, xmldecl=False,
                                    svgclass="kit-qr", lineclass=None, omitsize=True)
    return out.getvalue().decode("utf-8")


def page_url(base: str | None, page: str) -> str | None:
    """The address of a page of the edition, when the edition has a web address."""
    if not base:
        return None
    return base.rstrip("/") + "/" + page.removesuffix(".md") + ".html"
