"""The multilingual interface on real builds: every page in every interface language, links that keep the
reader's language, hreflang and canonical links, digits, dates, plurals and direction."""

import re
from pathlib import PurePosixPath

import pytest
from babel.messages.pofile import read_po
from conftest import ARABIC_SAMPLE, DEV_CORPUS, DOHA_STORY, FRENCH_SAMPLE, PROJECT_DIR

LANGUAGES = ("en", "fr", "ar")
ARABIC_ID = ARABIC_SAMPLE.removesuffix(".txt")
FRENCH_ID = FRENCH_SAMPLE.removesuffix(".txt")


def html_pages(site, lang):
    """Every HTML page of one interface language, by its language-neutral path."""
    folder = site.output / lang
    return {path.relative_to(folder).as_posix(): path for path in sorted(folder.rglob("*.html"))}


def resolve(page_path: str, href: str) -> str:
    """The output-relative path a relative link on the page at `page_path` leads to."""
    parts = []
    for part in (PurePosixPath(page_path).parent / href.split("#")[0]).parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def test_interface_every_page_exists_in_every_interface_language(digest_site):
    trees = {lang: set(html_pages(digest_site, lang)) for lang in LANGUAGES}
    assert trees["en"] == trees["fr"] == trees["ar"]
    kinds = {path.split("/")[0] for path in trees["en"]}
    assert kinds == {"index.html", "archive.html", "archive", "search.html", "articles", "actors", "topics", "stories", "pages"}
    assert {"stories/index.html", "topics/index.html", "actors/index.html", "pages/about.html"} <= trees["en"]
    assert not (digest_site.output / "articles").exists()


def test_interface_pages_declare_their_language_direction_canonical_and_alternates(digest_site):
    for lang, direction in (("en", "ltr"), ("fr", "ltr"), ("ar", "rtl")):
        for path, file in html_pages(digest_site, lang).items():
            page = digest_site.page(f"{lang}/{path}")
            assert (page.html["lang"], page.html["dir"]) == (lang, direction), path
            here = f"{lang}/{path}"
            assert resolve(here, page.select_one('link[rel="canonical"]')["href"]) == here
            alternates = {link["hreflang"]: resolve(here, link["href"]) for link in page.select('link[rel="alternate"][hreflang]')}
            assert alternates == {"en": f"en/{path}", "fr": f"fr/{path}", "ar": f"ar/{path}", "x-default": f"en/{path}"}


def test_interface_links_keep_the_reader_in_their_language(digest_site):
    for lang in LANGUAGES:
        for path in html_pages(digest_site, lang):
            here = f"{lang}/{path}"
            page = digest_site.page(here)
            for link in page.select("a[href]"):
                href = link["href"]
                if href.startswith(("#", "https://www.wikidata.org/")):
                    continue
                target = resolve(here, href)
                assert (digest_site.output / target).is_file(), f"{here}: {href} is broken"
                if link.find_parent(class_="language-switcher"):
                    assert target == f"{link['hreflang']}/{path}"
                else:
                    assert target.startswith(f"{lang}/"), f"{here}: {href} leaves the {lang} interface"


def test_interface_switcher_names_each_language_in_itself_and_marks_the_current_one(digest_site):
    page = digest_site.page("ar/actors/yoav-gallant.html")
    links = page.select(".language-switcher a")
    assert [(link["lang"], link.get_text()) for link in links] == [("en", "English"), ("fr", "Français"),
                                                                    ("ar", "العربية")]
    assert [link.get("aria-current") for link in links] == [None, None, "true"]
    assert links[2]["dir"] == "rtl" and links[0]["dir"] == "ltr"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_interface_strings_come_from_the_language_catalogue(digest_site, lang):
    with (PROJECT_DIR / "theme" / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as po_file:
        catalogue = read_po(po_file, locale=lang)
    expected = [catalogue.get(label).string for label in ("Articles", "Stories", "Topics", "Actors")]
    page = digest_site.page(f"{lang}/topics/index.html")
    assert [link.get_text() for link in page.select(".site-nav a")] == expected
    assert page.select_one(".skip-link").get_text() == catalogue.get("Skip to content").string
    assert page.select_one('.site-nav a[aria-current="page"]').get_text() == catalogue.get("Topics").string


def test_interface_article_keeps_its_language_inside_every_interface(digest_site):
    for lang in LANGUAGES:
        page = digest_site.page(f"{lang}/articles/{ARABIC_ID}.html")
        article = page.select_one("article.article")
        assert (article["lang"], article["dir"]) == ("ar", "rtl")
        assert page.select_one(".article-meta-box")["lang"] == lang
        body_links = {link["href"] for link in article.select(".article-body a")}
        assert "../actors/yoav-gallant.html" in body_links


def test_interface_search_indexes_each_article_once_from_its_own_language(digest_site):
    articles = digest_site.json("api/articles.json")["articles"]
    for record in articles:
        marked = [lang for lang in LANGUAGES
                  if digest_site.page(f"{lang}/articles/{record['id']}.html").select("[data-pagefind-body]")]
        assert marked == [record["lang"]], record["id"]
        assert record["url"] == f"{record['lang']}/articles/{record['id']}.html"


def test_interface_names_and_foreign_headlines_are_isolated(digest_site):
    page = digest_site.page("ar/actors/index.html")
    names = page.select(".actor-list a")
    assert names and all(link.find("bdi") for link in names)
    french_home = digest_site.page("fr/index.html")
    arabic_titles = [link for link in french_home.select(".article-item-title a") if link["lang"] == "ar"]
    assert arabic_titles and all(link["dir"] == "rtl" for link in arabic_titles)
    assert all(span["dir"] in {"ltr", "rtl"} for span in french_home.select(".article-item-lede span[lang]"))
    title = digest_site.page("fr/actors/yoav-gallant.html").title.get_text()
    assert title.startswith("\u2068Yoav Gallant\u2069")


def test_interface_dates_follow_the_interface_locale_with_hijri_on_arabic_pages(digest_site):
    english, french, arabic = (digest_site.page(f"{lang}/articles/012_ar_rubio-doha.html")
                               for lang in LANGUAGES)
    date = english.select_one(".article-meta time")["datetime"]
    assert french.select_one(".article-meta time")["datetime"] == date
    assert re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", english.select_one(".article-meta time").get_text())
    assert re.fullmatch(r"\d{1,2} [a-zéû]+ \d{4}", french.select_one(".article-meta time").get_text())
    assert re.fullmatch(r"\d{1,2} [\u0600-\u06FF]+ \d{4}", arabic.select_one(".article-meta time").get_text())
    assert "هـ" in arabic.select_one(".meta-hijri").get_text()
    assert english.select_one(".meta-hijri") is None and french.select_one(".meta-hijri") is None


def test_interface_arabic_digits_follow_the_digit_setting(build_site):
    latin = build_site({name: (DEV_CORPUS / name).read_bytes() for name in DOHA_STORY[:1]})
    indic = build_site({name: (DEV_CORPUS / name).read_bytes() for name in DOHA_STORY[:1]},
                       NEWS_DIGEST_DIGITS={"ar": "arab"}, NEWS_DIGEST_HIJRI_DATES=[])
    for site, digits, other in ((latin, "0-9", "٠-٩"), (indic, "٠-٩", "0-9")):
        page = site.page("ar/articles/010_fr_rubio-doha.html")
        date = page.select_one(".article-meta time").get_text()
        footer = site.page("ar/index.html").select_one(".site-footer p").get_text()
        counts = [count.get_text() for count in site.page("ar/actors/index.html").select(".count")]
        for text in (date, footer, *counts):
            if re.search(f"[{digits}{other}]", text):
                assert re.search(f"[{digits}]", text) and not re.search(f"[{other}]", text), text
        assert re.search(f"[{digits}]", date) and re.search(f"[{digits}]", " ".join(counts))
    assert indic.page("ar/articles/010_fr_rubio-doha.html").select_one(".meta-hijri") is None
    # Article text keeps the digits its source used, and other interfaces keep Latin digits.
    assert re.search("[0-9]", indic.page("fr/index.html").select_one(".site-footer p").get_text())


def test_interface_arabic_plural_forms_read_right_with_localised_numbers(build_site):
    site = build_site({name: (DEV_CORPUS / name).read_bytes() for name in DOHA_STORY}, NEWS_DIGEST_DIGITS={"ar": "arab"})
    assert site.page("ar/index.html").select_one(".site-footer p").get_text() == "بُني بواسطة News Digest من ٥ مقالات."
    assert site.page("fr/index.html").select_one(".site-footer p").get_text() == \
        "Construit avec News Digest à partir de 5 articles."


def test_interface_css_uses_logical_properties_only():
    css = (PROJECT_DIR / "theme" / "static" / "css" / "digest.css").read_text(encoding="utf-8")
    physical = re.findall(r"(?<![-\w])(?:(?:margin|padding|border)-(?:left|right|top|bottom)|left|right|top|bottom|"
                          r"float|text-align:\s*(?:left|right)|clear)\s*:", css)
    assert physical == []
    assert ":dir(rtl)" in css and "prefers-color-scheme: dark" in css and "@media print" in css


def test_interface_pages_are_written_where_their_save_as_settings_say(build_site):
    site = build_site(ACTOR_URL="actors/{slug}/", ACTOR_SAVE_AS="actors/{slug}/index.html")
    for lang in LANGUAGES:
        actor = site.page(f"{lang}/actors/yoav-gallant/index.html")
        assert resolve(f"{lang}/actors/yoav-gallant/index.html", actor.select_one(".site-nav a")["href"]) == \
            f"{lang}/index.html"
    article = site.page(f"fr/articles/{ARABIC_ID}.html")
    assert "../actors/yoav-gallant/" in {link["href"] for link in article.select(".article-body a")}
