"""Stories: articles in any language that report the same event, from language-independent evidence.

Evidence is what survives translation: the actors an article mentions (weighted by how rare they are
in the corpus, persons above organizations above places, countries least), the numbers in its text,
its topics and its publication date. Two articles are compared only when they share a rare actor
(never all pairs); they join one story when their weighted overlap passes a threshold and their
dates, when known, are close. A famous actor alone is never enough: at least two shared actors
other than countries are required.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from .document import ArticleDocument

SAME_STORY_THRESHOLD = 0.42
MAX_DAYS_APART = 2
MIN_SHARED_ACTORS = 2
_TYPE_WEIGHT = {"person": 1.6, "organization": 1.0, "place": 0.8}
_COUNTRY_WEIGHT = 0.35
_NUMBER_BONUS = 0.08
_MAX_NUMBER_BONUS = 0.16
_TOPIC_BONUS = 0.05
_OTHER_PROTAGONISTS_FACTOR = 0.6
_CANDIDATE_SHARE = 0.05
_MIN_CANDIDATE_DF = 12
_NUMBER = re.compile(r"(?<![\d.,])\d{2,}(?:[.,]\d+)?(?![\d.,])")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass
class ArticleEvidence:
    """What one article brings to story grouping."""

    article_id: str
    actors: dict[str, float]
    countries: frozenset[str]
    # Listed persons the article mentions at least twice: the event's protagonists.
    protagonists: frozenset[str]
    numbers: frozenset[str]
    topics: frozenset[str]
    day: int | None


@dataclass
class Story:
    """Articles reporting one event; `id` comes from its earliest article, so it is stable."""

    id: str
    articles: list[str]
    related: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class StoryGrouping:
    """The stories (two or more articles), each article's story id, and pair scores for related stories."""

    stories: dict[str, Story]
    story_of: dict[str, str]


def numbers_in(texts: list[str]) -> frozenset[str]:
    """Distinctive numbers of a text (casualty counts, resolution numbers), in Latin digits; years left out."""
    found = set()
    for text in texts:
        for match in _NUMBER.findall(text.translate(_ARABIC_DIGITS)):
            number = match.replace(",", ".").rstrip("0").rstrip(".") if "." in match or "," in match else match
            if not _YEAR.match(number):
                found.add(number)
    return frozenset(found)


def evidence_of(doc: ArticleDocument, global_ids: dict[str, str], types: dict[str, str],
                countries: frozenset[str], listed: frozenset[str] = frozenset()) -> ArticleEvidence:
    """Collect an article's evidence, with actor ids already linked across the corpus."""
    actors: Counter[str] = Counter()
    for actor in doc.actors:
        actors[global_ids.get(actor.actor, actor.actor)] += actor.mentions
    day = doc.date.toordinal() if doc.date else None
    return ArticleEvidence(
        article_id=doc.article_id,
        actors={actor: 1 + math.log(count) for actor, count in actors.items()},
        countries=frozenset(actor for actor in actors if actor in countries),
        protagonists=frozenset(actor for actor, count in actors.items()
                               if count >= 2 and types.get(actor) == "person" and actor in listed),
        numbers=numbers_in([doc.title, doc.lede or "", *doc.paragraphs]),
        topics=frozenset(topic for topic, _ in getattr(doc, "topics", [])[:1]),
        day=day,
    )


class _Weights:
    def __init__(self, evidence: list[ArticleEvidence], types: dict[str, str]) -> None:
        self.document_frequency = Counter(actor for item in evidence for actor in item.actors)
        self.size = len(evidence)
        self.types = types

    def of(self, actor: str, country: bool) -> float:
        rarity = math.log((self.size + 1) / self.document_frequency[actor]) + 0.1
        kind = _COUNTRY_WEIGHT if country else _TYPE_WEIGHT.get(self.types.get(actor, "place"), 1.0)
        return rarity * kind


def similarity(first: ArticleEvidence, second: ArticleEvidence, weights: _Weights) -> float:
    """Weighted overlap of two articles' evidence, 0 when their dates are too far apart or too little is shared."""
    if first.day is not None and second.day is not None and abs(first.day - second.day) > MAX_DAYS_APART:
        return 0.0
    shared = first.actors.keys() & second.actors.keys()
    if len(shared - first.countries - second.countries) < MIN_SHARED_ACTORS:
        return 0.0

    def mass(item: ArticleEvidence, actors) -> float:
        return sum(item.actors[actor] * weights.of(actor, actor in item.countries) for actor in actors)

    common = sum(min(first.actors[actor], second.actors[actor]) * weights.of(actor, actor in first.countries)
                 for actor in shared)
    # Normalised by both articles' evidence (geometric mean): a long article that mentions everything
    # does not absorb a short one about another event.
    score = common / max(math.sqrt(mass(first, first.actors) * mass(second, second.actors)), 1e-9)
    # Gallant meeting Blinken is not Gallant meeting Healey: each article has a protagonist the other lacks.
    if first.protagonists - second.actors.keys() and second.protagonists - first.actors.keys():
        score *= _OTHER_PROTAGONISTS_FACTOR
    score += min(_NUMBER_BONUS * len(first.numbers & second.numbers), _MAX_NUMBER_BONUS)
    if first.topics & second.topics:
        score += _TOPIC_BONUS
    return score


def _candidate_pairs(evidence: list[ArticleEvidence], weights: _Weights) -> set[tuple[int, int]]:
    """Pairs sharing at least one actor that is not common in the corpus: no all-pairs comparison."""
    limit = max(_MIN_CANDIDATE_DF, int(_CANDIDATE_SHARE * len(evidence)))
    postings: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(evidence):
        for actor in item.actors:
            if actor not in item.countries and weights.document_frequency[actor] <= limit:
                postings[actor].append(index)
    return {pair for indexes in postings.values() for pair in combinations(indexes, 2)}


def group_stories(evidence: list[ArticleEvidence], types: dict[str, str]) -> StoryGrouping:
    """Group articles into stories: strongest pairs first, never joining articles dated too far apart."""
    weights = _Weights(evidence, types)
    scored = []
    for first, second in _candidate_pairs(evidence, weights):
        score = similarity(evidence[first], evidence[second], weights)
        if score > 0:
            scored.append((score, first, second))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    parent = list(range(len(evidence)))
    days: dict[int, list[int]] = {index: [item.day] if item.day is not None else [] for index, item in enumerate(evidence)}

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for score, first, second in scored:
        if score < SAME_STORY_THRESHOLD:
            break
        a, b = find(first), find(second)
        if a == b:
            continue
        merged_days = days[a] + days[b]
        if merged_days and max(merged_days) - min(merged_days) > MAX_DAYS_APART:
            continue
        parent[max(a, b)] = min(a, b)
        days[min(a, b)] = merged_days
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(evidence)):
        members[find(index)].append(index)
    stories: dict[str, Story] = {}
    story_of: dict[str, str] = {}
    for indexes in members.values():
        if len(indexes) < 2:
            continue
        ordered = sorted(indexes, key=lambda index: (evidence[index].day is None, evidence[index].day or 0,
                                                     evidence[index].article_id))
        story = Story(f"story-{evidence[ordered[0]].article_id}", [evidence[index].article_id for index in ordered])
        stories[story.id] = story
        story_of.update((article, story.id) for article in story.articles)
    _relate(stories, story_of, scored, evidence)
    return StoryGrouping(stories, story_of)


def _relate(stories: dict[str, Story], story_of: dict[str, str], scored: list, evidence: list[ArticleEvidence]) -> None:
    """Stories whose articles resemble each other without being the same event."""
    best: dict[tuple[str, str], float] = {}
    for score, first, second in scored:
        a = story_of.get(evidence[first].article_id)
        b = story_of.get(evidence[second].article_id)
        if a and b and a != b:
            key = (min(a, b), max(a, b))
            best[key] = max(best.get(key, 0.0), score)
    for (a, b), score in sorted(best.items()):
        stories[a].related.append((b, round(score, 3)))
        stories[b].related.append((a, round(score, 3)))
    for story in stories.values():
        story.related.sort(key=lambda item: (-item[1], item[0]))
        del story.related[5:]
