"""Atom feeds: read back with feedparser as a feed reader would, from a local build and from a published one."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup, SoupStrainer
from conftest import DEV_CORPUS, DOHA_STORY, BuiltSite, run_build, write_content

# Where a local build (no SITEURL) is pretended to be served from: its links are relative, so any origin works.
LOCAL_ORIGIN = "http://localhost:8000"
SITEURL = "https://example.org/digest"
LANGUAGES = ("en", "fr", "ar")
LATEST_ARTICLES = {"en": "Latest articles", "fr": "Derniers articles", "ar": "أحدث المقالات"}
HOSTILE_TITLE = '<script>alert("feed")</script> Storm ]]> warning & \x01floods'
HOSTILE_LEDE = "Forecasters said <script>alert(1)</script> winds ]]> could reach 120 km/h on Friday & Saturday."
HOSTILE_ARTICLE = f"""Title: {HOSTILE_TITLE}
Date: 2026-03-20T08:00
Source: <b>Nordic</b> Wire ]]>
Lang: en

Europe

Storm warning issued for the Norwegian coast

{HOSTILE_LEDE}

Oslo – Nordic Wire

The Norwegian Meteorological Institute raised its alert level for the western coast as a deep low approached.

Ferries between Bergen and Stavanger were cancelled and schools in several towns closed early.
"""
# The site's own robots.txt, kept out of the articles (every .txt under content/ is one) and copied as is.
OWN_ROBOTS = "User-agent: *\nDisallow: /api/\n"
PUBLISHED_FEED_SIZE = 3


def publish(root: Path) -> BuiltSite:
    """Samples, the Doha story, a hostile article and the site's own robots.txt; SITEURL set, 3-entry feeds."""
    files: dict[str, str | bytes] = {name: (DEV_CORPUS / name).read_bytes() for name in DOHA_STORY}
    files.update({"090_en_storm.txt": HOSTILE_ARTICLE, "extra/robots.txt": OWN_ROBOTS})
    write_content(root / "content", files, with_samples=True)
    return run_build(root / "content", root / "output", SITEURL=SITEURL, RELATIVE_URLS=False,
                     NEWS_DIGEST_FEED_SIZE=PUBLISHED_FEED_SIZE, ARTICLE_EXCLUDES=["pages", "extra"],
                     STATIC_PATHS=["extra/robots.txt"],
                     EXTRA_PATH_METADATA={"extra/robots.txt": {"path": "robots.txt"}})


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The published build, made once for this module."""
    return publish(tmp_path_factory.mktemp("published_site"))


def feed_paths(site: BuiltSite) -> list[str]:
    """Every feed the build wrote, relative to the output."""
    return sorted(path.relative_to(site.output).as_posix() for path in site.output.rglob("*.atom"))


def read_feed(site: BuiltSite, relative: str, origin: str) -> feedparser.FeedParserDict:
    """A written feed parsed as a reader fetching it from `origin/relative` sees it."""
    return feedparser.parse((site.output / relative).read_bytes(), response_headers={
        "content-location": f"{origin}/{relative}", "content-type": "application/atom+xml"})


def site_path(url: str, origin: str) -> str:
    """The output path an absolute URL under `origin` points at (`en/articles/x.html`)."""
    assert url.startswith(f"{origin}/"), url
    return unquote(urlsplit(url).path.removeprefix(urlsplit(origin).path).lstrip("/"))


def output_file(site: BuiltSite, url: str, origin: str) -> Path:
    """The output file an absolute URL under `origin` points at."""
    return site.output / site_path(url, origin)


def link(item: feedparser.FeedParserDict, rel: str) -> str:
    """The href of an item's only link with relation `rel`."""
    (href,) = [entry.href for entry in item.get("links", []) if entry.rel == rel]
    return href


def articles_by_id(site: BuiltSite) -> dict[str, dict]:
    """The export's article records, by article id."""
    return {record["id"]: record for record in site.json("api/articles.json")["articles"]}


def published_at(record: dict) -> dt.datetime:
    """An export record's date, in UTC (the build's TIMEZONE gives naive dates)."""
    date = dt.datetime.fromisoformat(record["date"])
    return date if date.tzinfo else date.replace(tzinfo=dt.timezone.utc)


def newest_first(records: list[dict]) -> list[str]:
    """Article ids in the site's order: newest first, undated last, equal dates by id."""
    by_id = sorted(records, key=lambda record: record["id"])
    dated = sorted((r for r in by_id if r["date"]), key=published_at, reverse=True)  # stable: ties stay by id
    return [r["id"] for r in dated] + [r["id"] for r in by_id if not r["date"]]


@pytest.mark.parametrize("which", ["local", "published"])
def test_feeds_parse_cleanly_with_self_links_ids_and_resolvable_entries(digest_site, published_site, which):
    site, origin = (digest_site, LOCAL_ORIGIN) if which == "local" else (published_site, SITEURL)
    paths = feed_paths(site)
    assert len(paths) > len(LANGUAGES)
    for relative in paths:
        feed = read_feed(site, relative, origin)
        assert not feed.bozo, (relative, feed.get("bozo_exception"))
        assert feed.version == "atom10"
        assert link(feed.feed, "self") == f"{origin}/{relative}"
        assert output_file(site, link(feed.feed, "alternate"), origin).is_file()
        assert feed.feed.id.startswith("urn:news-digest:feed:")
        for entry in feed.entries:
            assert entry.id.startswith("urn:news-digest:article:")
            assert output_file(site, entry.link, origin).is_file(), (relative, entry.link)
        if which == "published":
            raw = (site.output / relative).read_text(encoding="utf-8")
            assert 'href="../' not in raw and f'href="{SITEURL}/' in raw


def test_feeds_ids_do_not_depend_on_siteurl(digest_site, published_site):
    local, published = set(feed_paths(digest_site)), set(feed_paths(published_site))
    common = sorted(local & published)
    assert "en/feed.atom" in common and any(path.startswith("feeds/stories/") for path in common)
    for relative in common:
        local_feed = read_feed(digest_site, relative, LOCAL_ORIGIN)
        published_feed = read_feed(published_site, relative, SITEURL)
        assert local_feed.feed.id == published_feed.feed.id
        local_entries = {entry.id: site_path(entry.link, LOCAL_ORIGIN) for entry in local_feed.entries}
        for entry in published_feed.entries:
            if entry.id in local_entries:  # the same article keeps its id, and its page the same place
                assert site_path(entry.link, SITEURL) == local_entries[entry.id]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feeds_latest_articles_per_interface_language_newest_first(digest_site, lang):
    feed = read_feed(digest_site, f"{lang}/feed.atom", LOCAL_ORIGIN)
    articles = articles_by_id(digest_site)
    assert feed.feed.language == lang
    assert feed.feed.title == f"{LATEST_ARTICLES[lang]} · News Digest"
    ids = [entry.id.removeprefix("urn:news-digest:article:") for entry in feed.entries]
    assert ids == newest_first(list(articles.values()))
    for entry, article_id in zip(feed.entries, ids, strict=True):
        # That language's copy of the page, whatever the article's own language.
        assert entry.link == f"{LOCAL_ORIGIN}/{lang}/articles/{article_id}.html"
        assert entry.title_detail.language == articles[article_id]["lang"]
        assert entry.title == articles[article_id]["title"]


def test_feeds_entries_carry_lede_outlet_and_dates_only_when_known(digest_site):
    feed = read_feed(digest_site, "en/feed.atom", LOCAL_ORIGIN)
    articles = articles_by_id(digest_site)
    assert any(record["date"] for record in articles.values()) and any(not r["date"] for r in articles.values())
    for entry in feed.entries:
        record = articles[entry.id.removeprefix("urn:news-digest:article:")]
        assert entry.get("summary") == record["lede"]
        assert entry.summary_detail.type == "text/plain"
        assert entry.get("author") == record["outlet"]
        if record["date"]:
            assert entry.published == entry.updated
            assert calendar.timegm(entry.published_parsed) == published_at(record).timestamp()
        else:
            assert "published" not in entry and entry.updated == "1970-01-01T00:00:00Z"
    # Entries without an outlet fall back on the feed's author, as Atom requires one for each.
    assert feed.feed.author == "News Digest"
    assert feed.feed.updated == max(entry.updated for entry in feed.entries)


def test_feeds_one_per_actor_topic_and_story_linking_each_article_in_its_own_language(digest_site):
    articles = articles_by_id(digest_site)
    mentioning = {key: {entity["id"] for entity in record["entities"]} for key, record in articles.items()}
    subjects = [("actors", record["id"], {a for a, actors in mentioning.items() if record["id"] in actors},
                 record["names"]["en"]) for record in digest_site.json("api/entities.json")["entities"]]
    subjects += [("topics", record["id"], set(record["articles"]), record["names"]["en"])
                 for record in digest_site.json("api/topics.json")["topics"]]
    subjects += [("stories", record["id"], set(record["articles"]), None)
                 for record in digest_site.json("api/stories.json")["stories"]]
    assert {kind for kind, *_ in subjects} == {"actors", "topics", "stories"}
    written = {path for path in feed_paths(digest_site) if path.startswith("feeds/")}
    assert written == {f"feeds/{kind}/{subject_id}.atom" for kind, subject_id, _, _ in subjects}
    for kind, subject_id, article_ids, name in subjects:
        feed = read_feed(digest_site, f"feeds/{kind}/{subject_id}.atom", LOCAL_ORIGIN)
        assert feed.feed.language == "en"
        assert link(feed.feed, "alternate") == f"{LOCAL_ORIGIN}/en/{kind}/{subject_id}.html"
        if name:
            assert feed.feed.title == f"{name} · News Digest"
        assert {entry.id.removeprefix("urn:news-digest:article:") for entry in feed.entries} == article_ids
        for entry in feed.entries:
            article_id = entry.id.removeprefix("urn:news-digest:article:")
            assert entry.link == f"{LOCAL_ORIGIN}/{articles[article_id]['lang']}/articles/{article_id}.html"


def test_feeds_story_in_three_languages_is_titled_by_its_headline(digest_site):
    articles = articles_by_id(digest_site)
    (story,) = [s for s in digest_site.json("api/stories.json")["stories"] if "010_fr_rubio-doha" in s["articles"]]
    feed = read_feed(digest_site, f"feeds/stories/{story['id']}.atom", LOCAL_ORIGIN)
    assert feed.feed.title == f"{articles[story['articles'][0]]['title']} · News Digest"
    assert sorted(entry.title_detail.language for entry in feed.entries) == ["ar", "en", "fr"]
    assert [e.id.removeprefix("urn:news-digest:article:") for e in feed.entries] == newest_first(
        [articles[article_id] for article_id in story["articles"]])


def test_feeds_every_page_links_its_language_feed_and_its_subject_feed(digest_site):
    heads = SoupStrainer("link", type="application/atom+xml")
    pages = sorted(page for lang in LANGUAGES for page in (digest_site.output / lang).rglob("*.html"))
    assert len(pages) > 50
    for page in [digest_site.output / "index.html", *pages]:
        relative = page.relative_to(digest_site.output).as_posix()
        links = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser", parse_only=heads).find_all("link")
        assert all(tag["rel"] == ["alternate"] and tag.get("title") for tag in links), relative
        hrefs = {urljoin(f"{LOCAL_ORIGIN}/{relative}", tag["href"]) for tag in links}
        assert all(output_file(digest_site, href, LOCAL_ORIGIN).is_file() for href in hrefs), relative
        lang = relative.split("/")[0] if "/" in relative else "en"
        expected = {f"{LOCAL_ORIGIN}/{lang}/feed.atom"}
        kind, _, name = relative.removeprefix(f"{lang}/").partition("/")
        if kind in ("actors", "topics", "stories") and name != "index.html":
            expected.add(f"{LOCAL_ORIGIN}/feeds/{kind}/{name.removesuffix('.html')}.atom")
        assert hrefs == expected, relative


def test_feeds_hold_at_most_feed_size_entries_newest_first(published_site):
    articles = articles_by_id(published_site)
    assert len(articles) > PUBLISHED_FEED_SIZE
    for lang in LANGUAGES:
        feed = read_feed(published_site, f"{lang}/feed.atom", SITEURL)
        ids = [entry.id.removeprefix("urn:news-digest:article:") for entry in feed.entries]
        assert ids == newest_first(list(articles.values()))[:PUBLISHED_FEED_SIZE]
        assert feed.feed.updated == max(entry.updated for entry in feed.entries) == "2026-03-20T08:00:00Z"


def test_feeds_escape_a_hostile_headline_lede_and_outlet(published_site):
    raw = (published_site.output / "en/feed.atom").read_text(encoding="utf-8")
    assert "<script" not in raw and "<b>" not in raw and "]]>" not in raw and "\x01" not in raw
    assert "&lt;script&gt;" in raw
    feed = read_feed(published_site, "en/feed.atom", SITEURL)
    assert not feed.bozo
    (entry,) = [entry for entry in feed.entries if entry.id == "urn:news-digest:article:090_en_storm"]
    # The text comes back as written (less the control character XML cannot carry), never as markup.
    assert entry.title == HOSTILE_TITLE.replace("\x01", "")
    assert entry.title_detail.type == entry.summary_detail.type == "text/plain"
    assert entry.summary == HOSTILE_LEDE
    assert entry.author == "<b>Nordic</b> Wire ]]>"


def test_feeds_leave_a_sites_own_robots_txt_alone(published_site):
    assert (published_site.output / "robots.txt").read_text(encoding="utf-8") == OWN_ROBOTS


def test_feeds_and_sitemap_are_byte_identical_across_builds(published_site, tmp_path):
    again = publish(tmp_path)
    written = [*feed_paths(published_site), "sitemap.xml", "robots.txt"]
    assert feed_paths(again) == feed_paths(published_site)
    for relative in written:
        assert (again.output / relative).read_bytes() == (published_site.output / relative).read_bytes(), relative
