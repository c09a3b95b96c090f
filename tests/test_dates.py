"""'Terakhir diperbarui' dates: the last commit of a committed file, the file's own time otherwise."""

from __future__ import annotations

import datetime
import os
import subprocess

from generator.dates import SourceDates, indonesian


def git(root, *args, date="2026-03-04T10:00:00"):
    env = dict(os.environ, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date, GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_committed_files_carry_their_commit_date_and_edited_ones_their_own_time(tmp_path):
    root = tmp_path / "proyek"
    (root / "content").mkdir(parents=True)
    for name in ("a.md", "b.md"):
        (root / "content" / name).write_text("isi\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "one")
    (root / "content/b.md").write_text("isi lain\n", encoding="utf-8")
    os.utime(root / "content/b.md", (datetime.datetime(2026, 5, 6, 12).timestamp(),) * 2)
    (root / "content/c.md").write_text("baru\n", encoding="utf-8")
    os.utime(root / "content/c.md", (datetime.datetime(2026, 7, 8, 12).timestamp(),) * 2)
    dates = SourceDates().of(root, ["content/a.md", "content/b.md", "content/c.md"])
    assert dates == {"content/a.md": datetime.date(2026, 3, 4), "content/b.md": datetime.date(2026, 5, 6),
                     "content/c.md": datetime.date(2026, 7, 8)}
    # The same commit gives the same date whatever the file's time on this disk.
    os.utime(root / "content/a.md", (0, 0))
    assert SourceDates().of(root, ["content/a.md"]) == {"content/a.md": datetime.date(2026, 3, 4)}


def test_without_git_the_files_own_time(tmp_path):
    (tmp_path / "x.yml").write_text("a: 1\n", encoding="utf-8")
    os.utime(tmp_path / "x.yml", (datetime.datetime(2026, 1, 31, 12).timestamp(),) * 2)
    assert SourceDates().of(tmp_path, ["x.yml", "tidak-ada.yml"]) == {"x.yml": datetime.date(2026, 1, 31)}
    assert indonesian(datetime.date(2026, 1, 31)) == "31 Januari 2026"
