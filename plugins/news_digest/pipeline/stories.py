"""Stories: articles in any language that report the same event, from language-independent evidence.

Evidence is what survives translation: the actors an article mentions (weighted by how rare they are
in the corpus, persons above organizations above places, countries least), the numbers in its text,
its topics and its publication date. Two articles are compared only when they share a rare actor
(never all pairs); they join one story when their weighted overlap passes a threshold and their
dates, when known, are close. A famous actor alone is never enough: at least two shared actors
other than countries are required.

Pairs dated too far apart are never made, and a cheap upper bound rules out most of the others before
they are scored; related stories are found the same way, lazily. The results are exactly those of
scoring every pair that shares a rare actor. "Rare" is relative (at most 5 % of the articles), so the
number of such pairs still grows with the square of the corpus (see benchmarks/profile_corpus.py).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from .document import ArticleDocument

SAME_STORY_THRESHOLD = 0.42
MAX_DAYS_APART = 2
MIN_SHARED_ACTORS = 2
_TYPE_WEIGHT = {"person": 1.6, "organization": 1.0, "place": 0.8}
_COUNTRY_WEIGHT = 0.35
_NUMBER_BONUS = 0.08
_MAX_NUMBER_BONUS = 0.16
_TOPIC_BONUS = 0.05
_MAX_BONUS = _MAX_NUMBER_BONUS + _TOPIC_BONUS
_OTHER_PROTAGONISTS_FACTOR = 0.6
_CANDIDATE_SHARE = 0.05
# Far above the rounding error of a sum of a few dozen weights, far below any difference that matters.
_ROUNDING_MARGIN = 1e-9
_MIN_CANDIDATE_DF = 12
# An actor in more articles than this is no clue to one event, however big the archive: without the cap
# the number of candidate pairs grows with the square of the archive (N ≤ 1,000 is not affected).
_MAX_CANDIDATE_DF = 50
# A run of digits, dots and commas that starts with a digit; `numbers_in` keeps the whole runs shaped like
# `_NUMBER` (\d also matches Arabic-Indic digits, so they are found before being turned into Latin ones).
_DIGIT_RUN = re.compile(r"\d[\d.,]*")
_NUMBER = re.compile(r"\d{2,}(?:[.,]\d+)?")
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
    # A newline is neither a digit, a dot nor a comma, so no number runs across two texts.
    text = "\n".join(texts)
    for match in _DIGIT_RUN.finditer(text):
        number, start = match.group(), match.start()
        # Only whole numbers: not the digits after a dot or comma (`.25`), nor a list like `1,5,7`.
        if (start and text[start - 1] in ".,") or not _NUMBER.fullmatch(number):
            continue
        if not number.isascii():
            number = number.translate(_ARABIC_DIGITS)
        if "." in number or "," in number:
            number = number.replace(",", ".").rstrip("0").rstrip(".")
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
        numbers=doc.numbers,
        topics=frozenset(topic for topic, _ in getattr(doc, "topics", [])[:1]),
        day=day,
    )


class _Weights:
    def __init__(self, evidence: list[ArticleEvidence], types: dict[str, str]) -> None:
        self.document_frequency = Counter(actor for item in evidence for actor in item.actors)
        self.size = len(evidence)
        self.types = types
        self._cache: tuple[dict[str, float], dict[str, float]] = ({}, {})

    def of(self, actor: str, country: bool) -> float:
        weights = self._cache[country]
        weight = weights.get(actor)
        if weight is None:
            rarity = math.log((self.size + 1) / self.document_frequency[actor]) + 0.1
            kind = _COUNTRY_WEIGHT if country else _TYPE_WEIGHT.get(self.types.get(actor, "place"), 1.0)
            weight = weights[actor] = rarity * kind
        return weight


class _Scorer:
    """`similarity` of many pairs of one corpus, with each article's actor weights and evidence mass computed once."""

    def __init__(self, evidence: list[ArticleEvidence], weights: _Weights) -> None:
        self.evidence = evidence
        self.weights = weights
        self.weight_of = [{actor: weights.of(actor, actor in item.countries) for actor in item.actors}
                          for item in evidence]
        # What each actor brings to its article's mass; the mass is summed in the order of the article's
        # actors, as `similarity` always did: the same floats, so the same ties and roundings.
        self.share_of = [{actor: item.actors[actor] * weight[actor] for actor in item.actors}
                         for item, weight in zip(evidence, self.weight_of)]
        self.mass = [sum(share.values()) for share in self.share_of]
        # An article without actors has no partner: 1.0 only spares `near` a division by 0.
        self.root = [math.sqrt(mass) or 1.0 for mass in self.mass]
        self.has = [item.actors.__contains__ for item in evidence]
        # The bound in `near` weighs a shared actor as either article does: true when every article
        # counts the same actors as countries (as `evidence_of` makes them).
        countries = frozenset().union(*(item.countries for item in evidence))
        self._bound_holds = all(item.countries == countries.intersection(item.actors) for item in evidence)

    def score(self, first_index: int, second_index: int) -> float:
        """The similarity of two articles given by their index."""
        first, second = self.evidence[first_index], self.evidence[second_index]
        if first.day is not None and second.day is not None and abs(first.day - second.day) > MAX_DAYS_APART:
            return 0.0
        shared = first.actors.keys() & second.actors.keys()
        if len(shared - first.countries - second.countries) < MIN_SHARED_ACTORS:
            return 0.0
        weight = self.weight_of[first_index]
        common = sum(min(first.actors[actor], second.actors[actor]) * weight[actor] for actor in shared)
        # Normalised by both articles' evidence (geometric mean): a long article that mentions everything
        # does not absorb a short one about another event.
        score = common / max(math.sqrt(self.mass[first_index] * self.mass[second_index]), 1e-9)
        # Gallant meeting Blinken is not Gallant meeting Healey: each article has a protagonist the other lacks.
        if first.protagonists - second.actors.keys() and second.protagonists - first.actors.keys():
            score *= _OTHER_PROTAGONISTS_FACTOR
        return _with_bonuses(score, first, second)

    def near(self, index: int, partners: list[int], at_least: float = -math.inf) -> list[tuple[int, float]]:
        """The partners whose score with `index` may reach `at_least`, each with a bound on that score.

        The bound is cheap (no set, no Python loop per actor): each shared actor counted at this article's
        mentions (never fewer than the two share), no protagonist factor (at most 1), both bonuses at their
        most, and a margin far above rounding errors. It needs every article to count the same actors as
        countries; otherwise (never with `evidence_of`) it is infinite and every pair is scored.
        """
        if not self._bound_holds:
            return [(other, math.inf) for other in partners]
        share, keys = self.share_of[index].__getitem__, list(self.evidence[index].actors)
        has, root = self.has, self.root
        extra, scale = _MAX_BONUS + _ROUNDING_MARGIN, 1 / root[index]
        return [(other, upper) for other in partners
                if (upper := sum(map(share, filter(has[other], keys))) * scale / root[other] + extra) >= at_least]

    def with_bonuses(self, first: int, second: int, upper: float) -> float:
        """A bound from `near` made closer: the pair's own bonuses instead of their most."""
        return _with_bonuses(upper - _MAX_BONUS, self.evidence[first], self.evidence[second])

    def above(self, threshold: float, candidates: Iterator[tuple[int, list[int]]]) -> list[tuple[float, int, int]]:
        """The candidate pairs scoring at least `threshold`: (score, lower index, higher index)."""
        found = []
        for index, partners in candidates:
            for other, upper in self.near(index, partners, threshold):
                first, second = (index, other) if index < other else (other, index)
                # The bound leaves about one pair in four; with the pair's own bonuses, one in thirty.
                if self.with_bonuses(first, second, upper) >= threshold:
                    if (score := self.score(first, second)) >= threshold:
                        found.append((score, first, second))
        return found


def _with_bonuses(score: float, first: ArticleEvidence, second: ArticleEvidence) -> float:
    score += min(_NUMBER_BONUS * len(first.numbers & second.numbers), _MAX_NUMBER_BONUS)
    if first.topics & second.topics:
        score += _TOPIC_BONUS
    return score


def similarity(first: ArticleEvidence, second: ArticleEvidence, weights: _Weights) -> float:
    """Weighted overlap of two articles' evidence, 0 when their dates are too far apart or too little is shared."""
    return _Scorer([first, second], weights).score(0, 1)


def _candidate_pairs(evidence: list[ArticleEvidence], weights: _Weights,
                     among: Collection[int] | None = None) -> Iterator[tuple[int, list[int]]]:
    """Each article with the articles it is compared with: no all-pairs comparison.

    Two articles are compared when they share an actor that is not common in the corpus, and are not
    dated more than MAX_DAYS_APART apart (those would score 0): a dated article meets the articles of its
    rare actors dated within that many days, and the undated ones. Each pair comes once; with `among`,
    only pairs of those articles.
    """
    limit = min(_MAX_CANDIDATE_DF, max(_MIN_CANDIDATE_DF, int(_CANDIDATE_SHARE * len(evidence))))
    indexes = range(len(evidence)) if among is None else sorted(among)
    rare: dict[int, list[str]] = {}
    postings: dict[str, set[int]] = defaultdict(set)
    on_day: dict[tuple[str, int], set[int]] = defaultdict(set)
    for index in indexes:
        item = evidence[index]
        rare[index] = [actor for actor in item.actors
                       if actor not in item.countries and weights.document_frequency[actor] <= limit]
        for actor in rare[index]:
            postings[actor].add(index)
            if item.day is not None:
                on_day[(actor, item.day)].add(index)
    for index in indexes:
        day = evidence[index].day
        if day is None:
            # An undated article meets every article of its rare actors; of two undated ones, the first
            # meets the second.
            partners = set().union(*(postings[actor] for actor in rare[index]))
            yield index, [other for other in partners if other > index or evidence[other].day is not None]
        else:
            days = range(day - MAX_DAYS_APART, day + MAX_DAYS_APART + 1)
            partners = set().union(*(on_day.get((actor, near), ()) for actor in rare[index] for near in days))
            yield index, [other for other in partners if other > index]


def group_stories(evidence: list[ArticleEvidence], types: dict[str, str]) -> StoryGrouping:
    """Group articles into stories: strongest pairs first, never joining articles dated too far apart."""
    scorer = _Scorer(evidence, _Weights(evidence, types))
    strong = scorer.above(SAME_STORY_THRESHOLD, _candidate_pairs(evidence, scorer.weights))
    strong.sort(key=lambda item: (-item[0], item[1], item[2]))
    parent = list(range(len(evidence)))
    # The first and last known day of each group's articles.
    days: list[tuple[int, int] | None] = [(item.day, item.day) if item.day is not None else None for item in evidence]

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for score, first, second in strong:
        a, b = find(first), find(second)
        if a == b:
            continue
        span = _join_spans(days[a], days[b])
        if span and span[1] - span[0] > MAX_DAYS_APART:
            continue
        parent[max(a, b)] = min(a, b)
        days[min(a, b)] = span
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(evidence)):
        members[find(index)].append(index)
    stories: dict[str, Story] = {}
    story_of: dict[str, str] = {}
    story_at: dict[int, str] = {}
    for indexes in members.values():
        if len(indexes) < 2:
            continue
        ordered = sorted(indexes, key=lambda index: (evidence[index].day is None, evidence[index].day or 0,
                                                     evidence[index].article_id))
        story = Story(f"story-{evidence[ordered[0]].article_id}", [evidence[index].article_id for index in ordered])
        stories[story.id] = story
        story_of.update((article, story.id) for article in story.articles)
        story_at.update((index, story.id) for index in indexes)
    _relate(stories, story_at, scorer)
    return StoryGrouping(stories, story_of)


def _join_spans(first: tuple[int, int] | None, second: tuple[int, int] | None) -> tuple[int, int] | None:
    if first is None or second is None:
        return first or second
    return min(first[0], second[0]), max(first[1], second[1])


def _relate(stories: dict[str, Story], story_at: dict[int, str], scorer: _Scorer) -> None:
    """Each story's five closest other stories: the best score of any two of their articles, when above 0.

    Exact but lazy: the pairs of two stories are scored from the highest bound down, only until no
    remaining bound can beat the best score found; a story's neighbours are taken the same way, until
    five are found that no remaining bound can reach once rounded.
    """
    pairs: dict[tuple[str, str], list[tuple[float, int, int]]] = defaultdict(list)
    for index, partners in _candidate_pairs(scorer.evidence, scorer.weights, among=story_at.keys()):
        story = story_at[index]
        for other, upper in scorer.near(index, [other for other in partners if story_at[other] != story]):
            key = (story, story_at[other]) if story < story_at[other] else (story_at[other], story)
            pairs[key].append((scorer.with_bonuses(index, other, upper), min(index, other), max(index, other)))
    best: dict[tuple[str, str], float] = {}

    def best_of(key: tuple[str, str]) -> float:
        if key not in best:
            value = 0.0
            for upper, first, second in sorted(pairs[key], reverse=True):
                if upper <= value:
                    break
                value = max(value, scorer.score(first, second))
            best[key] = value
        return best[key]

    neighbours: dict[str, list[tuple[float, str, tuple[str, str]]]] = defaultdict(list)
    for key, scored in pairs.items():
        upper = max(scored)[0]
        neighbours[key[0]].append((upper, key[1], key))
        neighbours[key[1]].append((upper, key[0], key))
    for story_id, story in stories.items():
        related: list[tuple[str, float]] = []
        for upper, other, key in sorted(neighbours[story_id], key=lambda item: (-item[0], item[1])):
            if len(related) >= 5 and round(upper, 3) < related[4][1]:
                break
            if (score := best_of(key)) > 0:
                related.append((other, round(score, 3)))
                related.sort(key=lambda item: (-item[1], item[0]))
                del related[5:]
        story.related = related
