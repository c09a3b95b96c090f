"""The pipeline: load and validate -> resolve edition -> render pages -> build site -> package.

A failed build leaves the previous output untouched, and the tool never deletes a folder that does
not carry its marker file.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.audiences import Audience, check_forms, check_sections
from generator.caches import kept_in
from generator.catalog import load_catalog
from generator.dates import SourceDates, indonesian
from generator.edition_site import EDITIONS_DIR as EDITION_LIST
from generator.editions import NATIONAL, ResolvedEdition, priority_label, resolve_edition
from generator.errors import HandbookError, Problem, Problems, Source
from generator.guides import (check_glossary_counts, check_guides, check_linked_files, linked_files, load_guides,
                              overlay_guides)
from generator.kit import Scene, load_scenes
from generator.lock import alive, build_lock
from generator.mkdocs_backend import check_theme
from generator.model import Catalog, Guide
from generator.placement import (Locator, check_glossary_homes, check_placement, generated_pages,
                                 printable_guides, section_pages)
from generator.project_layers import LOCAL_PAGES, ProjectLayers
from generator.reader_questions import Questions, load_questions
from generator.render import render_handbook
from generator.search import check_glossary_forms
from generator.site_config import SiteConfig, check_nav, load_site_config
from generator.worksheets import FOLDER as WORKSHEETS
from generator.worksheets import PACKAGE

MARKER = ".handbook-output"
MARKER_TEXT = "Folder ini dibuat oleh generator handbook dan boleh dibuat ulang olehnya.\n"
EDITIONS_DIR = "editions"


@dataclass
class Project:
    root: Path
    config: SiteConfig
    catalog: Catalog
    guides: list[Guide]
    overlays: dict[str, list[Guide]] = field(default_factory=dict)  # edition id -> its own pages
    scenes: list[Scene] = field(default_factory=list)  # classroom scenes of the workshop kit
    questions: Questions = field(default_factory=Questions)  # reader questions, for search

    @property
    def audiences(self) -> list[Audience]:
        """The extra audiences, each with its catalogue, shown in sections of their own."""
        return self.config.audiences

    def edition(self, edition_id: str) -> tuple[ResolvedEdition, list[Guide]]:
        """The resolved edition and its guides (overlays applied, modules filtered)."""
        edition = resolve_edition(self.config.national, self.config.editions, edition_id)
        overlays = [self.overlays[e] for e in edition.chain if e in self.overlays]
        return edition, overlay_guides(self.guides, overlays, edition.modules)


@dataclass
class BuildResult:
    out_dir: Path
    pages: int
    seconds: float
    editions: list[str] = field(default_factory=list)
    pdf_printed: int = 0  # worksheet packages printed by Chromium
    pdf_reused: int = 0  # ... and taken unchanged from the cache
    pdf_seconds: float = 0.0


def load_project(root: Path) -> Project:
    """Load site_config.yml, catalog/, content/ (each from its project layer) and edition overlays,
    and cross-check them all; raise HandbookError listing every problem."""
    problems = Problems()
    catalog = config = guides = None
    layers = ProjectLayers.of(root)
    try:
        catalog = load_catalog(layers.catalog_root)
    except HandbookError as e:
        problems.extend(e)
        catalog = e.partial_catalog
    try:
        config = load_site_config(root, catalog, defaults=layers.config_defaults())
    except HandbookError as e:
        problems.extend(e)
    try:
        guides = layers.load_guides()
    except HandbookError as e:
        problems.extend(e)
    scenes, questions = [], Questions()
    try:
        scenes = load_scenes(layers.content_root, catalog)
    except HandbookError as e:
        problems.extend(e)
    overlays = _load_overlays(root, config, problems)
    audiences = _load_audiences(root, config, problems)
    if guides is not None:
        _collect(problems, check_linked_files, root, [*guides, *(g for pages in overlays.values() for g in pages)])
    _collect(problems, check_theme, root)
    if catalog is not None and guides is not None:
        modules = config.modules if config else None  # unknown when site_config.yml failed
        generated = generated_pages(catalog, guides)
        _collect(problems, check_sections, audiences, _site_folders(generated, guides))
        # Guides may link by path to an audience's pages too.
        generated |= {a.path(page) for a in audiences if a.catalog for page in section_pages(a.catalog)}
        _collect(problems, check_guides, guides, catalog, generated, modules)
        _collect(problems, check_placement, catalog, guides)
        _collect(problems, check_glossary_counts, catalog)
        _collect(problems, check_glossary_forms, catalog)
        if layers.catalog_root == layers.root:  # the project's own catalogue (see check_glossary_homes)
            _collect(problems, check_glossary_homes, catalog, guides)
        # The pages a question may name: also the worksheet package and the list of editions, which
        # the index leaves out (their questions only measure the search).
        built = generated | {g.path for g in guides} | {f"{WORKSHEETS}/{PACKAGE}.md", f"{EDITION_LIST}/index.md"}
        questions = _load_questions(layers, built, Locator(catalog, guides).places, catalog.manifest.year,
                                    problems)
        for edition_id, pages in overlays.items():
            _collect(problems, check_guides, pages, catalog, generated, modules, guides)
            if config is not None and edition_id in config.editions:
                _, resolved = Project(root, config, catalog, guides, overlays).edition(edition_id)
                _collect(problems, check_placement, catalog, resolved)
    if config is not None and guides is not None:
        generated = generated_pages(catalog, guides) if catalog is not None else None
        _collect(problems, check_nav, config, guides, generated)
    problems.raise_if_any()
    return Project(root, config, catalog, guides, overlays, scenes, questions)


def _load_questions(layers: ProjectLayers, pages: set[str], places: dict, year: int,
                    problems: Problems) -> Questions:
    """The reader questions of the guides' layer and, for a project on the national guides, its
    own ones next to its local pages (halaman/pertanyaan-pembaca.yml)."""
    found = _collect(problems, load_questions, layers.content_root, "content", pages, places, year,
                     not layers.builds_on_national) or Questions()
    if layers.builds_on_national:
        groups = max((q.group for q in found.questions), default=-1) + 1
        local = _collect(problems, load_questions, layers.root, LOCAL_PAGES, pages, places, year, True,
                         groups) or Questions()
        found = Questions(found.questions + local.questions, found.stale + local.stale)
    return found


def _collect(problems: Problems, check, *args):
    """What `check(*args)` returns, or None with its problems added to `problems`."""
    try:
        return check(*args)
    except HandbookError as e:
        problems.extend(e)
        return None


def _load_audiences(root: Path, config: SiteConfig | None, problems: Problems) -> list[Audience]:
    """Load and check each extra audience's catalogue; its problems are reported with the others."""
    audiences = config.audiences if config is not None else []
    for audience in audiences:
        try:
            audience.catalog = load_catalog(root, audience.folder)
        except HandbookError as e:
            problems.extend(e)
            if e.partial_catalog is None:
                continue
            audience.catalog = e.partial_catalog  # its forms can still be checked
        _collect(problems, check_forms, audience)
    return audiences


def _site_folders(generated: set[str], guides: list[Guide]) -> dict[str, str]:
    """Top-level folders of the built site -> what uses them (an audience's section may not)."""
    from generator.edition_site import EDITIONS_DIR as EDITION_FOLDER
    from generator.search import FOLDER as SEARCH_FOLDER

    taken = {folder: "berkas situs" for folder in ("assets", "unduh", EDITION_FOLDER, SEARCH_FOLDER)}
    for path in sorted(generated | {g.path for g in guides}):
        if "/" in path:
            taken.setdefault(path.split("/")[0], f"halaman {path}")
    return taken


def _load_overlays(root: Path, config: SiteConfig | None, problems: Problems) -> dict[str, list[Guide]]:
    overlays = {}
    for folder in sorted((root / EDITIONS_DIR).glob("*/content")):
        edition_id = folder.parent.name
        rel = f"{EDITIONS_DIR}/{edition_id}/content"
        if config is not None and edition_id not in config.editions:
            problems.add(Source(rel), "folder ini tidak cocok dengan edisi mana pun di site_config.yml;"
                                      " namai foldernya dengan id edisi")
            continue
        try:
            overlays[edition_id] = load_guides(root, rel)
        except HandbookError as e:
            problems.extend(e)
    return overlays


def build_site(root: Path, out_dir: Path, edition_id: str = NATIONAL,
               stage_dir: Path | None = None, pdf: bool = True, zips: bool = False) -> BuildResult:
    """Build the shared handbook into `out_dir`, with one edition's folder when `edition_id` names
    one; editions an earlier build put there are kept (and refreshed if anything they show changed)."""
    return build(root, out_dir, [] if edition_id == NATIONAL else [edition_id], stage_dir=stage_dir,
                 pdf=pdf, zips=zips)


def build_editions(root: Path, out_dir: Path, edition_ids: list[str] | None = None,
                   shard: str | None = None, jobs: int | None = None, pdf: bool = True,
                   zips: bool = False, progress=None) -> BuildResult:
    """Build the shared handbook and the given editions (all of them when none are given; `shard`
    'K/N' takes the K-th of N slices). `jobs` is accepted for older scripts: editions are cheap
    enough to build in one process."""
    return build(root, out_dir, edition_ids or [], every=not edition_ids, shard=shard, pdf=pdf,
                 zips=zips, progress=progress)


def build(root: Path, out_dir: Path, edition_ids: list[str] = (), every: bool = False,
          shard: str | None = None, stage_dir: Path | None = None, pdf: bool = True,
          zips: bool = False, progress=None) -> BuildResult:
    """Build into `out_dir`: the shared handbook at its root and each edition in edisi/<id>/.

    `every` builds every edition (exactly those: editions no longer configured are dropped); else
    the given ones are added to those an earlier build left. Nothing an edition is made from has
    changed -> its files are kept as they are (same files, same times). `progress(done, total)` is
    called after each edition. The previous output is replaced only when everything succeeded."""
    from generator.editions import select_shard

    started = time.perf_counter()
    out_dir = out_dir.resolve()
    _check_replaceable(out_dir, root)
    project = load_project(root)
    configured = list(project.config.editions)
    wanted = [e for e in dict.fromkeys(edition_ids) if e != NATIONAL]
    _check_known(project, wanted)
    previous = read_manifest(out_dir)
    if every or shard:
        targets = configured if every or not wanted else wanted
        targets = select_shard(targets, shard) if shard else targets
    else:
        kept = [e for e in previous.get("edisi", {}) if e in project.config.editions]
        targets = list(dict.fromkeys(kept + wanted))
    _check_printer(pdf)
    with _temp_output(out_dir, root) as temp, _printer(root, pdf) as printer, \
            kept_in(root / "build" / "cache"):
        stats = _build_tree(project, temp, stage_dir or _stage(root, NATIONAL), printer, targets,
                            previous, out_dir, zips, progress)
        _swap_in(temp, out_dir)
    return BuildResult(out_dir, stats, time.perf_counter() - started, targets,
                       *(_stats(printer) if printer else (0, 0, 0.0)))


def _build_tree(project: Project, temp: Path, stage: Path, printer, targets: list[str], previous: dict,
                out_dir: Path, zips: bool, progress) -> int:
    """Write the whole new output into `temp`; return the number of pages rendered."""
    from generator.edition_site import (EDITIONS_DIR, edition_digest, edition_pages, logo_path, write_edition,
                                        write_logo)
    from generator.offline import write_edition_list
    from generator.package import write_editions_index, write_zips
    from generator.placement import Locator
    from generator.render import recommended_indicators
    from generator.stamp import STAMP_VERSION, school_marks, stamp
    from generator.worksheets import FOLDER, PACKAGE

    dates = SourceDates()  # git is asked once for the shared pages and every edition's own
    chrome, pages = build_shared(project, temp, stage, printer, dates)
    shared_digest = tree_digest(temp)
    shared_guides = project.edition(NATIONAL)[1]
    locator = Locator(project.catalog, shared_guides)
    manifest = {"versi": MANIFEST_VERSION, "bersama": shared_digest, "edisi": {}}
    for done, edition_id in enumerate(targets, start=1):
        edition, guides = project.edition(edition_id)
        own = edition_pages(shared_guides, guides)
        updated = {g.path: indonesian(d) for g in own
                   for d in dates.of(g.origin or project.root, [g.source_path]).values()}
        downloads = [("Paket untuk dibuka tanpa internet (zip)", f"unduh/{edition_id}.zip")] if zips else []
        stamped = printer is not None and edition.type == "sekolah"
        if stamped:
            downloads.append((f"Paket lembar kerja dengan nama {edition.name} (PDF)",
                              f"{EDITIONS_DIR}/{edition_id}/{FOLDER}/{PACKAGE}.pdf"))
        digest = edition_digest(edition, own, chrome,
                                {"bersama": shared_digest, "unduhan": downloads, "diperbarui": updated,
                                 "cap": STAMP_VERSION if stamped else None})
        old, new = out_dir / EDITIONS_DIR / edition_id, temp / EDITIONS_DIR / edition_id
        reused = previous.get("edisi", {}).get(edition_id) == digest and old.is_dir()
        if reused:
            link_tree(old, new)
        else:
            pages += write_edition(project, edition, guides, own, chrome, locator, new, downloads, updated)
            if stamped:
                package = temp / FOLDER / f"{PACKAGE}.pdf"
                chosen = recommended_indicators(project.catalog, edition)
                stamp(package, school_marks(edition.name, [i.nama for i in chosen], priority_label(edition)[0]),
                      new / FOLDER / f"{PACKAGE}.pdf", project.root / "build" / "cache" / "cap",
                      school_pages(package, project.catalog, chosen))
        write_logo(project, edition, temp)
        if not reused:  # last: it lists the folder's files (a reused folder keeps its list)
            logo = logo_path(project, edition)
            write_edition_list(temp, f"{EDITIONS_DIR}/{edition_id}", [logo] if logo else [])
        manifest["edisi"][edition_id] = digest
        if progress:
            progress(done, len(targets))
    write_editions_index(project, list(project.config.editions), set(targets), temp / EDITIONS_DIR, zips)
    if zips:
        write_zips(temp, targets, {e: project.config.editions[e].name for e in targets}, temp / "unduh")
    reuse_unchanged(temp, out_dir)
    write_manifest(temp, manifest)
    return pages


_SHEET_RANGES: dict = {}


def school_pages(package: Path, catalog: Catalog, priorities) -> list[int]:
    """Pages of a school's worksheet package: every blank sheet, and the pre-filled observation
    sheets of its priority indicators only (the others stay in the shared package)."""
    from pypdf import PdfReader

    from generator.pdf import sheet_pages
    from generator.worksheets import worksheets

    sheets = worksheets(catalog)
    stat = package.stat()
    key = (str(package), stat.st_mtime_ns, stat.st_size)
    if _SHEET_RANGES.get("key") != key:  # the same package for every school of a build
        _SHEET_RANGES.update(key=key, ranges=sheet_pages(PdfReader(str(package)), sheets))
    ranges = _SHEET_RANGES["ranges"]
    return [n for sheet in sheets if sheet.indicator is None or sheet.indicator in priorities
            for n in ranges[sheet.slug]]


def _source_dates(project: Project, guides: list[Guide], dates: SourceDates) -> dict[str, datetime.date]:
    """When each source file last changed, looked up in its own layer: a district project's
    national guides and catalogue live in the national handbook, not in the project."""
    by_root: dict[Path, set[str]] = {}
    for guide in guides:
        by_root.setdefault(guide.origin or project.root, set()).add(guide.source_path)
    layers = ProjectLayers.of(project.root)
    by_root.setdefault(layers.catalog_root, set()).update(i.source.path for i in project.catalog.items.values())
    by_root.setdefault(layers.content_root, set()).update(s.source.path for s in project.scenes)
    by_root.setdefault(project.root, set()).update(i.source.path for a in project.audiences
                                                   for i in a.catalog.items.values())
    return {path: date for root, paths in by_root.items() for path, date in dates.of(root, sorted(paths)).items()}


def build_shared(project: Project, out: Path, stage: Path, printer, dates: SourceDates):
    """Render the shared handbook (the national edition, with the edition page template) and build
    it with the site renderer into `out`, with its search index and, when a `printer` is given, its
    PDFs. Return the edition page chrome and the page count."""
    from generator.edition_site import EDITIONS_DIR, Chrome, template_page
    from generator.kit import card_sets
    from generator.mkdocs_backend import build_mkdocs, write_mkdocs_project
    from generator.offline import write_offline_files
    from generator.package import write_editions_index
    from generator.pdf import write_page_pdfs, write_worksheet_pdfs
    from generator.search import build_index
    from generator.worksheets import FOLDER, PACKAGE, worksheets

    edition, guides = project.edition(NATIONAL)
    rendered = render_handbook(project.config, project.catalog, guides, edition, pdf=printer is not None,
                               updated=_source_dates(project, guides, dates), scenes=project.scenes,
                               audiences=project.audiences)
    template = template_page()
    rendered.pages.append(template)
    rendered.unlisted.append(template.path)
    stage = _fresh_folder(stage, project.root)
    logo = project.root / edition.logo if edition.logo else None
    write_mkdocs_project(rendered, stage, ProjectLayers.of(project.root).theme, logo,
                         linked_files(project.root, guides))
    build_mkdocs(stage, out, {g.path: g.source_path for g in guides}, project.root)
    chrome = Chrome.take(out)
    built = {p.path.removesuffix(".md") + ".html": p for p in rendered.pages}  # by address in the site
    # The list of editions, still empty, so that search finds it by its introduction ("edisi sekolah
    # npsn"); the list itself is written once the editions are built (_build_tree, join_outputs).
    write_editions_index(project, [], set(), out / EDITIONS_DIR)
    build_index(out, project.catalog, {g.path.removesuffix(".md") + ".html": g.roles for g in guides},
                {url: p.kind for url, p in built.items()}, rendered.search_kinds, rendered.glossary_homes,
                {url: p.within for url, p in built.items() if p.within},
                {url: p.names for url, p in built.items() if p.names}, project.questions.questions)
    if printer is not None:
        write_worksheet_pdfs(out, FOLDER, PACKAGE, worksheets(project.catalog), printer)
        for audience in project.audiences:
            write_worksheet_pdfs(out, audience.path(FOLDER), PACKAGE, worksheets(audience.catalog), printer,
                                 audience.path(""))
        write_page_pdfs(out, [c.page for c in card_sets(project.catalog, project.scenes)] + sorted(printable_guides(guides)),
                        printer)
    write_offline_files(out, rendered.site_title, edition.colour)  # last: it lists every file
    (out / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return chrome, len(rendered.pages) - 1


def _stats(printer) -> tuple[int, int, float]:
    return printer.printed, printer.reused, printer.seconds


def _check_printer(pdf: bool) -> None:
    from generator.pdf import find_chromium, missing_chromium

    if pdf and find_chromium() is None:
        raise missing_chromium()


def _printer(root: Path, pdf: bool):
    """A worksheet printer sharing build/cache/pdf, or a stand-in that prints nothing."""
    import contextlib

    from generator.pdf import Printer

    return Printer(root / "build" / "cache" / "pdf") if pdf else contextlib.nullcontext()


def _stage(root: Path, edition_id: str) -> Path:
    return root / "build" / "stage" / edition_id


def _check_known(project: Project, edition_ids: list[str]) -> None:
    from generator.errors import did_you_mean, known_list

    every = project.config.edition_ids()
    unknown = [e for e in edition_ids if e not in every]
    if unknown:
        raise HandbookError([Problem(Source("site_config.yml"),
                                     f"edisi '{e}' tidak ada{did_you_mean(e, every)} (yang ada: {known_list(every)})")
                             for e in unknown])



def join_outputs(root: Path, parts: list[Path], out_dir: Path) -> BuildResult:
    """Join the outputs of `build --shard K/N` runs into one tree with one edition index; the
    result is the same as one `build --all`."""
    from generator.edition_site import EDITIONS_DIR
    from generator.package import write_editions_index

    started = time.perf_counter()
    out_dir = out_dir.resolve()
    _check_replaceable(out_dir, root)
    project = load_project(root)
    problems, manifests = Problems(), []
    for part in parts:
        manifest = read_manifest(part.resolve())
        if not manifest:
            problems.add(Source(_shown(part, root)), "folder ini bukan hasil 'handbook build' (penanda"
                                                     f" {MARKER} atau {MANIFEST} tidak ada)")
        manifests.append(manifest)
    problems.raise_if_any()
    if len({m["bersama"] for m in manifests}) > 1:
        raise HandbookError([Problem(Source(_shown(p, root)), "potongan ini dibangun dari isi panduan yang"
                                     " berbeda dengan potongan pertama; bangun ulang semua potongan dari"
                                     " proyek yang sama") for p, m in zip(parts, manifests)
                             if m["bersama"] != manifests[0]["bersama"]])
    joined = {"versi": MANIFEST_VERSION, "bersama": manifests[0]["bersama"], "edisi": {}}
    with _temp_output(out_dir, root) as temp:
        link_tree(parts[0].resolve(), temp, skip=(f"{EDITIONS_DIR}/", "unduh/", MANIFEST))
        zips = False
        for part, manifest in zip(parts, manifests):
            if (part / EDITIONS_DIR / "logo").is_dir():
                link_tree(part / EDITIONS_DIR / "logo", temp / EDITIONS_DIR / "logo")
            for edition_id, digest in manifest["edisi"].items():
                link_tree(part / EDITIONS_DIR / edition_id, temp / EDITIONS_DIR / edition_id)
                archive = part / "unduh" / f"{edition_id}.zip"
                if archive.is_file():
                    zips = True
                    (temp / "unduh").mkdir(exist_ok=True)
                    os.link(archive, temp / "unduh" / archive.name)
                joined["edisi"][edition_id] = digest
        built = [e for e in project.config.editions if e in joined["edisi"]]
        joined["edisi"] = {e: joined["edisi"][e] for e in built}
        write_editions_index(project, list(project.config.editions), set(built), temp / EDITIONS_DIR, zips)
        reuse_unchanged(temp, out_dir)
        write_manifest(temp, joined)
        _swap_in(temp, out_dir)
    return BuildResult(out_dir, 0, time.perf_counter() - started, built)


MANIFEST = ".handbook-edisi.json"
MANIFEST_VERSION = 1
# Files whose content changes without the handbook changing (the sitemap carries the build date).
_UNSTABLE = {"sitemap.xml", "sitemap.xml.gz", MARKER, MANIFEST}


def read_manifest(out_dir: Path) -> dict:
    """What an earlier build wrote into `out_dir` (edition id -> digest), or nothing."""
    import json

    path = out_dir / MANIFEST
    if not (out_dir / MARKER).is_file() or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("versi") == MANIFEST_VERSION else {}


def write_manifest(out: Path, manifest: dict) -> None:
    import json

    (out / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")


def tree_digest(folder: Path) -> str:
    """Digest of every file of the shared tree (edition folders and unstable files left out)."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if not path.is_file() or rel in _UNSTABLE or rel.startswith(("edisi/", "unduh/")):
            continue
        digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def link_tree(source: Path, target: Path, skip: tuple[str, ...] = ()) -> None:
    """Give `target` the files of `source` as hard links (same files, untouched), or copies
    keeping their times where the file system has no links; paths starting with `skip` are left out."""
    target.mkdir(parents=True, exist_ok=True)
    for path in source.rglob("*"):
        rel = path.relative_to(source)
        if skip and rel.as_posix().startswith(skip):
            continue
        dest = target / rel
        if path.is_dir():
            dest.mkdir(parents=True, exist_ok=True)
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.exists():
            continue  # the same content-named file from another part
        try:
            os.link(path, dest)
        except OSError:
            shutil.copy2(path, dest)


def reuse_unchanged(new: Path, old: Path) -> None:
    """Where a freshly written file equals the previous output's, keep the previous file instead,
    so an unchanged page is not rewritten (hosts and rsync see nothing to upload)."""
    if not (old / MARKER).is_file():
        return
    for path in new.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        rel = path.relative_to(new)
        previous = old / rel
        try:
            if previous.stat().st_ino == path.stat().st_ino:
                continue  # already linked (an unchanged edition)
            if previous.stat().st_size != path.stat().st_size or previous.read_bytes() != path.read_bytes():
                continue
            temp = path.with_name(f".{path.name}.sama-{os.getpid()}")
            os.link(previous, temp)
            os.replace(temp, path)
        except OSError:
            continue


class _temp_output:
    """A temporary sibling of the output folder (with our marker), removed if the build fails
    midway. While it exists this build holds the locks of the output folder and of the project."""

    def __init__(self, out_dir: Path, root: Path):
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        self.path = out_dir.parent / f".{out_dir.name}.baru-{os.getpid()}"
        self.out_dir, self.root = out_dir, root
        self.locks = contextlib.ExitStack()

    def __enter__(self) -> Path:
        self.locks.enter_context(build_lock(self.out_dir, self.root))
        try:
            _remove_leftovers(self.out_dir)
            return _fresh_folder(self.path, self.root)
        except BaseException:
            self.locks.close()
            raise

    def __exit__(self, *exc) -> None:
        with self.locks:
            if self.path.exists():
                shutil.rmtree(self.path)


def _remove_leftovers(out_dir: Path) -> None:
    """Remove temporary folders of earlier builds that were killed (named by us, carrying our
    marker, their process gone); a folder of the same name without the marker is not ours."""
    import re

    pattern = re.compile(rf"^\.{re.escape(out_dir.name)}\.(baru|lama)-(\d+)$")
    for folder in out_dir.parent.iterdir():
        match = pattern.match(folder.name)
        if match and (folder / MARKER).is_file() and not alive(int(match.group(2))):
            shutil.rmtree(folder, ignore_errors=True)


def _check_replaceable(folder: Path, root: Path) -> None:
    """Refuse to build over a folder that holds anything but a previous output of ours."""
    if folder.exists() and (not folder.is_dir() or (
            any(folder.iterdir()) and not (folder / MARKER).is_file())):
        raise HandbookError([Problem(Source(_shown(folder, root)),
                                     "folder keluaran sudah berisi berkas lain dan bukan hasil build"
                                     " sebelumnya; pilih folder lain (--out) atau kosongkan dulu."
                                     " Generator tidak menghapus folder yang bukan buatannya.")])


def _fresh_folder(folder: Path, root: Path) -> Path:
    folder = folder.resolve()
    _check_replaceable(folder, root)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return folder


def _swap_in(new: Path, target: Path) -> None:
    """Replace `target` by `new` with renames, so readers never see a half-written site."""
    (new / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    old = target.parent / f".{target.name}.lama-{os.getpid()}"
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.exists():
        shutil.rmtree(old)


def _shown(folder: Path, root: Path) -> str:
    try:
        return folder.relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(folder)
