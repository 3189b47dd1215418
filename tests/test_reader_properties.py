"""Property-based checks of the reader and the normalisers: no input makes them raise or lose text.

Example counts are set on every test (2,000 in all) so the suite stays a few seconds per property.
"""

import string
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from news_digest.pipeline.folding import fold_word
from news_digest.pipeline.linking import SkeletonKeys
from news_digest.pipeline.text import display_text, fold_for_analysis, normalise_display, strip_invisible

WORD = st.text(alphabet=string.ascii_lowercase + "éàçءابتثجحخدذرزسشصضطظعغفقكلمنهوي’«»", min_size=1, max_size=12)
PARAGRAPH = st.lists(WORD, min_size=3, max_size=30).map(" ".join)
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# What the reader removes (bidi controls, zero-width space, word joiner, BOM, C0 and C1 controls) and what it keeps.
REMOVED = BIDI_CONTROLS + "\u200b\u2060\ufeff\x00\x07\x1b\x7f\x85\x9f"
KEPT_MARKS = "\u200c\u200d\u200e\u200f\u061c"
WHITESPACE_CONTROLS = "\t\n\r\x0c"
# Any text, with the invisible characters the reader strips or keeps mixed in far more often than chance would.
NOISY_TEXT = st.text(alphabet=st.one_of(st.characters(codec="utf-8"), st.sampled_from(REMOVED + KEPT_MARKS)), max_size=300)
NAME = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèçñöABCDGKLMNRSTاأبتجحدرسشعغفقكلمنهويةى", min_size=2,
                        max_size=10), min_size=1, max_size=4).map(" ".join)


# In an article, a few of these; C0 controls are left out: many of them in a short text make it a binary.
INVISIBLE_IN_TEXT = BIDI_CONTROLS + "\u200b\u2060\ufeff"


@st.composite
def with_noise(draw: st.DrawFn, text: str) -> tuple[str, int]:
    """`text` with a few removable invisible characters inserted anywhere, and how many."""
    inserted = draw(st.lists(st.tuples(st.integers(0, len(text)), st.sampled_from(INVISIBLE_IN_TEXT)), max_size=4))
    characters = list(text)
    for position, character in sorted(inserted, reverse=True):
        characters.insert(position, character)
    return "".join(characters), len(inserted)


def noisy(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[str, int]]:
    """Texts drawn from `strategy`, with invisible characters inserted."""
    return strategy.flatmap(with_noise)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_reader_any_bytes_give_a_document_or_a_reason(analyse, data):
    doc = analyse(data)
    assert doc.rejected == (not doc.title)
    assert all(problem.message for problem in doc.problems)


@settings(max_examples=300, deadline=None)
@given(NOISY_TEXT | st.text(max_size=2000))
def test_reader_any_text_gives_a_document_or_a_reason(analyse, text):
    doc = analyse(text)
    if not doc.rejected:
        assert doc.title and doc.lang and doc.direction in {"ltr", "rtl"}
        shown = (doc.title, doc.lede or "", *doc.paragraphs)
        assert not any(set(part) & set(BIDI_CONTROLS + "\u200b\u2060\ufeff\x00") for part in shown)


@settings(max_examples=200, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=12), st.sampled_from(["\n", "\r\n", "\r"]))
def test_reader_paragraphs_survive_in_order(analyse, paragraphs, newline):
    text = newline.join(["Headline of the day", "", "The lede sentence.", "", *(f"{p}{newline}" for p in paragraphs)])
    doc = analyse(text)
    assert doc.headline == "Headline of the day" and doc.lede == "The lede sentence."
    assert doc.paragraphs == [normalise_display(paragraph) for paragraph in paragraphs]


@settings(max_examples=200, deadline=None)
@given(noisy(st.just("Headline of the day")), noisy(PARAGRAPH), st.lists(noisy(PARAGRAPH), min_size=1, max_size=6))
def test_reader_invisible_controls_are_removed_reported_once_and_nothing_else_lost(analyse, headline, lede, paragraphs):
    text = "\n\n".join(part for part, _ in (headline, lede, *paragraphs)) + "\n"
    doc = analyse(text)
    assert doc.title == "Headline of the day"
    assert doc.lede == normalise_display(strip_invisible(lede[0]))
    assert doc.paragraphs == [normalise_display(strip_invisible(paragraph)) for paragraph, _ in paragraphs]
    # A BOM opening the file is a byte-order mark: removed without a word.
    inserted = sum(count for _, count in (headline, lede, *paragraphs)) - text.startswith("\ufeff")
    reports = [problem for problem in doc.problems if "invisible" in problem.message]
    if inserted:
        [report] = reports
        assert report.message.startswith(f"{inserted} invisible control character") and report.line is not None
    else:
        assert reports == []


@settings(max_examples=300, deadline=None)
@given(NOISY_TEXT)
def test_strip_invisible_removes_only_controls_and_is_idempotent(text):
    stripped = strip_invisible(text)
    assert strip_invisible(stripped) == stripped
    assert not set(stripped) & set(BIDI_CONTROLS + "\u200b\u2060\ufeff")
    # Only control and format characters go; ZWNJ, ZWJ, LRM, RLM, ALM and whitespace controls stay.
    removed = list(text)
    for character in stripped:
        removed.remove(character)
    assert all(unicodedata.category(c) in ("Cc", "Cf") and c not in KEPT_MARKS + WHITESPACE_CONTROLS for c in removed)
    assert all(stripped.count(mark) == text.count(mark) for mark in KEPT_MARKS)


@settings(max_examples=200, deadline=None)
@given(NOISY_TEXT)
def test_normalise_display_is_idempotent(text):
    once = normalise_display(text)
    assert normalise_display(once) == once and "\r" not in once
    assert not set(once) & set(BIDI_CONTROLS) and unicodedata.is_normalized("NFC", once)
    assert display_text(text)[0] == once


@settings(max_examples=200, deadline=None)
@given(NOISY_TEXT)
def test_fold_for_analysis_is_idempotent(text):
    once = fold_for_analysis(text)
    assert fold_for_analysis(once) == once and "’" not in once and "«" not in once


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(categories=("L", "M", "Nd")), min_size=1, max_size=20))
def test_fold_word_is_idempotent(word):
    key = fold_word(word)
    assert fold_word(key) == key


SKELETONS = SkeletonKeys()


@settings(max_examples=150, deadline=None)
@given(noisy(NAME))
def test_skeleton_of_a_name_as_read_ignores_invisible_controls_and_normal_form(name):
    noisy_name, _ = name
    clean = strip_invisible(noisy_name)
    expected = SKELETONS.words(clean)
    assert SKELETONS.words(normalise_display(noisy_name)) == expected
    assert SKELETONS.words(unicodedata.normalize("NFD", clean)) == expected
    assert all(word.isascii() and word.isupper() for word in expected)
