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


def test_language_model_kept_between_builds_scores_as_the_one_it_was_built_as(tmp_path):
    from news_digest.pipeline.language_model import SuffixLanguageModel, load_model

    texts = [" ".join(re.findall(r"\w+", (CORPUS / name).read_text(encoding="utf-8")))[:600]
             for name, gold in GOLD.items() if gold["lang"] in ("fr", "en")]
    built = SuffixLanguageModel(("en", "fr"))
    first = load_model(("en", "fr"), tmp_path)  # built, then kept
    (kept,) = tmp_path.glob("language-model-en-fr-*.pickle")
    again = load_model(("en", "fr"), tmp_path)  # read back
    assert again is not first
    for text in texts:
        assert (built.scores(text) == again.scores(text)).all() and again.classify(text) == built.classify(text)
    kept.write_bytes(b"not a pickle")  # a damaged copy is built again and replaced
    assert load_model(("en", "fr"), tmp_path).classify(texts[0]) == built.classify(texts[0])
    assert [path.name for path in tmp_path.iterdir()] == [kept.name] and kept.stat().st_size > 1000
