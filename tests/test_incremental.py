"""Rebuilds reuse the analysis cache and skip unchanged pages, and still give exactly what a clean build gives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import DEV_CORPUS, BuiltSite, run_build

# Stories in three languages, with actors shared across them: edits ripple to actor, story and topic pages.
CORPUS = sorted(DEV_CORPUS.glob("0[0-2]*.txt"))
EDITED = "011_en_rubio-doha-gaza.txt"
ADDED = "012_ar_rubio-doha.txt"
DELETED = "016_en_kharkiv-strike.txt"
ABOUT_PAGE = "Title: About\nslug: about\n\nThis digest follows the news in three languages.\n"


def _content(folder: Path, leave_out: tuple[str, ...] = ()) -> Path:
    folder.mkdir(parents=True)
    for path in CORPUS:
        if path.name not in leave_out:
            shutil.copy(path, folder / path.name)
    (folder / "pages").mkdir()
    (folder / "pages" / "about.md").write_text(ABOUT_PAGE, encoding="utf-8")
    return folder


def _clean_build(content: Path, root: Path, **settings: object) -> BuiltSite:
    """A build into an empty output folder with an empty cache, from a copy of `content`."""
    copy = root / "content"
    shutil.copytree(content, copy)
    return run_build(copy, root / "output", **settings)


def _modified_times(site: BuiltSite) -> dict[str, int]:
    """When each file the digest writes was last written (Pelican copies the theme's static files every time)."""
    return {path.relative_to(site.output).as_posix(): path.stat().st_mtime_ns
            for path in site.output.rglob("*") if path.is_file() and not path.relative_to(site.output).parts[0] == "theme"}


def _assert_same_as_clean(site: BuiltSite, tmp_path: Path, name: str, **settings: object) -> None:
    clean = _clean_build(site.content, tmp_path / name, **settings)
    rebuilt, expected = site.files(), clean.files()
    assert sorted(rebuilt) == sorted(expected), "the rebuild has other files than a clean build"
    different = [path for path in expected if rebuilt[path] != expected[path]]
    assert not different, f"the rebuild differs from a clean build in {different[:10]}"


@pytest.fixture
def rebuilt_site(tmp_path: Path) -> BuiltSite:
    """A site built once, whose content folder the test then edits and rebuilds in place."""
    content = _content(tmp_path / "site" / "content", leave_out=(ADDED,))
    return run_build(content, tmp_path / "site" / "output")


def test_rebuild_with_no_change_rewrites_nothing_and_matches_a_clean_build(rebuilt_site: BuiltSite,
                                                                           tmp_path: Path) -> None:
    before = _modified_times(rebuilt_site)
    # Without the last build's record the build runs (test_up_to_date covers the skip): every page is checked.
    (rebuilt_site.output.parent / "cache" / "news_digest" / "last-build.json").unlink()
    site = run_build(rebuilt_site.content, rebuilt_site.output)
    assert _modified_times(site) == before
    _assert_same_as_clean(site, tmp_path, "clean")


def test_rebuild_after_an_edit_rewrites_only_what_changed_and_matches_a_clean_build(rebuilt_site: BuiltSite,
                                                                                    tmp_path: Path) -> None:
    before = _modified_times(rebuilt_site)
    edited = rebuilt_site.content / EDITED
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("Rubio presses Hamas", "Rubio urges Hamas", 1)
                      + "\nIsraeli Defence Minister Yoav Gallant said the army was ready.\n", encoding="utf-8")
    site = run_build(rebuilt_site.content, rebuilt_site.output)
    after = _modified_times(site)
    rewritten = {path for path in after if after[path] != before.get(path)}
    assert "en/articles/011_en_rubio-doha-gaza.html" in rewritten
    assert any(path.startswith("en/actors/yoav-gallant") or "gallant" in path for path in rewritten)
    # Pages of articles the edit does not touch stay as they were.
    assert "en/articles/019_en_ukraine-russia-pow-swap.html" not in rewritten
    assert len(rewritten) < len(after) / 2
    _assert_same_as_clean(site, tmp_path, "clean")


def _page_signatures(site: BuiltSite) -> dict[str, str]:
    """What each output file was made from, as the build recorded it for the next one."""
    manifest = site.output.parent / "cache" / "news_digest" / "outputs.json"
    return json.loads(manifest.read_text(encoding="utf-8"))["files"]


def test_first_rebuild_after_a_clean_build_renders_only_the_pages_whose_inputs_changed(rebuilt_site: BuiltSite) -> None:
    # The clean build analysed every article (in forked workers); the rebuild reads them from the cache. The
    # signatures of untouched pages must not depend on which of the two made the objects they are made from.
    before = _page_signatures(rebuilt_site)
    edited = rebuilt_site.content / EDITED
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe talks resumed on Sunday.\n", encoding="utf-8")
    after = _page_signatures(run_build(rebuilt_site.content, rebuilt_site.output))
    changed = {path for path in after if after[path] != before.get(path)}
    assert {f"{lang}/articles/011_en_rubio-doha-gaza.html" for lang in ("en", "fr", "ar")} <= changed
    # The sentence names no actor, topic or story: nothing else is made from what it changed.
    assert {path for path in changed if "011_en_rubio-doha-gaza" not in path} <= {"api/articles.json"}


def test_rebuild_after_adding_an_article_matches_a_clean_build(rebuilt_site: BuiltSite, tmp_path: Path) -> None:
    shutil.copy(DEV_CORPUS / ADDED, rebuilt_site.content / ADDED)
    site = run_build(rebuilt_site.content, rebuilt_site.output)
    assert (site.output / "ar/articles/012_ar_rubio-doha.html").is_file()
    _assert_same_as_clean(site, tmp_path, "clean")


def test_rebuild_after_deleting_an_article_removes_its_files_and_matches_a_clean_build(rebuilt_site: BuiltSite,
                                                                                       tmp_path: Path) -> None:
    (rebuilt_site.content / DELETED).unlink()
    site = run_build(rebuilt_site.content, rebuilt_site.output)
    assert not (site.output / "en/articles/016_en_kharkiv-strike.html").exists()
    _assert_same_as_clean(site, tmp_path, "clean")


def test_build_with_a_warm_analysis_cache_into_an_empty_folder_matches_a_clean_build(rebuilt_site: BuiltSite,
                                                                                     tmp_path: Path) -> None:
    # Same cache folder (beside the output), new output folder: analyses come from the cache, pages are all new.
    site = run_build(rebuilt_site.content, rebuilt_site.output.parent / "output-2")
    _assert_same_as_clean(site, tmp_path, "clean")


def test_search_index_after_edit_add_and_delete_matches_a_clean_build(rebuilt_site: BuiltSite,
                                                                      tmp_path: Path) -> None:
    run_build(rebuilt_site.content, rebuilt_site.output, NEWS_DIGEST_SEARCH=True)
    edited = rebuilt_site.content / EDITED
    edited.write_text(edited.read_text(encoding="utf-8") + "\nQatar hosted the talks.\n", encoding="utf-8")
    shutil.copy(DEV_CORPUS / ADDED, rebuilt_site.content / ADDED)
    (rebuilt_site.content / DELETED).unlink()
    site = run_build(rebuilt_site.content, rebuilt_site.output, NEWS_DIGEST_SEARCH=True)
    assert (site.output / "pagefind" / "pagefind-entry.json").is_file()
    _assert_same_as_clean(site, tmp_path, "clean", NEWS_DIGEST_SEARCH=True)


def test_build_without_the_cache_matches_a_cached_build(rebuilt_site: BuiltSite, tmp_path: Path) -> None:
    site = _clean_build(rebuilt_site.content, tmp_path / "uncached", NEWS_DIGEST_CACHE=False, NEWS_DIGEST_WORKERS=1)
    assert not (tmp_path / "uncached" / "cache" / "news_digest" / "outputs.json").exists()
    assert site.files() == rebuilt_site.files()
