"""Ids name folders and files (site/<edition>/, <edition>.zip, katalog/<part>/<id>.html), so they
must be safe on every system a handbook is unzipped on, Windows included."""

from __future__ import annotations

import re

PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_LENGTH = 100  # with the folders around it, a path stays well below Windows' 260 characters
# Device names Windows refuses as a file or folder name (with any extension).
CHARACTERS = "pakai huruf kecil, angka, dan tanda '-' saja"
RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}


def id_problem(value: str) -> str | None:
    """Why `value` cannot be an id (Indonesian, to follow "id '...' tidak sah: "), or None."""
    if not PATTERN.match(value):
        return CHARACTERS
    if len(value) > MAX_LENGTH:
        return f"terlalu panjang ({len(value)} karakter, paling banyak {MAX_LENGTH})"
    if value in RESERVED:
        return ("nama ini dipakai Windows untuk perangkat (con, prn, aux, nul, com0-9, lpt0-9), jadi"
                " berkasnya tidak bisa dibuka di Windows; pilih nama lain")
    return None


def shown(value: str, limit: int = 40) -> str:
    """An id as quoted in a message, shortened when it is very long."""
    return value if len(value) <= limit else value[:limit] + "…"
