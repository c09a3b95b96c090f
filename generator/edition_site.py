"""Editions on top of one shared handbook: an edition costs only what it changes.

The shared tree is the national handbook, built once by the site renderer. An edition adds a
folder `edisi/<id>/` with its home page, its own pages (overlays and switched-on modules), a small
data file `data.js`, and what carries its name when printed. Shared pages load `data.js` of the
edition the reader came through (remembered on the device, see assets/javascripts/edisi.js) to show
its name, priorities and deadlines; with JavaScript off they stay generic and correct.

Edition pages are not run through the site renderer again: the shared build renders one template
page at `edisi/templat/` (header, navigation, footer, scripts at the right depth), and each edition
page is that template around its own article, converted here with the same Markdown extensions.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import posixpath
import re
import shutil
from pathlib import Path

from generator.editions import ResolvedEdition, priority_label
from generator.model import Guide
from generator.placement import Locator
from generator.render import MARKDOWN_EXTENSIONS, Page, recommended_indicators, render_guides, report_link

EDITIONS_DIR = "edisi"
TEMPLATE_DIR = f"{EDITIONS_DIR}/templat"
DATA_FILE = "data.js"
TITLE_MARK, BODY_MARK = "HANDBOOKJUDULEDISI", "HANDBOOKISIEDISI"
_RELATIVE_URL = re.compile(r'\b(href|src)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)([^"]*)"')


def template_page() -> Page:
    """The page the shared build renders once so that edition pages get the site's chrome."""
    return Page(f"{TEMPLATE_DIR}/index.md",
                f"---\ntitle: {TITLE_MARK}\n---\n\n# {TITLE_MARK}\n\n{BODY_MARK}\n")


class Chrome:
    """The built template page, split around its article content."""

    def __init__(self, text: str):
        match = re.search(rf"<h1[^>]*>{TITLE_MARK}.*?</h1>\s*<p>{BODY_MARK}</p>", text, re.S)
        if match is None:
            raise RuntimeError("edition template page lost its placeholders")
        self.head, self.tail = text[:match.start()], text[match.end():]
        self.digest = hashlib.sha256(text.encode()).hexdigest()

    @classmethod
    def take(cls, site: Path) -> Chrome:
        """Read the template page from a built site and remove it from there."""
        folder = site / TEMPLATE_DIR
        chrome = cls((folder / "index.html").read_text(encoding="utf-8"))
        shutil.rmtree(folder)
        sitemap = site / "sitemap.xml"
        if sitemap.is_file():  # the template is not a page anyone should find
            text = sitemap.read_text(encoding="utf-8")
            sitemap.write_text(re.sub(r"\s*<url>\s*<loc>[^<]*templat/[^<]*</loc>.*?</url>", "", text,
                                      flags=re.S), encoding="utf-8")
        return chrome

    @functools.lru_cache(maxsize=8)
    def _at_depth(self, depth: int) -> tuple[str, str]:
        """The chrome for a page `depth` folders below the site root (the template is at 2)."""
        if depth == 2:
            return self.head, self.tail
        extra = "../" * (depth - 2)
        rebase = lambda m: f'{m.group(1)}="{extra}{m.group(2)}"'  # noqa: E731
        base = lambda m: f'"base": "{extra}{m.group(1)}"'  # noqa: E731
        return tuple(re.sub(r'"base": "([^"]*)"', base, _RELATIVE_URL.sub(rebase, part))
                     for part in (self.head, self.tail))

    def page(self, path: str, title: str, article: str, edition: tuple[str, str, str | None] | None = None) -> str:
        """The page at `path` (from the site root) around `article`. `edition` is (name, home,
        logo) with paths from the site root: its header then names the edition and leads to its
        home without JavaScript too."""
        head, tail = self._at_depth(path.count("/"))
        if edition:
            head = _edition_header(head, path, *edition)
        return (head + article + tail).replace(TITLE_MARK, html.escape(title))


_HEADER_NAME = re.compile(r'(<div class="md-header__topic">\s*<span class="md-ellipsis">)\s*(.*?)\s*(</span>)', re.S)
_HEADER_LOGO = re.compile(r'(<a href=")[^"]*("[^>]*class="md-header__button md-logo"[^>]*>)(.*?)(</a>)', re.S)


def _edition_header(head: str, path: str, name: str, home: str, logo: str | None) -> str:
    """The template's header with the edition's name before the site's, its logo, and its home."""
    up = posixpath.relpath(".", posixpath.dirname(path)) + "/"
    # The edition's name first: a phone's header shows only the start of it.
    head = _HEADER_NAME.sub(lambda m: f"{m.group(1)}{html.escape(name)} – {m.group(2)}{m.group(3)}", head, count=1)

    def logo_link(m):
        image = f'<img src="{html.escape(up + logo)}" alt="">' if logo else m.group(3)
        return f"{m.group(1)}{html.escape(posixpath.relpath(home, posixpath.dirname(path)))}{m.group(2)}{image}{m.group(4)}"
    return _HEADER_LOGO.sub(logo_link, head, count=1)


@functools.lru_cache(maxsize=1)
def _markdown():
    import markdown

    names, configs = [], {}
    for entry in MARKDOWN_EXTENSIONS:
        if isinstance(entry, dict):
            (name, config), = entry.items()
            names.append(name)
            configs[name] = config
        else:
            names.append(entry)
    return markdown.Markdown(extensions=names, extension_configs=configs)


def to_html(text: str) -> str:
    """Markdown of a rendered page (front matter dropped) as article HTML.

    Edition homes differ from each other only in their first part (the edition's box), so the page
    is converted section by section (at its level-two headings) and each section's HTML is kept."""
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    sections = re.split(r"\n(?=## )", text)
    return "\n".join(_section_html(section) for section in sections)


@functools.lru_cache(maxsize=1024)
def _section_html(text: str) -> str:
    converter = _markdown()
    converter.reset()
    return converter.convert(text)


def _rebase(article: str, original: str, new: str, local: set[str], folder: str) -> str:
    """Links of a page rendered as if at `original`, rewritten for its place at `new`; links to
    the edition's own pages go into its folder, everything else to the shared tree."""
    def fix(match):
        url = match.group(2)
        path, sep, fragment = url.partition("#")
        if not path:
            return match.group(0)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(original), path))
        if target in local:
            target = f"{folder}/{target}"
        if target.endswith(".md"):
            target = target[:-3] + ".html"
        rel = posixpath.relpath(target, posixpath.dirname(new))
        return f'{match.group(1)}="{html.escape(rel)}{sep}{fragment}"'

    return _RELATIVE_URL.sub(fix, article)


def edition_pages(shared_guides: list[Guide], guides: list[Guide]) -> list[Guide]:
    """The guides an edition shows that the shared tree does not: its home, overlays that add or
    replace pages, and modules it switches on."""
    shared = {id(g) for g in shared_guides}
    return [g for g in guides if g.path == "index.md" or id(g) not in shared]


@functools.lru_cache(maxsize=1)
def generator_digest() -> str:
    """The generator's own code and templates: a new version of them (an upgrade, an edit) writes
    every edition again, since what an edition page is made of may have changed."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*package.glob("*.py"), *package.glob("*.yml"), *(package / "templates").rglob("*")]):
        if path.is_file():
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def edition_digest(edition: ResolvedEdition, guides: list[Guide], chrome: Chrome,
                   extra: dict) -> str:
    """Everything an edition's folder is made from: unchanged digest, unchanged files."""
    payload = json.dumps({"edition": edition.__dict__, "chrome": chrome.digest, "extra": extra,
                          "generator": generator_digest(),
                          "pages": [(g.path, g.title, g.summary, g.body) for g in guides]},
                         sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def write_edition(project, edition: ResolvedEdition, all_guides: list[Guide], guides: list[Guide],
                  chrome: Chrome, locator: Locator, out: Path, downloads: list[tuple[str, str]],
                  updated: dict[str, str]) -> int:
    """Write `out` (= <site>/edisi/<id>/): the edition's own pages `guides` (of all its guides
    `all_guides`) and its data file; return pages written. `downloads` are (label, path from the
    site root) links for the edition's home; `updated` says when each guide's source last changed."""
    folder = f"{EDITIONS_DIR}/{edition.id}"
    local = {g.path for g in guides}
    extra = dict(edition_pages=[(g.title, g.path) for g in guides if g.path != "index.md"],
                 downloads=downloads)
    pages = render_guides(project.config, project.catalog, all_guides, edition, guides, extra)
    out.mkdir(parents=True, exist_ok=True)
    header = (edition.name, f"{folder}/index.html", logo_path(project, edition))
    for guide, page in zip(guides, pages):
        new = f"{folder}/{guide.path.removesuffix('.md')}.html"
        article = _rebase(to_html(page.text), guide.path, new, local, folder)
        title = edition.name if guide.path == "index.md" else f"{guide.title} – {edition.name}"
        # Shared pages get this from theme/partials/source-file.html; edition pages skip MkDocs.
        report = report_link(project.config, edition, title, new)
        when = f"<p>Terakhir diperbarui: {html.escape(updated[guide.path])}</p>" if guide.path in updated else ""
        article += (f'\n<aside class="hb-halaman-info">{when}<p><a href="{html.escape(report)}">Laporkan'
                    ' kesalahan di halaman ini</a></p></aside>')
        article += f'\n<div data-edisi-id="{html.escape(edition.id)}" hidden></div>\n'
        target = out / new[len(folder) + 1:]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(chrome.page(new, title, article, header), encoding="utf-8")
    data = edition_data(project, edition, guides, locator, folder)
    (out / DATA_FILE).write_text(data_script(data), encoding="utf-8")
    return len(pages)


def logo_path(project, edition: ResolvedEdition) -> str | None:
    """Where an edition's logo is published: once per distinct image, shared by every edition
    that inherits it (path from the site root)."""
    if not edition.logo:
        return None
    logo = project.root / edition.logo
    stat = logo.stat()
    return f"{EDITIONS_DIR}/logo/{_file_digest(logo, stat.st_mtime_ns, stat.st_size)}{logo.suffix.lower()}"


@functools.lru_cache(maxsize=256)
def _file_digest(path: Path, mtime_ns: int, size: int) -> str:
    """Most editions inherit one of a few logos: each is read once per process (per version)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def write_logo(project, edition: ResolvedEdition, site: Path) -> None:
    path = logo_path(project, edition)
    if path and not (site / path).is_file():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(project.root / edition.logo, site / path)


def _plain(markdown: str) -> str:
    """Words of a guide's Markdown for matching its edition's search (marks and links dropped)."""
    text = re.sub(r"\[\[([^\]]+)\]\]|\]\([^)]*\)|[#*_>`|\[\]!-]+", " ", markdown)
    return re.sub(r"\s+", " ", text).strip()


def data_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.handbookEdisi&&window.handbookEdisi.terima({text});\n"


def edition_data(project, edition: ResolvedEdition, guides: list[Guide], locator: Locator,
                 folder: str) -> dict:
    """What shared pages need to speak to a reader of this edition (paths from the site root)."""
    catalog = project.catalog
    label, sentence = priority_label(edition)

    def url(item) -> str:
        path, anchor = locator.places[item.id]
        return path.removesuffix(".md") + ".html" + (f"#{anchor}" if anchor else "")

    stages = {s.id: s for s in catalog.of_kind("tahap")}
    return {
        "id": edition.id, "nama": edition.name, "jenis": edition.type, "npsn": edition.npsn,
        "jenjang": edition.level, "induk": edition.parent_name, "warna": edition.colour,
        "logo": logo_path(project, edition),
        "beranda": f"{folder}/index.html",
        "prioritas": [{"id": i.id, "nama": i.nama, "url": url(i)}
                      for i in recommended_indicators(catalog, edition)],
        "prioritas_label": label, "prioritas_teks": sentence,
        "tenggat": [{"tahap": sid, "nama": stages[sid].nama, "teks": text}
                    for sid, text in edition.deadlines.items() if sid in stages],
        "halaman": [{"judul": g.title, "ringkasan": g.summary, "teks": _plain(g.body)[:4000],
                     "url": f"{folder}/{g.path.removesuffix('.md')}.html"}
                    for g in guides if g.path != "index.md"],
    }
