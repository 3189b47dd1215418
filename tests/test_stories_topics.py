"""Stories (one event in several languages) and topics (weighted multilingual rules), on real builds."""

import pytest
from conftest import ARABIC_SAMPLE, FRENCH_SAMPLE, PROJECT_DIR

CORPUS = PROJECT_DIR / "tests" / "corpus" / "dev"
LAMPEDUSA = ["039_fr_naufrage-lampedusa.txt", "040_ar_lampedusa-shipwreck.txt", "041_en_lampedusa-shipwreck.txt"]
BEIRUT = ["048_ar_beirut-strike.txt", "049_fr_frappe-beyrouth.txt", "050_en_beirut-suburbs-strike.txt"]
NABATIEH = ["051_ar_nabatieh-strike.txt", "052_en_nabatieh-drone-strike.txt"]


def corpus_files(names):
    return {name: (CORPUS / name).read_bytes() for name in names}


def ids(names):
    return [name.removesuffix(".txt") for name in names]


def test_samples_are_two_different_stories(sample_site):
    assert sample_site.json("api/stories.json")["stories"] == []
    articles = sample_site.json("api/articles.json")["articles"]
    assert [article["story"] for article in articles] == [None, None]


@pytest.fixture(scope="module")
def events_site(tmp_path_factory):
    from conftest import run_build, write_content

    root = tmp_path_factory.mktemp("events")
    write_content(root / "content", corpus_files(LAMPEDUSA + BEIRUT + NABATIEH), with_samples=True)
    return run_build(root / "content", root / "output")


def test_event_told_in_three_languages_is_one_story(events_site):
    stories = {story["id"]: story for story in events_site.json("api/stories.json")["stories"]}
    lampedusa = next(story for story in stories.values() if set(story["articles"]) == set(ids(LAMPEDUSA)))
    assert lampedusa["languages"] == ["ar", "en", "fr"]
    articles = {article["id"]: article for article in events_site.json("api/articles.json")["articles"]}
    assert {articles[article_id]["story"] for article_id in ids(LAMPEDUSA)} == {lampedusa["id"]}


def test_look_alike_events_stay_apart(events_site):
    groups = [set(story["articles"]) for story in events_site.json("api/stories.json")["stories"]]
    assert set(ids(BEIRUT)) in groups and set(ids(NABATIEH)) in groups
    articles = {article["id"]: article for article in events_site.json("api/articles.json")["articles"]}
    assert articles[FRENCH_SAMPLE.removesuffix(".txt")]["story"] is None
    assert articles[ARABIC_SAMPLE.removesuffix(".txt")]["story"] is None


def test_story_page_shows_articles_by_language_and_coverage(events_site):
    story_id = events_site.json("api/articles.json")["articles"][0]["story"]
    story_id = next(story["id"] for story in events_site.json("api/stories.json")["stories"]
                    if set(story["articles"]) == set(ids(BEIRUT)))
    page = events_site.page(f"en/stories/{story_id}.html")
    assert [h3.get_text() for h3 in page.select("section[aria-labelledby=articles] h3")] == ["Arabic", "English", "French"]
    table = page.select_one("table.coverage")
    assert [th.get_text() for th in table.select("tbody th")] == ["Arabic", "English", "French"]
    header = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    assert "Hezbollah" in header and "Lebanon" in header
    assert all(len(row.select("td")) == len(header) for row in table.select("tbody tr"))
    assert page.select_one("section[aria-labelledby=related] a")  # the Nabatieh strike, a related story


def test_article_page_links_to_its_story_and_topics(events_site):
    page = events_site.page(f"en/articles/{ids(LAMPEDUSA)[0]}.html")
    story_link = page.select_one(".article-context a")
    assert story_link["href"].startswith("../stories/story-")
    topics = {link.get_text() for link in page.select(".article-context .inline-list a")}
    assert "Migration" in topics


@pytest.mark.parametrize("name", LAMPEDUSA)
def test_topics_assigned_in_each_language(pipeline, name):
    doc = pipeline.read(CORPUS / name, name)
    assert doc.topics and doc.topics[0][0] == "migration"
    assert len(doc.topics) <= 3 and all(score > 0 for _, score in doc.topics)


def test_topic_pages_index_and_export(events_site):
    topics = {topic["id"]: topic for topic in events_site.json("api/topics.json")["topics"]}
    assert set(ids(LAMPEDUSA)) <= set(topics["migration"]["articles"])
    assert topics["migration"]["names"]["ar"] and topics["migration"]["names"]["fr"]
    index = events_site.page("en/topics/index.html")
    assert any(link.get_text() == "Migration" for link in index.select(".topic-list a"))
    page = events_site.page("en/topics/migration.html")
    assert len(page.select(".article-list li")) == len(topics["migration"]["articles"])


BAD_TAXONOMY = """
[[topic]]
id = "fishing"
[topic.names]
en = "Fishing"
[topic.keywords.en]
"trawler" = "heavy"

[[topic]]
id = "ports"
[topic.names]
en = "Ports"
[topic.keywords.en]
"harbour" = 3.0
"""


def test_taxonomy_error_is_reported_with_file_and_rule(build_site):
    site = build_site(NEWS_DIGEST_TOPIC_FILES=["site/topics.toml", "site/missing.toml"],
                      extra_files={"site/topics.toml": BAD_TAXONOMY})
    [bad_rule] = site.warnings_about("site/topics.toml")
    assert "'fishing'" in bad_rule and "trawler" in bad_rule and "positive number" in bad_rule
    assert site.warnings_about("site/missing.toml")
    assert {topic["id"] for topic in site.json("api/topics.json")["topics"]} >= {"ports", "migration"}
