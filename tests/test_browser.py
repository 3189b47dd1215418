"""The built site in a real browser: accessibility (axe-core), direction, layout, fonts, navigation, validity.

The digest site (samples, a story in three languages, a page) is built once, served over http://127.0.0.1 and opened in the system Chromium through
Playwright (fixtures at the end of conftest.py). Every test here is marked slow; the pages sampled are
one of each kind (`PAGE_KINDS`) in each interface language.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from pathlib import Path

import axe_playwright_python
import pytest
from conftest import INTERFACE_LANGUAGES, PAGE_KINDS, PROJECT_DIR, ServedSite
from playwright.sync_api import Page, Request

pytestmark = pytest.mark.slow

SamplePages = dict[tuple[str, str], str | None]
OpenPage = Callable[..., Page]

SAMPLED = [pytest.param(lang, kind, id=f"{lang}-{kind}") for lang in INTERFACE_LANGUAGES for kind in PAGE_KINDS]
LATIN_INTERFACE = [param for param in SAMPLED if param.values[0] in ("en", "fr")]
SCHEMES = ("light", "dark")
AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")
# Evaluated through DevTools rather than added as a <script>: the site's Content-Security-Policy forbids inline
# scripts, and the tests check the pages as served, policy included.
AXE_SOURCE = AXE_SCRIPT.read_text(encoding="utf-8") + "\n;true"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
DIRECTION = {"en": "ltr", "fr": "ltr", "ar": "rtl"}
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "ar": "العربية"}
SCREENSHOTS = PROJECT_DIR / "tests" / "screenshots"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def sampled_page(pages: SamplePages, lang: str, kind: str) -> str:
    """The sampled page's path relative to the output, skipping kinds the corpus does not produce."""
    page = pages[lang, kind]
    if page is None:
        pytest.skip(f"the sample corpus makes no {kind} page (its index links to none)")
    return page


def load(page: Page, relative: str) -> None:
    """Open an output page and wait until it and its fonts have loaded."""
    response = page.goto(relative, wait_until="load")
    assert response is not None and response.ok, f"{relative}: HTTP {response and response.status}"
    page.evaluate("document.fonts.ready.then(() => true)")


def run_axe(page: Page, run_only: dict) -> dict:
    """axe-core's results for the current page, restricted by `run_only` (passes keep one node per rule)."""
    page.evaluate(AXE_SOURCE)
    return page.evaluate("options => axe.run(document, options)",
                         {"runOnly": run_only, "resultTypes": ["violations", "incomplete"]})


@pytest.fixture(scope="session")
def axe_results(open_browser_page: OpenPage) -> Callable[[str, str], dict]:
    """axe-core's results on `AXE_TAGS` for a page in a colour scheme, computed once per session."""
    computed: dict[tuple[str, str], dict] = {}

    def results(relative: str, scheme: str) -> dict:
        if (relative, scheme) not in computed:
            page = open_browser_page(color_scheme=scheme)
            load(page, relative)
            computed[relative, scheme] = run_axe(page, {"type": "tag", "values": AXE_TAGS})
        return computed[relative, scheme]

    return results


def only_symbols(node: dict) -> bool:
    """Whether axe left a contrast node undecided only because it holds no text, just symbols (like an arrow)."""
    return bool(node["any"]) and all((check.get("data") or {}).get("messageKey") == "nonBmp" for check in node["any"])


def describe_violations(relative: str, scheme: str, violations: list[dict]) -> str:
    """One readable block per violated rule: id, impact, help, and each node's target, snippet and summary."""
    lines = [f"{relative} ({scheme} scheme): {len(violations)} axe rule(s) violated"]
    for violation in violations:
        lines.append(f"- {violation['id']} [{violation['impact']}] {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' > '.join(map(str, node['target']))}: {node['html'][:160]}")
            lines.append(f"      {summary}")
    return "\n".join(lines)


def overflowing_elements(page: Page) -> list[str]:
    """The outermost elements that stick out of the viewport sideways, as `tag.class (left..right)`."""
    return page.evaluate("""() => {
        const width = window.innerWidth, found = [];
        for (const element of document.body.querySelectorAll('*')) {
            const box = element.getBoundingClientRect();
            if (box.width === 0 || (box.right <= width + 0.5 && box.left >= -0.5)) continue;
            if (found.some(outer => outer.contains(element))) continue;
            found.push(element);
        }
        return found.slice(0, 8).map(element => {
            const box = element.getBoundingClientRect();
            const classes = [...element.classList].map(name => '.' + name).join('');
            return `${element.tagName.toLowerCase()}${classes} (${Math.round(box.left)}..${Math.round(box.right)})`;
        });
    }""")


def png_size(path: Path) -> tuple[int, int]:
    """A PNG file's width and height, read from its IHDR chunk."""
    data = path.read_bytes()[:24]
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(("lang", "kind"), SAMPLED)
def test_browser_pages_have_no_axe_violations(axe_results: Callable[[str, str], dict], browser_sample_pages: SamplePages,
                                              lang: str, kind: str, scheme: str) -> None:
    """axe-core finds nothing against WCAG 2.1 A/AA or its best practices, in light and dark schemes."""
    relative = sampled_page(browser_sample_pages, lang, kind)
    results = axe_results(relative, scheme)
    assert results["violations"] == [], describe_violations(relative, scheme, results["violations"])


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(("lang", "kind"), LATIN_INTERFACE)
def test_browser_latin_interface_pages_pass_colour_contrast(axe_results: Callable[[str, str], dict],
                                                            browser_sample_pages: SamplePages,
                                                            lang: str, kind: str, scheme: str) -> None:
    """On en and fr pages colour-contrast really runs (axe skips pure Arabic text) and passes, undecided nowhere."""
    relative = sampled_page(browser_sample_pages, lang, kind)
    results = axe_results(relative, scheme)
    outcome = {result: [rule for rule in results[result] if rule["id"] == "color-contrast"]
               for result in ("passes", "violations", "incomplete", "inapplicable")}
    assert outcome["passes"] or outcome["violations"], (
        f"{relative} ({scheme}): colour-contrast did not run, it was only {[k for k, v in outcome.items() if v]}")
    assert outcome["violations"] == [], describe_violations(relative, scheme, outcome["violations"])
    undecided = [{**rule, "nodes": [node for node in rule["nodes"] if not only_symbols(node)]}
                 for rule in outcome["incomplete"]]
    undecided = [rule for rule in undecided if rule["nodes"]]
    assert undecided == [], describe_violations(relative, f"{scheme}, undecided", undecided)


@pytest.mark.parametrize(("lang", "kind"), SAMPLED)
def test_browser_pages_compute_the_interface_direction(open_browser_page: OpenPage,
                                                       browser_sample_pages: SamplePages,
                                                       lang: str, kind: str) -> None:
    """The root element computes rtl on Arabic interface pages and ltr on English and French ones."""
    relative = sampled_page(browser_sample_pages, lang, kind)
    page = open_browser_page()
    load(page, relative)
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == DIRECTION[lang], relative


@pytest.mark.parametrize(("kind", "article_direction"), [("french-article", "ltr"), ("arabic-article", "rtl")])
@pytest.mark.parametrize("lang", INTERFACE_LANGUAGES)
def test_browser_article_text_keeps_its_own_direction(open_browser_page: OpenPage,
                                                      browser_sample_pages: SamplePages,
                                                      lang: str, kind: str, article_direction: str) -> None:
    """The article element computes its language's direction whatever the page's (French ltr on an rtl page)."""
    relative = sampled_page(browser_sample_pages, lang, kind)
    page = open_browser_page()
    load(page, relative)
    directions = page.evaluate("""() => [getComputedStyle(document.documentElement).direction,
        getComputedStyle(document.querySelector('article.article')).direction]""")
    assert directions == [DIRECTION[lang], article_direction], relative


@pytest.mark.parametrize("width", [360, 320])
@pytest.mark.parametrize(("lang", "kind"), SAMPLED)
def test_browser_pages_do_not_overflow_narrow_screens(open_browser_page: OpenPage,
                                                      browser_sample_pages: SamplePages,
                                                      lang: str, kind: str, width: int) -> None:
    """At 360 and 320 CSS pixels wide nothing makes the page scroll sideways."""
    relative = sampled_page(browser_sample_pages, lang, kind)
    page = open_browser_page(width=width, height=740)
    load(page, relative)
    scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll_width <= inner_width, (
        f"{relative} at {width} px: scrollWidth {scroll_width} > innerWidth {inner_width}; "
        f"sticking out: {overflowing_elements(page)}")


@pytest.mark.parametrize(("selector", "face"), [(".article-title", "Naskh"), (".article-body p", "Naskh"),
                                              (".site-nav a", "Arabic")])
def test_browser_arabic_text_renders_with_an_arabic_font(open_browser_page: OpenPage,
                                                         browser_sample_pages: SamplePages,
                                                         selector: str, face: str) -> None:
    """Chromium draws Arabic with a real Arabic font, not fallback boxes: Naskh for article text."""
    relative = sampled_page(browser_sample_pages, "ar", "arabic-article")
    page = open_browser_page()
    load(page, relative)
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, f"{relative}: no {selector}"
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()
    used = {font["familyName"]: font["glyphCount"] for font in fonts}
    arabic = {family: count for family, count in used.items() if re.search("Arabic|Naskh", family)}
    assert arabic and sum(arabic.values()) > 0, f"{relative} {selector}: fonts used {used}"
    assert max(used, key=used.get) in arabic, f"{relative} {selector}: most glyphs not from an Arabic font: {used}"
    assert face in max(used, key=used.get), f"{relative} {selector}: expected a {face} face, used {used}"


@pytest.mark.parametrize("lang", INTERFACE_LANGUAGES)
def test_browser_arrows_point_forward_in_the_reading_direction(open_browser_page: OpenPage,
                                                               browser_sample_pages: SamplePages,
                                                               lang: str) -> None:
    """"See all" arrows are mirrored on right-to-left pages and left alone on left-to-right ones."""
    page = open_browser_page()
    load(page, sampled_page(browser_sample_pages, lang, "home"))
    transforms = page.evaluate("[...document.querySelectorAll('.arrow')].map(e => getComputedStyle(e).transform)")
    assert transforms, "the home page has no arrow"
    mirrored = "matrix(-1, 0, 0, 1, 0, 0)"
    assert all((transform == mirrored) == (lang == "ar") for transform in transforms), transforms


@pytest.mark.parametrize("kind", ["actor", "french-article"])
def test_browser_language_switcher_round_trip_keeps_the_page(open_browser_page: OpenPage,
                                                             browser_sample_pages: SamplePages,
                                                             served_site: ServedSite, kind: str) -> None:
    """English → Français → العربية → English through the switcher: the same page in each language."""
    start = sampled_page(browser_sample_pages, "en", kind)
    page = open_browser_page()
    load(page, start)
    for lang in ("fr", "ar", "en"):
        page.locator(f".language-switcher a[hreflang={lang}]").click()
        expected = served_site.url(sampled_page(browser_sample_pages, lang, kind))
        page.wait_for_url(expected)
        state = page.evaluate("""() => [document.documentElement.lang,
            getComputedStyle(document.documentElement).direction]""")
        assert state == [lang, DIRECTION[lang]], f"after clicking {LANGUAGE_NAMES[lang]}: {page.url}"
    assert page.url == served_site.url(start)


@pytest.mark.parametrize(("lang", "kind"), SAMPLED)
def test_browser_first_tab_shows_the_skip_link_and_enter_reaches_main(open_browser_page: OpenPage,
                                                                      browser_sample_pages: SamplePages,
                                                                      lang: str, kind: str) -> None:
    """Tab focuses a visible skip link with a visible focus indicator; Enter moves focus to #main."""
    relative = sampled_page(browser_sample_pages, lang, kind)
    page = open_browser_page()
    load(page, relative)
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => {
        const element = document.activeElement, style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return {skip: element.matches('.skip-link'), html: element.outerHTML.slice(0, 120),
                box: [box.left, box.top, box.right, box.bottom], viewport: [innerWidth, innerHeight],
                outline: [style.outlineStyle, parseFloat(style.outlineWidth)], shadow: style.boxShadow};
    }""")
    assert focused["skip"], f"{relative}: the first Tab focused {focused['html']}"
    left, top, right, bottom = focused["box"]
    width, height = focused["viewport"]
    assert 0 <= left < right <= width and 0 <= top < bottom <= height, (
        f"{relative}: focused skip link at {focused['box']} is not inside the {width}×{height} viewport")
    outline_style, outline_width = focused["outline"]
    assert (outline_style != "none" and outline_width > 0) or focused["shadow"] != "none", (
        f"{relative}: focused skip link has no outline or box-shadow ({focused})")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#main'")
    assert page.evaluate("document.activeElement.id") == "main", f"{relative}: Enter did not move focus to #main"


SCREENSHOT_CASES = [pytest.param(lang, kind, width, id=f"{kind}-{lang}-{width}")
                    for kind in ("home", "actor") for lang in INTERFACE_LANGUAGES
                    for width in ((1280, 360) if lang == "ar" else (1280,))]


@pytest.mark.parametrize(("lang", "kind", "width"), SCREENSHOT_CASES)
def test_browser_writes_full_page_screenshots(open_browser_page: OpenPage, browser_sample_pages: SamplePages,
                                              lang: str, kind: str, width: int) -> None:
    """Full-page PNGs of the homes and the Gallant actor page land in tests/screenshots/ for review."""
    relative = sampled_page(browser_sample_pages, lang, kind)
    page = open_browser_page(width=width)
    load(page, relative)
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{kind}-{lang}-{width}.png"
    path.unlink(missing_ok=True)
    page.screenshot(path=path, full_page=True)
    shot_width, shot_height = png_size(path)
    assert shot_width >= width and shot_height >= 400, f"{path}: {shot_width}×{shot_height}"
    assert path.stat().st_size > 10_000, f"{path}: only {path.stat().st_size} bytes, probably blank"


def validator_predates_wasm_unsafe_eval(error: dict) -> bool:
    """The one error the bundled checker (2020) makes on the policy: CSP 3 added 'wasm-unsafe-eval' in 2021."""
    message = error["message"]
    return ("Expecting source-expression" in message and "'wasm-unsafe-eval'" in message.rsplit("found", 1)[-1]
            and 'http-equiv="Content-Security-Policy"' in error.get("extract", ""))


@pytest.mark.parametrize(("lang", "kind"), [pytest.param("", "root", id="root"), *SAMPLED])
def test_browser_pages_are_valid_html(vnu_errors: dict[str, list[dict]], browser_sample_pages: SamplePages,
                                      lang: str, kind: str) -> None:
    """The Nu HTML Checker reports no error on the root page or any sampled page."""
    relative = "index.html" if kind == "root" else sampled_page(browser_sample_pages, lang, kind)
    errors = [error for error in vnu_errors[relative] if not validator_predates_wasm_unsafe_eval(error)]
    assert errors == [], "\n".join(
        [f"{relative}: {len(errors)} validation error(s)"]
        + [f"- line {error.get('lastLine')}:{error.get('firstColumn')} {error['message']} "
           f"[{' '.join(error.get('extract', '').split())}]" for error in errors])


@pytest.mark.parametrize(("lang", "kind"), SAMPLED)
def test_browser_pages_request_nothing_beyond_the_local_server(open_browser_page: OpenPage,
                                                               browser_sample_pages: SamplePages,
                                                               served_site: ServedSite,
                                                               lang: str, kind: str) -> None:
    """Loading a page fetches only from the local server: no external fonts, scripts or trackers."""
    relative = sampled_page(browser_sample_pages, lang, kind)
    page = open_browser_page()
    requested: list[str] = []

    def record(request: Request) -> None:
        requested.append(request.url)

    page.on("request", record)
    try:
        load(page, relative)
    finally:
        page.remove_listener("request", record)
    outside = [url for url in requested if not url.startswith(f"{served_site.origin}/")]
    assert requested and outside == [], f"{relative} requested {outside}"


def search_results(page: Page, served_site: ServedSite, lang: str, query: str) -> list[str]:
    """Run a query on the search page of interface `lang`; the result links, relative to the output."""
    page.goto(served_site.url(f"{lang}/search.html?q={query}"))
    page.wait_for_function("""() => {
        const status = document.querySelector('.search-status').textContent;
        return status !== '' && !status.endsWith('…');
    }""")
    links = page.locator(".search-results a").evaluate_all("links => links.map(link => link.href)")
    return [link.removeprefix(served_site.origin + "/") for link in links]


@pytest.mark.parametrize(("lang", "query"), [("fr", "Gallant"), ("ar", "غالانت"), ("en", "Galant"), ("en", "غالانت")])
def test_browser_search_finds_an_actor_by_any_spelling_in_the_reader_language(
        open_browser_page: OpenPage, served_site: ServedSite, lang: str, query: str) -> None:
    """Pagefind finds Gallant's page from a Latin or an Arabic spelling, and links it in the reader's language."""
    results = search_results(open_browser_page(), served_site, lang, query)
    assert f"{lang}/actors/yoav-gallant.html" in results, results
    assert all(result.startswith(f"{lang}/") for result in results), results


def test_browser_search_finds_articles_in_every_language_from_any_interface(
        open_browser_page: OpenPage, served_site: ServedSite) -> None:
    """One query reaches the French, English and Arabic reports of the same event, each indexed once."""
    page = open_browser_page()
    for lang in INTERFACE_LANGUAGES:
        results = search_results(page, served_site, lang, "Rubio") + search_results(page, served_site, lang, "روبيو")
        articles = {result for result in results if "/articles/" in result}
        assert articles == {f"{lang}/articles/{name}.html" for name in
                            ("010_fr_rubio-doha", "011_en_rubio-doha-gaza", "012_ar_rubio-doha")}, results
        assert len(search_results(page, served_site, lang, "Rubio")) == len(set(search_results(
            page, served_site, lang, "Rubio"))), "a page is indexed twice"


def test_browser_search_results_are_accessible_and_right_to_left_in_arabic(
        open_browser_page: OpenPage, served_site: ServedSite) -> None:
    """The Arabic search page with results: translated labels, rtl, and no axe violation."""
    page = open_browser_page()
    results = search_results(page, served_site, "ar", "Rubio")
    assert results
    assert page.inner_text(".search-status").startswith("النتائج:")
    assert page.evaluate("getComputedStyle(document.querySelector('.search-results')).direction") == "rtl"
    page.evaluate(AXE_SOURCE)
    violations = page.evaluate("options => axe.run(document, options).then(r => r.violations)",
                               {"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert violations == [], describe_violations("ar/search.html?q=Rubio", "light", violations)
