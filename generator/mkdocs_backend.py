"""Everything MkDocs-specific: the staged project (mkdocs.yml + docs/), the build and live preview.

The staged folder is a plain MkDocs project that `mkdocs build` accepts with no plugin of ours, so
another renderer that reads mkdocs.yml and Markdown (e.g. Zensical) can replace this module.
"""

from __future__ import annotations

import html
import logging
import shutil
from pathlib import Path

import yaml

from generator.caches import MEMO_LIMIT, Bounded, TemplateCache
from generator.errors import HandbookError, Problem, Source
from generator.files import ignore_for_copy
from generator.render import MARKDOWN_EXTENSIONS, NavNode, Rendered

THEME_DIR = "theme"


def assemble_mkdocs_config(rendered: Rendered) -> dict:
    """Return the mkdocs.yml settings for a staged handbook."""
    # Themes print these into HTML unescaped; an edition's name is data, not markup.
    return {
        "site_name": html.escape(rendered.site_title),
        "site_description": html.escape(rendered.site_description),
        "copyright": html.escape(rendered.footer),
        "docs_dir": "docs",
        "site_dir": "site",
        # Links end in .html so the site also works opened from disk (file://) or a USB stick.
        "use_directory_urls": False,
        "strict": True,
        "theme": {
            "name": "material",
            "custom_dir": THEME_DIR,
            "language": "id",
            "font": False,  # no Google Fonts: the handbook must work offline
            "palette": {"scheme": "default", "primary": rendered.primary_colour,
                        "accent": rendered.primary_colour},
            "features": ["navigation.tabs", "navigation.sections", "navigation.indexes",
                         "navigation.top", "navigation.footer", "search.highlight",
                         "search.suggest", "toc.follow"],
        },
        "extra": {"generator": False},
        "extra_css": ["assets/stylesheets/handbook.css"],
        # Shared pages speak to the edition the reader came through (generator/edition_site.py);
        # tables stack into labelled rows on phones.
        "extra_javascript": ["assets/javascripts/edisi.js", "assets/javascripts/tabel.js"],
        # No MkDocs search plugin: the handbook's own search (generator/search.py) stems
        # Indonesian, loads nothing until used, and works from file://.
        "plugins": [],
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "validation": {"omitted_files": "warn", "absolute_links": "warn",
                       "unrecognized_links": "warn", "anchors": "warn"},
        "nav": [_nav_entry(node) for node in rendered.nav],
        "not_in_nav": "\n".join(f"/{page}" for page in rendered.unlisted),
    }


def _nav_entry(node: NavNode):
    if node.path and not node.children:
        return {node.title: node.path}
    children = [_nav_entry(c) for c in node.children]
    # A section's own index page goes first without a title (navigation.indexes).
    if node.children and node.children[0].path and node.children[0].path.endswith("index.md"):
        children[0] = node.children[0].path
    return {node.title: children}


def check_theme(root: Path) -> None:
    """The theme folder's files can be read and its templates parse, so that a broken theme
    fails `check` as it would fail the build; raise HandbookError listing every problem."""
    import jinja2

    from generator.files import check_readable, project_files

    check_readable(root, THEME_DIR)
    problems = []
    for path in project_files(root / THEME_DIR, "**/*.html"):
        try:
            jinja2.Environment().parse(path.read_text(encoding="utf-8"))
        except jinja2.TemplateSyntaxError as e:
            problems.append(_template_problem(path.relative_to(root).as_posix(), e.lineno))
        except UnicodeDecodeError:
            problems.append(Problem(Source(path.relative_to(root).as_posix(), 1),
                                    "berkas bukan teks UTF-8; simpan ulang dengan pengodean UTF-8"))
    if problems:
        raise HandbookError(problems)


def _template_problem(rel: str, line: int | None) -> Problem:
    return Problem(Source(rel, line or 1), "templat tema tidak dapat dipakai: periksa pasangan '{% ... %}'"
                                            " (misalnya 'if' ditutup 'endif') dan '{{ ... }}' di baris ini")


def write_mkdocs_project(rendered: Rendered, stage: Path, theme_src: Path, logo: Path | None,
                         files: dict[str, Path] | None = None) -> None:
    """Write docs/, theme/ and mkdocs.yml into an empty `stage` folder; `files` (site path ->
    project file) are the images and files the guides link to."""
    docs = stage / "docs"
    for page in [*rendered.pages, *rendered.assets]:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8")
    for path, source in (files or {}).items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, docs / path)
    shutil.copytree(theme_src, stage / THEME_DIR, ignore=ignore_for_copy)
    config = assemble_mkdocs_config(rendered)
    if logo is not None:
        target = f"assets/logo{logo.suffix.lower()}"
        (docs / "assets").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(logo, docs / target)
        config["theme"]["logo"] = target
        config["theme"]["favicon"] = target
    (stage / "mkdocs.yml").write_text(
        "# Generated by the handbook generator; edit site_config.yml, catalog/ or content/ instead.\n"
        # libyaml's emitter when PyYAML has it (the pure-Python one is ~8 times slower).
        + yaml.dump(config, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                    sort_keys=False), encoding="utf-8")


# The in-process speed-ups below replace or wrap MkDocs internals; they were written for, and are
# switched on only with, these versions (pinned in pyproject.toml). With others, MkDocs runs as is.
SPEEDUPS_FOR = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.2"}


def speedups_apply() -> bool:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return all(version(name) == wanted for name, wanted in SPEEDUPS_FOR.items())
    except PackageNotFoundError:
        return False


_THEME_TEMPLATES = TemplateCache("theme")


def _install_template_cache() -> None:
    """Give the template environment MkDocs makes for each build a cache of compiled templates
    (generator.caches): compiling mkdocs-material's templates was about a quarter of MkDocs' work
    on the national handbook."""
    from mkdocs.theme import Theme

    if getattr(Theme.get_env, "_handbook_cached", False):
        return
    original = Theme.get_env

    def get_env(theme):
        env = original(theme)
        env.bytecode_cache = _THEME_TEMPLATES
        return env

    get_env._handbook_cached = True
    Theme.get_env = get_env


def _install_theme_files_memo() -> None:
    """List mkdocs-material's static files once per process instead of once per build.

    MkDocs walks every theme folder on each build to find static files; the installed theme does
    not change during a run, so its listing is kept. The staged theme/ folder (ours, small, and
    different for each edition) is still walked every time.
    """
    import fnmatch
    import os
    import re

    from mkdocs import utils
    from mkdocs.structure.files import File, Files

    if getattr(Files.add_files_from_theme, "_handbook_memo", False):
        return
    listings: dict[tuple, list[str]] = Bounded(64)

    def listing(folder: str, config) -> list[str]:
        """The folder's static files as MkDocs lists them: every file but templates, Python,
        dot files, Markdown, translations and the theme's static templates."""
        patterns = [".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*",
                    *(f"*{x}" for x in utils.markdown_extensions), *config.theme.static_templates]
        # One expression for all patterns (fnmatch per file and pattern took most of the walk).
        excluded = re.compile("|".join(fnmatch.translate(p) for p in patterns)).match
        names = []
        for dirpath, _, filenames in os.walk(folder):
            prefix = os.path.relpath(dirpath, folder).replace(os.sep, "/")
            prefix = "" if prefix == "." else f"{prefix}/"
            names += [prefix + name for name in filenames if not excluded((prefix + name).lower())]
        return names

    def add_files_from_theme(files, env, config) -> None:
        seen = set()
        for folder in config.theme.dirs:
            is_installed = not folder.startswith(os.path.dirname(config.config_file_path))
            # What is listed depends on the folder and on the theme's static templates.
            key = (folder, tuple(config.theme.static_templates))
            names = listings.get(key) if is_installed else None
            if names is None:
                names = listing(folder, config)
                if is_installed:
                    listings[key] = names
            for name in names:
                # The first theme folder holding a path wins; docs files win over theme files.
                if name not in seen and name not in files.src_uris:
                    files.append(File(name, folder, config.site_dir, config.use_directory_urls))
                seen.add(name)

    add_files_from_theme._handbook_memo = True
    Files.add_files_from_theme = add_files_from_theme


_RENDERED = Bounded(MEMO_LIMIT)  # converted pages, see _install_markdown_memo


def _install_markdown_memo() -> None:
    """Convert each page's Markdown once per process when editions share it.

    Editions mostly repeat the same pages; MkDocs converts every page of every build. The result
    is reused only when everything the conversion reads is the same: the page's path and URL, its
    Markdown, the site's files and their URLs (link checks and relative links depend on them), the
    Markdown extensions and their settings (`mdx_configs`), and the link validation settings. The
    warnings the conversion logged are logged again on reuse, so strict mode fails the same way.
    """
    import json

    from mkdocs.structure.pages import Page

    if getattr(Page.render, "_handbook_memo", False):
        return
    original, memo, signatures = Page.render, _RENDERED, Bounded(64)

    def files_signature(files) -> int:
        signature = signatures.get(id(files))
        if signature is None or signature[0] is not files:
            signature = signatures[id(files)] = (files, hash(tuple(sorted((f.src_uri, f.url) for f in files))))
        return signature[1]

    def render(page, config, files):
        settings = json.dumps([config["markdown_extensions"], config["mdx_configs"], str(config["validation"]),
                               config["use_directory_urls"]], sort_keys=True, default=repr)
        key = (page.file.src_uri, page.file.url, page.markdown, files_signature(files), settings)
        if key not in memo:
            with _Recorded() as warnings:
                original(page, config, files)
            links = {f.src_uri: v for f, v in (page.links_to_anchors or {}).items()}
            memo[key] = (page.content, page.toc, page._title_from_render, set(page.present_anchor_ids), links,
                         warnings.records)
            return
        memo.hits += 1
        content, toc, title, anchors, links, records = memo[key]
        page.content, page.toc, page._title_from_render = content, toc, title
        page.present_anchor_ids = set(anchors)
        page.links_to_anchors = {files.get_file_from_path(uri): v for uri, v in links.items()}
        for record in records:
            logging.getLogger(record.name).handle(record)

    render._handbook_memo = True
    Page.render = render


class _Recorded(logging.Handler):
    """Records what MkDocs logs at warning level or above while in use (to replay on memo hits)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def __enter__(self):
        logging.getLogger("mkdocs").addHandler(self)
        return self

    def __exit__(self, *exc):
        logging.getLogger("mkdocs").removeHandler(self)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_mkdocs(stage: Path, site_dir: Path, source_of: dict[str, str], root: Path | None = None) -> None:
    """Run `mkdocs build` on a staged project; any warning fails the build (strict mode).

    `source_of` maps staged page paths to project files (relative to `root`) so messages point at
    what to edit, at the line of the link they are about.
    """
    import jinja2
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if speedups_apply():
        _install_template_cache()
        _install_markdown_memo()
        _install_theme_files_memo()
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    previous_level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        config = load_config(config_file=str(stage / "mkdocs.yml"), site_dir=str(site_dir))
        build(config)
    except MkDocsException as e:
        collect.messages.append(str(e))
    except jinja2.TemplateError as e:  # a template of our theme/ folder (staged copy) is broken
        raise HandbookError([_theme_problem(stage, e)]) from None
    finally:
        logger.removeHandler(collect)
        logger.setLevel(previous_level)
    problems = [_mkdocs_problem(m, source_of, root) for m in collect.messages if not m.startswith("Aborted with")]
    if problems:
        raise HandbookError(problems)
    _prune_unused_assets(site_dir)


def _theme_problem(stage: Path, error) -> Problem:
    """Where a template error is, as a place in the project's theme/ folder when it is one of ours
    (syntax errors name their file; for errors while rendering, Jinja's traceback holds it)."""
    import traceback

    theme = (stage / THEME_DIR).resolve()
    places = [(getattr(error, "filename", None), getattr(error, "lineno", None))]
    places += [(f.filename, f.lineno) for f in reversed(traceback.extract_tb(error.__traceback__))]
    for name, line in places:
        if name and Path(name).resolve().is_relative_to(theme):
            return _template_problem(f"{THEME_DIR}/{Path(name).resolve().relative_to(theme).as_posix()}", line)
    return Problem(Source(THEME_DIR), "templat tema tidak dapat dipakai; periksa berkas .html di"
                                      f" {THEME_DIR}/ yang baru diubah")


def _prune_unused_assets(site_dir: Path) -> None:
    """Drop theme files no reader needs: source maps (developer tools only) and lunr's stemmers for
    other languages (the search index is configured for one language and loads none of them).
    This halves every edition and its zip."""
    for source_map in site_dir.rglob("*.map"):
        source_map.unlink()
    # Lunr's stemmers and search worker belong to the search plugin, which is not used.
    shutil.rmtree(site_dir / "assets" / "javascripts" / "lunr", ignore_errors=True)
    shutil.rmtree(site_dir / "assets" / "javascripts" / "workers", ignore_errors=True)


# MkDocs' link checks (strict mode) in Indonesian; group 1 is the link as written in the page.
_LINK_MESSAGES = [
    (r"contains a link '([^']+)', but the doc '[^']+' does not contain an anchor '#([^']+)'",
     "tautan ke '{0}' rusak: bagian '{1}' tidak ada di halaman itu"),
    (r"contains a link '([^']+)', but there is no such anchor on this page",
     "tautan ke '{0}' rusak: bagian itu tidak ada di halaman ini"),
    (r"contains a link '([^']+)', but the target.* is not found",
     "tautan ke '{0}' rusak: halaman atau berkas itu tidak ada"),
    (r"contains an absolute link '([^']+)'", "tautan ke '{0}' harus relatif terhadap halaman ini (tanpa '/' di depan)"),
    (r"contains an unrecognized relative link '([^']+)'",
     "tautan '{0}' tidak dikenali; tautkan ke berkas .md atau tulis alamat lengkap (https://...)"),
    (r"contains a link to '([^']+)' which is excluded", "tautan ke '{0}' menunjuk berkas yang tidak ikut dibangun"),
]


def _mkdocs_problem(message: str, source_of: dict[str, str], root: Path | None) -> Problem:
    """A MkDocs warning as a problem in the project file behind its page, at the link's line when
    it is about a link (generated pages have no project file)."""
    import re

    page = re.search(r"Doc file '([^']+)'", message)
    if page is None:
        return Problem(Source("mkdocs"), f"MkDocs menolak situs ini: {message}")
    rel = source_of.get(page.group(1))
    where = Source(rel or f"(halaman buatan generator: {page.group(1)})")
    for pattern, text in _LINK_MESSAGES:
        match = re.search(pattern, message)
        if match:
            if rel and root is not None:
                where = Source(rel, _line_with(root / rel, match.group(1)))
            return Problem(where, text.format(*match.groups()))
    return Problem(where, f"MkDocs menolak halaman ini: {message}")


def _line_with(path: Path, text: str) -> int:
    """The first line of a file that holds `text` (0 when none does)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    return next((n for n, line in enumerate(lines, 1) if text in line), 0)


def serve_mkdocs(rebuild, site_dir: Path, watch: list[Path], host: str, port: int) -> None:
    """Serve `site_dir` with live reload; `rebuild()` runs whenever a watched path changes."""
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(site_dir))
    for path in watch:
        if path.exists():
            server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
