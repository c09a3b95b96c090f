"""The pipeline: load and validate -> render pages -> stage -> build into a temp folder -> swap.

A failed build leaves the previous output untouched, and the tool never deletes a folder that does
not carry its marker file.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from generator.catalog import load_catalog
from generator.errors import HandbookError, Problems, Source
from generator.guides import check_guides, load_guides
from generator.mkdocs_backend import build_mkdocs, write_mkdocs_project
from generator.model import Catalog, Guide
from generator.render import check_placement, generated_pages, render_handbook
from generator.site_config import SiteConfig, check_nav, load_site_config

MARKER = ".handbook-output"
MARKER_TEXT = "Folder ini dibuat oleh generator handbook dan boleh dibuat ulang olehnya.\n"


@dataclass
class Project:
    config: SiteConfig
    catalog: Catalog
    guides: list[Guide]


@dataclass
class BuildResult:
    out_dir: Path
    pages: int
    seconds: float


def load_project(root: Path) -> Project:
    """Load site_config.yml, catalog/ and content/, and cross-check them; report every problem."""
    problems = Problems()
    loaded = {}
    for name, loader in (("config", load_site_config), ("catalog", load_catalog),
                         ("guides", load_guides)):
        try:
            loaded[name] = loader(root)
        except HandbookError as e:
            problems.extend(e)
            if e.partial_catalog is not None:
                loaded[name] = e.partial_catalog
    if "catalog" in loaded and "guides" in loaded:
        generated = generated_pages(loaded["catalog"], loaded["guides"])
        for check in (lambda: check_guides(loaded["guides"], loaded["catalog"], generated),
                      lambda: check_placement(loaded["catalog"], loaded["guides"])):
            try:
                check()
            except HandbookError as e:
                problems.extend(e)
    if "config" in loaded and "guides" in loaded:
        try:
            check_nav(loaded["config"], loaded["guides"])
        except HandbookError as e:
            problems.extend(e)
    problems.raise_if_any()
    return Project(**loaded)


def build_site(root: Path, out_dir: Path, stage_dir: Path | None = None) -> BuildResult:
    """Build the handbook into `out_dir`, replacing a previous output only when all went well."""
    started = time.perf_counter()
    out_dir = out_dir.resolve()
    _check_replaceable(out_dir, root)
    project = load_project(root)
    rendered = render_handbook(project.config, project.catalog, project.guides)
    stage = _fresh_folder(stage_dir or root / "build" / "stage", root)
    write_mkdocs_project(rendered, stage, root / "theme")
    source_of = {g.path: g.source_path for g in project.guides}
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    temp = out_dir.parent / f".{out_dir.name}.baru-{os.getpid()}"
    try:
        build_mkdocs(stage, temp, source_of)
        (temp / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        _swap_in(temp, out_dir)
    finally:
        if temp.exists():
            shutil.rmtree(temp)
    return BuildResult(out_dir, len(rendered.pages), time.perf_counter() - started)


def _check_replaceable(folder: Path, root: Path) -> None:
    """Refuse to build over a folder that holds anything but a previous output of ours."""
    if folder.exists() and (not folder.is_dir() or (
            any(folder.iterdir()) and not (folder / MARKER).is_file())):
        raise HandbookError([_problem(folder, root,
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
    old = target.parent / f".{target.name}.lama-{os.getpid()}"
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.exists():
        shutil.rmtree(old)


def _problem(folder: Path, root: Path, message: str):
    from generator.errors import Problem

    try:
        shown = folder.relative_to(root.resolve()).as_posix()
    except ValueError:
        shown = str(folder)
    return Problem(Source(shown), message)
