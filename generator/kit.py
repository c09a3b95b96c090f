"""Workshop kit: card sheets generated from the catalogue (indicator cards, TIRTA question cards).

Cards are laid out several to an A4 sheet with cut lines; every sheet carries a short link and,
when the edition has a web address, a QR code back to its page in the same edition.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

from generator.model import Catalog
from generator.wording import join_and

FOLDER = "lokakarya"


@dataclass(frozen=True)
class Card:
    kind: str  # small label at the top, e.g. "Praktik kinerja · Dimensi Manajemen Kelas"
    title: str
    lines: tuple[str, ...] = ()  # body: a definition, or the indicators of an aspect
    letter: str = ""  # big letter for TIRTA cards


@dataclass(frozen=True)
class CardSet:
    slug: str  # page lembar lokakarya/<slug>.md, PDF lokakarya/<slug>.pdf
    title: str
    summary: str
    per_sheet: int
    cards: tuple[Card, ...]

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
}


def card_set_pages() -> dict[str, tuple[str, str]]:
    """slug -> (title, page path), known without reading the catalogue."""
    return {slug: (title, f"{FOLDER}/{slug}.md") for slug, (title, _, _) in CARD_SETS.items()}


def card_sets(catalog: Catalog) -> list[CardSet]:
    """The card sheets of the kit; their counts follow the catalogue."""
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
    cards = {"kartu-indikator": indicator_cards, "kartu-tirta": question_cards}
    kinds = join_and(list(dict.fromkeys(card_kinds)))
    return [CardSet(slug, title, summary.format(kinds), per_sheet, tuple(cards[slug]))
            for slug, (title, summary, per_sheet) in CARD_SETS.items()]


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
