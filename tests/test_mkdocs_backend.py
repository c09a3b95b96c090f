"""The in-process MkDocs speed-ups change nothing: a multi-edition build gives, byte for byte, the
pages a plain `mkdocs build` makes of each staged folder, also when a memo is reused, and a change
of Markdown settings (mdx_configs) is not answered from the memo."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from generator import mkdocs_backend
from generator.build import build_editions
from generator.mkdocs_backend import build_mkdocs
from tests.conftest import copy_project
from tests.test_editions import add_editions

pytestmark = pytest.mark.skipif(not mkdocs_backend.speedups_apply(),
                                reason="speed-ups are off with other mkdocs versions")
# One MkDocs run builds the shared tree of every edition; a second build in the same process (as in
# `serve`, or a rebuild after one guide changed) converts only the changed page again.
EDITIONS = ["jawa-barat", "20200003"]


def plain_mkdocs(stage: Path, out: Path) -> Path:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(stage / "mkdocs.yml"),
                    "-d", str(out)], check=True, capture_output=True)
    return out


def differences(plain: Path, ours: Path) -> list[str]:
    """Files of the plain build that our build lacks or has with other bytes (our build drops
    source maps and lunr's files, which no page loads; sitemap.xml.gz is compared unzipped)."""
    out = []
    for path in sorted(plain.rglob("*")):
        rel = path.relative_to(plain).as_posix()
        if path.is_dir() or rel.endswith(".map") or rel.startswith(("assets/javascripts/lunr/",
                                                                    "assets/javascripts/workers/")):
            continue
        if rel.startswith("edisi/templat/") or rel.startswith("sitemap.xml"):
            continue  # the edition page template is taken out of the shared tree (and its sitemap)
        mine = ours / rel
        read = (lambda p: gzip.decompress(p.read_bytes())) if rel.endswith(".gz") else Path.read_bytes
        if not mine.is_file() or read(mine) != read(path):
            out.append(rel)
    return out


@pytest.fixture(scope="module")
def editions_build(tmp_path_factory):
    project = add_editions(copy_project(tmp_path_factory.mktemp("mkdocs") / "proyek"))
    build_editions(project, project / "site", EDITIONS, jobs=1, pdf=False)
    faq = project / "content/faq.md"
    faq.write_text(faq.read_text(encoding="utf-8") + "\nSatu kalimat baru.\n", encoding="utf-8")
    hits = mkdocs_backend._RENDERED.hits
    build_editions(project, project / "site", EDITIONS, jobs=1, pdf=False)
    return project, mkdocs_backend._RENDERED.hits - hits


def test_multi_edition_build_equals_plain_mkdocs_of_its_stage(editions_build, tmp_path):
    project, hits = editions_build
    assert hits > 0  # the second build reused the pages that did not change
    plain = plain_mkdocs(project / "build/stage/nasional", tmp_path / "plain")
    assert differences(plain, project / "site") == []
    assert "Satu kalimat baru." in (project / "site/faq.html").read_text(encoding="utf-8")


def test_changed_markdown_settings_are_not_answered_from_the_memo(editions_build, tmp_path):
    project, _ = editions_build
    stage = project / "build/stage/nasional"
    config = stage / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "permalink: true" in text
    config.write_text(text.replace("permalink: true", "permalink: '#'"), encoding="utf-8")
    build_mkdocs(stage, tmp_path / "ours", {})
    assert differences(plain_mkdocs(stage, tmp_path / "plain"), tmp_path / "ours") == []
    # the setting did change pages
    assert (project / "site/faq.html").read_bytes() != (tmp_path / "ours/faq.html").read_bytes()


def test_compiled_templates_are_kept_between_builds_and_an_edited_one_is_compiled_again(tmp_path):
    """The second build of a project reads mkdocs-material's compiled templates from
    build/cache/ instead of compiling them (its entries are not written again); an edited theme
    template is compiled afresh, and the pages still equal a plain `mkdocs build`."""
    from generator.build import build_site

    project = copy_project(tmp_path / "proyek")
    mkdocs_backend._THEME_TEMPLATES.store.clear()  # as in a new process
    build_site(project, project / "site", pdf=False)
    entries = {p: p.stat().st_mtime_ns for p in (project / "build/cache").glob("jinja-*/*")}
    assert len(entries) > 20
    mkdocs_backend._THEME_TEMPLATES.store.clear()
    main = project / "theme/main.html"
    marker = '<meta name="uji-templat" content="baru">'
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block extrahead %}", "{% block extrahead %}" + marker), encoding="utf-8")
    build_site(project, project / "site", pdf=False)
    rewritten = [p for p, mtime in entries.items() if p.stat().st_mtime_ns != mtime]
    assert len(rewritten) == 1  # the edited main.html only
    assert marker in (project / "site/faq.html").read_text(encoding="utf-8")
    plain = plain_mkdocs(project / "build/stage/nasional", tmp_path / "plain")
    assert differences(plain, project / "site") == []
