"""Reader questions (content/pertanyaan-pembaca.yml): questions readers asked, each with the page,
and where it matters the section, that answered it.

Search reads the words of the questions a section answered as words readers use for that section
(generator/search.py, field "asked"): a new question put in other words than the page's own finds
the page that its neighbours found. A coordinator adds the questions of their teachers the same way,
with the id of the catalogue item that answered or the address of the page, as the browser shows it.
Only words some page uses are read, so a typo in a question never becomes a word the search knows.

A catalogue item is named by its id, so the questions stay good when next year's catalogue moves its
pages; the file says the catalogue year it was written for (`tahun`), and with another year's
catalogue the questions about items it no longer has are left out (`check` says how many).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Problems, Source, did_you_mean
from generator.yamlio import load_yaml

FILE = "pertanyaan-pembaca.yml"  # in the content folder
TOP_KEYS = {"tahun", "kelompok"}
GROUP_KEYS = {"nama", "pertanyaan"}
QUESTION_KEYS = {"tanya", "halaman", "juga"}


@dataclass(frozen=True)
class Question:
    text: str
    page: str  # address in the built site, e.g. faq.html
    anchor: str  # the section that answers ('' for the page as a whole)
    also: tuple[str, ...]  # other pages that answer as well (only for measuring the search)
    group: int  # the number of its group: the questions one writer wrote at one time
    source: Source  # where its `halaman` stands
    own: bool = True  # the project's own question, whose section must exist (see load_questions)


@dataclass
class Questions:
    questions: list[Question] = field(default_factory=list)
    stale: list[Source] = field(default_factory=list)  # left out: about items of another year's catalogue


def load_questions(root: Path, folder: str, pages: set[str], places: dict[str, tuple[str, str | None]],
                   year: int, own: bool = True, first_group: int = 0) -> Questions:
    """The reader questions in `folder` of `root` (none without the file), their groups numbered
    from `first_group`. Every `halaman` must name one of the handbook's `pages` (paths of its .md
    pages) or the `places` of its catalogue items (generator.placement.Locator), unless the file was
    written for another `year`'s catalogue and names an item that catalogue lacks. The national questions of a district project
    are not its `own`: a section of a guide it replaced is left out quietly. Raise HandbookError
    listing every problem."""
    path = root / folder / FILE
    rel = f"{folder}/{FILE}"
    if not path.is_file():
        return Questions()
    data = load_yaml(path, rel)
    problems, questions, stale = Problems(), [], []
    _unknown_keys(problems, rel, data, TOP_KEYS, "berkas pertanyaan pembaca")
    written = data.get("tahun")
    if not (isinstance(written, int) and not isinstance(written, bool)):
        problems.add(Source(rel, data.line_of("tahun")), "'tahun' wajib diisi dengan tahun katalog saat"
                                                         " pertanyaan ditulis, misalnya 2026")
        written = year
    resolve = _Resolver(pages, places, written == year)
    groups = data.get("kelompok")
    if not isinstance(groups, list):
        problems.add(Source(rel, data.line_of("kelompok")),
                     "'kelompok' harus berupa daftar kelompok pertanyaan, masing-masing dengan 'pertanyaan'")
        problems.raise_if_any()
    for number, (group, line) in enumerate(zip(groups, groups.item_lines)):
        entries = group.get("pertanyaan") if isinstance(group, dict) else None
        if not isinstance(entries, list):
            problems.add(Source(rel, line), "setiap kelompok ditulis dengan 'pertanyaan': daftar pertanyaan"
                                            " yang masing-masing punya 'tanya' dan 'halaman'")
            continue
        _unknown_keys(problems, rel, group, GROUP_KEYS, "kelompok")
        for entry, at in zip(entries, entries.item_lines):
            question = _question(problems, rel, entry, at, first_group + number, resolve, own)
            if question == "stale":
                stale.append(Source(rel, at))
            elif question is not None:
                questions.append(question)
    problems.raise_if_any()
    return Questions(questions, stale)


class _Resolver:
    """`halaman` and `juga` values -> (address, anchor): a catalogue item's id to the page and section
    that show it, an address as it is. None for what names nothing of this handbook."""

    def __init__(self, pages: set[str], places: dict, strict: bool):
        self.addresses = {p.removesuffix(".md") + ".html" for p in pages}
        self.places, self.strict = places, strict

    def __call__(self, target: str) -> tuple[str, str] | None:
        head, _, anchor = target.strip().partition("#")
        if head in self.places:
            path, own = self.places[head]
            return path.removesuffix(".md") + ".html", anchor or own or ""
        if head in self.addresses:
            return head, anchor
        return None

    def stale(self, target: str) -> bool:
        """A catalogue id (not an address) this catalogue lacks, in a file written for another year's."""
        head = target.strip().partition("#")[0]
        return not self.strict and bool(head) and "/" not in head and "." not in head

    def problem(self, target: str) -> str:
        head = target.strip().partition("#")[0]
        if not head:
            return f"'{target}': alamat halaman kosong sebelum '#'"
        known = [*sorted(self.addresses), *sorted(self.places)]
        return (f"halaman '{head}' tidak dikenal{did_you_mean(head, known)}; tulis id butir katalog (misalnya"
                " 'pk-umpan-balik') atau alamat halaman seperti yang tampil di peramban, tanpa nama situsnya"
                " (misalnya 'faq.html#bagian')")


def _question(problems: Problems, rel: str, entry, line: int, group: int, resolve: _Resolver, own: bool):
    if not isinstance(entry, dict):
        problems.add(Source(rel, line), "setiap pertanyaan ditulis dengan 'tanya' dan 'halaman'")
        return None
    _unknown_keys(problems, rel, entry, QUESTION_KEYS, "pertanyaan")
    text, target = entry.get("tanya"), entry.get("halaman")
    where = Source(rel, entry.line_of("halaman") or line)
    bad = False
    for key, value in (("tanya", text), ("halaman", target)):
        if not (isinstance(value, str) and value.strip()):
            problems.add(Source(rel, entry.line_of(key) or line), f"pertanyaan harus punya '{key}' berupa teks")
            bad = True
    also = entry.get("juga", [])
    if not (isinstance(also, list) and all(isinstance(a, str) and a.strip() for a in also)):
        problems.add(Source(rel, entry.line_of("juga")), "'juga' harus berupa daftar id butir katalog atau"
                                                         " alamat halaman")
        bad, also = True, []
    if bad:
        return None
    found = resolve(target)
    if found is None and resolve.stale(target):
        return "stale"  # about an item of another year's catalogue
    if found is None:
        problems.add(where, resolve.problem(target))
    others = []
    for value in also:  # other pages that answer as well: for measuring the search only
        place = resolve(value)
        if place is not None:
            others.append(place[0])
        elif not resolve.stale(value):
            problems.add(Source(rel, entry.line_of("juga")), resolve.problem(value))
    if found is None:
        return None
    return Question(" ".join(text.split()), *found, tuple(others), group, where, own)


def _unknown_keys(problems: Problems, rel: str, entry: dict, known: set[str], what: str) -> None:
    for key in entry:
        if key not in known:
            problems.add(Source(rel, entry.line_of(key)), f"kunci tidak dikenal '{key}' pada {what}"
                                                          f"{did_you_mean(key, known)}")
