"""The corpus stages at scale: the fast paths (blocking, bounds, lazy scoring) give exactly the plain results.

Speed itself is measured by `benchmarks/profile_corpus.py`, never here. These tests compare each fast path
with the plain algorithm it replaces, written out below as a reference, on corpora built to exercise it.
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter, defaultdict
from itertools import combinations

import pytest
from rapidfuzz import fuzz

from benchmarks.generate import generate, render_raw
from news_digest.pipeline import linking, stories
from news_digest.pipeline.corpus_analysis import analyse_corpus
from news_digest.pipeline.stories import ArticleEvidence, group_stories, numbers_in, similarity

# The number pattern as first written: one regex over each text, Arabic-Indic digits turned Latin first.
_PLAIN_NUMBER = re.compile(r"(?<![\d.,])\d{2,}(?:[.,]\d+)?(?![\d.,])")


def plain_numbers_in(texts: list[str]) -> frozenset[str]:
    """`numbers_in` as first written."""
    found = set()
    for text in texts:
        for match in _PLAIN_NUMBER.findall(text.translate(stories._ARABIC_DIGITS)):
            number = match.replace(",", ".").rstrip("0").rstrip(".") if "." in match or "," in match else match
            if not stories._YEAR.match(number):
                found.add(number)
    return frozenset(found)


def plain_group_stories(evidence: list[ArticleEvidence], types: dict[str, str]) -> stories.StoryGrouping:
    """Story grouping as first written: every pair sharing a rare actor scored, all scores sorted."""
    weights = stories._Weights(evidence, types)
    limit = max(stories._MIN_CANDIDATE_DF, int(stories._CANDIDATE_SHARE * len(evidence)))
    postings: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(evidence):
        for actor in item.actors:
            if actor not in item.countries and weights.document_frequency[actor] <= limit:
                postings[actor].append(index)
    pairs = {pair for indexes in postings.values() for pair in combinations(indexes, 2)}
    scored = sorted(((score, first, second) for first, second in pairs
                     if (score := similarity(evidence[first], evidence[second], weights)) > 0),
                    key=lambda item: (-item[0], item[1], item[2]))
    parent = list(range(len(evidence)))
    days = {index: [item.day] if item.day is not None else [] for index, item in enumerate(evidence)}

    def find(index: int) -> int:
        while parent[index] != index:
            index = parent[index]
        return index

    for score, first, second in scored:
        if score < stories.SAME_STORY_THRESHOLD:
            break
        a, b = find(first), find(second)
        merged = days[a] + days[b]
        if a == b or (merged and max(merged) - min(merged) > stories.MAX_DAYS_APART):
            continue
        parent[max(a, b)] = min(a, b)
        days[min(a, b)] = merged
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(evidence)):
        members[find(index)].append(index)
    found: dict[str, stories.Story] = {}
    story_of: dict[str, str] = {}
    for indexes in members.values():
        if len(indexes) > 1:
            ordered = sorted(indexes, key=lambda index: (evidence[index].day is None, evidence[index].day or 0,
                                                         evidence[index].article_id))
            story = stories.Story(f"story-{evidence[ordered[0]].article_id}",
                                  [evidence[index].article_id for index in ordered])
            found[story.id] = story
            story_of.update((article, story.id) for article in story.articles)
    best: dict[tuple[str, str], float] = {}
    for score, first, second in scored:
        a, b = story_of.get(evidence[first].article_id), story_of.get(evidence[second].article_id)
        if a and b and a != b:
            best[(min(a, b), max(a, b))] = max(best.get((min(a, b), max(a, b)), 0.0), score)
    for (a, b), score in sorted(best.items()):
        found[a].related.append((b, round(score, 3)))
        found[b].related.append((a, round(score, 3)))
    for story in found.values():
        story.related.sort(key=lambda item: (-item[1], item[0]))
        del story.related[5:]
    return stories.StoryGrouping(found, story_of)


def random_evidence(seed: int, size: int, actors: int = 90, days: int = 12,
                    consistent: bool = True) -> tuple[list[ArticleEvidence], dict[str, str]]:
    """A dense corpus: few actors and days, so many stories, each with many related ones."""
    rng = random.Random(seed)
    names = [f"actor-{number:03d}" for number in range(actors)]
    types = {name: rng.choice(["person", "person", "organization", "place"]) for name in names}
    countries = set(rng.sample(names, actors // 8))
    zipf = [1 / (rank + 1) ** 0.8 for rank in range(actors)]
    evidence = []
    for index in range(size):
        mentioned = {name: 1 + math.log(rng.choice([1, 1, 1, 2, 3, 5]))
                     for name in rng.choices(names, zipf, k=rng.randint(3, 11))}
        own_countries = {name for name in mentioned if name in countries}
        if not consistent and own_countries and index % 3 == 0:
            own_countries.pop()
        evidence.append(ArticleEvidence(
            article_id=f"article-{index:04d}",
            actors=mentioned,
            countries=frozenset(own_countries),
            protagonists=frozenset(name for name in mentioned if types[name] == "person" and rng.random() < 0.2),
            numbers=frozenset(str(rng.randint(10, 30)) for _ in range(rng.randint(0, 3))),
            topics=frozenset(rng.sample(["war", "aid", "vote", "trade"], rng.randint(0, 1))),
            day=None if rng.random() < 0.3 else 739000 + rng.randint(0, days),
        ))
    return evidence, types


def as_plain(grouping: stories.StoryGrouping) -> tuple:
    return ([(story.id, story.articles, story.related) for story in grouping.stories.values()],
            sorted(grouping.story_of.items()))


@pytest.mark.parametrize("texts", [
    ["Le bilan est de 42 morts et 1 200 blessés, selon l'ONU (résolution 2728)."],
    ["قتل ٤٥ شخصا و۱۲ جريحا في عام ٢٠٢٤", "3.50 dollars, 12,50 euros, 7,5 %"],
    ["versions 1.2.3, .25, 25., 1,5,7 et 10,000 ; 19.99 puis 2000.0", "x12", "99"],
    # A number ending a sentence or a clause is left out, as the first pattern did; so are decimals alone.
    ["toll rose to 45. Then .25 and ,75 or 3.5 and 31,5", "at 88, then 77.", "٤٥ ,٤٥ .٤٥"],
    ["fin 12", "34 début", "12\n34", "٤٥.٥", "１２ et ४५ chiffres d'ailleurs", ""],
])
def test_corpus_numbers_in_finds_what_the_plain_pattern_finds(texts):
    assert numbers_in(texts) == plain_numbers_in(texts)


def test_corpus_numbers_in_on_generated_articles():
    for article in generate(80, seed=5):
        texts = [article.headline, article.lede, *article.paragraphs]
        assert numbers_in(texts) == plain_numbers_in(texts)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_corpus_candidate_pairs_are_the_rare_actor_pairs_dated_close_enough(seed):
    evidence, types = random_evidence(seed, 300, days=40)
    weights = stories._Weights(evidence, types)
    limit = max(stories._MIN_CANDIDATE_DF, int(stories._CANDIDATE_SHARE * len(evidence)))

    def rare(item):
        return {actor for actor in item.actors
                if actor not in item.countries and weights.document_frequency[actor] <= limit}

    def close(first, second):
        return first.day is None or second.day is None or abs(first.day - second.day) <= stories.MAX_DAYS_APART

    made = [tuple(sorted((index, other))) for index, partners in stories._candidate_pairs(evidence, weights)
            for other in partners]
    assert len(made) == len(set(made))
    assert set(made) == {(first, second) for first, second in combinations(range(len(evidence)), 2)
                         if rare(evidence[first]) & rare(evidence[second]) and close(evidence[first], evidence[second])}
    among = set(range(0, len(evidence), 3))
    assert {tuple(sorted((index, other)))
            for index, partners in stories._candidate_pairs(evidence, weights, among) for other in partners} == {
        pair for pair in made if pair[0] in among and pair[1] in among}


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_corpus_story_grouping_equals_scoring_every_candidate_pair(seed):
    evidence, types = random_evidence(seed, 400)
    grouping = group_stories(evidence, types)
    # The corpus exercises what the fast path skips: big stories, stories with more than five related ones.
    assert len(grouping.stories) >= 10
    assert sum(len(story.related) == 5 for story in grouping.stories.values()) >= 5
    assert as_plain(grouping) == as_plain(plain_group_stories(evidence, types))


def test_corpus_story_grouping_without_consistent_countries_scores_every_pair():
    evidence, types = random_evidence(7, 250, consistent=False)
    assert as_plain(group_stories(evidence, types)) == as_plain(plain_group_stories(evidence, types))


def test_corpus_story_bound_is_never_below_the_score():
    evidence, types = random_evidence(11, 300)
    scorer = stories._Scorer(evidence, stories._Weights(evidence, types))
    checked = 0
    for index, partners in stories._candidate_pairs(evidence, scorer.weights):
        for other, upper in scorer.near(index, partners):
            first, second = min(index, other), max(index, other)
            score = scorer.score(first, second)
            assert scorer.with_bonuses(index, other, upper) >= score
            assert upper >= score
            checked += 1
    assert checked > 1000


def test_corpus_similarity_is_the_documented_formula():
    evidence, types = random_evidence(5, 120)
    weights = stories._Weights(evidence, types)

    def mass(item):
        return sum(count * weights.of(actor, actor in item.countries) for actor, count in item.actors.items())

    for first, second in combinations(evidence[:60], 2):
        shared = first.actors.keys() & second.actors.keys()
        close = first.day is None or second.day is None or abs(first.day - second.day) <= stories.MAX_DAYS_APART
        if not close or len(shared - first.countries - second.countries) < stories.MIN_SHARED_ACTORS:
            assert similarity(first, second, weights) == 0.0
            continue
        common = sum(min(first.actors[actor], second.actors[actor]) * weights.of(actor, actor in first.countries)
                     for actor in shared)
        expected = common / math.sqrt(mass(first) * mass(second))
        if first.protagonists - second.actors.keys() and second.protagonists - first.actors.keys():
            expected *= stories._OTHER_PROTAGONISTS_FACTOR
        expected += min(stories._NUMBER_BONUS * len(first.numbers & second.numbers), stories._MAX_NUMBER_BONUS)
        expected += stories._TOPIC_BONUS if first.topics & second.topics else 0.0
        assert similarity(first, second, weights) == pytest.approx(expected, abs=1e-12)


def test_corpus_linking_candidates_are_the_last_spellings_alike_enough():
    rng = random.Random(3)
    letters = "BDFGKLMNRST"
    first, second = linking._Block(), linking._Block()
    entries: list[list[tuple[str, list[str], object]]] = [[], []]
    for position in range(400):
        # Listed actors come back with other spellings (aliases); found names come once per block.
        owner = f"listed-{rng.randint(0, 60)}" if position < 200 else f"new:name {position}"
        words = ["".join(rng.choices(letters, k=rng.randint(1, 6))) for _ in range(rng.randint(1, 3))]
        for side, block in enumerate((first, second)):
            if rng.random() < 0.6 or position >= 200:
                block.add(owner, words, None)
                entries[side].append((owner, words, None))
    for query in ["GLNT", "BRN", "KSNDR", "M", "FLDMRBTN"]:
        plain = {owner: (words, group) for owner, words, group in [*entries[0], *entries[1]]}
        expected = {owner: entry for owner, entry in plain.items()
                    if fuzz.ratio(query, "".join(entry[0])) >= linking._MIN_SKELETON_RATIO}
        assert linking._candidates(query, first, second) == expected


def test_corpus_skeletons_left_out_could_never_be_possibly_the_same():
    lowest = (linking._MIN_SKELETON_RATIO - 1e-9) / 100 + 2 * linking._CONTEXT_BONUS
    assert lowest < linking.POSSIBLE_THRESHOLD < linking.MERGE_THRESHOLD


def test_corpus_analysis_of_generated_articles_groups_as_every_pair_would(analyse, pipeline):
    docs = [analyse(render_raw(article), f"{article.id}.txt") for article in generate(120, seed=2)]
    analysis = analyse_corpus(docs, pipeline.knowledge)
    linked = analysis.linked
    assert set(linked.global_ids) == {actor.actor for doc in docs for actor in doc.actors}
    for actor_id, actor in linked.actors.items():
        assert actor.articles == sorted(set(actor.articles))
        assert all(other in linked.actors and other != actor_id for other, _ in actor.possibly_same)
    mentions = Counter()
    for doc in docs:
        for actor in doc.actors:
            mentions[linked.global_ids[actor.actor]] += actor.mentions
    assert {actor_id: actor.mentions for actor_id, actor in linked.actors.items() if actor.mentions} == +mentions
    types = {actor_id: actor.type for actor_id, actor in linked.actors.items()}
    countries = frozenset(actor_id for actor_id, actor in linked.actors.items()
                          if actor.known and actor.known.territory)
    listed = frozenset(actor_id for actor_id, actor in linked.actors.items() if actor.known)
    evidence = [stories.evidence_of(doc, linked.global_ids, types, countries, listed) for doc in docs]
    assert as_plain(analysis.stories) == as_plain(plain_group_stories(evidence, types))
