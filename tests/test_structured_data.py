"""schema.org JSON-LD and Open Graph on article pages, and JSON that cannot break out of its <script>."""

import json

from conftest import DEV_CORPUS

from news_digest.structured_data import json_script, open_graph_locale

BREAKOUT_TITLE = "Title: Gaza </script><script>alert(1)</script> & <!-- talks\n"
BREAKOUT = BREAKOUT_TITLE + "\nGaza talks resume </script><b>now</b>\n\nNegotiators met in Doha on Monday.\n"


def json_ld(page):
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_json_script_escapes_what_could_end_the_script_and_reads_back_unchanged():
    data = {"title": "</script><script>alert('x')</script> <!-- & \u2028"}
    text = str(json_script(data))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == data


def test_open_graph_locale_has_a_territory():
    assert [open_graph_locale(lang) for lang in ("en", "fr", "ar")] == ["en_US", "fr_FR", "ar_EG"]


def test_article_json_ld_survives_a_title_with_markup(build_site):
    site = build_site({"breakout.txt": BREAKOUT})
    page = site.page("en/articles/breakout.html")
    assert [script.get("type") for script in page.find_all("script")] == ["application/ld+json"]
    data = json_ld(page)
    assert data["headline"] == "Gaza </script><script>alert(1)</script> & <!-- talks"
    assert page.select_one('meta[property="og:title"]')["content"] == data["headline"]


def test_article_json_ld_is_a_news_article_with_typed_actors_and_absolute_urls(build_site):
    site = build_site({"012_ar_rubio-doha.txt": (DEV_CORPUS / "012_ar_rubio-doha.txt").read_bytes()},
                      SITEURL="https://example.org/digest", RELATIVE_URLS=False)
    page = site.page("fr/articles/012_ar_rubio-doha.html")
    data = json_ld(page)
    assert (data["@context"], data["@type"], data["inLanguage"]) == ("https://schema.org", "NewsArticle", "ar")
    assert data["url"] == "https://example.org/digest/fr/articles/012_ar_rubio-doha.html"
    assert data["datePublished"] == "2026-03-10"
    assert data["publisher"] == {"@type": "Organization", "name": "الخليج اليوم"}
    mentions = {thing["url"].rsplit("/", 1)[1]: thing for thing in data["mentions"]}
    assert mentions["marco-rubio.html"]["@type"] == "Person"
    assert mentions["hamas.html"]["@type"] == "Organization"
    assert mentions["doha.html"] == {"@type": "Place", "name": "Doha", "sameAs": "https://www.wikidata.org/wiki/Q3861",
                                     "url": "https://example.org/digest/fr/actors/doha.html"}
    assert 1 <= len(data["about"]) <= 3 and all(thing in data["mentions"] for thing in data["about"])
    meta = {tag["property"]: tag["content"] for tag in page.select("meta[property]")}
    assert meta["og:type"] == "article" and meta["og:url"] == data["url"]
    assert meta["og:locale"] == "fr_FR" and meta["article:published_time"] == "2026-03-10"
    assert meta["og:description"].startswith("بحث وزير الخارجية")


def test_other_pages_have_open_graph_but_no_article_data(digest_site):
    page = digest_site.page("ar/actors/yoav-gallant.html")
    assert page.select('script[type="application/ld+json"]') == []
    meta = {tag["property"]: tag["content"] for tag in page.select("meta[property]")}
    assert meta["og:type"] == "website" and meta["og:locale"] == "ar_EG"
    assert meta["og:title"] == page.title.get_text()
