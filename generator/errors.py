"""Located problems: collect every problem of a phase, report them all, abort once.

Messages are in Indonesian because coordinators read them; code and comments stay in English.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Source:
    """A place in a project file: POSIX path relative to the project root, 1-based line."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True, order=True)
class Problem:
    source: Source
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class HandbookError(Exception):
    """Invalid input or a failed build; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        self.partial_catalog = None  # set by load_catalog when the ids are still usable
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):  # keep the problems when sent back from a worker process
        return (HandbookError, (self.problems,))


@dataclass
class Problems:
    """Collector used by each phase; `raise_if_any` ends the phase."""

    items: list[Problem] = field(default_factory=list)

    def add(self, source: Source, message: str) -> None:
        self.items.append(Problem(source, message))

    def extend(self, other: Problems | HandbookError) -> None:
        self.items.extend(other.items if isinstance(other, Problems) else other.problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise HandbookError(self.items)


def known_list(names, limit: int = 12) -> str:
    """Return 'a, b, c' (shortened past `limit`) for 'known: ...' hints."""
    names = sorted(str(n) for n in names)  # YAML keys may also be numbers or empty
    shown = ", ".join(names[:limit])
    return shown + (f", … (+{len(names) - limit} lagi)" if len(names) > limit else "")


def did_you_mean(name: str, candidates) -> str:
    """Return ' (maksud Anda 'x'?)' when a close match exists, else ''."""
    import difflib

    match = difflib.get_close_matches(str(name), [str(c) for c in candidates], n=1, cutoff=0.7)
    return f" (maksud Anda '{match[0]}'?)" if match else ""
