"""Quality bars on the development corpus, measured by the same code as `invoke evaluate`."""

import pytest
from conftest import PROJECT_DIR

from news_digest.pipeline.evaluation import Score, evaluate, report


@pytest.fixture(scope="module")
def result():
    return evaluate(PROJECT_DIR / "tests" / "corpus" / "dev")


def test_entity_f1_meets_the_bar_in_every_language(result):
    assert result.entities.f1 >= 0.90, report(result)
    assert all(score.f1 >= 0.85 for score in result.entities_by_lang.values()), report(result)


def test_cross_language_linking_meets_the_bar(result):
    assert result.linkable >= 150 and result.linking_rate >= 0.90, report(result)


def test_stories_and_topics_meet_the_bar(result):
    assert result.story_f1 >= 0.90 and result.topic_overlap >= 0.80, report(result)


def test_unlisted_actors_are_found(result):
    assert result.unlisted.recall >= 0.65, report(result)


def test_scores_are_computed_from_counts():
    score = Score(true_positives=8, false_positives=2, false_negatives=8)
    assert (score.precision, score.recall) == (0.8, 0.5)
    assert score.f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)
