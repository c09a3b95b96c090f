"""The pipeline: load and validate -> resolve edition -> render pages -> build site -> package.

A failed build leaves the previous output untouched, and the tool never deletes a folder that does
not carry its marker file.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.catalog import load_catalog
from generator.dates import source_dates
from generator.editions import NATIONAL, ResolvedEdition, resolve_edition
from generator.errors import HandbookError, Problem, Problems, Source
from generator.guides import check_guides, load_guides, overlay_guides
from generator.model import Catalog, Guide
from generator.render import check_placement, generated_pages, printable_guides, render_handbook
from generator.site_config import SiteConfig, check_nav, load_site_config

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
    """Load site_config.yml, catalog/, content/ and edition overlays, and cross-check them all;
    raise HandbookError listing every problem."""
    problems = Problems()
    catalog = config = guides = None
    try:
        catalog = load_catalog(root)
    except HandbookError as e:
        problems.extend(e)
        catalog = e.partial_catalog
    try:
        config = load_site_config(root, catalog)
    except HandbookError as e:
        problems.extend(e)
    try:
        guides = load_guides(root)
    except HandbookError as e:
        problems.extend(e)
    overlays = _load_overlays(root, config, problems)
    if catalog is not None and guides is not None:
        modules = config.modules if config else None  # unknown when site_config.yml failed
        generated = generated_pages(catalog, guides)
        _collect(problems, check_guides, guides, catalog, generated, modules)
        _collect(problems, check_placement, catalog, guides)
        for edition_id, pages in overlays.items():
            _collect(problems, check_guides, pages, catalog, generated, modules, guides)
            if config is not None and edition_id in config.editions:
                _, resolved = Project(root, config, catalog, guides, overlays).edition(edition_id)
                _collect(problems, check_placement, catalog, resolved)
    if config is not None and guides is not None:
        generated = generated_pages(catalog, guides) if catalog is not None else None
        _collect(problems, check_nav, config, guides, generated)
    problems.raise_if_any()
    return Project(root, config, catalog, guides, overlays)


def _collect(problems: Problems, check, *args) -> None:
    try:
        check(*args)
    except HandbookError as e:
        problems.extend(e)


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
               stage_dir: Path | None = None, pdf: bool = True) -> BuildResult:
    """Build one edition (the national one by default) as the whole of `out_dir`, replacing a
    previous output only on success. `pdf`: also print the worksheets to PDF."""
    started = time.perf_counter()
    out_dir = out_dir.resolve()
    _check_replaceable(out_dir, root)
    project = load_project(root)
    _check_known(project, [edition_id])
    _check_printer(pdf)
    with _temp_output(out_dir) as temp, _printer(root, pdf) as printer:
        pages = build_edition(project, edition_id, temp, stage_dir or _stage(root, edition_id), printer)
        _swap_in(temp, out_dir)
    return BuildResult(out_dir, pages, time.perf_counter() - started, [edition_id],
                       *(_stats(printer) if printer else (0, 0, 0.0)))


def build_editions(root: Path, out_dir: Path, edition_ids: list[str] | None = None,
                   shard: str | None = None, jobs: int | None = None, pdf: bool = True) -> BuildResult:
    """Build several editions into `out_dir`/<id>/, each also packed as `out_dir`/<id>.zip, with
    an index page listing them. No ids means every edition; `shard` 'K/N' takes the K-th of N slices."""
    from generator.editions import select_shard
    from generator.package import write_editions_index

    started = time.perf_counter()
    out_dir = out_dir.resolve()
    _check_replaceable(out_dir, root)
    project = load_project(root)
    every = project.config.edition_ids()
    chosen = list(dict.fromkeys(edition_ids)) if edition_ids else every
    _check_known(project, chosen)
    if shard:
        chosen = select_shard(chosen, shard)
    _check_printer(pdf)
    with _temp_output(out_dir) as temp:
        temp.mkdir()
        jobs = max(1, min(jobs or os.cpu_count() or 1, len(chosen)))
        # Each worker builds every jobs-th edition with one renderer and one browser.
        tasks = [(project, chosen[k::jobs], temp, pdf) for k in range(jobs)]
        if jobs > 1:
            import multiprocessing

            # fork: workers inherit the loaded project and the imported renderer.
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                results = pool.map(_build_and_zip, tasks, chunksize=1)
        else:
            results = [_build_and_zip(task) for task in tasks]
        listed = every if shard else chosen
        write_editions_index(project, listed, set(chosen), temp)
        _swap_in(temp, out_dir)
    totals = [sum(column) for column in zip(*results)]
    return BuildResult(out_dir, totals[0], time.perf_counter() - started, chosen, *totals[1:])


def _build_and_zip(task) -> int:
    from generator.package import zip_edition

    project, edition_ids, out_root, pdf = task
    pages = 0
    with _printer(project.root, pdf) as printer:
        for edition_id in edition_ids:
            pages += build_edition(project, edition_id, out_root / edition_id,
                                   _stage(project.root, edition_id), printer)
            zip_edition(out_root / edition_id, out_root / f"{edition_id}.zip")
    return (pages, *(_stats(printer) if printer else (0, 0, 0.0)))


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


def build_edition(project: Project, edition_id: str, out: Path, stage: Path, printer=None) -> int:
    """Render one edition and build it with the site renderer into `out`, with its worksheet PDFs
    when a `printer` is given; return its page count."""
    from generator.mkdocs_backend import build_mkdocs, write_mkdocs_project
    from generator.kit import card_sets
    from generator.offline import write_offline_files
    from generator.pdf import write_page_pdfs, write_worksheet_pdfs
    from generator.search import build_index
    from generator.worksheets import FOLDER, PACKAGE, worksheets

    edition, guides = project.edition(edition_id)
    sources = {g.source_path for g in guides} | {i.source.path for i in project.catalog.items.values()}
    rendered = render_handbook(project.config, project.catalog, guides, edition, pdf=printer is not None,
                               updated=source_dates(project.root, sorted(sources)))
    stage = _fresh_folder(stage, project.root)
    logo = project.root / edition.logo if edition.logo else None
    write_mkdocs_project(rendered, stage, project.root / "theme", logo)
    build_mkdocs(stage, out, {g.path: g.source_path for g in guides})
    build_index(out, project.catalog, {g.path.removesuffix(".md") + ".html": g.roles for g in guides})
    if printer is not None:
        write_worksheet_pdfs(out, FOLDER, PACKAGE, worksheets(project.catalog), printer)
        write_page_pdfs(out, [c.page for c in card_sets(project.catalog)] + sorted(printable_guides(guides)),
                        printer)
    write_offline_files(out, rendered.site_title, edition.colour)  # last: it lists every file
    (out / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return len(rendered.pages)


class _temp_output:
    """A temporary sibling of the output folder, removed if the build fails midway."""

    def __init__(self, out_dir: Path):
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        self.path = out_dir.parent / f".{out_dir.name}.baru-{os.getpid()}"
        _remove_leftovers(out_dir)

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, *exc) -> None:
        if self.path.exists():
            shutil.rmtree(self.path)


def _remove_leftovers(out_dir: Path) -> None:
    """Remove temporary folders of earlier builds that were killed (named by us, their process gone)."""
    import re

    pattern = re.compile(rf"^\.{re.escape(out_dir.name)}\.(baru|lama)-(\d+)$")
    for folder in out_dir.parent.iterdir():
        match = pattern.match(folder.name)
        if match and folder.is_dir() and not _alive(int(match.group(2))):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
