"""When each source file last changed, for the "Terakhir diperbarui" line of the pages made from it.

The date of a file's last commit when it is committed unchanged, so every checkout of the same
commit shows the same dates; the file's own modification time when it is new or edited (or the
project is not a git repository).
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")


class SourceDates:
    """When source files last changed, for one build (the shared pages and every edition's own):
    git is asked once per folder."""

    def __init__(self):
        self._git: dict[Path, tuple[dict[str, datetime.date], set[str]]] = {}

    def of(self, root: Path, paths: list[str]) -> dict[str, datetime.date]:
        """Date of the last change of each path (POSIX, relative to `root`)."""
        if root not in self._git:
            self._git[root] = _git_dates(root)
        committed, dirty = self._git[root]
        out = {}
        for path in paths:
            if path in committed and path not in dirty:
                out[path] = committed[path]
            elif (root / path).is_file():
                out[path] = datetime.date.fromtimestamp((root / path).stat().st_mtime)
        return out


def indonesian(date: datetime.date) -> str:
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def _git_dates(root: Path) -> tuple[dict[str, datetime.date], set[str]]:
    """(last commit date per file, files changed since) from two git calls; empty without git."""
    def git(*args) -> str | None:
        try:
            result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                                    timeout=60)
        except (OSError, subprocess.SubprocessError):
            return None
        return result.stdout if result.returncode == 0 else None

    prefix = git("rev-parse", "--show-prefix")
    log = git("log", "--format=@%cs", "--name-only", "--relative", "--", ".")
    status = git("status", "--porcelain", "--untracked-files=all", "--", ".")
    if prefix is None or log is None or status is None:
        return {}, set()
    dates: dict[str, datetime.date] = {}
    current = None
    for line in log.splitlines():
        if line.startswith("@"):
            current = datetime.date.fromisoformat(line[1:])
        elif line and current and line not in dates:
            dates[line] = current  # the log is newest first
    dirty = {line[3:].strip('"').removeprefix(prefix) for line in status.splitlines() if len(line) > 3}
    return dates, dirty
