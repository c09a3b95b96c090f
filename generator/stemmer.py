"""A small rule-based Indonesian stemmer for the search index (no dictionary).

It follows the confix-stripping idea of the Tala / Nazief-Adriani family: particle, possessive,
derivational prefix (with meN-/peN- recoding), derivational suffix, then one inner prefix.
The same algorithm, rule tables and exception list live in theme/assets/javascripts/cari-stemmer.js,
which stems the reader's query in the browser; tests/test_stemmer.py checks that both agree.
Change a rule here, change it there.
"""

from __future__ import annotations

import re
import unicodedata

# Words the rules get wrong (word -> stem). A key also matches the end of a longer word, and it is
# looked up before every step, so prefixed and inflected forms reach it too (bersekolah,
# berperilaku, sekolahnya, penilainya). Keep the keys long, and none the ending of another.
EXCEPTIONS = {
    "perilaku": "perilaku",    # not per- + ilaku
    "menilai": "nilai",        # men- + vowel is t- elsewhere (menulis -> tulis)
    "penilaian": "nilai",      # same for pen-
    "penilai": "nilai",
    "memiliki": "milik",       # mem- + vowel is p- elsewhere (memilih -> pilih)
    "memulai": "mulai",
    "sekolah": "sekolah",      # -lah, -kah are particles elsewhere
    "masalah": "masalah",
    "langkah": "langkah",
    "bertanya": "tanya",       # -nya, -ku, -mu are possessives elsewhere
    "berlaku": "laku",
    "bertemu": "temu",
    "disiplin": "disiplin",    # di- is the passive prefix elsewhere
    "dialog": "dialog",
    "mentoring": "mentoring",  # an English loan, not men- + toring
}

# Prefix rules, first match wins: (kind, pattern, letters to drop, letter to restore).
# The patterns are plain regular expressions that mean the same in Python and JavaScript.
C = "[b-df-hj-np-tv-z]"  # a consonant
PREFIX_RULES = [
    ("me", "^meny[aeiou]", 4, "s"),      # menyusun -> susun
    ("me", "^menge", 4, "k"),            # mengelola -> kelola (mengamati keeps its vowel)
    ("me", "^meng[aiou]", 4, ""),        # mengamati -> amati, mengajar -> ajar
    ("me", "^meng[ghkx]", 4, ""),        # menggunakan -> gunakan
    ("me", "^mem[bfpv]", 3, ""),         # membimbing -> bimbing
    ("me", "^mem[aeiou]", 3, "p"),       # memilih -> pilih
    ("me", "^men[cdjtz]", 3, ""),        # mendukung -> dukung
    ("me", "^men[aeiou]", 3, "t"),       # menuntaskan -> tuntaskan
    ("me", "^me[lrwy]", 2, ""),          # melatih -> latih, merencanakan -> rencanakan
    ("pe", "^peny[aeiou]", 4, "s"),      # peN- mirrors meN-
    ("pe", "^penge", 4, "k"),            # pengelolaan -> kelolaan
    ("pe", "^peng[aiou]", 4, ""),        # pengamatan -> amatan
    ("pe", "^peng[ghkx]", 4, ""),
    ("pe", "^pem[bfpv]", 3, ""),         # pembimbingan -> bimbingan
    ("pe", "^pem[aeiou]", 3, "p"),       # pemimpin -> pimpin
    ("pe", "^pen[cdjtz]", 3, ""),
    ("pe", "^pen[aeiou]", 3, "t"),
    ("pe", "^pelajar", 3, ""),           # pel- exists only before ajar: pelajaran -> ajaran
    ("per", "^pere", 2, ""),             # r-initial roots: perencanaan -> rencanaan
    ("per", "^per", 3, ""),              # perbaikan -> baikan
    ("pe", "^pe" + C + "er", 2, ""),     # pe- before C+er: pekerjaan, peserta
    ("pe", "^pe[lrwy]", 2, ""),          # pelatihan -> latihan
    ("ber", "^belajar", 3, ""),          # bel- exists only before ajar
    ("ber", "^be" + C + "er", 2, ""),    # be- before C+er: bekerja -> kerja
    ("ber", "^bere", 2, ""),             # r-initial roots: berencana -> rencana
    ("ber", "^ber", 3, ""),
    ("ter", "^tere", 2, ""),
    ("ter", "^ter", 3, ""),
    ("di", "^di(?!s" + C + ")", 2, ""),  # not in loans: diskusi, distribusi
    ("ke", "^ke", 2, ""),                # only in the ke-...-an confix, see KE_CONFIX
]
# ke- without -an belongs to the root (kelola, kepala); a consonant before -kan means the root
# takes -kan (kembangkan, kelompokkan), while kebijakan is ke- + bijak + -an.
KE_CONFIX = "([aeiou]k|[^k])an$"
FIRST_KINDS = ("me", "pe", "per", "ber", "ter", "di", "ke")
# Only these may be the inner prefix of two (di-per-, ke-ter-, pem-bel-, ke-pem-, mem-per-).
SECOND_KINDS = ("pe", "per", "ber", "ter")
# Nouns in peN- and ke- take -an, never -kan (kebijakan -> bijak, not bija).
NOUN_KINDS = ("pe", "ke")
# Suffix -i marks a verb, so it follows me-, di-, ter- and per- only (not ber-, ke-, peN-).
I_KINDS = ("me", "di", "ter", "per")
# The combining-mark blocks, spelt out so that Python and JavaScript drop exactly the same characters.
COMBINING = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"


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
    rest = _strip_ending(word, ("an",) if kind in NOUN_KINDS else ("kan", "an"))
    # -i never after a or s: roots in -ai (nilai, sampai) and loans in -si (observasi) are common.
    if rest == word and kind in I_KINDS and re.search("[^as]i$", word):
        rest = _strip_ending(word, ("i",))
    return rest


def stem(word: str) -> str:
    """Stem one lowercase token; short tokens and tokens with digits are returned unchanged."""
    if len(word) <= 3 or re.search("[0-9]", word):
        return word
    if (hit := _exception(word)) is not None:
        return hit
    word = _strip_ending(word, ("lah", "kah", "tah", "pun"))  # particle
    if (hit := _exception(word)) is not None:
        return hit
    word = _strip_ending(word, ("ku", "mu", "nya"))  # possessive
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
