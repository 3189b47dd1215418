"""Whole-site builds checked on the real output: pages, language and direction, escaping, export, warnings."""

import json
import subprocess
import sys

import pytest
from conftest import ARABIC_SAMPLE, FRENCH_SAMPLE, PROJECT_DIR, write_content

from news_digest.errors import SettingsError

FRENCH_ID, ARABIC_ID = FRENCH_SAMPLE.removesuffix(".txt"), ARABIC_SAMPLE.removesuffix(".txt")
DATED = ("Date: 2026-03-14\nSource: Le Quotidien\n\nSommet européen à Bruxelles\n\n"
         "Les dirigeants européens se réunissent pour discuter des sanctions.\n\nLe sommet a commencé jeudi.\n")
HOSTILE = ("<script>alert('headline')</script> Gaza {{ 7 * 7 }}\n\n"
           "A lede with <b>bold</b> & an <img src=x onerror=alert(1)> image.\n\n"
           "Body with </p><script>alert('body')</script> and {% raw %} and **not markdown**.\n")


def test_site_has_a_page_per_sample_and_a_home_listing_both(sample_site):
    home = sample_site.page("en/index.html")
    links = {link["href"] for link in home.select(".article-list h2 a")}
    assert links == {f"./articles/{FRENCH_ID}.html", f"./articles/{ARABIC_ID}.html"}
    for article_id in (FRENCH_ID, ARABIC_ID):
        assert (sample_site.output / "en" / "articles" / f"{article_id}.html").is_file()
    assert sample_site.warnings == []


def test_site_pages_set_interface_and_article_language_and_direction(sample_site):
    for article_id, lang, direction, paragraphs in ((FRENCH_ID, "fr", "ltr", 5), (ARABIC_ID, "ar", "rtl", 11)):
        page = sample_site.page(f"en/articles/{article_id}.html")
        assert (page.html["lang"], page.html["dir"]) == ("en", "ltr")
        article = page.select_one("article.article")
        assert (article["lang"], article["dir"]) == (lang, direction)
        assert len(article.select(".article-body p")) == paragraphs
        assert article.select_one(".article-meta-box")["lang"] == "en"
    home = sample_site.page("en/index.html")
    arabic_title = home.find("a", href=f"./articles/{ARABIC_ID}.html")
    assert (arabic_title["lang"], arabic_title["dir"]) == ("ar", "rtl")


def test_site_article_page_shows_headline_lede_outlet_dateline_and_unknown_date(sample_site):
    page = sample_site.page(f"en/articles/{ARABIC_ID}.html")
    assert page.select_one("h1").get_text() == "غالانت لوزير الدفاع البريطاني: التحالف بحاجة إلى محاربة إيران ووكلائها"
    assert page.select_one(".article-lede").get_text().startswith("وصل جون هيلي")
    assert page.select_one(".meta-outlet bdi").get_text() == "مصدر الإخبارية"
    assert page.select_one(".meta-place bdi").get_text() == "القدس المحتلة"
    assert page.select_one(".meta-date-unknown").get_text() == "Date unknown"
    assert page.select_one(".meta-lang").get_text() == "Arabic"
    french = sample_site.page(f"en/articles/{FRENCH_ID}.html")
    assert french.select_one(".article-section").get_text() == "Actualités Monde Politique"


def test_site_export_lists_the_articles(sample_site):
    export = sample_site.json("api/articles.json")
    assert export["version"] == 2
    records = {record["id"]: record for record in export["articles"]}
    assert set(records) == {FRENCH_ID, ARABIC_ID}
    assert (records[FRENCH_ID]["lang"], records[ARABIC_ID]["lang"]) == ("fr", "ar")
    assert records[ARABIC_ID]["source"] == ARABIC_SAMPLE
    assert records[ARABIC_ID]["outlet"] == "مصدر الإخبارية" and records[ARABIC_ID]["date"] is None
    assert records[ARABIC_ID]["url"] == f"ar/articles/{ARABIC_ID}.html"
    for record in records.values():
        assert (sample_site.output / record["url"]).is_file()
        assert sorted(record["urls"]) == ["ar", "en", "fr"]
        assert all((sample_site.output / url).is_file() for url in record["urls"].values())
        assert record["title"] and record["paragraphs"] > 0


def test_site_export_puts_each_article_on_its_own_line(sample_site):
    lines = (sample_site.output / "api" / "articles.json").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line.removesuffix(",")) for line in lines if line.startswith('{"id": ')]
    assert [record["id"] for record in records] == [r["id"] for r in sample_site.json("api/articles.json")["articles"]]
    assert len(records) == 2 and lines[0] == "{" and lines[-1] == "}"


def test_site_escapes_markup_and_template_syntax_from_articles(build_site):
    site = build_site({"hostile.txt": HOSTILE}, with_samples=False)
    page = site.page("en/articles/hostile.html")
    # The one script is the page's JSON-LD, data rather than code (tests/test_structured_data.py).
    assert [script["type"] for script in page.find_all("script")] == ["application/ld+json"]
    assert page.find("img") is None and page.find("b") is None
    assert page.select_one("h1").get_text() == "<script>alert('headline')</script> Gaza {{ 7 * 7 }}"
    assert "</p><script>alert('body')</script>" in page.select_one(".article-body").get_text()
    assert "**not markdown**" in page.select_one(".article-body").get_text()
    assert site.page("en/index.html").find("script") is None
    assert site.json("api/articles.json")["articles"][0]["title"].startswith("<script>")


def test_site_dates_are_formatted_and_dated_articles_come_first(build_site):
    site = build_site({"summit.txt": DATED})
    page = site.page("en/articles/summit.html")
    time = page.select_one(".article-meta time")
    assert (time["datetime"], time.get_text()) == ("2026-03-14", "March 14, 2026")
    order = [link["href"] for link in site.page("en/index.html").select(".article-list h2 a")]
    assert order == ["./articles/summit.html", f"./articles/{FRENCH_ID}.html", f"./articles/{ARABIC_ID}.html"]
    assert site.json("api/articles.json")["articles"][2]["date"] == "2026-03-14T00:00:00"


def _monthly_summit(month: int) -> str:
    return (f"Date: 2026-0{month}-1{month}\nSource: Le Quotidien\n\nSommet numéro {month} avec Emmanuel Macron\n\n"
            "Emmanuel Macron reçoit les dirigeants européens à Bruxelles.\n\nLe sommet a commencé jeudi.\n")


def test_site_long_lists_show_the_latest_in_full_and_the_rest_by_month(build_site):
    files = {f"summit-{month}.txt": _monthly_summit(month) for month in (1, 2, 3)}
    site = build_site({**files, "hostile.txt": HOSTILE}, NEWS_DIGEST_LIST_LATEST=2)
    home = site.page("en/index.html")
    assert [link["href"] for link in home.select(".home-latest .article-item-title a")] == [
        "./articles/summit-3.html", "./articles/summit-2.html"]
    assert home.select_one(".home-latest .more a")["href"] == "./archive.html"
    assert home.select_one(".home-latest .more a").get_text(" ", strip=True) == "All 6 articles, by month →"
    # The archive: its months, newest first, undated last, each with its count and a page of its own.
    archive = site.page("en/archive.html")
    months = [(link.get_text(), link["href"], link.find_next_sibling(class_="count").get_text())
              for link in archive.select(".archive-months a")]
    assert months == [("March 2026", "./archive/2026-03.html", "(1)"), ("February 2026", "./archive/2026-02.html", "(1)"),
                      ("January 2026", "./archive/2026-01.html", "(1)"), ("Date unknown", "./archive/undated.html", "(3)")]
    march = site.page("en/archive/2026-03.html")
    assert march.select_one("h1").get_text() == "March 2026"
    assert [link["href"] for link in march.select(".archive-item a")] == ["../articles/summit-3.html"]
    assert (march.select_one(".archive-item time")["datetime"], march.select_one(".archive-item time").get_text()) == (
        "2026-03-13", "Mar 13")
    assert [link["href"] for link in march.select(".archive-nav a")] == ["../archive/2026-02.html"]
    assert [link["href"] for link in site.page("en/archive/2026-02.html").select(".archive-nav a")] == [
        "../archive/2026-03.html", "../archive/2026-01.html"]
    undated = site.page("en/archive/undated.html")
    assert len(undated.select(".archive-item")) == 3 and undated.select_one(".archive-item time") is None
    # Article text stays text in the one-line items too.
    assert undated.find("script") is None and undated.find("img") is None
    assert "<script>alert('headline')</script> Gaza {{ 7 * 7 }}" in [link.get_text() for link in undated.select(".archive-item a")]
    french = site.page("fr/archive.html")
    assert [link.get_text() for link in french.select(".archive-months a")][:1] == ["mars 2026"]
    assert site.page("ar/archive/2026-03.html").select_one("h1").get_text() == "مارس 2026"
    # An actor's page: its two latest articles in full, the earlier one by month.
    actor = site.page("fr/actors/emmanuel-macron.html")
    assert [link["href"] for link in actor.select(".article-item-title a")] == [
        "../articles/summit-3.html", "../articles/summit-2.html"]
    assert actor.select_one(".archive-title").get_text() == "Articles plus anciens"
    assert [link["href"] for link in actor.select(".archive-item a")] == ["../articles/summit-1.html"]
    assert actor.select_one(".archive-month-title").contents[0].strip() == "janvier 2026"
    for target in (home.select_one(".home-latest .more a"), *archive.select(".archive-months a")):
        assert (site.output / "en" / target["href"]).resolve().is_file()


def test_site_root_leads_to_the_default_interface_language(build_site):
    site = build_site(DEFAULT_LANG="ar")
    root = site.page("index.html")
    assert root.select_one('meta[http-equiv="refresh"]')["content"] == "0; url=./ar/index.html"
    assert [link["href"] for link in root.select("main a")] == ["./ar/index.html", "./en/index.html", "./fr/index.html"]
    page = site.page(f"ar/articles/{FRENCH_ID}.html")
    assert (page.html["lang"], page.html["dir"]) == ("ar", "rtl")
    assert page.select_one(".meta-lang").get_text() == "الفرنسية"
    assert page.select_one(".meta-date-unknown").get_text() == "تاريخ غير معروف"
    assert page.select_one("article.article")["dir"] == "ltr"
    # The article count (Arabic's dual form) is on the home page only, so other pages stay put when articles are added.
    assert site.page("ar/index.html").select_one(".site-footer p").get_text() == "بُني بواسطة News Digest من مقالين."
    assert page.select_one(".site-footer p") is None


BAD_FILES = {
    "empty.txt": b"",
    "blank.txt": b"  \n\n \t\n",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)),
    "legacy arabic.txt": "عنوان المقال عن غزة\n\nنص المقدمة عن الوضع في غزة اليوم.\n\nفقرة أخرى.\n".encode("cp1256"),
    "notitle.txt": ("Les négociations ont repris mardi à Doha entre les délégations des deux camps, "
                    "qui ne s’étaient pas retrouvées depuis des semaines, selon plusieurs sources. " * 2),
    "مقال.txt": "Une dépêche\n\nLe texte de la dépêche, en français.\n\nFin.\n",
}


def test_site_bad_files_are_named_in_warnings_and_the_rest_builds(build_site):
    site = build_site(BAD_FILES)
    for name, expected in (("empty.txt", "is empty"), ("blank.txt", "is empty"), ("binary.txt", "binary"),
                           ("legacy arabic.txt", "not UTF-8"), ("notitle.txt", "no headline"),
                           ("مقال.txt", "outside Latin")):
        assert any(expected in message for message in site.warnings_about(name)), (name, site.warnings)
    ids = {record["id"] for record in site.json("api/articles.json")["articles"]}
    assert {FRENCH_ID, ARABIC_ID, "legacy-arabic", "notitle"} <= ids
    assert not ids & {"empty", "blank", "binary"}
    assert site.page("en/articles/legacy-arabic.html").select_one("h1").get_text() == "عنوان المقال عن غزة"


def test_site_skips_an_oversized_article(build_site, tmp_path):
    site = build_site({"huge.txt": b"Headline\n\n" + b"x" * 300}, NEWS_DIGEST_MAX_ARTICLE_BYTES=200)
    assert any("NEWS_DIGEST_MAX_ARTICLE_BYTES" in message for message in site.warnings_about("huge.txt"))
    assert not (site.output / "en" / "articles" / "huge.html").exists()


def test_site_two_files_with_the_same_id_keep_one_and_warn(build_site):
    site = build_site({"a b.txt": DATED, "a-b.txt": DATED.replace("Bruxelles", "Luxembourg")})
    [warning] = site.warnings_about("a-b.txt")
    assert "already used by a b.txt" in warning
    assert "Bruxelles" in site.page("en/articles/a-b.html").get_text()


def test_site_builds_are_byte_identical(build_site):
    files = {"summit.txt": DATED, "notitle.txt": BAD_FILES["notitle.txt"], "sub/dir/x.txt": DATED}
    first, second = build_site(files), build_site(files)
    assert first.files() == second.files()
    assert len(first.files()) >= 7


def test_site_rejects_a_bad_setting_naming_it(build_site):
    with pytest.raises(SettingsError, match="NEWS_DIGEST_LANGUAGES"):
        build_site(NEWS_DIGEST_LANGUAGES="fr")
    with pytest.raises(SettingsError, match="DEFAULT_LANG"):
        build_site(DEFAULT_LANG="de")


def _pelican(content, output, *extra):
    return subprocess.run([sys.executable, "-m", "pelican", str(content), "-o", str(output),
                           "-s", str(PROJECT_DIR / "pelicanconf.py"), *extra],
                          cwd=PROJECT_DIR, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_pelican_fatal_warnings_turns_bad_input_into_a_failure(tmp_path):
    write_content(tmp_path / "good", {}, with_samples=True)
    write_content(tmp_path / "bad", {"empty.txt": b""}, with_samples=True)
    assert _pelican(tmp_path / "good", tmp_path / "out1", "--fatal", "warnings").returncode == 0
    lenient = _pelican(tmp_path / "bad", tmp_path / "out2")
    assert lenient.returncode == 0 and "empty.txt: is empty" in lenient.stdout + lenient.stderr
    assert (tmp_path / "out2" / "en" / "articles" / f"{ARABIC_ID}.html").is_file()
    assert _pelican(tmp_path / "bad", tmp_path / "out3", "--fatal", "warnings").returncode != 0


def test_site_without_articles_builds_its_pages(build_site):
    site = build_site(with_samples=False)
    assert site.page("en/index.html").select(".article-list") == []
    assert site.page("en/actors/index.html").select("section.actor-index ul li") == []
    assert site.json("api/articles.json")["articles"] == [] and site.json("api/entities.json")["entities"] == []
