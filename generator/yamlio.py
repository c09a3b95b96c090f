"""YAML loading that remembers line numbers and turns every YAML failure into a located Problem."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.errors import HandbookError, Problem, Source


class LocatedDict(dict):
    """A mapping that knows its own line and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    """A sequence that knows its own line and the line of each element."""

    line: int = 0
    item_lines: list


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LocatedDict:
    loader.flatten_mapping(node)
    data = LocatedDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "kunci harus berupa teks", key_node.start_mark
            )
        if key in data:
            first = data.key_lines[key]
            raise yaml.constructor.ConstructorError(
                None, None, f"kunci '{key}' muncul dua kali (pertama di baris {first})",
                key_node.start_mark,
            )
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = key_node.start_mark.line + 1
    return data


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    data = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    data.line = node.start_mark.line + 1
    data.item_lines = [child.start_mark.line + 1 for child in node.value]
    return data


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)

# PyYAML's wording -> plain Indonesian with a hint. Matched on the start of the problem text.
_HINTS = [
    ("found character '\\t'", "karakter tab tidak boleh dipakai di YAML; ganti tab dengan spasi"),
    ("found a tab character", "karakter tab tidak boleh dipakai di YAML; ganti tab dengan spasi"),
    ("mapping values are not allowed here",
     "tanda ':' di tempat yang tidak diharapkan; apit teks yang memuat ': ' dengan tanda kutip,"
     " atau periksa indentasi"),
    ("could not find expected ':'", "tanda ':' tidak ditemukan; setiap kunci ditulis 'kunci: nilai'"),
    ("did not find expected key", "indentasi tidak konsisten; samakan jumlah spasi di awal baris"),
    ("did not find expected '-' indicator",
     "indentasi tidak konsisten; setiap butir daftar diawali '- ' dengan indentasi yang sama"),
    ("expected <block end>", "indentasi tidak konsisten; samakan jumlah spasi di awal baris"),
    ("found unexpected end of stream", "tanda kutip tidak ditutup"),
    ("found undefined alias", "alias YAML (*nama) tidak dikenal"),
    ("found unknown escape character", "urutan escape tidak dikenal di dalam tanda kutip ganda"),
]


def _translate(problem: str) -> str:
    for prefix, message in _HINTS:
        if problem.startswith(prefix):
            return message
    return f"YAML tidak valid: {problem}"


def parse_yaml(text: str, source: Source):
    """Parse YAML text; `source.line` is the line offset of the text inside its file."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from SafeLoader
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = source.line + (mark.line + 1 if mark else 0)
        problem = e.problem or e.context or str(e)
        message = problem if problem.startswith("kunci") else _translate(problem)
        raise HandbookError([Problem(Source(source.path, line), message)]) from None
    except yaml.YAMLError as e:  # e.g. a reader error on control characters
        raise HandbookError([Problem(source, f"YAML tidak valid: {e}")]) from None


def read_text(path: Path, rel: str) -> str:
    """Read a UTF-8 text file (BOM allowed); a wrong encoding becomes a located Problem."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise HandbookError([Problem(Source(rel), f"berkas tidak dapat dibaca: {e.strerror}")]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise HandbookError([Problem(
            Source(rel, line),
            "berkas bukan teks UTF-8; simpan ulang dengan pengodean UTF-8"
            " (di Notepad: Simpan Sebagai → Encoding: UTF-8)",
        )]) from None


def load_yaml(path: Path, rel: str, *, expect_mapping: bool = True):
    """Load a YAML file; empty files and non-mapping documents are reported as Problems."""
    text = read_text(path, rel)
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise HandbookError([Problem(Source(rel, 1), "berkas kosong; isinya belum ada")])
    data = parse_yaml(text, Source(rel))
    if expect_mapping and not isinstance(data, dict):
        raise HandbookError([Problem(
            Source(rel, 1),
            "isi berkas harus berupa pasangan 'kunci: nilai' di tingkat teratas",
        )])
    return data
