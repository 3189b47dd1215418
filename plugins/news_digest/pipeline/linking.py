"""Corpus-level linking: one actor per person, organization or place, across articles, languages and scripts.

Actors in the knowledge base are already one id in every script. Actors found by rules are grouped by
their folded name, then compared across scripts through a consonant skeleton of their transliteration
(ICU `Any-Latin`): `غالانت` -> `ghalant` -> `GLNT` = `Gallant`. A fuzzy score plus context (the same role,
shared co-mentioned actors) decides: merged above one threshold, shown as "possibly the same" above a
lower one. Candidates are only compared within a block sharing the start or the end of the last name's
skeleton, never all pairs, and only when their skeletons are alike enough to matter (filtered by
rapidfuzz in C, not one Python comparison per spelling of the block).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Set
from dataclasses import dataclass, field

import icu
from rapidfuzz import fuzz, process

from .document import ArticleDocument
from .entities import COMPOSED_MARK, NEW_PREFIX, majority_type
from .folding import fold_latin, is_arabic
from .knowledge import Actor, KnowledgeBase, slugify

MERGE_THRESHOLD = 0.92
POSSIBLE_THRESHOLD = 0.78
_CONTEXT_BONUS = 0.05
_MIN_CO_MENTION_OVERLAP = 0.15
_SHORT_SKELETON = 3
# Two skeletons less alike than this (fuzz.ratio) score below POSSIBLE_THRESHOLD even with both context
# bonuses (0.67 + 2 * 0.05 < 0.78), and cannot merge: they are not compared at all.
_MIN_SKELETON_RATIO = 67
# Spellings of one sound, longest first, then one class letter per consonant; vowels, w, y, h drop.
_DIGRAPHS = (("tsh", "S"), ("sch", "S"), ("tch", "S"), ("sh", "S"), ("ch", "S"), ("kh", "H"), ("gh", "G"),
             ("th", "T"), ("dh", "D"), ("ph", "F"), ("ck", "K"), ("qu", "K"), ("dj", "G"), ("zh", "G"))
_CONSONANT_CLASSES = str.maketrans({
    "b": "B", "p": "B", "d": "D", "f": "F", "v": "F", "g": "G", "j": "G", "k": "K", "q": "K",
    "l": "L", "m": "M", "n": "N", "r": "R", "s": "S", "z": "S", "t": "T", "x": "KS",
})
_SOFT_C = re.compile(r"c(?=[eiy])")
_ARTICLE = re.compile(r"^(?:al|el)(?=[a-z]{3,})")


@dataclass(frozen=True)
class Evidence:
    """Why two spellings were judged to be one actor."""

    rule: str
    detail: str
    score: float | None = None


@dataclass
class CorpusActor:
    """One actor of the whole corpus with every spelling, article and piece of evidence."""

    id: str
    type: str
    known: Actor | None
    forms: Counter[tuple[str, str]] = field(default_factory=Counter)
    articles: list[str] = field(default_factory=list)
    mentions: int = 0
    roles: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    possibly_same: list[tuple[str, float]] = field(default_factory=list)
    # An English name made from the rule that found the actor ("Lebanese Ministry of Health").
    label: str = ""


@dataclass
class LinkedCorpus:
    """Actors by global id, and the global id of every article-level actor key."""

    actors: dict[str, CorpusActor]
    global_ids: dict[str, str]


class SkeletonKeys:
    """Consonant skeletons of names in any script, for comparing spellings across scripts."""

    def __init__(self) -> None:
        self._to_latin = icu.Transliterator.createInstance("Any-Latin; Latin-ASCII")

    def transliterate(self, name: str) -> str:
        """The name in Latin letters (ICU `Any-Latin; Latin-ASCII`)."""
        return self._to_latin.transliterate(name)

    def words(self, name: str) -> list[str]:
        """One skeleton per word of the name (`Yoav Gallant` -> `['F', 'GLNT']`)."""
        # A final ta marbuta is heard as a vowel in names (طويلة = Tawila), not as t.
        latin = self.transliterate(name.replace("ة", "ه")) if is_arabic(name) else name
        skeletons = []
        for word in re.findall(r"[a-z]+", fold_latin(latin)):
            if word in ("al", "el"):
                continue
            word = _SOFT_C.sub("s", _ARTICLE.sub("", word))
            for digraph, sound in _DIGRAPHS:
                word = word.replace(digraph, sound)
            # Only a word-initial h is heard the same in both scripts (John/جون, Healey/هيلي).
            word = word[0] + word[1:].replace("h", "") if word else word
            skeleton = re.sub(r"[aeiouwyc]", "", word.replace("c", "k")).translate(_CONSONANT_CLASSES)
            skeleton = re.sub(r"(.)\1+", r"\1", skeleton.upper())
            if skeleton:
                skeletons.append(skeleton)
        return skeletons


@dataclass
class _Group:
    key: str
    types: Counter[str] = field(default_factory=Counter)
    forms: Counter[tuple[str, str]] = field(default_factory=Counter)
    articles: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    # Listed actors mentioned in the same articles; only kept for found names, the only ones compared.
    co_mentions: set[str] = field(default_factory=set)
    mentions: int = 0
    label: str = ""

    @property
    def type(self) -> str:
        return majority_type(self.types)

    def main_form(self) -> str:
        return max(self.forms, key=lambda lang_form: (self.forms[lang_form], len(lang_form[1]), lang_form))[1]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, first: str, second: str) -> None:
        roots = sorted((self.find(first), self.find(second)))
        # Knowledge-base ids win, so a merged group keeps the listed actor's id.
        keep, drop = (roots[1], roots[0]) if roots[0].startswith(NEW_PREFIX) and not roots[1].startswith(NEW_PREFIX) else roots
        self.parent[drop] = keep


def _collect(docs: list[ArticleDocument]) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    for doc in docs:
        lang = doc.lang or ""
        # Each actor's spellings in this article, in order: one pass over the mentions, not one per actor.
        surfaces: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for mention in doc.mentions:
            surfaces[mention.actor].append((lang, mention.surface))
        known_here = {actor.actor for actor in doc.actors if actor.known}
        for actor in doc.actors:
            group = groups.get(actor.actor)
            if group is None:
                group = groups[actor.actor] = _Group(actor.actor)
            group.types[actor.type] += actor.mentions
            group.forms.update(surfaces.get(actor.actor, ()))
            if actor.label:
                group.label = actor.label
            group.articles.append(doc.article_id)
            group.roles.update(actor.roles)
            if actor.actor.startswith(NEW_PREFIX):
                group.co_mentions |= known_here - {actor.actor}
            group.mentions += actor.mentions
    return groups


def _score(first: _Group, first_skeleton: str, second: _Group | None, second_skeleton: str) -> float:
    similarity = fuzz.ratio(first_skeleton, second_skeleton) / 100
    if second is None:
        return similarity
    if first.roles & second.roles:
        similarity += _CONTEXT_BONUS
    union = first.co_mentions | second.co_mentions
    if union and len(first.co_mentions & second.co_mentions) / len(union) >= _MIN_CO_MENTION_OVERLAP:
        similarity += _CONTEXT_BONUS
    return similarity


@dataclass(frozen=True, slots=True)
class _Spelling:
    """A name as compared: the form shown, folded, its script, its skeleton words; computed once per name."""

    form: str
    folded: str
    arabic: bool
    words: list[str]
    skeleton: str

    @classmethod
    def of(cls, form: str, keys: SkeletonKeys) -> _Spelling:
        words = keys.words(form)
        return cls(form, fold_latin(form), is_arabic(form), words, "".join(words))


@dataclass
class _Block:
    """Spellings that share a block key, in the order they came: for each, its owner (a listed actor's id or a
    found name's key), skeleton words and group (None for a listed actor)."""

    owners: list[str] = field(default_factory=list)
    words: list[list[str]] = field(default_factory=list)
    skeletons: list[str] = field(default_factory=list)
    groups: list[_Group | None] = field(default_factory=list)
    last: dict[str, int] = field(default_factory=dict)

    def add(self, owner: str, words: list[str], group: _Group | None) -> None:
        self.last[owner] = len(self.owners)
        self.owners.append(owner)
        self.words.append(words)
        self.skeletons.append("".join(words))
        self.groups.append(group)


def _candidates(skeleton: str, first: _Block, second: _Block) -> dict[str, tuple[list[str], _Group | None]]:
    """The spellings of both blocks that may matter, by owner: an owner's last spelling, second block first.

    Only skeletons at least _MIN_SKELETON_RATIO alike are kept (a C loop in rapidfuzz, not a Python one per
    spelling): with both context bonuses, no other one can reach POSSIBLE_THRESHOLD, let alone merge.
    """
    found = {}
    for block in (first, second):
        for _, _, position in process.extract_iter(skeleton, block.skeletons, scorer=fuzz.ratio, processor=None,
                                                   score_cutoff=_MIN_SKELETON_RATIO):
            owner = block.owners[position]
            # An owner with several spellings (a listed actor's aliases) is compared through its last one.
            if position == block.last[owner] and (block is second or owner not in second.last):
                found[owner] = (block.words[position], block.groups[position])
    return found


def link_corpus(docs: list[ArticleDocument], kb: KnowledgeBase) -> LinkedCorpus:
    """Group every article's actors into corpus actors; assign stable global ids."""
    groups = _collect(docs)
    keys = SkeletonKeys()
    union = _UnionFind()
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    possible: dict[str, list[tuple[str, float]]] = defaultdict(list)
    new_groups = sorted((group for group in groups.values() if group.key.startswith(NEW_PREFIX)), key=lambda g: g.key)
    blocks: dict[tuple[str, str], _Block] = defaultdict(_Block)
    # The spelling each candidate is shown and compared with: a found name's main form, a listed actor's English name.
    shown: dict[str, _Spelling] = {}

    def blocks_of(actor_type: str, words: list[str]) -> list[tuple[str, str]]:
        # The last name's first and last two skeleton letters: transliteration rarely changes both.
        # Types are left out: rules may type one name differently in two languages.
        last = words[-1] if words else ""
        return [("", f"<{last[:2]}"), ("", f"{last[-2:]}>")]

    for actor in sorted(kb.actors.values(), key=lambda actor: actor.id):
        if actor.type != "person":
            continue
        # Sorted: a set's order changes with the interpreter's hash seed, and the last spelling is the one compared.
        for name in sorted({name for lang, name, kind in actor.surface_forms() if kind == "name" and not is_arabic(name)}):
            if words := keys.words(name):
                for block in blocks_of("person", words):
                    blocks[block].add(actor.id, words, None)
    for group in new_groups:
        spelling = shown[group.key] = _Spelling.of(group.main_form(), keys)
        form, words = spelling.form, spelling.words
        if not words:
            continue
        group_blocks = blocks_of(group.type, words)
        candidates = _candidates(spelling.skeleton, *(blocks[block] for block in group_blocks))
        for other_id in sorted(candidates):
            other_words, other_group = candidates[other_id]
            if other_id not in shown:
                shown[other_id] = _Spelling.of(kb.actors[other_id].names["en"], keys)
            other = shown[other_id]
            # Context can lift the score above 1; a short skeleton (Healey: HL) needs that context.
            score = _score(group, spelling.skeleton, other_group, "".join(other_words))
            if spelling.arabic == other.arabic:
                # Within one script the skeleton is too coarse: ask for nearly the same letters too.
                same_letters = fuzz.ratio(spelling.folded, other.folded) / 100
                merge = words == other_words and same_letters >= 0.9
                score = min(score, same_letters)
            else:
                merge = score >= MERGE_THRESHOLD and (len(spelling.skeleton) > _SHORT_SKELETON or score > 1.0)
            score = min(score, 1.0)
            if merge:
                union.union(group.key, other_id)
                detail = f"{form} ~ {other.form} ({' '.join(words)} / {' '.join(other_words)})"
                evidence[group.key].append(Evidence("transliteration", detail, round(score, 3)))
            elif score >= POSSIBLE_THRESHOLD:
                possible[group.key].append((other_id, round(score, 3)))
        for block in group_blocks:
            blocks[block].add(group.key, words, group)
    _resolve_surnames(new_groups, union, evidence)
    return _build(groups, kb, union, evidence, possible, keys)


def _resolve_surnames(groups: list[_Group], union: _UnionFind, evidence: dict[str, list[Evidence]]) -> None:
    """A one-word name found alone in some article (`Halász`) is the person whose full name ends with it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        words = group.key[len(NEW_PREFIX):].split()
        if len(words) >= 2 and group.type == "person":
            owners[words[-1]].add(group.key)
    for group in groups:
        words = group.key[len(NEW_PREFIX):].split()
        if len(words) == 1 and len(owners.get(words[0], ())) == 1:
            owner = next(iter(owners[words[0]]))
            union.union(group.key, owner)
            evidence[group.key].append(Evidence("surname", f"{group.main_form()} = {owner[len(NEW_PREFIX):]}"))


def _global_id(root: str, members: list[_Group], kb: KnowledgeBase, taken: Set[str], keys: SkeletonKeys) -> str:
    if not root.startswith(NEW_PREFIX):
        return root
    composed = root[len(NEW_PREFIX):]
    if composed.startswith(COMPOSED_MARK) and composed[1:] not in kb.actors:
        return composed[1:]
    forms = Counter()
    for member in members:
        forms.update(member.forms)
    latin = sorted(((count, form) for (lang, form), count in forms.items() if not is_arabic(form)), reverse=True)
    name = latin[0][1] if latin else keys.transliterate(members[0].main_form())
    base = slugify(name) or "actor"
    candidate, number = base, 2
    while candidate in taken or candidate in kb.actors:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _build(groups: dict[str, _Group], kb: KnowledgeBase, union: _UnionFind, evidence: dict[str, list[Evidence]],
           possible: dict[str, list[tuple[str, float]]], keys: SkeletonKeys) -> LinkedCorpus:
    members: dict[str, list[_Group]] = defaultdict(list)
    for key in sorted(groups):
        members[union.find(key)].append(groups[key])
    global_ids: dict[str, str] = {}
    actors: dict[str, CorpusActor] = {}
    for root in sorted(members, key=lambda root: (root.startswith(NEW_PREFIX), root)):
        actor_id = _global_id(root, members[root], kb, actors.keys(), keys)
        known = kb.actors.get(root)
        corpus_actor = CorpusActor(id=actor_id, type=known.type if known else members[root][0].type, known=known)
        if known:
            corpus_actor.evidence.append(Evidence("list", known.origin))
        for group in members[root]:
            global_ids[group.key] = actor_id
            corpus_actor.forms.update(group.forms)
            corpus_actor.articles += group.articles
            corpus_actor.mentions += group.mentions
            corpus_actor.roles |= group.roles
            corpus_actor.label = corpus_actor.label or group.label
            corpus_actor.evidence += evidence.get(group.key, [])
            if group.key.startswith(NEW_PREFIX) and len(set(group.articles)) > 1:
                corpus_actor.evidence.append(Evidence("same-name", group.main_form()))
        corpus_actor.articles = sorted(set(corpus_actor.articles))
        actors[actor_id] = corpus_actor
    for key, candidates in possible.items():
        for other, score in candidates:
            first, second = global_ids.get(key), global_ids.get(other, other)
            if first and second and first != second and second in actors:
                actors[first].possibly_same.append((second, score))
                actors[second].possibly_same.append((first, score))
    return LinkedCorpus(actors, global_ids)
