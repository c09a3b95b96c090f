"""YAML loading that remembers line numbers and turns every YAML failure into a located Problem."""

from __future__ import annotations

import re
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


# Bounds on what one YAML text may make us build: our files are a few dozen KB, a few levels deep,
# with few aliases. Past these limits the input is an accident or an attack (an "alias bomb"
# expands to billions of values; 3,000 nested '[' exhaust Python's recursion).
MAX_CHARS = 2_000_000
MAX_DEPTH = 50
MAX_ALIASED = 10_000  # values repeated through aliases (*name), counted as expanded


_FAST = hasattr(yaml, "CSafeLoader")  # PyYAML wheels carry libyaml; a source build may not


class _Refused(yaml.MarkedYAMLError):
    """A located problem whose text is already the Indonesian message."""


class _Bounded:
    """Composing and constructing within the bounds above, with Indonesian messages."""

    _depth = _aliased = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            node = self.anchors.get(event.anchor)
            self._aliased += getattr(node, "expanded_size", 1)
            if self._aliased > MAX_ALIASED:
                raise _Refused(None, None, f"alias YAML (*{event.anchor}) mengulang terlalu banyak isi"
                               f" (lebih dari {MAX_ALIASED} nilai); tulis isinya langsung tanpa alias",
                               event.start_mark)
            return super().compose_node(parent, index)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(None, None, f"isi bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat);"
                           " periksa tanda '[' dan '{' yang tidak ditutup", self.peek_event().start_mark)
        node = super().compose_node(parent, index)
        self._depth -= 1
        children = node.value if isinstance(node, yaml.SequenceNode) else (
            [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else [])
        node.expanded_size = 1 + sum(getattr(child, "expanded_size", 1) for child in children)
        return node

    def construct_object(self, node, deep=False):
        try:
            data = super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError):  # e.g. the date 2026-13-45, or !!float x
            raise _Refused(None, None, f"nilai '{_excerpt(node)}' tidak dapat dibaca; apit dengan"
                           " tanda kutip bila maksudnya teks", node.start_mark) from None
        if isinstance(data, int) and data.bit_length() > 64:
            raise _Refused(None, None, "angka terlalu besar; apit dengan tanda kutip bila maksudnya teks",
                           node.start_mark)
        return data


def _excerpt(node) -> str:
    text = node.value if isinstance(node.value, str) else ""
    return text if len(text) <= 40 else text[:40] + "…"


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LocatedDict:
    loader.flatten_mapping(node)
    data = LocatedDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise _Refused(None, None, "kunci harus berupa teks", key_node.start_mark)
        if key in data:
            first = data.key_lines[key]
            raise _Refused(None, None, f"kunci '{key}' muncul dua kali (pertama di baris {first})",
                           key_node.start_mark)
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = key_node.start_mark.line + 1
    return data


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    data = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    data.line = node.start_mark.line + 1
    data.item_lines = [child.start_mark.line + 1 for child in node.value]
    return data


class _Loader(_Bounded, yaml.SafeLoader):
    """PyYAML in Python: its messages are the ones we translate."""


class _FastLoader(_Bounded, yaml.composer.Composer, yaml.CSafeLoader):
    """libyaml's parser (in C, several times faster) under the same composer and constructors.
    Only for text that parses: any failure is read again by _Loader for its exact message."""

    def __init__(self, stream):
        yaml.CSafeLoader.__init__(self, stream)
        yaml.composer.Composer.__init__(self)


for _loader in (_Loader, _FastLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)

_TAG = "tanda '!' memulai tag YAML; apit teks yang diawali '!' dengan tanda kutip"
_BLOCK = ("tanda '|' atau '>' harus diikuti akhir baris; tulis teksnya mulai baris berikutnya,"
          " atau apit dengan tanda kutip")
_DIRECTIVE = "baris yang diawali '%' dibaca sebagai perintah YAML; apit teksnya dengan tanda kutip"
_INDENT = "indentasi tidak konsisten; samakan jumlah spasi di awal baris"
# PyYAML's wording (problem, or context for the generic ones) -> plain Indonesian with a hint.
# Users never see PyYAML's English: what is not listed gets the general message below.
_HINTS = [
    (r"found character '\\t'|found a tab character",
     "karakter tab tidak boleh dipakai di YAML; ganti tab dengan spasi"),
    (r"found character '(.*)' that cannot start any token",
     "karakter {0} tidak boleh mengawali nilai; apit teksnya dengan tanda kutip"),
    (r"mapping values are not allowed here",
     "tanda ':' di tempat yang tidak diharapkan; apit teks yang memuat ': ' dengan tanda kutip,"
     " atau periksa indentasi"),
    (r"mapping keys are not allowed here",
     "tanda '?' di tempat yang tidak diharapkan; apit teks yang diawali '?' dengan tanda kutip"),
    (r"could not find expected ':'", "tanda ':' tidak ditemukan; setiap kunci ditulis 'kunci: nilai'"),
    (r"expected <block end>, but found '<scalar>'",
     "ada teks sesudah tanda kutip penutup; apit seluruh teks dengan tanda kutip, atau periksa indentasi"),
    (r"did not find expected key|expected <block end>|invalid indentation", _INDENT),
    (r"did not find expected '-' indicator",
     "indentasi tidak konsisten; setiap butir daftar diawali '- ' dengan indentasi yang sama"),
    (r"expected ',' or '\]'", "daftar dalam '[ ]' tidak ditutup dengan benar; pisahkan butir dengan ','"
                             " dan tutup dengan ']', atau apit teks dengan tanda kutip"),
    (r"expected ',' or '}'", "pasangan dalam '{ }' tidak ditutup dengan benar; pisahkan dengan ','"
                            " dan tutup dengan '}', atau apit teks dengan tanda kutip"),
    (r"expected the node content", "nilai tidak ditemukan di sini; periksa tanda ',', '[', '{', '-'"
                                   " dan indentasi, atau apit teks dengan tanda kutip"),
    (r"found unexpected end of stream|found unexpected document separator",
     "tanda kutip yang dibuka di baris ini tidak ditutup"),
    (r"found undefined alias", "alias YAML (*nama) tidak dikenal; apit teks yang diawali '*' dengan tanda kutip"),
    (r"found duplicate anchor", "nama anchor YAML (&nama) dipakai dua kali"),
    (r"found unconstructable recursive node", "alias YAML (*nama) merujuk ke isi yang memuat dirinya sendiri"),
    (r"expected alphabetic or numeric character",
     "nama anchor atau alias YAML tidak sah; apit teks yang diawali '&' atau '*' dengan tanda kutip"),
    (r"found unknown escape character|expected escape sequence",
     "urutan escape tidak dikenal di dalam tanda kutip ganda; tulis '\\\\' untuk garis miring terbalik,"
     " atau pakai tanda kutip tunggal"),
    (r"found unhashable key", "kunci harus berupa teks"),
    (r"expected a single document|expected '<document start>'",
     "berkas hanya boleh berisi satu dokumen YAML; hapus baris '---' atau '...' yang memisahkan"),
    (r"expected a mapping (or list of mappings )?for merging",
     "kunci '<<' harus diikuti alias pasangan 'kunci: nilai' (*nama)"),
    (r"failed to (decode|convert) base64", "isi '!!binary' tidak dapat dibaca; hapus tag '!!binary'"),
    (r"could not determine a constructor|found undefined tag handle|found non-specific tag"
     r"|while (scanning|parsing) a tag|expected URI|expected '!'|expected '>'|expected non-empty name",
     _TAG),
    (r"expected chomping or indentation|expected indentation indicator|while scanning a block scalar",
     _BLOCK),
    (r"while scanning a directive|found incompatible YAML|found duplicate YAML|duplicate tag handle",
     _DIRECTIVE),
    (r"while scanning an? (anchor|alias)",
     "nama anchor atau alias YAML tidak sah; apit teks yang diawali '&' atau '*' dengan tanda kutip"),
    (r"while scanning a (double-)?quoted scalar", "tanda kutip tidak ditutup dengan benar"),
]
_UNCLOSED = r"found unexpected end of stream|found unexpected document|expected ',' or"
_GENERAL = ("YAML tidak dapat dibaca di sini; periksa tanda baca (':', '-', '[', '{', tanda kutip) dan"
            " indentasi, atau apit teks dengan tanda kutip")


def _translate(problem: str, context: str) -> str:
    for text in (problem, context):
        for pattern, message in _HINTS:
            match = re.match(pattern, text)
            if match:
                return message.replace("{0}", match.group(1) or "") if match.groups() else message
    return _GENERAL


def parse_yaml(text: str, source: Source):
    """Parse YAML text; `source.line` is the line offset of the text inside its file."""
    if len(text) > MAX_CHARS:
        raise HandbookError([Problem(Source(source.path, source.line + 1),
                                     f"isi YAML terlalu besar (lebih dari {MAX_CHARS // 1_000_000} juta"
                                     " karakter); berkas proyek ini biasanya hanya puluhan ribu karakter")])
    # Tabs and control characters: libyaml accepts some that PyYAML refuses (and we explain).
    if _FAST and "\t" not in text and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        try:
            return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - safe constructors only
        except yaml.YAMLError:
            pass  # read again below, for PyYAML's message
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from SafeLoader
    except _Refused as e:
        raise _located(source, e.problem_mark.line, e.problem) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line if mark else 0
        if e.context_mark and re.match(_UNCLOSED, e.problem or ""):
            line = e.context_mark.line  # where the unclosed quote, '[' or '{' opened
        raise _located(source, line, _translate(e.problem or "", e.context or "")) from None
    except yaml.reader.ReaderError as e:  # a character YAML does not allow (control characters)
        line = text[: e.position].count("\n")
        code = f"U+{e.character:04X}" if isinstance(e.character, int) else "tak dikenal"
        raise _located(source, line, f"karakter kendali ({code}) tidak boleh ada di berkas ini;"
                                     " hapus karakter itu") from None
    except yaml.YAMLError:
        raise _located(source, 0, _GENERAL) from None


def _located(source: Source, line: int, message: str) -> HandbookError:
    """A problem at 0-based `line` of the text, counted from the text's place in its file."""
    return HandbookError([Problem(Source(source.path, source.line + line + 1), message)])


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
