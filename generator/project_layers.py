"""Project layers: a project folder over the national handbook that ships with the package.

The national handbook (catalog/, content/, theme/, site_config.yml) is package data: the
repository root in a checkout, generator/national/ in an installed wheel. A project takes each of
catalog/, content/ and theme/ from its own folder when it has one, else from the national handbook.
The repository itself has all three, so it is a project like any other with one layer.

A district project (`handbook new`) has no content/: it builds on the national guides, so an
upgraded package brings national corrections. Its pages/ folder (LOCAL_PAGES) adds pages or
replaces a national guide of the same path, and its site_config.yml sets only what differs: keys
it leaves out (description, navigation, modules, footer) come from the national site_config.yml,
with the pages it adds listed in a navigation section of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.model import Guide

LOCAL_PAGES = "halaman"
LOCAL_SECTION = "Informasi daerah"
CONFIG = "site_config.yml"
INHERITED_KEYS = ("deskripsi", "navigasi", "modul", "catatan_kaki")


def national_root() -> Path:
    """The national handbook: generator/national/ in a wheel, the repository root in a checkout."""
    package = Path(__file__).resolve().parent
    packaged = package / "national"
    return packaged if (packaged / CONFIG).is_file() else package.parent


@dataclass(frozen=True)
class ProjectLayers:
    root: Path
    national: Path

    @classmethod
    def of(cls, root: Path) -> ProjectLayers:
        return cls(root.resolve(), national_root())

    def _layer(self, folder: str) -> Path:
        """The folder that provides `folder`: the project's own, else the national one."""
        return self.root if (self.root / folder).is_dir() else self.national

    @property
    def catalog_root(self) -> Path:
        return self._layer("catalog")

    @property
    def content_root(self) -> Path:
        return self._layer("content")

    @property
    def theme(self) -> Path:
        return self._layer("theme") / "theme"

    @property
    def builds_on_national(self) -> bool:
        """True for a project that takes its guides from the national handbook."""
        return self.content_root != self.root

    def watched(self) -> list[Path]:
        """Every input folder and file of a build, for the live preview."""
        parts = [self.catalog_root / "catalog", self.content_root / "content", self.theme,
                 self.root / "editions", self.root / CONFIG]
        return parts + ([self.root / LOCAL_PAGES] if self.builds_on_national else [])

    def load_guides(self) -> list[Guide]:
        """The guides: content/ of its layer, with the project's local pages over them."""
        from generator.guides import load_guides

        guides = load_guides(self.content_root)
        if not self.builds_on_national or not (self.root / LOCAL_PAGES).is_dir():
            return guides
        by_path = {g.path: g for g in guides}
        by_path.update({g.path: g for g in load_guides(self.root, LOCAL_PAGES)})
        return list(by_path.values())

    def config_defaults(self) -> dict:
        """What a project's site_config.yml leaves out, from the national one (nothing for a
        project with its own guides, which must say everything itself)."""
        if not self.builds_on_national:
            return {}
        from generator.yamlio import LocatedList, load_yaml

        national = load_yaml(self.national / CONFIG, CONFIG)
        defaults = {key: national[key] for key in INHERITED_KEYS if key in national}
        added = sorted(self._local_pages() - self._national_pages())
        nav = defaults.get("navigasi")
        if added and isinstance(nav, LocatedList):
            with_local = LocatedList([*nav, {LOCAL_SECTION: added}])
            with_local.line, with_local.item_lines = nav.line, [*nav.item_lines, 0]
            defaults["navigasi"] = with_local
        return defaults

    def _local_pages(self) -> set[str]:
        return _pages(self.root / LOCAL_PAGES)

    def _national_pages(self) -> set[str]:
        return _pages(self.content_root / "content")


def _pages(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")} if folder.is_dir() else set()
