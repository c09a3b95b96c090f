"""A small rule-based Indonesian stemmer for the search index (no dictionary).

It follows the confix-stripping idea of the Tala / Nazief-Adriani family: particle, possessive,
derivational prefix (with meN-/peN- recoding), derivational suffix, then one inner prefix.
The rules (tables and exception list) are data in stemmer_rules.yml, read here and inlined into
the browser's copy of the algorithm (stemmer.js, served as assets/javascripts/cari-stemmer.js),
which stems the reader's query; tests/test_stemmer.py checks that both agree on random words too.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

RULES_FILE = Path(__file__).with_name("stemmer_rules.yml")
BROWSER_SCRIPT = Path(__file__).with_name("stemmer.js")
RULES = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))

EXCEPTIONS: dict[str, str] = RULES["exceptions"]
PREFIX_RULES = [tuple(rule) for rule in RULES["prefix_rules"]]  # (kind, pattern, drop, restore)
KE_CONFIX = RULES["ke_confix"]
FIRST_KINDS, SECOND_KINDS = tuple(RULES["first_kinds"]), tuple(RULES["second_kinds"])
NOUN_KINDS, I_KINDS = tuple(RULES["noun_kinds"]), tuple(RULES["i_kinds"])
COMBINING = RULES["combining"]


def browser_script() -> str:
    """assets/javascripts/cari-stemmer.js: the browser's stemmer with these rules inlined (a plain
    script, so it also works from file://, where a separate rules file could not be fetched)."""
    import json

    rules = json.dumps(RULES, ensure_ascii=True, separators=(",", ":"))
    script = BROWSER_SCRIPT.read_text(encoding="utf-8")
    return script.replace("/* RULES */ null", rules, 1)


def tokens(text: str) -> list[str]:
    """Lowercase ASCII-folded words: anything but a-z and 0-9 (hyphens included) separates."""
    text = re.sub(COMBINING, "", unicodedata.normalize("NFKD", text).lower())
    return [tok for tok in re.split(r"[^a-z0-9]+", text) if tok]


def _exception(word: str) -> str | None:
    for key, value in EXCEPTIONS.items():
        if word.endswith(key):
            return value
    return None


def _strip_ending(word: str, endings: tuple) -> str:
    """Remove the first matching ending if more than 3 letters remain."""
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) > 3:
            return word[: -len(ending)]
    return word


def _strip_prefix(word: str, kinds: tuple) -> tuple[str, str | None, bool]:
    """Remove one prefix of an allowed kind: (rest, kind, restored a letter) or (word, None, False)."""
    for kind, pattern, drop, restore in PREFIX_RULES:
        if kind in kinds and re.search(pattern, word):
            rest = restore + word[drop:]
            if len(rest) <= 3 or (kind == "ke" and not re.search(KE_CONFIX, word)):
                break
            return rest, kind, restore != ""
    return word, None, False


def _strip_suffix(word: str, kind: str | None) -> str:
    rest = _strip_ending(word, tuple(RULES["noun_suffixes"] if kind in NOUN_KINDS else RULES["suffixes"]))
    if rest == word and kind in I_KINDS and re.search(RULES["i_suffix"], word):
        rest = _strip_ending(word, ("i",))
    return rest


def stem(word: str) -> str:
    """Stem one lowercase token; short tokens and tokens with digits are returned unchanged."""
    if len(word) <= 3 or re.search("[0-9]", word):
        return word
    if (hit := _exception(word)) is not None:
        return hit
    word = _strip_ending(word, tuple(RULES["particles"]))
    if (hit := _exception(word)) is not None:
        return hit
    word = _strip_ending(word, tuple(RULES["possessives"]))
    if (hit := _exception(word)) is not None:
        return hit
    word, kind, restored = _strip_prefix(word, FIRST_KINDS)
    if (hit := _exception(word)) is not None:
        return hit
    word = _strip_suffix(word, kind)
    if (hit := _exception(word)) is not None:
        return hit
    # A restored letter starts the root, so nothing after it is a prefix (pemeriksa -> periksa).
    if kind is not None and not restored:
        word = _strip_prefix(word, SECOND_KINDS)[0]
    return _exception(word) or word
