"""Find the knowledge base's names in text: one word-level trie of every spelling, matched leftmost-longest."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .document import Problem
from .folding import fold_arabic
from .knowledge import KnowledgeBase
from .lang import LanguageRules, rules_for
from .tokens import NO_CLITIC, Clitic, Token, name_keys

# Words before an ambiguous name (Arabic مالي is also "financial") that show it is the place.
_AMBIGUITY_CUES = frozenset(fold_arabic(word) for word in
                            "في إلى الى من دولة جمهورية شمال جنوب شرق غرب وسط عاصمة حكومة رئيس جيش سلطات".split()) \
    | frozenset("en au aux a de du in to from of".split())


@dataclass(frozen=True, slots=True)
class PatternEntry:
    """One spelling of one actor, and the conditions under which text matches it."""

    actor_id: str
    kind: str
    lang: str
    surface: str
    exact_case: bool
    needs_capital: bool
    ambiguous: bool
    # A country name that is also a first name (Maurice, Jordan): not the country before a surname.
    first_name: bool = False


@dataclass(slots=True)
class _Node:
    children: dict[str, "_Node"] = field(default_factory=dict)
    values: list = field(default_factory=list)


class PhraseTrie:
    """Phrases keyed by their folded words; `walk` finds every phrase starting at a token."""

    def __init__(self) -> None:
        self.root = _Node()

    def add(self, keys: tuple[str, ...], value: object) -> None:
        """Store `value` under the word keys of a phrase."""
        node = self.root
        for key in keys:
            node = node.children.setdefault(key, _Node())
        node.values.append(value)

    def walk(self, tokens: list[Token], start: int, rules: LanguageRules) -> list[tuple[int, Clitic, list]]:
        """(end, clitic letters, values) of every phrase spelt from `start`, attached clitics allowed on the first word."""
        first = tokens[start]
        children = self.root.children
        found: list[tuple[int, Clitic, list]] = []
        node = children.get(first.key)
        if node is not None:
            self._extend(node, tokens, start + 1, NO_CLITIC, found)
        if first.arabic and rules.article:
            for key, clitic in first.stems:
                if (node := children.get(key)) is not None:
                    self._extend(node, tokens, start + 1, clitic, found)
        return found

    @staticmethod
    def _extend(node: _Node, tokens: list[Token], end: int, clitic: Clitic, found: list[tuple[int, Clitic, list]]) -> None:
        """Follow the words from `end` down the trie from `node`, adding every phrase that ends on the way."""
        while True:
            if node.values:
                found.append((end, clitic, node.values))
            if end >= len(tokens) or tokens[end].break_before:
                return
            node = node.children.get(tokens[end].key)
            if node is None:
                return
            end += 1


class Match(NamedTuple):
    """Tokens [start, end) of a text spell `entry`; `clitic` letters attached to the first word are not part of it."""

    start: int
    end: int
    entry: PatternEntry
    clitic: Clitic


def _after_cue(tokens: list[Token], start: int, rules: LanguageRules) -> bool:
    """True when the word before `start` (without its clitics: وفي) says a place follows."""
    if start == 0:
        return False
    previous = tokens[start - 1]
    keys = (previous.key, *(stem for stem, _ in previous.stems)) if previous.arabic else (previous.key,)
    return any(key in _AMBIGUITY_CUES or key in rules.place_cues for key in keys)


class NameMatcher:
    """All the knowledge base's spellings in one trie keyed by folded words."""

    def __init__(self, kb: KnowledgeBase, first_names: frozenset[str] = frozenset()) -> None:
        self.trie = PhraseTrie()
        # Country names that are also first names (French Dominique, Maurice) need a cue too.
        first_name_clashes = {keys for actor in kb.actors.values() if actor.territory
                              for lang, name in actor.names.items() if lang in ("fr", "en")
                              if len(keys := name_keys(name, rules_for(lang))) == 1 and keys[0] in first_names}
        self.problems: list[tuple[str, Problem]] = []
        claimed: dict[tuple[str, tuple[str, ...]], str] = {}
        # Spellings the data declares ambiguous (Arabic مالي, عمان): kept by their first owner, matched only after a cue.
        ambiguous_keys = {lang: {name_keys(word, rules_for(lang)) for word in words} for lang, words in kb.ambiguous.items()}
        for actor in kb.actors.values():
            for lang, surface, kind in actor.surface_forms():
                keys = name_keys(surface, rules_for(lang))
                if not keys:
                    continue
                owner = claimed.setdefault((lang, keys), actor.id)
                ambiguous = keys in ambiguous_keys.get(lang, set())
                # Spellings derived from CLDR give way to listed ones without a word: both are legitimate.
                if owner != actor.id and (ambiguous or "CLDR" in (actor.origin, kb.actors[owner].origin)):
                    continue
                if owner != actor.id:
                    self.problems.append((actor.origin, Problem(
                        f"entry {actor.id!r}: the {lang} spelling {surface!r} is also claimed by {owner!r} "
                        f"({kb.actors[owner].origin}); it was left to {owner!r}",
                        "Keep each spelling on one actor, or qualify it (e.g. with a first name)")))
                    continue
                self.trie.add(keys, PatternEntry(
                    actor_id=actor.id, kind=kind, lang=lang, surface=surface,
                    exact_case=surface.isupper() and len(surface) <= 6,
                    needs_capital=kind == "name" and surface[:1].isupper(),
                    ambiguous=ambiguous, first_name=keys in first_name_clashes))

    def find(self, tokens: list[Token], rules: LanguageRules) -> list[Match]:
        """Leftmost-longest matches over the tokens; matched words are not matched again."""
        matches: list[Match] = []
        children = self.trie.root.children
        stems = bool(rules.article)
        position = 0
        while position < len(tokens):
            token = tokens[position]
            # Most words start no name: look the word (and its stems) up before walking.
            if token.key in children or (stems and token.arabic and token.stems
                                         and any(key in children for key, _ in token.stems)):
                match = self._longest_at(tokens, position, rules)
                if match:
                    matches.append(match)
                    position = match.end
                    continue
            position += 1
        return matches

    def _longest_at(self, tokens: list[Token], start: int, rules: LanguageRules) -> Match | None:
        best: Match | None = None
        for end, clitic, entries in self.trie.walk(tokens, start, rules):
            entry = self._accept(entries, tokens, start, clitic, rules)
            if entry and (best is None or end > best.end or (end == best.end and clitic < best.clitic)):
                best = Match(start, end, entry, clitic)
        return best

    def _accept(self, entries: list[PatternEntry], tokens: list[Token], start: int,
                clitic: Clitic, rules: LanguageRules) -> PatternEntry | None:
        first = tokens[start]
        ordered = entries if len(entries) == 1 else sorted(entries, key=lambda e: (e.lang != rules.code, e.kind != "name"))
        for entry in ordered:
            if entry.exact_case and not first.acronym:
                continue
            if entry.needs_capital and not first.arabic and not first.capitalised:
                continue
            if entry.ambiguous and not clitic[0] and not _after_cue(tokens, start, rules):
                continue
            following = tokens[start + 1] if start + 1 < len(tokens) else None
            if entry.first_name and following and following.capitalised and not following.break_before:
                continue
            return entry
        return None
