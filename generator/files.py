"""Which files in the project folders are ours to read: editors and file managers leave others.

Emacs lock files (`.#name`, often dangling links), macOS metadata (`._name`, `.DS_Store`), backup
copies (`name~`), swap files and any other dot-file or dot-folder are ignored everywhere we read
(content/, catalog/, theme/, editions/*/content), as are Windows' `Thumbs.db` and `desktop.ini`.
"""

from __future__ import annotations

from pathlib import Path

_SYSTEM_FILES = {"thumbs.db", "desktop.ini"}


def ignored(name: str) -> bool:
    """Whether a file or folder name belongs to an editor or the system, not to the project."""
    return name.startswith(".") or name.endswith("~") or name.lower() in _SYSTEM_FILES


def project_files(folder: Path, pattern: str) -> list[Path]:
    """Files under `folder` matching the glob `pattern`, sorted, without ignored ones (at any depth)."""
    return sorted(path for path in folder.glob(pattern)
                  if not path.is_dir() and not any(ignored(part) for part in path.relative_to(folder).parts))


def check_readable(root: Path, folder: str) -> None:
    """Every project file under `root/folder` can be read (a dangling link or a file without read
    permission would only fail later, in the middle of a build); raise HandbookError listing them."""
    from generator.errors import Problems, Source

    problems = Problems()
    for path in project_files(root / folder, "**/*"):
        try:
            with path.open("rb"):
                pass
        except OSError as e:
            problems.add(Source(path.relative_to(root).as_posix()),
                         f"berkas tidak dapat dibaca ({_reason(e)}); hapus atau perbaiki berkas ini")
    problems.raise_if_any()


def _reason(error: OSError) -> str:
    import errno

    return {errno.ENOENT: "tautan ke berkas yang tidak ada", errno.EACCES: "tidak ada izin membaca",
            errno.ELOOP: "tautan berputar"}.get(error.errno, "galat sistem berkas")


def ignore_for_copy(folder: str, names: list[str]) -> list[str]:
    """`shutil.copytree(..., ignore=ignore_for_copy)`: leave out ignored files and folders."""
    return [name for name in names if ignored(name)]
