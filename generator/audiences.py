"""More audiences in one portal: site_config.yml's `audiens` lists extra catalogues (for example one
for kepala sekolah), each shown in a section of its own (`<bagian>/katalog/`, `<bagian>/lembar-kerja/`,
`<bagian>/rencana.html`) beside the main catalogue, which stays at the site root.

Each extra catalogue is a folder with its own manifest (katalog.yml) and files, loaded and checked
like catalog/; its ids are its own, so they may repeat those of another audience.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import Problems, Source, did_you_mean, known_list
from generator.ids import id_problem, shown
from generator.model import Catalog
from generator.yamlio import LocatedDict, LocatedList

KEY = "audiens"
ENTRY_KEYS = {"bagian": True, "katalog": True, "nama": False}
MAIN_FOLDER = "catalog"
# Besides its plan parts, the forms an extra catalogue may hold: its sources (its sources page) and
# roles (who writes and signs its plan). Other forms are shown by guides, which are the main one's.
SUPPORT_FORMS = ("sumber", "peran")


@dataclass
class Audience:
    section: str  # URL section and navigation entry, e.g. "kepala-sekolah"
    folder: str  # catalogue folder relative to the project root
    name: str | None  # None: the name of the role that writes the plan in its catalogue
    source: Source  # where site_config.yml declares it
    catalog: Catalog | None = None  # once loaded (build.load_project)

    @property
    def label(self) -> str:
        """The audience's name as the navigation and the search filter show it."""
        if self.name:
            return self.name
        roles = {r.id: r.nama for r in self.catalog.of_kind("peran")}
        return roles.get(self.catalog.manifest.author, self.section)

    def path(self, page: str) -> str:
        """A page of this audience's section, from its path as rendered on its own."""
        return f"{self.section}/{page}"


def parse_audiences(name: str, data: LocatedDict, root: Path, problems: Problems) -> list[Audience]:
    """The `audiens` list of site_config.yml; each problem located at its line."""
    raw = data.get(KEY)
    if raw is None:
        return []
    if not isinstance(raw, LocatedList) or not raw:
        problems.add(Source(name, data.line_of(KEY)), f"'{KEY}' harus berupa daftar; setiap butir berisi"
                                                      " 'bagian' (alamat bagian situs) dan 'katalog' (folder katalognya)")
        return []
    audiences: list[Audience] = []
    for entry, line in zip(raw, raw.item_lines):
        source = Source(name, line)
        if not isinstance(entry, LocatedDict):
            problems.add(source, "setiap audiens ditulis sebagai pasangan 'kunci: nilai' (bagian, katalog, nama)")
            continue
        for key in entry:
            if key not in ENTRY_KEYS:
                problems.add(Source(name, entry.line_of(key)),
                             f"kunci tidak dikenal '{key}' pada audiens{did_you_mean(str(key), ENTRY_KEYS)}"
                             f" (yang dikenal: {known_list(ENTRY_KEYS)})")
        ok = True
        for key, required in ENTRY_KEYS.items():
            value = entry.get(key)
            if value is None:
                if required:
                    problems.add(source, f"kunci '{key}' wajib diisi pada audiens")
                    ok = False
            elif not (isinstance(value, str) and value.strip()):
                problems.add(Source(name, entry.line_of(key)), f"'{key}' pada audiens harus berupa teks")
                ok = False
        if not ok:
            continue
        section, folder = entry["bagian"].strip(), entry["katalog"].strip()
        ok = _check_section(section, Source(name, entry.line_of("bagian")), audiences, problems)
        ok &= _check_folder(folder, Source(name, entry.line_of("katalog")), root, audiences, problems)
        if ok:
            audiences.append(Audience(section, folder, (entry.get("nama") or "").strip() or None, source))
    return audiences


def _check_section(section: str, at: Source, audiences: list[Audience], problems: Problems) -> bool:
    reason = id_problem(section)
    if reason:
        problems.add(at, f"bagian '{shown(section)}' tidak sah: {reason} (contoh: kepala-sekolah)")
        return False
    other = next((a for a in audiences if a.section == section), None)
    if other is not None:
        problems.add(at, f"bagian '{section}' sudah dipakai audiens lain (baris {other.source.line});"
                         " setiap audiens perlu bagian sendiri")
        return False
    return True


def _check_folder(folder: str, at: Source, root: Path, audiences: list[Audience], problems: Problems) -> bool:
    path = PurePosixPath(folder.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or not path.parts:
        problems.add(at, f"katalog '{folder}' harus berupa folder di dalam folder proyek, misalnya katalog-kepsek")
        return False
    folder = posixpath.normpath(path.as_posix())
    if folder == MAIN_FOLDER:
        problems.add(at, f"'{MAIN_FOLDER}' adalah katalog utama situs; audiens lain memakai folder katalognya sendiri")
        return False
    other = next((a for a in audiences if a.folder == folder), None)
    if other is not None:
        problems.add(at, f"folder katalog '{folder}' sudah dipakai audiens lain (baris {other.source.line})")
        return False
    if not (root / folder).is_dir():
        problems.add(at, f"folder katalog '{folder}' tidak ditemukan di folder proyek (folder ini berisi"
                         " katalog.yml dan berkas katalog audiens ini)")
        return False
    return True


def check_sections(audiences: list[Audience], taken: dict[str, str]) -> None:
    """An audience's section may not share its folder with other pages of the site; `taken` maps
    each top-level folder already in use to what uses it."""
    problems = Problems()
    for audience in audiences:
        if audience.section in taken:
            problems.add(audience.source, f"bagian '{audience.section}' sudah dipakai situs untuk"
                                          f" {taken[audience.section]}; pilih nama bagian lain")
    problems.raise_if_any()


def check_forms(audience: Audience) -> None:
    """Every file of an extra catalogue is shown in its section: a plan part, its sources or roles."""
    problems = Problems()
    manifest = audience.catalog.manifest
    parts = {part.file for part in manifest.plan}
    for file, form in manifest.files.items():
        if file not in parts and form not in SUPPORT_FORMS:
            problems.add(Source(f"{audience.folder}/{file}"),
                         f"berkas berbentuk '{form}' tidak tampil di bagian '{audience.section}': katalog"
                         " audiens memuat bagian rencana kinerja, sumber, dan peran saja; jadikan berkas ini"
                         f" bagian 'rencana' atau hapus dari 'berkas' di {audience.folder}/katalog.yml")
    problems.raise_if_any()
