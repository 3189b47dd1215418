"""A build with nothing to do is skipped: same inputs and an untouched output; anything else builds for real."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from conftest import DEV_CORPUS, BuiltSite, run_build, run_pelican

CORPUS = sorted(DEV_CORPUS.glob("01[0-4]*.txt"))
RECORD = Path("cache") / "news_digest" / "last-build.json"
# Rewritten by every build that runs (the record of written files), never by a skipped one.
MANIFEST = Path("cache") / "news_digest" / "outputs.json"
ARTICLE_PAGE = "en/articles/011_en_rubio-doha-gaza.html"


@pytest.fixture
def built(tmp_path: Path) -> BuiltSite:
    """A site built once, with its last-build record."""
    content = tmp_path / "content"
    content.mkdir()
    for path in CORPUS:
        shutil.copy(path, content / path.name)
    site = run_build(content, tmp_path / "output")
    assert (tmp_path / RECORD).is_file()
    return site


def _modified_times(folder: Path) -> dict[str, int]:
    return {path.relative_to(folder).as_posix(): path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()}


def _ran(site: BuiltSite, manifest_time: int) -> bool:
    """True when the build after `manifest_time` ran (it rewrote the manifest), False when it was skipped."""
    return (site.output.parent / MANIFEST).stat().st_mtime_ns != manifest_time


def test_build_with_no_change_is_skipped_and_leaves_the_output_untouched(built: BuiltSite) -> None:
    manifest_time = (built.output.parent / MANIFEST).stat().st_mtime_ns
    before = _modified_times(built.output)
    # Touching every article changes no byte: inputs are compared by content, not by time.
    for path in built.content.iterdir():
        os.utime(path)
    site = run_build(built.content, built.output)
    assert not _ran(site, manifest_time)
    assert _modified_times(site.output) == before


def test_build_after_an_edit_runs(built: BuiltSite) -> None:
    manifest_time = (built.output.parent / MANIFEST).stat().st_mtime_ns
    edited = built.content / "011_en_rubio-doha-gaza.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nQatar hosted the talks.\n", encoding="utf-8")
    site = run_build(built.content, built.output)
    assert _ran(site, manifest_time)
    assert "Qatar hosted the talks." in site.page(ARTICLE_PAGE).get_text()


def test_build_after_an_edit_that_keeps_the_size_and_modification_time_runs(built: BuiltSite) -> None:
    # The last build's digest of a file stands only while its stamp is the same: the change time is in it.
    edited = built.content / "011_en_rubio-doha-gaza.txt"
    an_hour_ago = time.time_ns() - 3600 * 10**9  # long before any build read it: its digest would be trusted
    os.utime(edited, ns=(an_hour_ago, an_hour_ago))
    run_build(built.content, built.output)
    manifest_time = (built.output.parent / MANIFEST).stat().st_mtime_ns
    before = edited.stat()
    text = edited.read_text(encoding="utf-8")
    assert "Doha" in text
    edited.write_text(text.replace("Doha", "Dohx", 1), encoding="utf-8")
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (edited.stat().st_size, edited.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    site = run_build(built.content, built.output)
    assert _ran(site, manifest_time)
    assert "Dohx" in site.page(ARTICLE_PAGE).get_text()


def test_build_after_a_settings_change_runs(built: BuiltSite) -> None:
    manifest_time = (built.output.parent / MANIFEST).stat().st_mtime_ns
    site = run_build(built.content, built.output, SITENAME="Another digest")
    assert _ran(site, manifest_time)
    assert "Another digest" in site.page(ARTICLE_PAGE).get_text()


def test_build_restores_an_output_file_that_was_deleted_or_edited(built: BuiltSite) -> None:
    clean = built.files()
    (built.output / ARTICLE_PAGE).unlink()
    run_build(built.content, built.output)
    assert built.files() == clean
    (built.output / "index.html").write_text("changed by hand", encoding="utf-8")
    run_build(built.content, built.output)
    assert built.files() == clean


def test_build_without_the_cache_runs_and_leaves_no_record(built: BuiltSite) -> None:
    site = run_build(built.content, built.output, NEWS_DIGEST_CACHE=False)
    assert not (site.output.parent / RECORD).exists()
    manifest_time = (built.output.parent / MANIFEST).stat().st_mtime_ns
    # With the cache again, and no record, the build runs (and records itself for the next one).
    site = run_build(built.content, built.output)
    assert _ran(site, manifest_time)
    assert (site.output.parent / RECORD).is_file()


def test_skipped_build_reports_the_last_builds_warnings_and_fails_when_they_are_fatal(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(CORPUS[0], content / CORPUS[0].name)
    (content / "empty.txt").write_bytes(b"")
    first = run_pelican(content, tmp_path)
    assert first.returncode == 0 and "empty.txt" in first.stdout + first.stderr
    skipped = run_pelican(content, tmp_path)
    assert skipped.returncode == 0
    assert "nothing changed since the last build" in skipped.stdout
    assert "empty.txt" in skipped.stdout + skipped.stderr
    fatal = run_pelican(content, tmp_path, "--fatal", "warnings")
    assert fatal.returncode != 0
    assert "empty.txt" in fatal.stdout + fatal.stderr
