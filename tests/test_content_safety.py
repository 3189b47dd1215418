"""Hostile article text is printed as the characters it is, and nothing in it runs.

The payload corpus (`tests/corpus/payloads/`, see its README) carries script tags, event handlers, JSON-LD
breakouts, `javascript:` and `data:` URLs, Jinja and Markdown syntax, other origins and bidi overrides in every
field an article has, plus a knowledge-base file whose actor names carry markup. It is built with the samples,
then read back: every HTML page (no element or attribute injected, the Content-Security-Policy on each), the
JSON-LD, the JSON export and the Atom feeds. The tests marked slow open the pages in Chromium under the policy:
nothing runs, nothing is blocked that the site itself needs, and nothing is fetched from elsewhere.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import (
    ABOUT_PAGE,
    PROJECT_DIR,
    BuiltSite,
    free_port,
    run_build,
    serving,
    write_content,
)

PAYLOADS = PROJECT_DIR / "tests" / "corpus" / "payloads"
PAYLOAD_FILES = sorted(PAYLOADS.glob("*.txt"))
PAYLOAD_IDS = [path.stem for path in PAYLOAD_FILES]
ACTOR_FILE = "payload-actors.toml"
HOSTILE_ACTOR = "zorblax-industries"
INTERFACE_LANGUAGES = ("en", "fr", "ar")
ATOM = "{http://www.w3.org/2005/Atom}"

CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
                           "connect-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'")

# What each article's text must show, character for character, on its page (and in the export and feeds).
SHOWN = {
    "p01_en_script-headline": [
        '<script>window.__pwned=1;alert(1)</script>', '<img src=x onerror="window.__pwned=1;alert(1)">',
        '"><svg onload=window.__pwned=1;alert(1)>', '<iframe src="javascript:window.__pwned=1;alert(1)"></iframe>',
        '<a href="javascript:alert(1)">click me</a>', '<details open ontoggle=window.__pwned=1;alert(1)>'],
    "p02_en_json-ld-breakout": [
        "Breakout </script><script>window.__pwned=1;alert(1)</script> headline",
        "</script><script>window.__pwned=1;alert(1)</script> Gazette",
        "opens a comment <!-- here", "</SCRIPT ><script>window.__pwned=1</script>", "CDATA end ]]> for"],
    "p03_fr_jinja": [
        "Les {{ 7*7 }} ministres et {{ config }} au conseil", "{% for x in range(3) %}boucle{% endfor %}",
        "calculer {{ 7*7 }} ni {{ config }}", "{{ config.items() }}", "{{ self.__init__.__globals__ }}",
        "{% raw %}brut{% endraw %}", "{# commentaire #}", "${7*7}, #{7*7}, <%= 7*7 %> et {{7*'7'}}"],
    "p04_en_markdown": [
        "Markdown **bold** headline with [link](http://evil.example/phish)",
        "**bold**, _italic_, `code` and <b>markup</b>", "# heading", "* a list item",
        "![image](http://evil.example/pixel.png) and [click](javascript:alert(1)) and <https://evil.example/auto>",
        "> a quote block"],
    "p05_en_other-origin": [
        "http://evil.example/track.gif and //evil.example/x.js", '<img src="http://evil.example/pixel.gif">',
        '<link rel="stylesheet" href="https://evil.example/x.css">',
        '<script src="https://evil.example/x.js"></script>',
        '<iframe src="https://evil.example/frame"></iframe>', '<base href="https://evil.example/">',
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">'],
    "p06_ar_rlo": [
        "\u202eغالانت يزور لندن <script>window.__pwned=1;alert(1)</script>", "\u202etxt.exe",
        "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>'],
    "p07_fr_dateline": [
        "Le préfet rencontre les élus <em>locaux</em> à la mairie", "communiqué <img src=x onerror=alert(1)>",
        '"><img src=x onerror=alert(1)>'],
    "p08_en_actor-names": [
        "Karim Benslimane <script>window.__pwned=1</script>", "Jean <b>Dupont</b>",
        "Benslimane<img src=x onerror=alert(1)>", 'Mr "><svg onload=alert(1)> Smith'],
    "p09_fr_actor-names": ["un accord <img src=x onerror=alert(1)>", 'Karim Benslimane "><svg onload=alert(1)>'],
    "p10_en_entities": [
        "Entities &lt;script&gt; stay &amp; as written &#60;b&#62;", "&lt;img src=x onerror=alert(1)&gt;",
        "&quot;quotes&quot; and &#x3C;svg&#x3E;", "<!-- an unclosed comment", "<![CDATA[ data ]]>",
        "<?php echo 1; ?>", "a lone < sign, a lone > sign, a literal <mark>mark</mark> tag and & an ampersand"],
    "p11_en_url-schemes": ["Data URL source and vbscript:msgbox(1) text",
                           "JaVaScRiPt:alert(1) and &#106;avascript:alert(1)"],
}
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: the reader may drop it (as an invisible control) or keep it contained
# Where template syntax stood, what evaluating it would have printed.
EVALUATED = ("Les 49 ministres", "calculer 49", "Quotidien 49", "Dépêche 49", "boucleboucleboucle", "7777777",
             "OUTPUT_PATH", "THEME_STATIC_DIR", "<built-in", "<function")
# Elements the payloads spell and the theme never writes in a page (in the form the payloads give them).
INJECTED_ELEMENTS = ("svg", "img", "iframe", "object", "embed", "base", "style", "strong", "em", "b", "i", "code",
                     "blockquote", "details", "math", "template", "frame", "frameset", "mark", "hr")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href", "background", "cite")
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
OTHER_ORIGIN = "evil.example"


def _payload_content(root: Path) -> Path:
    """The samples, the payload articles, a static page, and the hostile knowledge-base file beside content/."""
    files: dict[str, str | bytes] = {path.name: path.read_bytes() for path in PAYLOAD_FILES}
    write_content(root / "content", {**files, "pages/about.md": ABOUT_PAGE}, with_samples=True)
    shutil.copy(PAYLOADS / "actors.toml", root / ACTOR_FILE)
    return root / "content"


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The payload corpus with the samples, built once, search index included."""
    root = tmp_path_factory.mktemp("payload_site")
    return run_build(_payload_content(root), root / "output", NEWS_DIGEST_SEARCH=True,
                     NEWS_DIGEST_ACTOR_FILES=[ACTOR_FILE])


@pytest.fixture(scope="module")
def pages(payload_site: BuiltSite) -> dict[str, BeautifulSoup]:
    """Every HTML page of the payload site, parsed, by path relative to the output."""
    return {path.relative_to(payload_site.output).as_posix():
            BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for path in sorted(payload_site.output.rglob("*.html")) if "pagefind" not in path.parts}


@pytest.fixture(scope="module")
def exported(payload_site: BuiltSite) -> dict[str, dict]:
    """The payload articles of `api/articles.json`, by id."""
    return {record["id"]: record for record in payload_site.json("api/articles.json")["articles"]
            if record["id"] in PAYLOAD_IDS}


def article_page(lang: str, article_id: str) -> str:
    """An article's page in one interface language, relative to the output."""
    return f"{lang}/articles/{article_id}.html"


def text_of(soup: BeautifulSoup) -> str:
    """The text a reader sees in the page's body, entities decoded."""
    return soup.body.get_text()


def unsafe_url(value: str) -> bool:
    """Whether a URL attribute would run code or load from another origin (browsers drop blanks and controls)."""
    squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
    return squeezed.startswith(UNSAFE_SCHEMES) or OTHER_ORIGIN in squeezed


def theme_script(relative: str, script) -> bool:
    """The theme's own scripts: JSON-LD data on article pages, the search module on the search pages."""
    if script.get("type") == "application/ld+json":
        return not script.has_attr("src") and relative.split("/")[1:2] == ["articles"]
    return (script.get("type") == "module" and script.get("src", "").endswith("/theme/js/search.js")
            and relative.endswith("/search.html") and script.string is None)


def injection_problems(relative: str, soup: BeautifulSoup) -> list[str]:
    """Every element or attribute in the page that the theme does not write: injected by some article text."""
    problems = [f"{relative}: <script {script.attrs}> is not the theme's" for script in soup.find_all("script")
                if not theme_script(relative, script)]
    for element in soup.find_all(True):
        if element.name in INJECTED_ELEMENTS:
            problems.append(f"{relative}: injected <{element.name} {element.attrs}>")
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                problems.append(f"{relative}: <{element.name}> has an event handler {name}={value!r}")
            if name.lower() in URL_ATTRIBUTES and isinstance(value, str) and unsafe_url(value):
                problems.append(f"{relative}: <{element.name} {name}={value!r}>")
    for name in ("html", "head", "body", "title", "main"):
        if len(soup.find_all(name)) != 1:
            problems.append(f"{relative}: {len(soup.find_all(name))} <{name}> elements")
    if len(soup.find_all("h1")) > 1:
        problems.append(f"{relative}: {len(soup.find_all('h1'))} <h1> elements")
    for link in soup.find_all("link"):
        if not set(link.get("rel", [])) <= {"stylesheet", "icon", "canonical", "alternate"}:
            problems.append(f"{relative}: injected <link {link.attrs}>")
    refresh = [meta for meta in soup.find_all("meta") if meta.get("http-equiv", "").lower() == "refresh"]
    if refresh and relative != "index.html":
        problems.append(f"{relative}: <meta http-equiv=refresh> outside the root page")
    forms = [form.get("class") for form in soup.find_all("form")]
    if any(classes not in (["site-search"], ["search-form"]) for classes in forms):
        problems.append(f"{relative}: forms {forms}")
    return problems


def json_ld(soup: BeautifulSoup) -> dict:
    """The page's one JSON-LD block, parsed as JSON."""
    blocks = soup.find_all("script", type="application/ld+json")
    assert len(blocks) == 1
    return json.loads(blocks[0].string)


# --- the corpus itself ---

def test_payload_corpus_carries_every_kind_of_hostile_text() -> None:
    """At least eight articles; each snippet the tests expect is really in its file, and every kind is there."""
    assert len(PAYLOAD_FILES) >= 8 and set(SHOWN) == set(PAYLOAD_IDS)
    texts = {path.stem: path.read_text(encoding="utf-8") for path in PAYLOAD_FILES}
    for article_id, snippets in SHOWN.items():
        missing = [snippet for snippet in snippets if snippet not in texts[article_id]]
        assert not missing, f"{article_id}.txt lacks {missing}"
    everything = "\n".join(texts.values()) + (PAYLOADS / "actors.toml").read_text(encoding="utf-8")
    for kind in ("<script>", "onerror=", "onload=", "</script><script>", "URL: javascript:", "{{ 7*7 }}", "{% for",
                 "{{ config }}", "**bold**", "[link](http://evil.example", "# heading", "<b>", "\u202e",
                 "https://evil.example/", "Author: ", "Tags: ", "Source: ", "Place: "):
        assert kind in everything, f"no payload carries {kind!r}"


# --- HTML pages ---

def test_payload_pages_exist_in_every_interface_language(pages: dict[str, BeautifulSoup]) -> None:
    """Hostile text never costs an article its page."""
    missing = [article_page(lang, article_id) for article_id in PAYLOAD_IDS for lang in INTERFACE_LANGUAGES
               if article_page(lang, article_id) not in pages]
    assert missing == []


@pytest.mark.parametrize("lang", INTERFACE_LANGUAGES)
@pytest.mark.parametrize("article_id", PAYLOAD_IDS)
def test_payload_article_text_is_shown_literally(pages: dict[str, BeautifulSoup], article_id: str, lang: str) -> None:
    """Every hostile snippet reads, on the article's page, exactly as the file wrote it."""
    text = text_of(pages[article_page(lang, article_id)])
    missing = [snippet for snippet in SHOWN[article_id] if snippet not in text and snippet.replace(RLO, "") not in text]
    assert missing == [], f"{article_page(lang, article_id)} does not show {missing}"


def test_payload_pages_have_no_injected_element_or_attribute(pages: dict[str, BeautifulSoup]) -> None:
    """On every page of the site (articles, actors, stories, topics, indexes, search): only the theme's markup."""
    problems = [problem for relative, soup in pages.items() for problem in injection_problems(relative, soup)]
    assert problems == [], "\n".join(problems[:40])


def test_payload_article_bodies_hold_only_paragraphs_and_actor_links(pages: dict[str, BeautifulSoup]) -> None:
    """Markdown and HTML in the text make no headings, lists, emphasis or links: only <p>, <bdi> and actor links."""
    problems = []
    for article_id in PAYLOAD_IDS:
        for lang in INTERFACE_LANGUAGES:
            relative = article_page(lang, article_id)
            article = pages[relative].select_one("article.article")
            for part in article.select(".article-title, .article-lede, .article-body"):
                for element in part.find_all(True):
                    link = element.name == "a" and "actor-link" in element.get("class", [])
                    if not (element.name in ("p", "bdi") or link):
                        problems.append(f"{relative}: <{element.name} {element.attrs}> in {part.get('class')}")
                    if link and not re.fullmatch(r"(\.\./)*(\w\w/)?actors/[a-z0-9-]+\.html", element["href"]):
                        problems.append(f"{relative}: actor link to {element['href']}")
    assert problems == [], "\n".join(problems[:40])


def test_template_syntax_in_articles_is_never_evaluated(payload_site: BuiltSite,
                                                        pages: dict[str, BeautifulSoup]) -> None:
    """`{{ 7*7 }}` stays `{{ 7*7 }}`: no 49 where it stood, no settings printed for `{{ config }}`, anywhere."""
    for relative, soup in pages.items():
        text = str(soup)
        assert [evaluated for evaluated in EVALUATED if evaluated in text] == [], relative
    for path in (*payload_site.output.rglob("*.json"), *payload_site.output.rglob("*.atom")):
        text = path.read_text(encoding="utf-8")
        assert [evaluated for evaluated in EVALUATED if evaluated in text] == [], path
    shown = text_of(pages[article_page("fr", "p03_fr_jinja")])
    assert shown.count("{{ 7*7 }}") >= 3


def test_right_to_left_override_in_a_title_cannot_reorder_the_page(pages: dict[str, BeautifulSoup],
                                                                   exported: dict[str, dict]) -> None:
    """An unclosed U+202E in a headline is either dropped or contained: the <title> holds the headline between FSI
    and PDI, and any override left in the page sits in an element that isolates it (its own `dir`, a <bdi>, a
    block), so it cannot reorder what follows."""
    headline = "غالانت يزور لندن <script>window.__pwned=1;alert(1)</script>"
    assert exported["p06_ar_rlo"]["title"].replace(RLO, "") == headline
    for lang in INTERFACE_LANGUAGES:
        title = pages[article_page(lang, "p06_ar_rlo")].title.string
        assert re.fullmatch(f"\u2068{RLO}?{re.escape(headline)}\u2069 · .+", title), repr(title)
    isolating = ("bdi", "p", "h1", "h2", "h3", "li", "td", "th", "dd", "dt", "title")
    for relative, soup in pages.items():
        for string in soup.find_all(string=re.compile(RLO)):
            holder = string.parent
            while holder.name not in isolating and not holder.has_attr("dir"):
                holder = holder.parent
            assert holder.name != "[document]", f"{relative}: {string!r} is not isolated"


def test_payload_json_ld_parses_and_holds_the_payloads_as_strings(pages: dict[str, BeautifulSoup],
                                                                  exported: dict[str, dict]) -> None:
    """The JSON-LD block survives `</script>` and `<!--` in every field: it parses, and its strings are the text."""
    for article_id, record in exported.items():
        for lang in INTERFACE_LANGUAGES:
            data = json_ld(pages[article_page(lang, article_id)])
            assert data["headline"] == record["title"]
            assert data.get("description") == record["lede"]
            assert data.get("publisher", {}).get("name") == record["outlet"]
            assert [author["name"] for author in data.get("author", [])] == record["authors"]
    breakout = json_ld(pages[article_page("en", "p02_en_json-ld-breakout")])
    assert breakout["headline"] == "Breakout </script><script>window.__pwned=1;alert(1)</script> headline"
    assert breakout["publisher"]["name"] == "</script><script>window.__pwned=1;alert(1)</script> Gazette"
    assert [author["name"] for author in breakout["author"]] == ['Eve "><svg onload=alert(1)>',
                                                                  "Mallory <script>window.__pwned=1</script>"]


def test_json_ld_cites_only_web_addresses_as_the_source(pages: dict[str, BeautifulSoup],
                                                        exported: dict[str, dict]) -> None:
    """`isBasedOn` names an http(s) source; `javascript:` and `data:` URLs stay in the export but not in the JSON-LD."""
    assert exported["p02_en_json-ld-breakout"]["source_url"] == "javascript:alert(1)"
    assert exported["p11_en_url-schemes"]["source_url"] == "data:text/html,<script>alert(1)</script>"
    for article_id in ("p02_en_json-ld-breakout", "p11_en_url-schemes"):
        assert "isBasedOn" not in json_ld(pages[article_page("en", article_id)])
    other_origin = json_ld(pages[article_page("en", "p05_en_other-origin")])
    assert other_origin["isBasedOn"] == "https://evil.example/original-story"


def test_hostile_actor_names_are_shown_literally_on_actor_pages(pages: dict[str, BeautifulSoup]) -> None:
    """A knowledge-base name with markup is the actor's name, as text, in each interface language."""
    names = {"en": 'Zorblax "><svg onload=alert(1)> Industries',
             "fr": "Zorblax <script>window.__pwned=1;alert(1)</script>",
             "ar": "زوربلاكس <img src=x onerror=alert(1)>"}
    for lang, name in names.items():
        soup = pages[f"{lang}/actors/{HOSTILE_ACTOR}.html"]
        assert soup.h1.get_text(strip=True) == name
        assert name in text_of(pages[article_page(lang, "p08_en_actor-names")])


# --- data export and feeds ---

def test_export_holds_the_payloads_as_strings(payload_site: BuiltSite, exported: dict[str, dict]) -> None:
    """api/articles.json parses, and the hostile metadata comes back exactly as written."""
    assert sorted(exported) == PAYLOAD_IDS
    breakout = exported["p02_en_json-ld-breakout"]
    assert breakout["title"] == "Breakout </script><script>window.__pwned=1;alert(1)</script> headline"
    assert breakout["outlet"] == "</script><script>window.__pwned=1;alert(1)</script> Gazette"
    assert breakout["authors"] == ['Eve "><svg onload=alert(1)>', "Mallory <script>window.__pwned=1</script>"]
    assert breakout["tags"] == ["<b>tag</b>", "</script><!--", "{{ 7*7 }}"]
    assert exported["p03_fr_jinja"]["title"] == "Les {{ 7*7 }} ministres et {{ config }} au conseil"
    assert exported["p07_fr_dateline"]["place"] == "<script>window.__pwned=1;alert(1)</script>"
    assert exported["p11_en_url-schemes"]["section"] == "<i>Opinion</i> {{ 7*7 }}"
    for record in exported.values():
        for field in ("title", "headline", "lede"):
            shown = (record[field] or "").replace(RLO, "")
            assert shown in text_of_file(payload_site, record["source"]), (record["id"], field)
    entities = {entity["id"]: entity for entity in payload_site.json("api/entities.json")["entities"]}
    assert entities[HOSTILE_ACTOR]["names"]["fr"] == "Zorblax <script>window.__pwned=1;alert(1)</script>"


def text_of_file(site: BuiltSite, source: str) -> str:
    """An article file's text with its wrapped lines joined, as the reader joins them (and without U+202E, which
    it may drop)."""
    return " ".join((site.content / source).read_text(encoding="utf-8").replace(RLO, "").split())


def test_feeds_carry_the_payloads_as_plain_text(payload_site: BuiltSite, exported: dict[str, dict]) -> None:
    """Every Atom feed is well-formed XML; entries hold the titles, ledes and outlets as text, never as markup."""
    entries = 0
    for path in sorted(payload_site.output.rglob("*.atom")):
        root = ET.parse(path).getroot()  # raises on anything but well-formed XML
        assert root.tag == f"{ATOM}feed", path
        assert [element.tag for element in root.iter() if element.get("type") in ("html", "xhtml")] == [], path
        for entry in root.iter(f"{ATOM}entry"):
            article_id = entry.findtext(f"{ATOM}id").rsplit(":", 1)[1]
            if article_id not in exported:
                continue
            entries += 1
            record = exported[article_id]
            assert entry.findtext(f"{ATOM}title") == record["title"], path
            assert entry.findtext(f"{ATOM}summary") == record["lede"], path
            assert entry.findtext(f"{ATOM}author/{ATOM}name") == record["outlet"], path
    assert entries >= len(PAYLOAD_IDS) * len(INTERFACE_LANGUAGES)


# --- Content-Security-Policy ---

def test_every_page_carries_the_content_security_policy_first(pages: dict[str, BeautifulSoup]) -> None:
    """Each HTML page (root, every template, the static page) declares the policy before it loads anything."""
    kinds = {relative.split("/")[1] if "/" in relative else relative for relative in pages}
    assert {"index.html", "articles", "actors", "topics", "stories", "pages", "search.html"} <= kinds
    for relative, soup in pages.items():
        policies = soup.find_all("meta", attrs={"http-equiv": re.compile("^content-security-policy$", re.IGNORECASE)})
        assert [meta["content"] for meta in policies] == [CONTENT_SECURITY_POLICY], relative
        head = [element.name for element in soup.head.find_all(True, recursive=False)]
        assert head[:2] == ["meta", "meta"] and soup.head.find("meta")["charset"] == "utf-8", relative
        assert soup.head.find_all("meta")[1] is policies[0], f"{relative}: the policy is not right after the charset"



# --- in the browser (slow) ---
# The payload site is served over http://127.0.0.1 and opened in the system Chromium (conftest's `browser`).
# An init script records Content-Security-Policy violations in each document before anything else runs.

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => window.__violations.push({
    directive: event.violatedDirective, blocked: event.blockedURI, source: event.sourceFile,
    line: event.lineNumber, sample: event.sample}));
"""
PAGE_CASES = [
    *(pytest.param(lang, "article", article_id, id=f"{lang}-{article_id}") for article_id in PAYLOAD_IDS
      for lang in INTERFACE_LANGUAGES),
    *(pytest.param(lang, kind, None, id=f"{lang}-{kind}") for lang in INTERFACE_LANGUAGES
      for kind in ("home", "actor", "story", "topic", "actors-index", "stories-index", "topics-index", "page")),
    pytest.param("", "root", None, id="root"),
]


SEARCH_SETTLED = """() => window.__violations.length > 0 || (() => {
    const status = document.querySelector('.search-status').textContent;
    return status !== '' && !status.endsWith('…');
})()"""


def wait_for_search(page) -> None:
    """Until the search page shows its results or the policy blocked something (then the test reports it)."""
    page.wait_for_function(SEARCH_SETTLED, timeout=15_000)


class Watched:
    """A browser tab on the served payload site that keeps what each load did: dialogs, requests, errors."""

    def __init__(self, page, origin: str) -> None:
        self.page, self.origin = page, origin
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def open(self, relative: str) -> None:
        """Load a page afresh, forgetting what the previous one did."""
        self.dialogs.clear(), self.requests.clear(), self.errors.clear()
        response = self.page.goto(f"{self.origin}/{relative}", wait_until="load")
        assert response is not None and response.ok, f"{relative}: HTTP {response and response.status}"
        if relative == "index.html":  # the root leads on to the default language at once (meta refresh)
            self.page.wait_for_url(f"{self.origin}/en/index.html")
            self.page.wait_for_load_state("load")

    def harm(self) -> dict[str, object]:
        """Everything a hostile payload or a too strict policy would show: empty when the page is clean."""
        state = self.page.evaluate("() => ({pwned: typeof window.__pwned, violations: window.__violations})")
        outside = [url for url in self.requests if not url.startswith((f"{self.origin}/", "data:"))]
        found = {"pwned": state["pwned"] != "undefined", "dialogs": self.dialogs, "violations": state["violations"],
                 "outside requests": outside, "errors": self.errors}
        return {name: value for name, value in found.items() if value}


@pytest.fixture(scope="module")
def watched(browser, payload_site: BuiltSite) -> Iterator[Watched]:
    """One tab on the payload site, served on a free port for this module."""
    with serving(payload_site.output, free_port()) as origin:
        context = browser.new_context()
        context.add_init_script(RECORD_VIOLATIONS)
        yield Watched(context.new_page(), origin)
        context.close()


def browser_page(exported: dict[str, dict], lang: str, kind: str, article_id: str | None) -> str:
    """The page of a case, relative to the output: the payload articles and the pages that list them."""
    story_member = exported["p08_en_actor-names"]
    return {"article": lambda: article_page(lang, article_id), "home": lambda: f"{lang}/index.html",
            "actor": lambda: f"{lang}/actors/{HOSTILE_ACTOR}.html",
            "story": lambda: f"{lang}/stories/{story_member['story']}.html",
            "topic": lambda: f"{lang}/topics/{story_member['topics'][0]}.html",
            "actors-index": lambda: f"{lang}/actors/index.html", "stories-index": lambda: f"{lang}/stories/index.html",
            "topics-index": lambda: f"{lang}/topics/index.html", "page": lambda: f"{lang}/pages/about.html",
            "root": lambda: "index.html"}[kind]()


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "kind", "article_id"), PAGE_CASES)
def test_browser_payload_pages_run_nothing_and_load_only_the_site(watched: Watched, exported: dict[str, dict],
                                                                  lang: str, kind: str, article_id: str | None) -> None:
    """No dialog, no injected script ran, no policy violation, no request beyond the local server, no error."""
    relative = browser_page(exported, lang, kind, article_id)
    watched.open(relative)
    assert watched.harm() == {}, relative
    stylesheet = watched.page.evaluate("getComputedStyle(document.querySelector('.site-main')).maxWidth")
    assert stylesheet != "none", f"{relative}: the theme's stylesheet did not apply under the policy"
    assert any(url.endswith("/theme/css/digest.css") for url in watched.requests), relative


@pytest.mark.slow
@pytest.mark.parametrize("lang", INTERFACE_LANGUAGES)
@pytest.mark.parametrize("query", ["Zorblax", "Breakout", "onerror"])
def test_browser_search_works_under_the_policy_and_shows_payloads_as_text(watched: Watched, lang: str,
                                                                         query: str) -> None:
    """Pagefind loads (module, worker, WebAssembly, index fetches) under the policy; hostile results stay text."""
    watched.open(f"{lang}/search.html?q={query}")
    wait_for_search(watched.page)
    results = watched.page.evaluate("""() => [...document.querySelectorAll('.search-results .search-result')].map(
        (item) => ({title: item.querySelector('h2').textContent,
                    excerpt: item.querySelector('.search-excerpt').textContent,
                    elements: [...item.querySelectorAll('*')].map((element) => element.localName)}))""")
    assert results, f"no result for {query!r}"
    assert watched.harm() == {}
    assert any(url.endswith("/pagefind/pagefind.js") for url in watched.requests)
    assert any(".pagefind" in url or url.endswith(".pf_meta") for url in watched.requests)
    for result in results:
        assert set(result["elements"]) <= {"span", "h2", "a", "p", "mark"}, result
    assert any("<" in result["title"] + result["excerpt"] for result in results), results


@pytest.mark.slow
def test_browser_search_works_on_the_main_thread_when_workers_are_unavailable(browser, payload_site: BuiltSite,
                                                                              watched: Watched) -> None:
    """Without Web Workers Pagefind compiles its WebAssembly in the page: what 'wasm-unsafe-eval' is there for."""
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS + "delete window.Worker;")
    try:
        page = context.new_page()
        page.goto(f"{watched.origin}/en/search.html?q=Zorblax", wait_until="load")
        wait_for_search(page)
        violations_and_results = page.evaluate("""() => [typeof Worker, window.__violations,
            document.querySelectorAll('.search-results .search-result').length]""")
    finally:
        context.close()
    assert violations_and_results[0] == "undefined"
    assert violations_and_results[1] == [] and violations_and_results[2] > 0, violations_and_results


@pytest.mark.slow
def test_browser_pages_opened_from_files_keep_their_style_under_the_policy(browser, payload_site: BuiltSite) -> None:
    """`output/index.html` opened from the disk (file://): 'self' still lets the stylesheet in."""
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    try:
        page = context.new_page()
        page.goto((payload_site.output / "en" / "articles" / "p01_en_script-headline.html").as_uri(), wait_until="load")
        state = page.evaluate("""() => [getComputedStyle(document.querySelector('.site-main')).maxWidth,
            window.__violations, typeof window.__pwned]""")
    finally:
        context.close()
    assert state[0] != "none" and state[1] == [] and state[2] == "undefined", state
