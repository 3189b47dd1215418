"""Language detection and segmentation on the hand-written development corpus (tests/corpus/dev)."""

import json
import re

import pytest
from conftest import PROJECT_DIR

CORPUS = PROJECT_DIR / "tests" / "corpus" / "dev"
GOLD = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))["articles"]


@pytest.fixture(scope="module")
def corpus(pipeline):
    return {name: pipeline.read(CORPUS / name, name) for name in sorted(GOLD)}


def test_corpus_covers_three_languages():
    languages = [entry["lang"] for entry in GOLD.values()]
    assert {lang: languages.count(lang) >= 8 for lang in ("fr", "ar", "en")} == {"fr": True, "ar": True, "en": True}


def test_language_detected_for_every_corpus_article(analyse):
    detected = {}
    for name in GOLD:
        # Without the `Lang:` lines, so that detection itself is what is measured.
        raw = re.sub(rb"(?mi)^lang:.*\n", b"", (CORPUS / name).read_bytes())
        detected[name] = analyse(raw, name)
    assert all(doc.lang_origin != "metadata" for doc in detected.values())
    assert {name: doc.lang for name, doc in detected.items() if doc.lang != GOLD[name]["lang"]} == {}


def test_corpus_articles_read_without_problems(corpus):
    problems = {name: [p.describe(name) for p in doc.problems] for name, doc in corpus.items() if doc.problems}
    assert problems == {}
    assert all(doc.headline and doc.lede and doc.paragraphs for doc in corpus.values())
