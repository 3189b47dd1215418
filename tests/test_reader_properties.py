"""Property-based checks of the reader and the normalisers: no input makes them raise or lose text."""

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from news_digest.pipeline.text import fold_for_analysis, normalise_display

WORD = st.text(alphabet=string.ascii_lowercase + "éàçءابتثجحخدذرزسشصضطظعغفقكلمنهوي’«»", min_size=1, max_size=12)
PARAGRAPH = st.lists(WORD, min_size=3, max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_reader_any_bytes_give_a_document_or_a_reason(analyse, data):
    doc = analyse(data)
    assert doc.rejected == (not doc.title)
    assert all(problem.message for problem in doc.problems)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_reader_any_text_gives_a_document_or_a_reason(analyse, text):
    doc = analyse(text)
    if not doc.rejected:
        assert doc.title and doc.lang and doc.direction in {"ltr", "rtl"}


@settings(max_examples=200, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=12), st.sampled_from(["\n", "\r\n"]))
def test_reader_paragraphs_survive_in_order(analyse, paragraphs, newline):
    text = newline.join(["Headline of the day", "", "The lede sentence.", "", *(f"{p}{newline}" for p in paragraphs)])
    doc = analyse(text)
    assert doc.headline == "Headline of the day" and doc.lede == "The lede sentence."
    assert doc.paragraphs == [normalise_display(paragraph) for paragraph in paragraphs]


@given(st.text())
def test_normalise_display_is_idempotent(text):
    once = normalise_display(text)
    assert normalise_display(once) == once and "\r" not in once


@given(st.text())
def test_fold_for_analysis_is_idempotent(text):
    once = fold_for_analysis(text)
    assert fold_for_analysis(once) == once and "’" not in once and "«" not in once
