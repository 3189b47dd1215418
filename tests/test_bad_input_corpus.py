"""Hostile and broken input, built together with the good samples: the build never crashes, names each bad
file and what to do, loses nothing else, and shows every text escaped.

The corpus is `tests/corpus/bad/` (see its README); the very large kinds and the file names a repository
should not hold are made here. One table says how each kind reaches the build and what the build must do.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT_DIR, SAMPLE_FILES, BuiltSite, run_build, run_pelican, write_content
from news_digest.errors import SettingsError
from news_digest.pipeline.document import printable_path
from news_digest.pipeline.identifiers import article_id, display_path
from news_digest.pipeline.text import INVISIBLE

BAD_CORPUS = PROJECT_DIR / "tests" / "corpus" / "bad"
INTERFACE = ("en", "fr", "ar")
# Characters that must never reach a page from an article: bidirectional embeddings, overrides and
# isolates, zero-width space, word joiner, BOM, NUL.
FORBIDDEN = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u2060\ufeff\x00")


class Feed(Enum):
    """How a kind of bad input reaches the build."""

    ARTICLE = "a file in content/"
    ACTOR_FILE = "a file in NEWS_DIGEST_ACTOR_FILES"
    TOPIC_FILE = "a file in NEWS_DIGEST_TOPIC_FILES"
    SETTING = "a value in the settings"


class Outcome(Enum):
    """What the build does with it."""

    PAGE = "published, no warning"
    WARNED = "published (or loaded) with a warning"
    SKIPPED = "left out with a warning"
    STOPPED = "the build stops with a critical message"


def ten_thousand_paragraphs() -> bytes:
    """A headline, a lede and 10,000 short paragraphs (about 400 KB)."""
    paragraphs = (f"Paragraph {number} of the inquiry report describes one more delivery of aid."
                  for number in range(10_000))
    return ("Inquiry report published in full\n\nThe committee released every page of its report.\n\n"
            + "\n\n".join(paragraphs) + "\n").encode("utf-8")


def one_megabyte_line() -> bytes:
    """One line of about 1 MB: a whole article pasted without a single line break."""
    sentence = "Les ministres européens ont discuté des sanctions à Bruxelles mardi soir. "
    return (sentence * (1_000_000 // len(sentence) + 1)).encode("utf-8")[:1_000_000].rstrip()


def corpus_file(name: str) -> Callable[[], bytes]:
    """The bytes of a file of the bad corpus."""
    return lambda: (BAD_CORPUS / name).read_bytes()


def renamed(note: str) -> Callable[[], bytes]:
    """The good English article with one more paragraph, for a case about its file name (not its bytes)."""
    return lambda: corpus_file("plain-english.txt")() + f"\nThis copy is filed {note}.\n".encode()


@dataclass(frozen=True)
class Case:
    """One kind of bad input: where it goes, what it is made of, and what the build must say and do."""

    kind: str
    name: str
    feed: Feed
    outcome: Outcome
    data: Callable[[], bytes] | None = None
    # Words the warning about `name` must contain (what is wrong and what to do), and the line it names.
    says: tuple[str, ...] = ()
    line: int | None = None
    # For SETTING cases: the value given to the setting `name`.
    value: object = None

    @property
    def page_id(self) -> str:
        """The page id of an article case (the file name without `.txt`, as a slug)."""
        return article_id(self.name)[0]

    @property
    def shown_as(self) -> str:
        """The file name as warnings show it: undecodable bytes as U+FFFD, controls as `\\uXXXX`."""
        return printable_path(display_path(self.name))


def _article(kind: str, name: str, outcome: Outcome, *says: str, line: int | None = None,
             data: Callable[[], bytes] | None = None) -> Case:
    return Case(kind, name, Feed.ARTICLE, outcome, data or corpus_file(name), tuple(says), line)


HOSTILE_NAME = "it's \"quoted\" <script>alert(1)<\\script> & co.txt"
TRAVERSAL_NAME = "..%2F..%2Fetc%2Fpasswd.txt"
LONG_NAME = ("a-very-long-file-name-" * 12)[:251] + ".txt"
# Shown as `report-txt.exe` by a terminal that honours the override.
RLO_NAME = "report-\u202eexe.txt"
# Terminal escape sequences (red text, then reset) in a name: printed as they are, they would act.
ESCAPE_NAME = "\x1b[31mred\x1b[0m.txt"
# Latin-1 bytes, not UTF-8: Python lists the name with a surrogate escape.
LATIN1_NAME = b"caf\xe9.txt".decode("utf-8", "surrogateescape")

CASES: tuple[Case, ...] = (
    # Encodings
    _article("truncated UTF-8", "truncated-utf8.txt", Outcome.WARNED, "truncated", "last character was dropped", line=13),
    _article("UTF-8 with a windows-1256 line", "mixed-utf8-cp1256-line.txt", Outcome.WARNED,
             "mixes UTF-8", "line(s) 11", "Re-save the file as UTF-8", line=11),
    _article("UTF-8 with a latin-1 line", "mixed-utf8-latin1-line.txt", Outcome.WARNED,
             "mixes UTF-8", "line(s) 13", "Re-save the file as UTF-8", line=13),
    _article("UTF-8 with encoded surrogates (CESU-8)", "cesu8-surrogates.txt", Outcome.WARNED,
             "mixes UTF-8", "Re-save the file as UTF-8", line=13),
    _article("whole file in windows-1256", "legacy-windows-1256.txt", Outcome.WARNED,
             "is not UTF-8", "cp1256", "Re-save the file as UTF-8"),
    _article("UTF-16 LE without a byte-order mark", "utf16-le-no-bom.txt", Outcome.WARNED,
             "UTF-16 without a byte-order mark", "utf-16-le", "Re-save the file as UTF-8"),
    _article("UTF-16 BE without a byte-order mark", "utf16-be-no-bom.txt", Outcome.WARNED,
             "UTF-16 without a byte-order mark", "utf-16-be", "Re-save the file as UTF-8"),
    # Not text at all
    _article("PNG renamed .txt", "binary-png.txt", Outcome.SKIPPED, "binary", "skipped", "Only plain-text"),
    _article("ZIP renamed .txt", "binary-zip.txt", Outcome.SKIPPED, "binary", "skipped", "Only plain-text"),
    _article("empty file", "empty-file.txt", Outcome.SKIPPED, "is empty", "skipped", "Add the article text"),
    _article("whitespace only (with NBSP and ideographic space)", "whitespace-only.txt", Outcome.SKIPPED,
             "is empty", "skipped", "Add the article text"),
    _article("only a breadcrumb line", "breadcrumb-only.txt", Outcome.WARNED,
             "headline but no article text", "Add the text", line=1),
    _article("only a Title line", "title-only.txt", Outcome.SKIPPED, "no article text", "skipped", "Add the headline"),
    # Size
    _article("10,000 paragraphs", "ten-thousand-paragraphs.txt", Outcome.PAGE, data=ten_thousand_paragraphs),
    _article("a 1 MB single line", "one-megabyte-line.txt", Outcome.WARNED, "no headline", "Put the headline", line=1,
             data=one_megabyte_line),
    # Invisible and control characters
    _article("zero-width characters in title and names", "zero-width.txt", Outcome.WARNED,
             "6 invisible control characters removed", "zero-width", "Remove them", line=3),
    _article("bidi controls in title and names (trojan source)", "bidi-controls.txt", Outcome.WARNED,
             "14 invisible control characters removed", "bidirectional", "Remove them", line=3),
    _article("NUL bytes inside the text", "nul-bytes.txt", Outcome.WARNED,
             "2 invisible control characters removed", "control characters", "Remove them", line=5),
    # Line ends
    _article("CRLF line ends", "crlf-line-ends.txt", Outcome.PAGE),
    _article("lone CR line ends", "lone-cr-line-ends.txt", Outcome.PAGE),
    # File names
    _article("path-traversal-looking file name", TRAVERSAL_NAME, Outcome.PAGE, data=renamed("under a traversal")),
    _article("file name with quotes, spaces and <script>", HOSTILE_NAME, Outcome.PAGE, data=renamed("with a script")),
    _article("file name of 255 bytes", LONG_NAME, Outcome.WARNED, "longer than 120 characters", "page id", "Rename",
             data=renamed("under a long name")),
    _article("right-to-left override in the file name", RLO_NAME, Outcome.WARNED, "invisible control", "page id", "Rename",
             data=renamed("under a reversed name")),
    _article("terminal escape sequences in the file name", ESCAPE_NAME, Outcome.WARNED, "invisible control", "page id",
             data=lambda: b"Date: soon\n\n" + renamed("under a coloured name")()),
    _article("file name in latin-1, not UTF-8", LATIN1_NAME, Outcome.WARNED, "is not valid UTF-8", "page id", "Rename",
             data=renamed("under a latin-1 name")),
    _article("identical bytes under a second name", "zz-copy-of-plain-english.txt", Outcome.SKIPPED,
             "same bytes as plain-english.txt", "skipped", "Delete one",
             data=corpus_file("plain-english.txt")),
    _article("the original of that copy", "plain-english.txt", Outcome.PAGE),
    # Metadata
    _article("two Date lines and two Source lines", "conflicting-metadata.txt", Outcome.WARNED,
             "'Date' is given twice", "first value is kept", "Keep one line per key", line=4),
    _article("a date in the future", "future-date.txt", Outcome.WARNED, "2999-01-01", "future", "Check", line=1),
    _article("an impossible date (February 30)", "impossible-date.txt", Outcome.WARNED,
             "2026-02-30", "date is shown as unknown", "Write it as", line=1),
    _article("a date at the edge of the calendar", "edge-of-calendar-date.txt", Outcome.WARNED,
             "0001-01-01", "date is shown as unknown", "Write it as", line=1),
    _article("bad Lang, misspelt key, line that is not metadata", "metadata-mistakes.txt", Outcome.WARNED,
             "Known keys", line=2),
    _article("no headline: the file starts with a paragraph", "no-headline.txt", Outcome.WARNED,
             "no headline", "Title:", line=1),
    # Knowledge base and taxonomy
    Case("knowledge file defining an id twice", "kb-duplicate-ids.toml", Feed.ACTOR_FILE, Outcome.WARNED,
         says=("'orla-quinnell'", "repeats an id", "Give each actor one entry")),
    Case("an alias claimed by two actors", "kb-shared-alias.toml", Feed.ACTOR_FILE, Outcome.WARNED,
         says=("'Chancellor Dunvarro'", "also claimed by 'marek-dunsany'", "Keep each spelling on one actor")),
    Case("knowledge file that is not TOML", "kb-not-toml.toml", Feed.ACTOR_FILE, Outcome.SKIPPED,
         says=("cannot be read as TOML", "line 2", "skipped", "Fix the syntax")),
    Case("actor names with invisible controls", "kb-invisible-controls.toml", Feed.ACTOR_FILE, Outcome.PAGE),
    Case("taxonomy rules that do not compile", "taxonomy-bad-rules.toml", Feed.TOPIC_FILE, Outcome.WARNED,
         says=("it was skipped", "Fix the rule")),
    Case("taxonomy file that is not TOML", "taxonomy-not-toml.toml", Feed.TOPIC_FILE, Outcome.SKIPPED,
         says=("cannot be read as a taxonomy", "line 2", "skipped", "Fix the file")),
    # Settings of the wrong type: the build stops before reading anything.
    Case("a language list given as a string", "NEWS_DIGEST_LANGUAGES", Feed.SETTING, Outcome.STOPPED,
         says=("non-empty list of language codes",), value="fr"),
    Case("a worker count given as a word", "NEWS_DIGEST_WORKERS", Feed.SETTING, Outcome.STOPPED,
         says=("whole number, 0 or more", "'two'"), value="two"),
    Case("a negative size limit", "NEWS_DIGEST_MAX_ARTICLE_BYTES", Feed.SETTING, Outcome.STOPPED,
         says=("positive whole number", "-1"), value=-1),
    Case("actor files given as one string", "NEWS_DIGEST_ACTOR_FILES", Feed.SETTING, Outcome.STOPPED,
         says=("list of file paths",), value="site/actors.toml"),
)

ARTICLE_CASES = tuple(case for case in CASES if case.feed is Feed.ARTICLE)
BUILT_CASES = tuple(case for case in CASES if case.feed is not Feed.SETTING)
SETTING_CASES = tuple(case for case in CASES if case.feed is Feed.SETTING)


def _id(case: Case) -> str:
    return case.kind


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """Every article, knowledge and taxonomy case, built once with the good samples."""
    root = tmp_path_factory.mktemp("bad_site")
    articles = {case.name: case.data() for case in ARTICLE_CASES}
    # An article naming the actors and the topic the site files define, to see which entries loaded.
    articles["site-actors.txt"] = (
        "Harbour talks: Orla Quinnell meets Tomas Ferlind\n\nOrla Quinnell met Tomas Ferlind and Chancellor "
        "Dunvarro in the harbour on Monday.\n\nThe harbour talks went on late into the night.\n")
    write_content(root / "content", articles, with_samples=True)
    site_files = {case.name: (BAD_CORPUS / case.name).read_bytes() for case in BUILT_CASES if case.feed is not Feed.ARTICLE}
    write_content(root / "site", site_files, with_samples=False)

    def listed(feed: Feed) -> list[str]:
        return [f"site/{case.name}" for case in BUILT_CASES if case.feed is feed]

    return run_build(root / "content", root / "output",
                     NEWS_DIGEST_ACTOR_FILES=listed(Feed.ACTOR_FILE), NEWS_DIGEST_TOPIC_FILES=listed(Feed.TOPIC_FILE))


def article_page(site: BuiltSite, case_or_id: Case | str, lang: str = "en") -> BeautifulSoup:
    """The article's page in one interface language, parsed."""
    page_id = case_or_id.page_id if isinstance(case_or_id, Case) else case_or_id
    return site.page(f"{lang}/articles/{page_id}.html")


def reported_about(site: BuiltSite, name: str) -> list[str]:
    """The warnings about the file `name`: those that name it first (`area: [folder/]name[:line]: ...`)."""
    about = re.compile(rf"news_digest\.\w+: (?:\S*/)?{re.escape(name)}(?::\d+)?: ")
    return [message for message in site.warnings if about.match(message)]


def exported_ids(site: BuiltSite) -> set[str]:
    """The ids of the articles the export lists: those that became pages."""
    return {article["id"] for article in site.json("api/articles.json")["articles"]}


def test_bad_input_build_keeps_every_good_sample(bad_site: BuiltSite) -> None:
    for sample in SAMPLE_FILES:
        page_id = sample.stem
        assert page_id in exported_ids(bad_site)
        for lang in INTERFACE:
            assert article_page(bad_site, page_id, lang).select_one("article h1.article-title").get_text(strip=True)


@pytest.mark.parametrize("case", [case for case in BUILT_CASES if case.outcome is not Outcome.PAGE], ids=_id)
def test_bad_input_is_reported_naming_the_file_the_line_and_what_to_do(bad_site: BuiltSite, case: Case) -> None:
    about = reported_about(bad_site, case.shown_as)
    matching = [message for message in about if all(words in message for words in case.says)]
    assert matching, f"no warning about {case.name} says {case.says}; got {about}"
    if case.line is not None:
        assert any(f"{case.shown_as}:{case.line}: " in message for message in matching), matching


@pytest.mark.parametrize("case", [case for case in BUILT_CASES if case.outcome is Outcome.PAGE], ids=_id)
def test_clean_but_odd_input_gives_no_warning(bad_site: BuiltSite, case: Case) -> None:
    assert reported_about(bad_site, case.shown_as) == []


@pytest.mark.parametrize("case", ARTICLE_CASES, ids=_id)
def test_bad_article_is_published_or_left_out_as_documented(bad_site: BuiltSite, case: Case) -> None:
    published = case.outcome in (Outcome.PAGE, Outcome.WARNED)
    assert (case.page_id in exported_ids(bad_site)) == published
    for lang in INTERFACE:
        assert (bad_site.output / lang / "articles" / f"{case.page_id}.html").is_file() == published
    if published:
        # The article's text is the same in every interface language: one copy is read.
        text = article_page(bad_site, case).select_one("article").get_text()
        assert not FORBIDDEN & set(text), f"{case.name}: an invisible control reached the page"


def test_warnings_show_file_names_without_acting_on_the_terminal(bad_site: BuiltSite) -> None:
    assert not [message for message in bad_site.warnings if INVISIBLE.search(message) or "\u202e" in message]
    assert reported_about(bad_site, "report-\\u202eexe.txt") and reported_about(bad_site, "\\u001b[31mred\\u001b[0m.txt")


def test_bad_input_build_writes_nothing_outside_its_output(bad_site: BuiltSite) -> None:
    root = bad_site.output.parent
    assert sorted(path.name for path in root.iterdir()) == ["cache", "content", "output", "site"]
    assert not list(bad_site.output.rglob("passwd*"))
    assert (bad_site.output / "en" / "articles" / "2f-2fetc-2fpasswd.html").is_file()


def test_hostile_file_name_is_escaped_everywhere(bad_site: BuiltSite) -> None:
    case = next(case for case in ARTICLE_CASES if case.name == HOSTILE_NAME)
    records = {article["id"]: article for article in bad_site.json("api/articles.json")["articles"]}
    assert records[case.page_id]["source"] == HOSTILE_NAME
    for lang in INTERFACE:
        page = article_page(bad_site, case, lang)
        scripts = page.find_all("script")
        assert all(script.get("type") == "application/ld+json" for script in scripts)
        assert "alert(1)" not in str(page)


def test_invisible_controls_are_removed_from_titles_text_and_names(bad_site: BuiltSite) -> None:
    zero_width = article_page(bad_site, "zero-width")
    assert zero_width.select_one("h1.article-title").get_text() == "Yoav Gallant meets Antony Blinken in Tel Aviv"
    assert zero_width.title.get_text() == "\u2068Yoav Gallant meets Antony Blinken in Tel Aviv\u2069 · News Digest"
    links = {link["href"].rsplit("/", 1)[-1] for link in zero_width.select("article a.actor-link")}
    assert {"yoav-gallant.html", "antony-blinken.html"} <= links
    # ZWNJ (Persian) and ZWJ (emoji sequence) are part of the writing: kept.
    body = zero_width.select_one("div.article-body").get_text()
    assert "\u0645\u06cc\u200c\u0631\u0648\u062f" in body and "\U0001F469\u200d\U0001F4BB" in body
    bidi = article_page(bad_site, "bidi-controls")
    assert bidi.select_one("h1.article-title").get_text() == "Blinken meets Gallant in Tel Aviv"
    assert {link.get_text() for link in bidi.select("article a.actor-link")} >= {"Yoav Gallant", "Antony Blinken"}
    # LRM, RLM and ALM place punctuation in Arabic text: kept.
    assert "\u200fالقدس\u200f and \u061c١٢\u200e" in bidi.select_one("div.article-body").get_text()


def test_site_knowledge_names_lose_their_invisible_controls(bad_site: BuiltSite) -> None:
    entities = {entity["id"]: entity for entity in bad_site.json("api/entities.json")["entities"]}
    ferlind = entities["tomas-ferlind"]
    assert ferlind["names"]["en"] == "Tomas Ferlind" and ferlind["names"]["fr"] == "Tomas Ferlind"
    assert ferlind["articles"] == 1
    # The first of two entries with one id is kept; the alias stays with its first owner.
    assert entities["orla-quinnell"]["type"] == "person" and entities["orla-quinnell"]["articles"] == 1
    assert "Chancellor Dunvarro" in entities["marek-dunsany"]["aliases"] and "ilse-varro" not in entities


def test_broken_taxonomy_rules_are_skipped_and_the_good_one_loads(bad_site: BuiltSite) -> None:
    warnings = bad_site.warnings_about("taxonomy-bad-rules.toml")
    for rule in ("'weightless'", "'no-words'", "'keyword-list'", "number 5"):
        assert any(rule in message for message in warnings), rule
    topics = {topic["id"]: topic for topic in bad_site.json("api/topics.json")["topics"]}
    assert "site-actors" in topics["harbours"]["articles"]


def test_encodings_are_read_as_written(bad_site: BuiltSite) -> None:
    def body(page_id: str) -> str:
        return article_page(bad_site, page_id).select_one("article").get_text()

    assert body("truncated-utf8").rstrip().endswith("mot coupé : caf")
    assert "وأكد مصدر دبلوماسي أن الزيارة كانت مقررة منذ أسابيع." in body("mixed-utf8-cp1256-line")
    assert "Citation collée : « déjà vu », a-t-il ajouté." in body("mixed-utf8-latin1-line")
    assert "وقالت وزارة الدفاع إن الجانبين ناقشا التعاون الدفاعي" in body("legacy-windows-1256")
    assert "Kaja Kallas a salué « une décision unanime »" in body("utf16-le-no-bom")
    assert article_page(bad_site, "utf16-be-no-bom", "ar").select_one("article")["dir"] == "rtl"
    assert "ont discuté mardi" in body("nul-bytes") and "devant la presse" in body("nul-bytes")


def test_line_ends_make_the_same_paragraphs(bad_site: BuiltSite) -> None:
    crlf = article_page(bad_site, "crlf-line-ends")
    plain = article_page(bad_site, "plain-english")
    paragraphs = [p.get_text() for p in plain.select("div.article-body p")]
    assert len(paragraphs) == 2 and [p.get_text() for p in crlf.select("div.article-body p")] == paragraphs
    lone_cr = article_page(bad_site, "lone-cr-line-ends")
    title = lone_cr.select_one("h1.article-title").get_text()
    assert title == "Les ministres européens réunis à Bruxelles sur les sanctions"
    assert len(lone_cr.select("div.article-body p")) == 2


def test_very_large_articles_are_published_whole(bad_site: BuiltSite) -> None:
    report = article_page(bad_site, "ten-thousand-paragraphs")
    paragraphs = report.select("div.article-body p")
    assert len(paragraphs) == 10_000 and paragraphs[-1].get_text().startswith("Paragraph 9999 ")
    line = article_page(bad_site, "one-megabyte-line")
    title = line.select_one("h1.article-title").get_text()
    assert title == "Les ministres européens ont discuté des sanctions à Bruxelles mardi soir"


def test_conflicting_metadata_keeps_the_first_value(bad_site: BuiltSite) -> None:
    records = {article["id"]: article for article in bad_site.json("api/articles.json")["articles"]}
    assert records["conflicting-metadata"]["date"].startswith("2026-03-10")
    assert records["conflicting-metadata"]["outlet"] == "Gulf Monitor"
    assert records["impossible-date"]["date"] is None and records["edge-of-calendar-date"]["date"] is None
    assert records["future-date"]["date"].startswith("2999-01-01")


@pytest.mark.parametrize("case", SETTING_CASES, ids=_id)
def test_bad_setting_stops_the_build_naming_it_and_the_fix(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                           case: Case) -> None:
    write_content(tmp_path / "content", {}, with_samples=True)
    with caplog.at_level(logging.CRITICAL), pytest.raises(SettingsError):
        run_build(tmp_path / "content", tmp_path / "output", **{case.name: case.value})
    [message] = [record.getMessage() for record in caplog.records if record.levelno == logging.CRITICAL]
    assert message.startswith(f"news_digest.settings: {case.name}: ")
    assert all(words in message for words in case.says) and "Fix it in your settings file" in message
    assert not (tmp_path / "output" / "en").exists()


def test_fatal_warnings_fail_the_build_on_one_bad_article(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_content(content, {"bidi-controls.txt": (BAD_CORPUS / "bidi-controls.txt").read_bytes()}, with_samples=True)
    fatal = run_pelican(content, tmp_path / "fatal", "--fatal", "warnings")
    assert fatal.returncode != 0 and "bidi-controls.txt" in fatal.stdout + fatal.stderr
    lenient = run_pelican(content, tmp_path / "lenient")
    assert lenient.returncode == 0, lenient.stderr[-2000:]
    assert "bidi-controls.txt" in lenient.stdout + lenient.stderr
    assert (tmp_path / "lenient" / "output" / "en" / "articles" / "bidi-controls.html").is_file()
