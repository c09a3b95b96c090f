"""One build at a time into an output folder, and one at a time in a project (its build/ folder
holds the staged sites and the PDF cache): a second build waits for the first and says so.

On POSIX the lock is an flock on a small file, released by the system even when a build is
killed. Elsewhere (Windows) the lock file is created exclusively and holds its owner's process id;
a lock whose process is gone is taken over.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

POLL_SECONDS = 0.5  # how often the fallback looks whether the lock is free


@contextlib.contextmanager
def build_lock(out_dir: Path, root: Path):
    """Hold the output folder's lock, then the project's (always in this order, so two builds
    never wait for each other)."""
    with exclusive(out_dir.parent / f".{out_dir.name}.lock", f"folder keluaran {out_dir.name}/"), \
            exclusive(root / "build" / ".lock", "folder build/ proyek ini"):
        yield


@contextlib.contextmanager
def exclusive(lock_file: Path, what: str):
    """Hold an exclusive lock on `lock_file` (created if needed); `what` names it while waiting."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        with _exclusive_file(lock_file, what):
            yield
        return
    said = False
    while True:
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not said:
                _say_waiting(what, _pid_in(os.pread(fd, 32, 0)))
                said = True
            fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            if os.fstat(fd).st_ino == os.stat(lock_file).st_ino:
                break
        except FileNotFoundError:
            pass
        os.close(fd)  # the holder removed that file as it finished: lock the current one
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        lock_file.unlink(missing_ok=True)  # while still locked, so no one else holds this file
        os.close(fd)


@contextlib.contextmanager
def _exclusive_file(lock_file: Path, what: str):
    said = False
    while True:
        try:
            fd = os.open(lock_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            break
        except FileExistsError:
            try:
                owner = _pid_in(lock_file.read_bytes())
                age = time.time() - lock_file.stat().st_mtime
            except OSError:
                continue  # removed meanwhile: try again
            if (not alive(owner)) if owner is not None else age > 10:
                lock_file.unlink(missing_ok=True)  # its build was killed (before writing its id)
                continue
            if not said:
                _say_waiting(what, owner)
                said = True
            time.sleep(POLL_SECONDS)
    try:
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        yield
    finally:
        lock_file.unlink(missing_ok=True)


def _pid_in(data: bytes) -> int | None:
    text = data.decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else None


def _say_waiting(what: str, owner: int | None) -> None:
    who = f"Build lain (proses {owner})" if owner else "Build lain"
    print(f"{who} sedang memakai {what}; menunggu sampai selesai… (tekan Ctrl+C untuk batal)",
          file=sys.stderr, flush=True)


def alive(pid: int) -> bool:
    """Whether a process with this id is running."""
    if os.name == "nt":  # os.kill(pid, 0) would stop the process there
        import ctypes

        kernel = ctypes.windll.kernel32
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
