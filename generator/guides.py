"""Load the Markdown guides in content/: front matter, catalogue links and table inserts."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path

from generator.errors import HandbookError, Problems, Source, did_you_mean, known_list
from generator.files import ignored, project_files
from generator.model import Catalog, Guide
from generator.placement import INSERTS, Locator, glossary_terms, link_targets, unplaced
from generator.yamlio import LocatedDict, parse_yaml, read_text

# [[id]] links to a catalogue item with its official name; [[tabel:name]] on its own line inserts
# a generated table; [text](katalog:id) links with the author's own text. So that next year's
# guides follow next year's catalogue, [[jumlah:kind]] writes how many items of a kind it has
# ([[jumlah:kind@id]]: beneath item id; [[Jumlah:…]] with a capital, to start a sentence) and
# [[daftar:kind]] (or kind@id) links to each of them: "A, B, dan C"; the kind `bagian-rencana`
# stands for the parts of the plan (katalog.yml, `rencana`).
ITEM_LINK = re.compile(r"\[\[([^\]\s]*)\]\]")
TEXT_LINK = re.compile(r"\]\(katalog:([^)\s]*)\)")
MD_LINK = re.compile(r"\]\((?!katalog:|[a-z][a-z0-9+.-]*:|#)([^)\s]+?\.md)(#[^)\s]*)?\)")
# Links and images to other files (not guides): `![Diagram](gambar/siklus.png)`.
FILE_LINK = re.compile(r"\]\((?!katalog:|[a-z][a-z0-9+.-]*:|#|<)([^)\s#?]+)")
FENCE = re.compile(r"^\s*(```|~~~)")
COUNT, LIST = "jumlah:", "daftar:"
PLAN_PARTS = "bagian-rencana"  # counted like a kind: the components that are parts of the plan
# A heading, with its own address when it ends in {#id} (attr_list).
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(\{[^}]*#([\w-]+)[^}]*\})?\s*$")

FRONT_MATTER_KEYS = {"judul": True, "ringkasan": True, "peran": False, "modul": False}


def load_guides(root: Path, folder: str = "content") -> list[Guide]:
    """Read every guide; raise HandbookError listing all problems in front matter."""
    problems = Problems()
    guides = []
    for path in project_files(root / folder, "**/*.md"):
        rel = path.relative_to(root).as_posix()
        try:
            guide = _load_guide(path, rel, path.relative_to(root / folder).as_posix())
            guides.append(dataclasses.replace(guide, origin=root))
        except HandbookError as e:
            problems.extend(e)
    problems.raise_if_any()
    return guides


def _load_guide(path: Path, rel: str, page: str) -> Guide:
    text = read_text(path, rel)
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise HandbookError([_problem(rel, 1, "panduan harus diawali front matter '---' berisi"
                                              " judul dan ringkasan")])
    try:
        end = next(n for n in range(1, len(lines)) if lines[n].strip() == "---")
    except StopIteration:
        raise HandbookError([_problem(rel, 1, "front matter tidak ditutup dengan '---'")]) from None
    meta = parse_yaml("\n".join(lines[1:end]), Source(rel, 1)) or LocatedDict()
    problems = Problems()
    if not isinstance(meta, dict):
        raise HandbookError([_problem(rel, 2, "front matter harus berupa pasangan 'kunci: nilai'")])
    for key in meta:
        if key not in FRONT_MATTER_KEYS:
            problems.add(Source(rel, 1 + meta.line_of(key)),
                         f"kunci front matter tidak dikenal '{key}'{did_you_mean(key, FRONT_MATTER_KEYS)}"
                         f" (yang dikenal: {known_list(FRONT_MATTER_KEYS)})")
    for key, required in FRONT_MATTER_KEYS.items():
        if required and not (isinstance(meta.get(key), str) and meta[key].strip()):
            problems.add(Source(rel, 1), f"front matter: '{key}' wajib diisi dengan teks")
        elif isinstance(meta.get(key), str) and ITEM_LINK.search(meta[key]):
            # titles and summaries are shown as written (navigation, search, link previews)
            problems.add(Source(rel, 1 + meta.line_of(key)), f"front matter: '{key}' tidak dapat memuat"
                         f" {ITEM_LINK.search(meta[key]).group(0)}; tulis teksnya langsung")
    roles = meta.get("peran") or []
    if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
        problems.add(Source(rel, 1 + meta.line_of("peran")), "front matter: 'peran' harus berupa daftar id peran")
        roles = []
    module = meta.get("modul")
    if module is not None and not (isinstance(module, str) and module.strip()):
        problems.add(Source(rel, 1 + meta.line_of("modul")), "front matter: 'modul' harus berupa nama modul")
        module = None
    problems.raise_if_any()
    body_line = end + 2
    guide = Guide(path=page, source_path=rel, title=meta["judul"].strip(),
                  summary=meta["ringkasan"].strip(), roles=roles,
                  body="\n".join(lines[end + 1:]), body_line=body_line, module=module)
    guide.module_line = 1 + meta.line_of("modul") if "modul" in meta else 1
    guide.roles_line = 1 + meta.line_of("peran") if "peran" in meta else 1
    for number, line in _prose_lines(guide):
        for match in ITEM_LINK.finditer(line):
            target = match.group(1)
            if target.startswith("tabel:"):
                guide.inserts.append((target[len("tabel:"):], number))
            elif target.lower().startswith((COUNT, LIST)):
                guide.counts.append((target, number))
                heading = HEADING.match(line)
                if heading and not heading.group(4):
                    guide.heading_counts.append((target, number))
            else:
                guide.item_refs.append((target, number))
        for match in TEXT_LINK.finditer(line):
            guide.item_refs.append((match.group(1), number))
    return guide


def body_lines(guide: Guide):
    """Yield (line number in file, text, whether it is code) for every body line: a fenced code
    block's lines and its fences are code, shown as written."""
    fenced = False
    for offset, line in enumerate(guide.body.split("\n")):
        fence = bool(FENCE.match(line))
        if fence:
            fenced = not fenced
        yield guide.body_line + offset, line, fenced or fence


def _prose_lines(guide: Guide):
    """Yield (line number in file, text) for body lines outside fenced code blocks."""
    return ((number, line) for number, line, code in body_lines(guide) if not code)


def check_guides(guides: list[Guide], catalog: Catalog, generated_pages: set[str],
                 modules: dict[str, bool] | None, others: list[Guide] = ()) -> None:
    """Check every link, insert, role and module a guide names; raise HandbookError with all problems.

    `generated_pages` are the catalogue pages a guide may also link to by path; `others` are
    guides it may link to without being checked here (the national guides, for an overlay).
    """
    problems = Problems()
    pages = {g.path: g for g in others}
    pages.update({g.path: g for g in guides})
    inserted_by: dict[str, Guide] = {}
    roles = [i.id for i in catalog.of_kind("peran")]
    targets = link_targets(catalog)
    locator = None  # made when a guide lists items
    for guide in guides:
        if guide.module is not None and modules is not None and guide.module not in modules:
            problems.add(Source(guide.source_path, guide.module_line),
                         f"modul '{guide.module}' tidak dikenal{did_you_mean(guide.module, modules)}; daftarkan"
                         " di site_config.yml, kunci 'modul'"
                         f" (yang ada: {known_list(modules) or 'belum ada'})")
        for role in guide.roles:
            if role not in roles:
                problems.add(Source(guide.source_path, guide.roles_line),
                             f"id peran '{role}' tidak dikenal{did_you_mean(role, roles)}"
                             f" (yang ada: {known_list(roles)})")
        for target, line in guide.item_refs:
            if target not in targets:
                problems.add(Source(guide.source_path, line),
                             f"id katalog '{target}' tidak dikenal{did_you_mean(target, targets)}"
                             " (daftar id ada di berkas catalog/*.yml, kunci 'id')")
        for target, line in guide.counts:
            spec = target.partition(":")[2]
            messages = count_problems(catalog, spec)
            if not messages and target.lower().startswith(LIST):  # a list links to each item
                locator = locator or Locator(catalog, list(pages.values()))
                messages = [unplaced(catalog, i) for i in counted(catalog, spec) if i.id not in locator.places]
            for message in messages:
                problems.add(Source(guide.source_path, line), f"[[{target}]]: {message}")
        for target, line in guide.heading_counts:
            problems.add(Source(guide.source_path, line),
                         f"[[{target}]] di judul bagian memerlukan alamat tetap untuk bagian itu, misalnya"
                         " {#nama-bagian} di akhir judul (tanpa itu alamatnya berubah bila jumlahnya berubah)")
        for name, line in guide.inserts:
            if name not in INSERTS:
                problems.add(Source(guide.source_path, line),
                             f"tabel '{name}' tidak dikenal{did_you_mean(name, INSERTS)}"
                             f" (yang ada: {known_list(INSERTS)})")
            elif name in inserted_by and inserted_by[name] is not guide:
                problems.add(Source(guide.source_path, line),
                             f"tabel '{name}' sudah disisipkan di {inserted_by[name].source_path};"
                             " setiap tabel hanya boleh muncul di satu panduan")
            else:
                inserted_by[name] = guide
        for number, line in _prose_lines(guide):
            for match in MD_LINK.finditer(line):
                target = _resolve_relative(guide.path, match.group(1))
                if target in generated_pages and target not in pages:
                    continue  # its anchors are checked by the site build
                if target not in pages:
                    problems.add(Source(guide.source_path, number),
                                 f"tautan ke '{match.group(1)}' rusak: halaman itu tidak ada"
                                 f"{did_you_mean(target, pages)}")
                elif match.group(2) and match.group(2)[1:] not in heading_anchors(pages[target]):
                    problems.add(Source(guide.source_path, number),
                                 f"tautan ke '{match.group(1)}{match.group(2)}' rusak: bagian"
                                 f" '{match.group(2)[1:]}' tidak ada di halaman itu (yang ada:"
                                 f" {known_list(heading_anchors(pages[target]))})")
    problems.raise_if_any()


def count_problems(catalog: Catalog, spec: str) -> list[str]:
    """What is wrong with the `kind@id` of a [[jumlah:…]] or [[daftar:…]] (nothing when it names a
    kind, and an item holding items of that kind)."""
    kind, _, within = spec.partition("@")
    kinds = {i.kind for i in catalog.items.values()} | {PLAN_PARTS}
    if kind not in kinds:
        return [f"jenis butir '{kind}' tidak dikenal{did_you_mean(kind, kinds)}"
                f" (yang ada: {known_list(kinds)})"]
    if within and within not in catalog.items:
        return [f"id katalog '{within}' tidak dikenal{did_you_mean(within, catalog.items)}"
                " (daftar id ada di berkas catalog/*.yml, kunci 'id')"]
    if not counted(catalog, spec):
        return [f"tidak ada butir '{kind}' di bawah '{within}'" if within else f"katalog ini tidak memuat butir '{kind}'"]
    return []


def check_glossary_counts(catalog: Catalog) -> None:
    """A glossary term's text may count the catalogue's items with [[jumlah:kind]] (as a guide
    does), so that it follows next year's catalogue; nothing else in double brackets."""
    problems = Problems()
    for term in glossary_terms(catalog):
        for match in ITEM_LINK.finditer(term.get("arti") or ""):
            target = match.group(1)
            if target.lower().startswith(COUNT):
                found = count_problems(catalog, target.partition(":")[2])
            else:
                found = ["di teks Glosarium hanya [[jumlah:jenis]] yang dapat dipakai (untuk menautkan"
                         " halaman, pakai kunci 'selengkapnya')"]
            for problem in found:
                problems.add(term.source_of("arti"), f"istilah '{term.id}', kunci 'arti': [[{target}]]: {problem}")
    problems.raise_if_any()


def counted(catalog: Catalog, spec: str) -> list:
    """The items a [[jumlah:kind@id]] counts, in catalogue order: of that kind, beneath item `id`
    when given."""
    kind, _, within = spec.partition("@")
    items = catalog.plan if kind == PLAN_PARTS else catalog.of_kind(kind)
    return [i for i in items if not within or within in {a.id for a in i.ancestors()}]


YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def year_hint(guides: list[Guide], year: int) -> str | None:
    """When the year the guides name most often is older than the catalogue's, they were probably
    written for an earlier cycle: `check` says so once, with where that year stands (a hint, not
    an error: a guide may rightly tell what changed in an earlier year, or look a year ahead)."""
    mentions = [(int(m.group(0)), guide.source_path, number) for guide in guides
                for number, line in _prose_lines(guide) for m in YEAR.finditer(line)]
    if not mentions:
        return None
    counts = Counter(y for y, _, _ in mentions)
    usual = max(counts, key=lambda y: (counts[y], y))
    if usual >= year:
        return None
    where = [(path, number) for y, path, number in mentions if y == usual]
    return (f"panduan paling sering menyebut tahun {usual} ({len(where)} kali di {len({p for p, _ in where})}"
            f" panduan, misalnya {where[0][0]}:{where[0][1]}), padahal katalognya untuk {year}; periksa"
            f" apakah teksnya masih berlaku untuk {year}")


def check_linked_files(root: Path, guides: list[Guide]) -> None:
    """Every image or file a guide links to exists beside it (it is copied into the site); raise
    HandbookError listing every missing one."""
    problems = Problems()
    for guide in guides:
        folder = _content_folder(guide)
        for number, target, resolved in _file_links(guide):
            where = Source(guide.source_path, number)
            if target.startswith("/"):
                problems.add(where, f"tautan ke '{target}' harus relatif terhadap halaman ini"
                                    " (tanpa '/' di depan), misalnya 'gambar/siklus.png'")
            elif resolved is None:
                problems.add(where, f"tautan ke '{target}' keluar dari folder {folder}; simpan berkasnya"
                                    f" di dalam {folder}")
            elif any(ignored(part) for part in resolved.split("/")):
                problems.add(where, f"berkas '{target}' tidak ikut dibangun karena namanya diawali '.'"
                                    " atau diakhiri '~'; ganti namanya")
            elif not ((guide.origin or root) / folder / resolved).is_file():
                problems.add(where, f"gambar atau berkas '{target}' tidak ada; simpan berkasnya sebagai"
                                    f" {folder}/{resolved}, atau perbaiki tautannya")
    problems.raise_if_any()


def linked_files(root: Path, guides: list[Guide]) -> dict[str, Path]:
    """The images and files the guides link to: their path in the site -> the file (in the
    guide's own layer: a district project's national guides link to the national files)."""
    return {resolved: (guide.origin or root) / _content_folder(guide) / resolved
            for guide in guides for _, target, resolved in _file_links(guide)
            if resolved is not None and not target.startswith("/")}


def _file_links(guide: Guide):
    """(line, link target, target relative to the content folder or None if it climbs out)."""
    from urllib.parse import unquote

    for number, line in _prose_lines(guide):
        for match in FILE_LINK.finditer(line):
            target = match.group(1)
            if not target.endswith(".md"):
                yield number, target, _resolve_inside(guide.path, unquote(target))


def _content_folder(guide: Guide) -> str:
    """'content' or 'editions/<id>/content': the folder the guide's paths are relative to."""
    return guide.source_path[: -len(guide.path) - 1]


def _resolve_inside(page: str, target: str) -> str | None:
    parts = page.split("/")[:-1]
    for part in target.split("/"):
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def headings(guide: Guide) -> list[tuple[int, str, str]]:
    """(level, text, anchor) of the guide's headings; anchors as Markdown's toc extension makes
    them (or their {#id})."""
    from markdown.extensions.toc import slugify

    out = []
    for _, line in _prose_lines(guide):
        match = HEADING.match(line)
        if match:
            out.append((len(match.group(1)), match.group(2), match.group(4) or slugify(match.group(2), "-")))
    return out


def heading_anchors(guide: Guide) -> set[str]:
    return {anchor for _, _, anchor in headings(guide)}


def _resolve_relative(page: str, target: str) -> str:
    parts = page.split("/")[:-1]
    for part in target.split("/"):
        if part == "..":
            parts = parts[:-1]
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def _problem(rel, line, message):
    from generator.errors import Problem

    return Problem(Source(rel, line), message)


def overlay_guides(base: list[Guide], overlays: list[list[Guide]], modules: dict[str, bool]) -> list[Guide]:
    """The guides of an edition: national ones, replaced or extended by each overlay in order
    (region, then school), without the pages of modules that are switched off."""
    by_path = {g.path: g for g in base}
    for overlay in overlays:
        by_path.update({g.path: g for g in overlay})
    return [g for g in by_path.values() if g.module is None or modules.get(g.module, False)]
