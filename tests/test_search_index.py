"""The Pagefind index written by the build: one index for every language, each page indexed from one copy."""

def test_search_index_holds_each_article_actor_story_and_topic_once(digest_site):
    entry = digest_site.json("pagefind/pagefind-entry.json")
    assert list(entry["languages"]) == ["ar"]
    counts = {name: len(digest_site.json(f"api/{name}.json")[name]) for name in ("articles", "entities", "stories", "topics")}
    assert entry["languages"]["ar"]["page_count"] == sum(counts.values())
    marked = [path for path in digest_site.output.rglob("*.html") if "data-pagefind-body" in path.read_text("utf-8")]
    assert len(marked) == sum(counts.values())
    assert (digest_site.output / "pagefind" / "pagefind.js").is_file()


def test_search_page_exists_in_every_interface_language_with_its_labels(digest_site):
    for lang, label in (("en", "Search"), ("fr", "Rechercher"), ("ar", "بحث")):
        page = digest_site.page(f"{lang}/search.html")
        box = page.select_one("#search")
        assert box["data-lang"] == lang and box["data-bundle"] == "../pagefind/"
        assert page.select_one(".search-row button").get_text() == label
        assert page.select_one(".site-search")["action"] == "./search.html"


def test_search_is_left_out_when_switched_off(build_site):
    site = build_site(NEWS_DIGEST_SEARCH=False)
    assert not (site.output / "pagefind").exists()


def test_search_indexing_a_failed_build_leaves_behind_is_stopped_and_cleaned_up(tmp_path):
    import gc

    from news_digest.search import SearchIndexing

    output, workspace = tmp_path / "output", tmp_path / "workspace"
    (output / "en").mkdir(parents=True)
    workspace.mkdir()
    (output / "en" / "page.html").write_text('<html lang="en"><body data-pagefind-body><p>Gaza talks</p></body></html>',
                                              encoding="utf-8")
    indexing = SearchIndexing.start({"OUTPUT_PATH": str(output), "NEWS_DIGEST_SEARCH_LANGUAGE": "ar"},
                                    ["en/page.html"], workspace)
    process, staging = indexing.process, indexing.staging
    assert (staging / "en" / "page.html").is_file()
    del indexing  # the build failed before waiting for it
    gc.collect()
    assert process.poll() is not None and not staging.exists()
    finished = SearchIndexing.start({"OUTPUT_PATH": str(output), "NEWS_DIGEST_SEARCH_LANGUAGE": "ar"},
                                    ["en/page.html"], workspace)
    assert finished.finish() and (output / "pagefind" / "pagefind-entry.json").is_file()
    assert not finished.staging.exists()
