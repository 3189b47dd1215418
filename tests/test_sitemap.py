"""sitemap.xml and robots.txt: written from the corpus, checked against the pages the build actually wrote."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import defaultdict

import pytest
from conftest import ABOUT_PAGE, DEV_CORPUS, DOHA_STORY, BuiltSite, run_build, write_content

from news_digest.sitemap import SitePage, sitemap_documents

SITEURL = "https://example.org/digest"
LANGUAGES = ("en", "fr", "ar")
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
# Pages written in each language but deliberately not listed: the search page has no content of its own.
UNLISTED = {"search.html"}


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The samples, the Doha story and a page, built once with SITEURL as publishconf.py does."""
    root = tmp_path_factory.mktemp("sitemap_site")
    files = {name: (DEV_CORPUS / name).read_bytes() for name in DOHA_STORY}
    write_content(root / "content", {**files, "pages/about.md": ABOUT_PAGE}, with_samples=True)
    return run_build(root / "content", root / "output", SITEURL=SITEURL, RELATIVE_URLS=False)


def sitemap_urls(site: BuiltSite) -> list[ET.Element]:
    """The `<url>` elements of the site's sitemap."""
    root = ET.parse(site.output / "sitemap.xml").getroot()
    assert root.tag == f"{{{NS['sm']}}}urlset"
    return root.findall("sm:url", NS)


def output_path(url: str) -> str:
    """The output path an absolute address under SITEURL names."""
    assert url.startswith(f"{SITEURL}/"), url
    return url.removeprefix(f"{SITEURL}/")


def alternates(url: ET.Element) -> dict[str, str]:
    """A `<url>`'s hreflang alternates: language (or x-default) to address."""
    links = url.findall("xhtml:link", NS)
    assert all(link.get("rel") == "alternate" for link in links)
    return {link.get("hreflang"): link.get("href") for link in links}


def test_sitemap_lists_every_page_in_every_language_and_nothing_else(published_site):
    listed = [output_path(url.findtext("sm:loc", namespaces=NS)) for url in sitemap_urls(published_site)]
    assert len(listed) == len(set(listed))
    written = {path.relative_to(published_site.output).as_posix()
               for lang in LANGUAGES for path in (published_site.output / lang).rglob("*.html")}
    expected = {path for path in written if path.split("/", 1)[1] not in UNLISTED}
    # The root index.html only leads to the default language: x-default names that copy instead.
    assert set(listed) == expected
    assert {"en/pages/about.html", "ar/index.html", "fr/stories/index.html"} <= expected


def test_sitemap_each_copy_names_every_language_and_x_default(published_site):
    groups: dict[tuple, list[str]] = defaultdict(list)
    for url in sitemap_urls(published_site):
        loc = url.findtext("sm:loc", namespaces=NS)
        others = alternates(url)
        assert set(others) == {*LANGUAGES, "x-default"}
        assert others["x-default"] == others["en"]
        lang, _, path = output_path(loc).partition("/")
        assert others[lang] == loc
        assert all(output_path(href) == f"{code}/{path}" for code, href in others.items() if code != "x-default")
        assert all((published_site.output / output_path(href)).is_file() for href in others.values())
        groups[tuple(sorted(others.items()))].append(lang)
    # Every page is listed once per language, each copy with the same alternates.
    assert all(sorted(langs) == sorted(LANGUAGES) for langs in groups.values())


def test_sitemap_dates_dated_articles_only(published_site):
    dates = {record["id"]: record["date"] for record in published_site.json("api/articles.json")["articles"]}
    assert any(dates.values()) and not all(dates.values())
    for url in sitemap_urls(published_site):
        path = output_path(url.findtext("sm:loc", namespaces=NS)).split("/", 1)[1]
        lastmod = url.findtext("sm:lastmod", namespaces=NS)
        article_id = path.removeprefix("articles/").removesuffix(".html")
        if path.startswith("articles/") and dates[article_id]:
            written = dt.datetime.fromisoformat(dates[article_id])
            written = written if written.tzinfo else written.replace(tzinfo=dt.timezone.utc)  # TIMEZONE is UTC
            assert dt.datetime.fromisoformat(lastmod) == written and lastmod.endswith("Z")
        else:
            assert lastmod is None, path


def test_robots_txt_names_the_sitemap_when_siteurl_is_set(published_site):
    assert (published_site.output / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nDisallow:\n\nSitemap: {SITEURL}/sitemap.xml\n")


def test_sitemap_is_not_written_without_siteurl_and_robots_txt_says_nothing_of_it(digest_site):
    assert not (digest_site.output / "sitemap.xml").exists()
    assert (digest_site.output / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow:\n"
    # Said at info level: a local build stays free of warnings (`pelican --fatal warnings`).
    assert digest_site.warnings_about("sitemap") == []


def test_sitemap_past_the_url_limit_becomes_an_index_of_parts():
    pages = [SitePage("index.html"), SitePage("articles/a.html", "2026-03-20T08:00:00Z"), SitePage("actors/b.html")]
    documents = sitemap_documents(pages, ("en", "fr"), SITEURL, max_urls=4)
    assert sorted(documents) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]
    index = ET.fromstring(documents["sitemap.xml"])
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    assert [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)] == [
        f"{SITEURL}/sitemap-1.xml", f"{SITEURL}/sitemap-2.xml"]
    parts = [ET.fromstring(documents[f"sitemap-{n}.xml"]).findall("sm:url", NS) for n in (1, 2)]
    assert [len(part) for part in parts] == [4, 2]
    assert [url.findtext("sm:loc", namespaces=NS) for part in parts for url in part] == [
        f"{SITEURL}/{lang}/{page.path}" for page in pages for lang in ("en", "fr")]
    assert sitemap_documents(pages, ("en", "fr"), SITEURL).keys() == {"sitemap.xml"}


def test_sitemap_escapes_and_percent_encodes_addresses():
    (document,) = sitemap_documents([SitePage("pages/a b&c.html")], ("en",), SITEURL).values()
    assert b"pages/a%20b%26c.html" in document
    url = ET.fromstring(document).find("sm:url", NS)
    assert url.findtext("sm:loc", namespaces=NS) == f"{SITEURL}/en/pages/a%20b%26c.html"

