"""Topics in the style of Europe Media Monitor's category rules: weighted multilingual terms per topic.

Each distinct term found adds its weight once, plus half its weight for each further occurrence (two
at most); the headline and lede count double; actors named as triggers add their weight. Required
terms must appear, excluded terms must not. An article gets at most three topics over their threshold,
secondary ones only when they weigh at least a quarter of the main one.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .document import ArticleDocument, Problem
from .folding import fold_word
from .lang import LanguageRules, rules_for
from .text import strip_invisible
from .tokens import Token, tokenize

MAX_TOPICS = 3
DEFAULT_THRESHOLD = 7.0
# A secondary topic must weigh at least this share of the main one: passing mentions do not make topics.
SECONDARY_SHARE = 0.25
_REPEAT_FACTOR = 0.5
_MAX_REPEATS = 2
_PROMINENT_PARTS = ("title", "lede")


@dataclass(frozen=True)
class Term:
    """A weighted word or phrase; with `prefix`, its last word matches any ending."""

    keys: tuple[str, ...]
    weight: float
    prefix: bool


@dataclass(frozen=True)
class Topic:
    """One topic of the taxonomy."""

    id: str
    names: dict[str, str]
    threshold: float
    terms: tuple[Term, ...]
    required: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[tuple[str, ...], ...] = ()
    actors: dict[str, float] = field(default_factory=dict)


@dataclass
class Taxonomy:
    """Topics by id, problems met loading them, and a version that changes with the files."""

    topics: dict[str, Topic] = field(default_factory=dict)
    problems: list[tuple[str, Problem]] = field(default_factory=list)
    version: str = ""


class _TaxonomyError(ValueError):
    """A topic entry is malformed."""


def topic_key(word: str) -> str:
    """A word's key for topic terms: folded, without the Arabic article (الأسرى = أسرى)."""
    key = fold_word(word)
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def _phrase_keys(phrase: str, lang: str) -> tuple[tuple[str, ...], bool]:
    # An invisible control inside a term would split it into other words.
    phrase = strip_invisible(phrase).strip()
    prefix = phrase.endswith("*")
    words = [token.text for token in tokenize(phrase.rstrip("*"), rules_for(lang))]
    return tuple(topic_key(word) for word in words), prefix


def _terms(table: Any, what: str) -> tuple[Term, ...]:
    if not isinstance(table, dict):
        raise _TaxonomyError(f"`{what}` must be a table of languages, each a table of \"term\" = weight")
    terms = []
    for lang, entries in table.items():
        if not isinstance(entries, dict):
            raise _TaxonomyError(f"`{what}.{lang}` must be a table of \"term\" = weight")
        for phrase, weight in entries.items():
            if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight <= 0:
                raise _TaxonomyError(f"`{what}.{lang}`: the weight of {phrase!r} must be a positive number, got {weight!r}")
            keys, prefix = _phrase_keys(phrase, lang)
            if not keys:
                raise _TaxonomyError(f"`{what}.{lang}`: {phrase!r} has no words")
            terms.append(Term(keys, float(weight), prefix))
    return tuple(terms)


def _phrases(table: Any, what: str) -> tuple[tuple[str, ...], ...]:
    if table is None:
        return ()
    if not isinstance(table, dict) or not all(isinstance(v, list) for v in table.values()):
        raise _TaxonomyError(f"`{what}` must be a table of languages, each a list of terms")
    return tuple(_phrase_keys(phrase, lang)[0] for lang, phrases in table.items() for phrase in phrases)


def _topic(entry: Any) -> Topic:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"]:
        raise _TaxonomyError("needs an `id`")
    names = entry.get("names")
    if not isinstance(names, dict) or not all(isinstance(name, str) for name in names.values()) or not names:
        raise _TaxonomyError("needs `[topic.names]` with a name per language")
    threshold = entry.get("threshold", DEFAULT_THRESHOLD)
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or threshold <= 0:
        raise _TaxonomyError(f"`threshold` must be a positive number, got {threshold!r}")
    actors = entry.get("actors", {})
    if not isinstance(actors, dict) or not all(isinstance(w, (int, float)) and not isinstance(w, bool) for w in actors.values()):
        raise _TaxonomyError("`[topic.actors]` must map actor ids to weights")
    return Topic(id=entry["id"], names={lang: strip_invisible(name) for lang, name in names.items()},
                 threshold=float(threshold),
                 terms=_terms(entry.get("keywords", {}), "keywords"),
                 required=_phrases(entry.get("required"), "required"),
                 excluded=_phrases(entry.get("excluded"), "excluded"),
                 actors={actor: float(weight) for actor, weight in actors.items()})


def load_taxonomy(shipped: list[Path], site: list[Path], label_root: Path | None = None) -> Taxonomy:
    """Load the shipped taxonomy files, then the site's (a topic with a known id replaces it)."""
    taxonomy = Taxonomy()
    digest = hashlib.sha256()
    for path in (*shipped, *site):
        label = path.relative_to(label_root).as_posix() if label_root and path.is_relative_to(label_root) else str(path)
        try:
            raw = path.read_bytes()
            data = tomllib.loads(raw.decode("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            taxonomy.problems.append((label, Problem(f"cannot be read as a taxonomy ({error}); it was skipped",
                                                     "Fix the file; the schema is in plugins/news_digest/data/topics/README.md",
                                                     fatal=True)))
            continue
        digest.update(raw)
        for index, entry in enumerate(data.get("topic", [])):
            try:
                topic = _topic(entry)
            except _TaxonomyError as error:
                name = entry.get("id") if isinstance(entry, dict) else None
                where = f"[[topic]] {name!r}" if isinstance(name, str) else f"[[topic]] number {index + 1}"
                taxonomy.problems.append((label, Problem(f"rule {where}: {error}; it was skipped",
                                                         "Fix the rule; the schema is in plugins/news_digest/data/topics/README.md")))
                continue
            taxonomy.topics[topic.id] = topic
    taxonomy.version = digest.hexdigest()[:16]
    return taxonomy


@dataclass(slots=True)
class _Node:
    children: dict[str, "_Node"] = field(default_factory=dict)
    # `word*` edges by their prefix, and the prefix lengths present, so a word is looked up, not scanned for.
    prefixes: dict[str, "_Node"] = field(default_factory=dict)
    prefix_lengths: set[int] = field(default_factory=set)
    ends: list[tuple[str, Term]] = field(default_factory=list)

    def follow(self, key: str) -> list["_Node"]:
        """The nodes reached from here by one word."""
        reached = [self.children[key]] if key in self.children else []
        for length in self.prefix_lengths:
            if len(key) >= length and (node := self.prefixes.get(key[:length])) is not None:
                reached.append(node)
        return reached


# What a word gives wherever it is: its candidate keys, and the nodes they reach from the root.
_WordSteps = tuple[tuple[str, ...], tuple[_Node, ...]]
# Words remembered per language (and script) before the table is emptied (a bound on memory, not an LRU).
_MAX_MEMO_WORDS = 32_768


class TopicScorer:
    """Every term of every topic in one trie of word keys (with prefix edges for `word*`)."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.root = _Node()
        for topic in taxonomy.topics.values():
            for term in topic.terms:
                self._add(term.keys, term.prefix, (topic.id, term))
            for kind, phrases in (("required", topic.required), ("excluded", topic.excluded)):
                for keys in phrases:
                    self._add(keys, False, (f"{kind}:{topic.id}", Term(keys, 0.0, False)))
        # Per language, the steps of words by key: one table for Arabic-script words, one for the others.
        self._steps: dict[LanguageRules, tuple[dict[str, _WordSteps], dict[str, _WordSteps]]] = {}

    def _add(self, keys: tuple[str, ...], prefix: bool, value: tuple[str, Term]) -> None:
        node = self.root
        for position, key in enumerate(keys):
            if prefix and position == len(keys) - 1:
                node.prefix_lengths.add(len(key))
                node = node.prefixes.setdefault(key, _Node())
            else:
                node = node.children.setdefault(key, _Node())
        node.ends.append(value)

    @staticmethod
    def _candidates(token: Token) -> tuple[str, ...]:
        """The token's keys for topic terms: itself and, in Arabic, its stems, each without the article."""
        keys = (token.key, *(stem for stem, _ in token.stems)) if token.arabic else (token.key,)
        return tuple(dict.fromkeys(key[2:] if key.startswith("ال") and len(key) > 4 else key for key in keys))

    def _word_steps(self, token: Token, memo: tuple[dict[str, _WordSteps], dict[str, _WordSteps]]) -> _WordSteps:
        table = memo[token.arabic]
        steps = table.get(token.key)
        if steps is None:
            if len(table) >= _MAX_MEMO_WORDS:
                table.clear()
            candidates = self._candidates(token)
            steps = table[token.key] = (candidates, tuple(node for key in candidates for node in self.root.follow(key)))
        return steps

    def _hits(self, tokens: tuple[Token, ...], rules: LanguageRules) -> list[tuple[str, Term]]:
        """(topic, term) of every term spelt in the tokens, once per way it is spelt; most words start none."""
        memo = self._steps.setdefault(rules, ({}, {}))
        others, arabic = memo
        steps = [(arabic if token.arabic else others).get(token.key) or self._word_steps(token, memo) for token in tokens]
        hits: list[tuple[str, Term]] = []
        for start, (_, following) in enumerate(steps):
            position = start
            while following:
                for node in following:
                    hits += node.ends
                frontier = [node for node in following if node.children or node.prefixes]
                position += 1
                if not frontier or position == len(tokens) or tokens[position].break_before:
                    break
                candidates = steps[position][0]
                following = [reached for node in frontier for key in candidates for reached in node.follow(key)]
        return hits

    def score(self, doc: ArticleDocument) -> list[tuple[str, float]]:
        """The article's topics over their threshold, best first, at most three, with their scores."""
        rules = rules_for(doc.lang)
        counts: dict[tuple[str, Term], float] = defaultdict(float)
        flags: set[str] = set()
        parts = [("title", doc.title), ("lede", doc.lede or ""), *(("paragraph", text) for text in doc.paragraphs)]
        for part, text in parts:
            for topic_id, term in self._hits(tokenize(text, rules), rules):
                if ":" in topic_id:
                    flags.add(topic_id)
                else:
                    counts[(topic_id, term)] += 2 if part in _PROMINENT_PARTS else 1
        scores: dict[str, float] = defaultdict(float)
        for (topic_id, term), occurrences in counts.items():
            scores[topic_id] += term.weight * (1 + _REPEAT_FACTOR * min(occurrences - 1, _MAX_REPEATS))
        mentioned = {actor.actor for actor in doc.actors}
        for topic in self.taxonomy.topics.values():
            scores[topic.id] += sum(weight for actor, weight in topic.actors.items() if actor in mentioned)
        chosen = []
        for topic_id, score in scores.items():
            topic = self.taxonomy.topics[topic_id]
            if score < topic.threshold or f"excluded:{topic_id}" in flags:
                continue
            if topic.required and f"required:{topic_id}" not in flags:
                continue
            chosen.append((topic_id, round(score, 2)))
        chosen.sort(key=lambda item: (-item[1], item[0]))
        return [(topic, score) for topic, score in chosen if score >= SECONDARY_SHARE * chosen[0][1]][:MAX_TOPICS]
