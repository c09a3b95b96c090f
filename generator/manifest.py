"""The catalogue manifest (catalog/katalog.yml): the year and period, which file holds which form
of content, the parts of the plan and the search filter's page kinds.

Everything downstream reads the manifest instead of naming a year, a count or a component.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import HandbookError, Problems, Source, did_you_mean, known_list
from generator.schema import FORMS
from generator.yamlio import LocatedDict, LocatedList, load_yaml

FILE = "katalog.yml"
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CHOICES = ("satu", "banyak")


@dataclass(frozen=True)
class Question:
    """A free-text question of a plan part, asked after its choices."""

    key: str
    label: str  # in the plan builder
    hint: str
    sheet_label: str  # on LK-1
    lines: int


@dataclass(frozen=True)
class PlanPart:
    file: str
    key: str  # stable short name: draft key in the plan builder, page kind in search
    own_pages: tuple[str, ...]  # item kinds with a page of their own
    short_name: str | None  # plan builder step, search filter, LK-1 heading (None: the component's name)
    sheet_title: str | None  # LK-1 heading when it differs
    choose_one: bool
    questions: tuple[Question, ...] = ()


@dataclass(frozen=True)
class SheetSpec:
    """A worksheet as the manifest declares it (generator.worksheets makes the sheets)."""

    code: str
    slug: str
    title: str
    layout: str  # generator/templates/lembar/<layout>.html.j2
    summary: str
    max_pages: int
    per_item: str | None = None  # kind: one more pre-filled sheet per item of it
    item_summary: str = ""  # with {nama}


@dataclass(frozen=True)
class Manifest:
    year: int
    title: str
    period: str
    author: str  # role id of who writes the plan
    reviewer: str  # role id of who discusses and signs it
    files: dict[str, str]  # file name -> form, in manifest order
    plan: tuple[PlanPart, ...]
    search_kinds: dict[str, str] = field(default_factory=dict)  # other page kinds -> label
    sheets: tuple[SheetSpec, ...] = ()
    number_example: str = ""  # Markdown: how the catalogue overview explains item numbers, by example

    def form_of(self, file: str) -> str:
        return self.files[file]


_TOP = {"tahun": True, "judul": True, "periode": True, "penyusun": True, "penilai": True,
        "berkas": True, "rencana": True, "lembar_kerja": True, "cari": False,
        "contoh_nomor": False}
_SHEET = {"kode": True, "slug": True, "judul": True, "bentuk": True, "ringkasan": True, "halaman_maks": True,
          "per_butir": False, "ringkasan_butir": False}
LAYOUTS = Path(__file__).parent / "templates" / "lembar"
_PART = {"berkas": True, "kunci": True, "halaman": True, "judul": False, "lembar": False, "pilih": False,
         "isian": False}
_QUESTION = {"kunci": True, "label": True, "petunjuk": False, "lembar": False, "baris": False}


def load_manifest(root: Path, folder: str = "catalog") -> Manifest:
    """Read and check the manifest; raise HandbookError listing every problem."""
    rel = f"{folder}/{FILE}"
    if not (root / folder / FILE).is_file():
        raise HandbookError([_problem(rel, 0, "manifes katalog tidak ditemukan; berkas ini menyebut tahun,"
                                              " periode, berkas katalog, dan bagian rencana kinerja")])
    data = load_yaml(root / folder / FILE, rel)
    problems = Problems()
    if not isinstance(data, LocatedDict):
        raise HandbookError([_problem(rel, 1, "manifes katalog harus berupa pasangan 'kunci: nilai'")])
    _check_keys(problems, rel, data, _TOP, "manifes katalog")
    year = data.get("tahun")
    if not (isinstance(year, int) and not isinstance(year, bool) and 2000 <= year <= 2100):
        problems.add(Source(rel, data.line_of("tahun")), "'tahun' harus berupa tahun, misalnya 2026")
    texts = {key: _text(problems, rel, data, key) for key in ("judul", "periode", "penyusun", "penilai", "contoh_nomor")}
    files = {}
    raw_files = data.get("berkas")
    if not isinstance(raw_files, LocatedDict) or not raw_files:
        problems.add(Source(rel, data.line_of("berkas")),
                     "'berkas' harus berupa pasangan 'nama-berkas.yml: bentuk' yang tidak kosong")
    else:
        for name, form in raw_files.items():
            at = Source(rel, raw_files.line_of(name))
            if not (isinstance(name, str) and name.endswith(".yml")):
                problems.add(at, f"nama berkas katalog '{name}' harus berakhiran .yml")
            elif name == FILE:
                problems.add(at, f"{FILE} adalah manifes ini sendiri, bukan berkas katalog")
            elif not isinstance(form, str) or form not in FORMS:
                problems.add(at, f"bentuk '{form}' tidak dikenal{did_you_mean(str(form), FORMS)}"
                                 f" (yang dikenal: {known_list(FORMS, limit=20)})")
            else:
                files[name] = form
    plan = []
    raw_plan = data.get("rencana")
    if not isinstance(raw_plan, LocatedList) or not raw_plan:
        problems.add(Source(rel, data.line_of("rencana")), "'rencana' harus berupa daftar bagian rencana kinerja")
    else:
        for raw, line in zip(raw_plan, raw_plan.item_lines):
            part = _part(problems, rel, raw, line, files, plan)
            if part is not None:
                plan.append(part)
    sheets = _sheets(problems, rel, data, files)
    search = data.get("cari") or {}
    if not isinstance(search, LocatedDict) or not all(isinstance(v, str) and v.strip() for v in search.values()):
        problems.add(Source(rel, data.line_of("cari")), "'cari' harus berupa pasangan 'jenis: nama jenis halaman'")
        search = {}
    for key in search:
        if any(p.key == key for p in plan):
            problems.add(Source(rel, search.line_of(key)), f"jenis halaman '{key}' sudah dipakai oleh bagian rencana")
    problems.raise_if_any()
    return Manifest(year, texts["judul"], texts["periode"], texts["penyusun"], texts["penilai"], files,
                    tuple(plan), {str(k): v.strip() for k, v in search.items()}, tuple(sheets), texts["contoh_nomor"])


def _sheets(problems, rel, data, files) -> list[SheetSpec]:
    raw_sheets = data.get("lembar_kerja")
    if not isinstance(raw_sheets, LocatedList) or not raw_sheets:
        problems.add(Source(rel, data.line_of("lembar_kerja")), "'lembar_kerja' harus berupa daftar lembar kerja")
        return []
    kinds = {k for form in set(files.values()) for k in _kinds(FORMS[form])}
    layouts = sorted(p.name.removesuffix(".html.j2") for p in LAYOUTS.glob("*.html.j2")
                     if not p.name.startswith("_") and p.name != "kartu.html.j2")
    sheets, slugs = [], set()
    for raw, line in zip(raw_sheets, raw_sheets.item_lines):
        if not isinstance(raw, LocatedDict):
            problems.add(Source(rel, line), "lembar kerja harus berupa pasangan 'kunci: nilai'")
            continue
        ok = _check_keys(problems, rel, raw, _SHEET, "lembar kerja")
        slug, layout, kind, pages = raw.get("slug"), raw.get("bentuk"), raw.get("per_butir"), raw.get("halaman_maks")
        if not (isinstance(slug, str) and ID_PATTERN.match(slug)) or slug in slugs:
            problems.add(Source(rel, raw.line_of("slug")), f"slug '{slug}' tidak sah atau sudah dipakai: pakai huruf"
                                                           " kecil, angka, dan tanda '-'")
            ok = False
        if layout not in layouts:
            problems.add(Source(rel, raw.line_of("bentuk")), f"bentuk lembar '{layout}' tidak dikenal"
                                                             f"{did_you_mean(str(layout), layouts)} (yang dikenal: {known_list(layouts)})")
            ok = False
        if kind is not None and (not isinstance(kind, str) or kind not in kinds):
            problems.add(Source(rel, raw.line_of("per_butir")), f"jenis butir '{kind}' tidak dikenal"
                                                                f"{did_you_mean(str(kind), kinds)}")
            ok = False
        if not (isinstance(pages, int) and not isinstance(pages, bool) and 1 <= pages <= 20):
            problems.add(Source(rel, raw.line_of("halaman_maks")), "'halaman_maks' harus berupa bilangan 1 sampai 20")
            ok = False
        if ok:
            slugs.add(slug)
            sheets.append(SheetSpec(str(raw["kode"]), slug, str(raw["judul"]), layout, str(raw["ringkasan"]),
                                    pages, kind, str(raw.get("ringkasan_butir") or "")))
    return sheets


def _part(problems, rel, raw, line, files, plan) -> PlanPart | None:
    if not isinstance(raw, LocatedDict):
        problems.add(Source(rel, line), "bagian rencana harus berupa pasangan 'kunci: nilai'")
        return None
    ok = _check_keys(problems, rel, raw, _PART, "bagian rencana")
    file, key = raw.get("berkas"), raw.get("kunci")
    if not isinstance(file, str) or file not in files:
        problems.add(Source(rel, raw.line_of("berkas")),
                     f"berkas '{file}' tidak disebut di 'berkas'{did_you_mean(str(file), files)}")
        ok = False
    elif any(p.file == file for p in plan):
        problems.add(Source(rel, raw.line_of("berkas")), f"berkas '{file}' sudah menjadi bagian rencana lain")
        ok = False
    if not (isinstance(key, str) and key.isidentifier() and key.islower()):
        problems.add(Source(rel, raw.line_of("kunci")), "'kunci' harus berupa satu kata huruf kecil, misalnya praktik")
        ok = False
    elif any(p.key == key for p in plan):
        problems.add(Source(rel, raw.line_of("kunci")), f"kunci '{key}' sudah dipakai oleh bagian rencana lain")
        ok = False
    pages = raw.get("halaman")
    if not (isinstance(pages, list) and all(isinstance(p, str) for p in pages)):
        problems.add(Source(rel, raw.line_of("halaman")), "'halaman' harus berupa daftar jenis butir")
        ok = False
    elif file in files:
        kinds = [k for k in _kinds(FORMS[files[file]]) if k != "komponen"]
        for kind in pages:
            if kind not in kinds:
                problems.add(Source(rel, raw.line_of("halaman")),
                             f"jenis butir '{kind}' tidak ada dalam bentuk '{files[file]}'"
                             f"{did_you_mean(kind, kinds)} (yang ada: {known_list(kinds)})")
                ok = False
    choice = raw.get("pilih", "banyak")
    if choice not in CHOICES:
        problems.add(Source(rel, raw.line_of("pilih")), f"'pilih' harus '{CHOICES[0]}' atau '{CHOICES[1]}'")
        ok = False
    questions = []
    raw_questions = raw.get("isian") or LocatedList()
    if not isinstance(raw_questions, LocatedList):
        problems.add(Source(rel, raw.line_of("isian")), "'isian' harus berupa daftar pertanyaan")
        raw_questions, ok = LocatedList(), False
    for q_raw, q_line in zip(raw_questions, getattr(raw_questions, "item_lines", [])):
        if not isinstance(q_raw, LocatedDict):
            problems.add(Source(rel, q_line), "isian harus berupa pasangan 'kunci: nilai'")
            ok = False
            continue
        ok &= _check_keys(problems, rel, q_raw, _QUESTION, "isian")
        lines = q_raw.get("baris", 3)
        if not (isinstance(lines, int) and 1 <= lines <= 20):
            problems.add(Source(rel, q_raw.line_of("baris")), "'baris' harus berupa bilangan 1 sampai 20")
            ok = False
        label = q_raw.get("label")
        if ok:
            questions.append(Question(q_raw["kunci"], label, q_raw.get("petunjuk") or "",
                                      q_raw.get("lembar") or label, lines))
    if not ok:
        return None
    return PlanPart(file, key, tuple(pages), raw.get("judul"), raw.get("lembar"), choice == "satu",
                    tuple(questions))


def _check_keys(problems, rel, raw: LocatedDict, known: dict[str, bool], what: str) -> bool:
    ok = True
    for key in raw:
        if key not in known:
            problems.add(Source(rel, raw.line_of(key)), f"kunci tidak dikenal '{key}' pada {what}"
                                                        f"{did_you_mean(str(key), known)} (yang dikenal: {known_list(known)})")
            ok = False
    for key, required in known.items():
        if required and raw.get(key) in (None, ""):
            problems.add(Source(rel, raw.line), f"kunci '{key}' wajib diisi pada {what}")
            ok = False
    for key in known:
        value = raw.get(key)
        if isinstance(value, str) and not value.strip():
            problems.add(Source(rel, raw.line_of(key)), f"'{key}' pada {what} tidak boleh kosong")
            ok = False
    return ok


def _text(problems, rel, data, key) -> str:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        problems.add(Source(rel, data.line_of(key)), f"'{key}' harus berupa teks")
        return ""
    return (value or "").strip()


def _kinds(spec: dict) -> list[str]:
    out = []
    for kind in spec.values():
        out.append(kind.name)
        out += _kinds(kind.children)
    return out


def _problem(rel, line, message):
    from generator.errors import Problem

    return Problem(Source(rel, line), message)
