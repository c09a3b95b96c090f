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
# libyaml's loader when PyYAML has it: the pure-Python one took ~15 ms of every build's start.
RULES = yaml.load(RULES_FILE.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

EXCEPTIONS: dict[str, str] = RULES["exceptions"]
# Patterns are compiled once, as in stemmer.js: looking each one up in re's cache on every call
# took a third of the stemmer's time, which is a good part of building the search index.
PREFIX_RULES = [(kind, re.compile(pattern), drop, restore)  # (kind, pattern, drop, restore)
                for kind, pattern, drop, restore in RULES["prefix_rules"]]
KE_CONFIX, I_SUFFIX = re.compile(RULES["ke_confix"]), re.compile(RULES["i_suffix"])
FIRST_KINDS, SECOND_KINDS = tuple(RULES["first_kinds"]), tuple(RULES["second_kinds"])
NOUN_KINDS, I_KINDS = tuple(RULES["noun_kinds"]), tuple(RULES["i_kinds"])
PARTICLES, POSSESSIVES = tuple(RULES["particles"]), tuple(RULES["possessives"])
SUFFIXES, NOUN_SUFFIXES = tuple(RULES["suffixes"]), tuple(RULES["noun_suffixes"])
COMBINING = re.compile(RULES["combining"])
SEPARATORS, DIGIT = re.compile(r"[^a-z0-9]+"), re.compile("[0-9]")
_EXCEPTION_KEYS = tuple(EXCEPTIONS)


def browser_script() -> str:
    """assets/javascripts/cari-stemmer.js: the browser's stemmer with these rules inlined (a plain
    script, so it also works from file://, where a separate rules file could not be fetched)."""
    import json

    rules = json.dumps(RULES, ensure_ascii=True, separators=(",", ":"))
    script = BROWSER_SCRIPT.read_text(encoding="utf-8")
    return script.replace("/* RULES */ null", rules, 1)


def tokens(text: str) -> list[str]:
    """Lowercase ASCII-folded words: anything but a-z and 0-9 (hyphens included) separates."""
    text = COMBINING.sub("", unicodedata.normalize("NFKD", text).lower())
    return [tok for tok in SEPARATORS.split(text) if tok]


def _exception(word: str) -> str | None:
    if not word.endswith(_EXCEPTION_KEYS):  # one test for all keys: most words are none of them
        return None
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
        if kind in kinds and pattern.search(word):
            rest = restore + word[drop:]
            if len(rest) <= 3 or (kind == "ke" and not KE_CONFIX.search(word)):
                break
            return rest, kind, restore != ""
    return word, None, False


def _strip_suffix(word: str, kind: str | None) -> str:
    rest = _strip_ending(word, NOUN_SUFFIXES if kind in NOUN_KINDS else SUFFIXES)
    if rest == word and kind in I_KINDS and I_SUFFIX.search(word):
        rest = _strip_ending(word, ("i",))
    return rest


def stem(word: str) -> str:
    """Stem one lowercase token; short tokens and tokens with digits are returned unchanged."""
    if len(word) <= 3 or DIGIT.search(word):
        return word
    if (hit := _exception(word)) is not None:
        return hit
    word = _strip_ending(word, PARTICLES)
    if (hit := _exception(word)) is not None:
        return hit
    word = _strip_ending(word, POSSESSIVES)
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
