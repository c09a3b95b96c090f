"""What a process remembers between editions and builds: bounded memos, and compiled Jinja
templates, which are also kept in the project's build/cache/ folder from one build to the next."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import jinja2

MEMO_LIMIT = 4096  # entries per memo: several editions of ~100 pages, ~70 theme templates


class Bounded(dict):
    """A dict that forgets its oldest entries past `limit` (memos must not grow without end)."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit
        self.hits = 0  # how often a memo was used (tests check that it is)

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        while len(self) > self.limit:
            del self[next(iter(self))]


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates of one Jinja environment, kept for the life of the process and, during a
    build (see `kept_in`), in the project's build/cache/jinja-<version>/ folder.

    Compiling is most of the work of rendering a template once: without this cache every build
    compiled mkdocs-material's ~70 templates and our ~40 page and worksheet templates again. Jinja
    keys each entry on the template's name and file and checks a checksum of its source, so an
    edited template is compiled afresh; the folder's name holds the Jinja version (its bytecode
    header holds Python's).
    """

    folder: Path | None = None  # shared by every environment's cache; set by kept_in()

    def __init__(self, namespace: str):
        self.namespace = namespace
        self.store = Bounded(MEMO_LIMIT)

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        # Environments with other settings (autoescape, trim_blocks) compile the same file into
        # other code, so each keeps entries of its own.
        return f"{self.namespace}-{super().get_cache_key(name, filename)}"

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])
        elif self.folder is not None:
            try:
                with open(self.folder / bucket.key, "rb") as f:
                    bucket.load_bytecode(f)  # a stale or foreign entry leaves it empty
            except OSError:
                pass

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = code = bucket.bytecode_to_string()
        if self.folder is not None:
            _write(self.folder / bucket.key, code)


@contextlib.contextmanager
def kept_in(folder: Path):
    """Keep compiled templates in `folder` (a project's build/cache/) while in this block."""
    previous = TemplateCache.folder
    TemplateCache.folder = folder / f"jinja-{jinja2.__version__}"
    try:
        yield
    finally:
        TemplateCache.folder = previous


def _write(path: Path, code: bytes) -> None:
    """Write one entry whole or not at all (another build may be reading it)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}")
        temp.write_bytes(code)
        os.replace(temp, path)
    except OSError:
        pass  # the cache is an optimisation only
