"""The README's reference tables stay in step with the code: every command and option of the
command line, every key of site_config.yml, catalog/katalog.yml and a guide's front matter has a
row, and every row names something the code accepts (with the same 'Wajib' where the code says
which keys are required).

The tables are found by their first header cell and read generically: a new key or option needs
only its README row, not a change here.
"""

from __future__ import annotations

import argparse
import re

import pytest

from tests.conftest import ROOT

README = ROOT / "README.md"


def tables(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """Every Markdown table of `text`: its header cells and its body rows (cells stripped)."""
    found, lines = [], text.splitlines()
    for number, line in enumerate(lines[:-1]):
        is_header = (line.startswith("|") and not (number and lines[number - 1].startswith("|"))
                     and re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", lines[number + 1].strip()))
        if is_header:
            rows = []
            for row in lines[number + 2:]:
                if not row.startswith("|"):
                    break
                rows.append(_cells(row))
            found.append((_cells(line), rows))
    return found


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _code(cell: str) -> str:
    """The first `code span` of a cell ('' when there is none)."""
    match = re.search(r"`([^`]+)`", cell)
    return match.group(1) if match else ""


@pytest.fixture(scope="module")
def readme_tables() -> list[tuple[list[str], list[list[str]]]]:
    return tables(README.read_text(encoding="utf-8"))


def _table(readme_tables, *header: str) -> list[list[str]]:
    """The rows of the one README table whose header starts with these cells."""
    matching = [rows for cells, rows in readme_tables if cells[:len(header)] == list(header)]
    assert len(matching) == 1, f"README needs one table headed {' | '.join(header)} (found {len(matching)})"
    return matching[0]


# --- command line ------------------------------------------------------------------------------

def cli_options() -> dict[str, set[str]]:
    """Each command ('' for the options before any command) -> its options and arguments, as the
    README writes them: an option by its long name, an argument by its metavar. Hidden options
    (argparse.SUPPRESS) and --help are left out."""
    from generator.cli import _parser

    def of(parser: argparse.ArgumentParser) -> set[str]:
        names = set()
        for action in parser._actions:
            if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)) \
                    or action.help == argparse.SUPPRESS:
                continue
            names.add(max(action.option_strings, key=len) if action.option_strings
                      else action.metavar or action.dest.upper())
        return names

    parser = _parser()
    commands = {"": of(parser)}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            commands.update({name: of(sub) for name, sub in action.choices.items()})
    return commands


def test_cli_table_lists_every_command_and_option(readme_tables):
    documented: dict[str, set[str]] = {}
    for command, option, *_ in _table(readme_tables, "Perintah", "Opsi"):
        words = _code(command).split()
        assert words[:1] == ["handbook"], f"README row {command!r}: write the command as `handbook ...`"
        documented.setdefault(" ".join(words[1:]), set()).update(
            {_code(option).split()[0]} if _code(option) else set())
    accepted = cli_options()

    def pairs(table: dict[str, set[str]]) -> set[str]:
        return {f"{c} {o}".strip() for c, options in table.items() for o in options or [""]}

    assert sorted(pairs(accepted) - pairs(documented)) == [], "accepted but without a README row"
    assert sorted(pairs(documented) - pairs(accepted)) == [], "in the README but not accepted"


def test_every_command_line_in_the_readme_is_accepted():
    """Examples anywhere in the README (`handbook build --all --zip`, code blocks) name real
    commands and options."""
    commands = cli_options()
    text = README.read_text(encoding="utf-8")
    spans = re.findall(r"`([^`\n]+)`", text) + re.findall(r"```[a-z]*\n(.*?)```", text, re.S)
    checked = 0
    for span in spans:
        for line in span.splitlines():
            match = re.search(r"\bhandbook\s+([a-z]+)(.*)", line)
            if not match:
                continue
            command, rest = match.groups()
            assert command in commands, f"README: {line.strip()!r}: no command {command!r}"
            for option in re.findall(r"(?<![\w-])--[a-z][a-z-]*", rest):
                assert option in commands[command] | commands[""], f"README: {line.strip()!r}: no {option}"
                checked += 1
    assert checked >= 5  # the examples were found


# --- configuration keys --------------------------------------------------------------------------

def site_config_keys() -> dict[str, bool | None]:
    """Every key of site_config.yml as a path (`edisi.kontak.nama`) -> required (None: the code
    keeps no such flag for it)."""
    from generator.audiences import ENTRY_KEYS
    from generator.editions import CONTACT_KEYS, EDITION_KEYS
    from generator.site_config import KEYS

    return {**_paths("", KEYS), **_paths("edisi", EDITION_KEYS), **_paths("edisi.kontak", CONTACT_KEYS),
            **_paths("audiens", ENTRY_KEYS)}


def manifest_keys() -> dict[str, bool | None]:
    from generator.manifest import _PART, _QUESTION, _SHEET, _TOP

    return {**_paths("", _TOP), **_paths("rencana", _PART), **_paths("rencana.isian", _QUESTION),
            **_paths("lembar_kerja", _SHEET)}


def front_matter_keys() -> dict[str, bool | None]:
    from generator.guides import FRONT_MATTER_KEYS

    return _paths("", FRONT_MATTER_KEYS)


def _paths(parent: str, keys) -> dict[str, bool | None]:
    flags = keys if isinstance(keys, dict) else dict.fromkeys(keys)
    return {f"{parent}.{key}" if parent else key: required for key, required in flags.items()}


@pytest.mark.parametrize("header, keys", [
    ("Kunci `site_config.yml`", site_config_keys),
    ("Kunci `catalog/katalog.yml`", manifest_keys),
    ("Kunci front matter", front_matter_keys),
])
def test_key_table_matches_what_the_loader_accepts(readme_tables, header, keys):
    rows = {_code(row[0]): row[1] for row in _table(readme_tables, header, "Wajib")}
    accepted = keys()
    assert sorted(accepted.keys() - rows.keys()) == [], "accepted but without a README row"
    assert sorted(rows.keys() - accepted.keys()) == [], "in the README but not accepted"
    wrong = [key for key, required in accepted.items()
             if required is not None and (rows[key] == "ya") != required]
    assert wrong == [], "'Wajib' in the README differs from the loader for these keys"


def test_tables_are_read_generically():
    """The reader itself: header detection, rows up to the first non-table line, code spans."""
    text = ("Teks\n\n| Kunci `x` | Wajib | Isi |\n|---|---|---|\n| `a` | ya | satu |\n"
            "| `b.c` | tidak | dua |\n"
            "\nlain\n| Perintah | Gunanya |\n|:--|--:|\n| `handbook check` | periksa |\n")
    found = tables(text)
    assert found == [(["Kunci `x`", "Wajib", "Isi"], [["`a`", "ya", "satu"], ["`b.c`", "tidak", "dua"]]),
                     (["Perintah", "Gunanya"], [["`handbook check`", "periksa"]])]
    assert _table(found, "Perintah") == [["`handbook check`", "periksa"]]
    assert _code(found[0][1][1][0]) == "b.c" and _code("tanpa kode") == ""
