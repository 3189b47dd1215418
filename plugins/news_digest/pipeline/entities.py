"""Per-article actors: the knowledge base's names, plus names it lacks found by rules.

The rules follow Europe Media Monitor's approach: a name right after a role or title (`le ministre
de la Défense Yoav Gallant`, `وزير الدفاع البريطاني جون هيلي`, `M.`, `Mr`), a known first name followed
by name words (`Karim Benslimane`, `هيثم الغيص`), speakers of quotes (`said`, `قال`), place cue words
(`à`, `مدينة`), institutions next to a country (`ministère libanais de la Santé`), acronyms, capitalised
words the text repeats, and a later surname-only mention resolved to the full name found in the
same article. Capitalised runs with no such evidence (`Strait Shield`) are not taken for persons.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple

from .document import ArticleDocument
from .first_names import FirstNames
from .knowledge import Actor, KnowledgeBase, country_of
from .lang import LanguageRules, rules_for
from .matcher import NameMatcher, PhraseTrie
from .tokens import NO_CLITIC, Clitic, Token, name_keys, tokenize

NEW_PREFIX = "new:"
# Small words that may sit inside a role phrase interrupted by an adjective (ministre israélien *de la* Défense).
_ROLE_CONNECTORS = frozenset("de la du des d l of the for باسم لدى لشوون للشوون".split())
_MAX_NAME_WORDS = 4
_MAX_ARABIC_NAME_WORDS = 3
_MAX_ARABIC_COMPLEMENTS = 3
_ARABIC_NAME_PARTICLES = frozenset("بن ابن ولد ابو".split())
# Words between an institution and its country: ministère de la Défense *d'*Israël, Ministry of Health *in* Gaza.
_COUNTRY_CONNECTORS = frozenset("de du des d of in في".split())
_MAX_INSTITUTION_WORDS = 8
COMPOSED_MARK = "@"
_ROMAN_NUMERALS = frozenset("ii iii iv vi vii viii ix xi xii xiv xv xx".split())


class Mention(NamedTuple):
    """One mention of an actor: where it is (part, paragraph, offsets of the whole words) and why it counts.

    A named tuple rather than a dataclass: a cached build unpickles a hundred mentions per article, and a tuple
    comes back in one call where a frozen dataclass with slots sets its fields one by one in Python.
    """

    part: str
    index: int
    start: int
    end: int
    surface: str
    actor: str
    kind: str
    rule: str
    # Inside another mention (the place in "ministère libanais de la Santé"): counted, not linked.
    nested: bool = False


@dataclass(slots=True)
class ArticleActor:
    """An actor as one article mentions it."""

    actor: str
    type: str
    known: bool
    name: str
    forms: list[str] = field(default_factory=list)
    mentions: int = 0
    roles: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    label: str = ""

    def __reduce__(self) -> tuple:
        # Rebuilt through the constructor: a dataclass with slots otherwise unpickles field by field in Python.
        return (ArticleActor, (self.actor, self.type, self.known, self.name, self.forms, self.mentions, self.roles,
                               self.rules, self.label))


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    clitic: Clitic
    actor: str
    type: str
    kind: str
    rule: str
    role: str | None = None
    nested: bool = False
    label: str = ""


@dataclass(slots=True)
class _Part:
    name: str
    index: int
    text: str
    tokens: tuple[Token, ...]
    used: list[bool]
    found: list[_Found] = field(default_factory=list)

    def claim(self, found: _Found) -> None:
        self.found.append(found)
        for position in range(found.start, found.end):
            self.used[position] = True


_TYPE_PRIORITY = {"person": 0, "place": 1, "organization": 2}
_START = attrgetter("start")


def majority_type(votes: Mapping[str, int]) -> str:
    """The type most rules gave a name; on a tie, person before place before organization."""
    return min(votes, key=lambda actor_type: (-votes[actor_type], _TYPE_PRIORITY.get(actor_type, 3)))


def _definite_with_clitic(key: str, rules: LanguageRules) -> bool:
    """A word like للصحفيين or بالمنظمة: a preposition or conjunction on a definite noun, never a name."""
    return any(key.startswith(clitic + rules.article) for clitic in (*rules.conjunction_clitics, *rules.preposition_clitics)) \
        or key.startswith("لل")


def _phrase_trie(entries) -> PhraseTrie:
    """A trie of every phrase of (id, {lang: phrases}) entries, each keyed like running text in its language."""
    trie = PhraseTrie()
    for entry_id, phrases_by_lang in entries:
        for lang, phrases in phrases_by_lang.items():
            for phrase in phrases:
                if keys := name_keys(phrase, rules_for(lang)):
                    trie.add(keys, entry_id)
    return trie


def _drop_letters(text: str, letters: int) -> str:
    """`text` without its first `letters` letters and the marks that sit on them."""
    position = 0
    while letters and position < len(text):
        position += 1
        letters -= 1
        while position < len(text) and not text[position].isalpha():
            position += 1
    return text[position:]


class EntityFinder:
    """Finds the actors of an article; built once per knowledge base."""

    def __init__(self, kb: KnowledgeBase, matcher: NameMatcher, first_names: FirstNames | None = None) -> None:
        self.kb = kb
        self.matcher = matcher
        self.first_names = first_names or FirstNames()
        self.roles = _phrase_trie((role.id, role.phrases) for role in kb.roles.values())
        self.institutions = _phrase_trie((item.id, item.phrases) for item in kb.institutions.values())
        # The nouns of roles (ministre, وزير), not their small words (de, la, le).
        self.role_words = {key for role in kb.roles.values() for lang, phrases in role.phrases.items()
                           for phrase in phrases for key in name_keys(phrase, rules_for(lang))
                           if key not in rules_for(lang).stopwords and key not in _ROLE_CONNECTORS}

    def find(self, doc: ArticleDocument) -> None:
        """Assign `mentions` and `actors` to the document."""
        rules = rules_for(doc.lang)
        parts = [_Part("lede", 0, doc.lede or "", (), [])]
        parts += [_Part("paragraph", index, text, (), []) for index, text in enumerate(doc.paragraphs)]
        parts += [_Part("title", 0, doc.title, (), [])]
        if doc.dateline and doc.dateline.place:
            parts.append(_Part("dateline", 0, doc.dateline.place, (), []))
        for part in parts:
            part.tokens = tokenize(part.text, rules)
            part.used = [False] * len(part.tokens)
        lowercase_words = {token.key for part in parts for token in part.tokens if not token.capitalised}
        for part in parts:
            self._known_names(part, rules, lowercase_words)
        home_country = self._home_country(parts)
        for part in parts:
            self._institutions(part, rules, home_country)
            if part.name in ("lede", "paragraph"):
                introduced = self._roles(part, rules)
                if rules.cased:
                    self._capitalised_names(part, rules, introduced, lowercase_words)
                else:
                    self._uncased_names(part, rules, introduced)
        if rules.cased:
            self._recurring_words(parts, rules, lowercase_words)
        self._surnames(parts, rules)
        doc.mentions = [mention for part in parts for mention in self._mentions(part)]
        doc.actors = self._article_actors(doc.mentions, parts)

    # -- the knowledge base ------------------------------------------------------------------

    def _known_names(self, part: _Part, rules: LanguageRules, lowercase_words: set[str]) -> None:
        for match in self.matcher.find(part.tokens, rules):
            actor = self.kb.actors[match.entry.actor_id]
            first = part.tokens[match.start]
            # "Réunion à Tunis" when the text also says "une réunion": a common word opening a sentence.
            if (match.end - match.start == 1 and first.sentence_start and not first.acronym and not first.arabic
                    and match.entry.kind == "name" and first.key in lowercase_words):
                continue
            part.claim(_Found(match.start, match.end, match.clitic, actor.id, actor.type, match.entry.kind, "list"))
            if actor.type != "person" and match.end - match.start >= 2:
                # "armée israélienne" mentions Israel too, "Conseil de sécurité de l'ONU" the UN,
                # "Beirut's southern suburbs" Beirut.
                inner = part.tokens[match.start + 1:match.end]
                for nested in self.matcher.find(inner, rules):
                    inside = self.kb.actors[nested.entry.actor_id]
                    if inside.type != "person" and inside.id != actor.id:
                        start = match.start + 1 + nested.start
                        part.found.append(_Found(start, start + nested.end - nested.start, nested.clitic, inside.id,
                                                 inside.type, nested.entry.kind, "list", nested=True))

    def _home_country(self, parts: list[_Part]) -> "Actor | None":
        """The country the article is about: its dateline's, else one mentioned at least twice as often as any other."""
        dateline = next((part for part in parts if part.name == "dateline"), None)
        if dateline and dateline.found:
            country = country_of(self.kb, self.kb.actors[dateline.found[0].actor])
            if country.territory:
                return country
        counts: Counter[str] = Counter()
        for part in parts:
            for found in part.found:
                actor = self.kb.actors.get(found.actor)
                if actor is not None and actor.type == "place":
                    country = country_of(self.kb, actor)
                    if country.territory:
                        counts[country.id] += 1
        ranked = counts.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]) and ranked[0][1] >= 2:
            return self.kb.actors[ranked[0][0]]
        return None

    def _institutions(self, part: _Part, rules: LanguageRules, home_country: "Actor | None" = None) -> None:
        """An institution phrase next to a country: one actor per country and institution, in every language.

        With no country next to it ("the foreign ministry said"), the article's home country is meant, when
        the article has one.
        """
        places = {found.start: found for found in part.found if found.type == "place" and not found.nested}
        places_by_end = {found.end: found for found in places.values()}
        tokens = part.tokens
        starts = self.institutions.root.children
        for position in range(len(tokens)):
            token = tokens[position]
            if part.used[position] or not (token.key in starts or (
                    token.arabic and token.stems and any(stem in starts for stem, _ in token.stems))):
                continue
            # "وزير الخارجية البريطاني" is a role, not the ministry.
            if position and tokens[position - 1].key in self.role_words:
                continue
            view: list[int] = []
            inner: _Found | None = None
            index = position
            while index < len(tokens) and len(view) < _MAX_INSTITUTION_WORDS:
                if view and index in places and not tokens[index].break_before:
                    inner = inner or places[index]
                    index = places[index].end
                    continue
                if part.used[index] or (view and tokens[index].break_before):
                    break
                view.append(index)
                index += 1
            walks = self.institutions.walk([tokens[i] for i in view], 0, rules) if view else []
            if not walks:
                continue
            length, clitic, institution_ids = max(walks, key=lambda walk: walk[0])
            end = view[length - 1] + 1
            before = places_by_end.get(position) if not tokens[position].break_before else None
            country = (inner if inner and inner.end <= end else None) or self._place_after(part, end, places) or before
            # Only a ministry is the home country's by default; "armed forces" alone may be anyone's.
            if country is None and (home_country is None or not institution_ids[0].startswith("ministry-")):
                continue
            place = country_of(self.kb, self.kb.actors[country.actor]) if country else home_country
            start, stop = (min(position, country.start), max(end, country.end)) if country else (position, end)
            composed = f"{place.demonym()}-{institution_ids[0]}"
            known = composed in self.kb.actors
            key = composed if known else f"{NEW_PREFIX}{COMPOSED_MARK}{composed}"
            english = place.demonyms.get("en", (place.names.get("en", place.id),))[0]
            label = self.kb.institutions[institution_ids[0]].name.format(country=english)
            part.claim(_Found(start, stop, clitic if start == position else NO_CLITIC, key, "organization", "name",
                              "list" if known else "institution", label=label))

    @staticmethod
    def _place_after(part: _Part, end: int, places: dict[int, _Found]) -> _Found | None:
        if end < len(part.tokens) and part.tokens[end].key in _COUNTRY_CONNECTORS and end + 1 in places:
            end += 1
        found = places.get(end)
        return found if found and not part.tokens[end].break_before else None

    # -- roles and titles ----------------------------------------------------------------------

    def _roles(self, part: _Part, rules: LanguageRules) -> dict[int, str]:
        """Token positions right after a role phrase (with its adjectives), mapped to the role id."""
        introduced: dict[int, str] = {}
        tokens, position = part.tokens, 0
        by_start = {found.start: found for found in part.found}
        starts, stems = self.roles.root.children, bool(rules.article)
        while position < len(tokens):
            token = tokens[position]
            # Most words start no role: look the word (and its stems) up before walking.
            walks = self.roles.walk(tokens, position, rules) if not part.used[position] and (
                token.key in starts or (stems and token.arabic and token.stems
                                        and any(key in starts for key, _ in token.stems))) else []
            if not walks:
                position += 1
                continue
            end = max(walks, key=lambda walk: walk[0])[0]
            # Extend over adjectives (known demonyms and places), role words and connectors.
            complements = 0
            while end < len(tokens) and not tokens[end].break_before:
                found = by_start.get(end)
                token = tokens[end]
                if found and found.type != "person":
                    end = found.end
                elif not part.used[end] and (token.key in self.role_words or token.key in _ROLE_CONNECTORS):
                    end += 1
                elif (not part.used[end] and token.arabic and token.key.startswith(rules.article)
                      and complements < _MAX_ARABIC_COMPLEMENTS):
                    # المتحدث باسم *الوزارة*: names do not start with the article, complements do.
                    end, complements = end + 1, complements + 1
                else:
                    break
            introduced[end] = self._best_role(tokens, part.used, position, end, rules)
            person = by_start.get(end)
            if person and person.type == "person":
                person.role = introduced[end]
            position = end
        return introduced

    def _best_role(self, tokens: list[Token], used: list[bool], start: int, end: int, rules: LanguageRules) -> str:
        """The most specific (longest) role phrase the region spells once adjectives are left out."""
        words = [tokens[position] for position in range(start, end) if not used[position]]
        best_length, best_role = 0, "role"
        for offset in range(len(words)):
            for walk_end, _, roles in self.roles.walk(words, offset, rules):
                if walk_end - offset > best_length:
                    best_length, best_role = walk_end - offset, roles[0]
        return best_role

    # -- names the lists lack: languages with capitals ---------------------------------------

    def _capitalised_names(self, part: _Part, rules: LanguageRules, introduced: dict[int, str],
                           lowercase_words: set[str]) -> None:
        tokens, used, position = part.tokens, part.used, 0
        while position < len(tokens):
            # A run starts only at a free capitalised word; most words are not.
            if used[position] or not tokens[position].capitalised:
                position += 1
                continue
            end = self._capitalised_run(tokens, used, position, rules)
            if end == position:
                position += 1
                continue
            start = position
            while start < end and self._not_a_name_start(tokens[start], rules, lowercase_words):
                start += 1
            while end > start and (tokens[end - 1].key in rules.name_particles or tokens[end - 1].key in self.role_words):
                end -= 1
            if start < end:
                self._add_capitalised(part, rules, start, end, introduced)
            position = max(end, position + 1)

    def _capitalised_run(self, tokens: list[Token], used: list[bool], start: int, rules: LanguageRules) -> int:
        end, organization = start, False
        while end < len(tokens) and not used[end] and (end == start or not tokens[end].break_before):
            token = tokens[end]
            if token.capitalised and not token.key.isdigit():
                organization = organization or token.key in rules.organization_words
                end += 1
                continue
            # Small words may join capitalised ones: `Charles de Gaulle`, `Institute for the Study of War`.
            joins = rules.name_particles | (rules.organization_connectors if organization else frozenset())
            following = end + 1
            while following < len(tokens) and tokens[following].key in joins and not used[following]:
                following += 1
            # A particle joins only a surname that ends the name (`de Gaulle`, not `Tisza de Peter Magyar`).
            last_word = following + 1 >= len(tokens) or not tokens[following + 1].capitalised \
                or tokens[following + 1].break_before
            if (end > start and token.key in joins and following < len(tokens) and tokens[following].capitalised
                    and not used[following] and not tokens[following].break_before and (organization or last_word)):
                end = following
            else:
                break
        return end

    def _not_a_name_start(self, token: Token, rules: LanguageRules, lowercase_words: set[str]) -> bool:
        if token.key in rules.stopwords or token.key in self.role_words or token.key in rules.honorifics:
            return True
        # A capitalised word opening a sentence that the text also writes in lower case is a common word.
        return token.sentence_start and token.key in lowercase_words

    def _add_capitalised(self, part: _Part, rules: LanguageRules, start: int, end: int,
                         introduced: dict[int, str]) -> None:
        tokens = part.tokens
        words = end - start
        before = tokens[start - 1] if start else None
        role = introduced.get(start)
        titled = before is not None and before.key in rules.honorifics
        after_place_cue = before is not None and not tokens[start].break_before and (
            before.key in rules.place_cues
            # région *de* Kayes, city *of* Kharkiv
            or (before.key in _COUNTRY_CONNECTORS and start >= 2 and tokens[start - 2].key in rules.place_cues))
        has_org_word = any(token.key in rules.organization_words for token in tokens[start:end])
        if words == 1:
            token = tokens[start]
            if token.acronym and token.key not in rules.stopwords and token.key not in _ROMAN_NUMERALS \
                    and token.key not in self.role_words:
                self._claim_new(part, start, end, "organization", "acronym")
            elif (role or titled) and token.key not in rules.organization_words:
                self._claim_new(part, start, end, "person", f"role:{role}" if role else "title", role)
            elif after_place_cue and not token.sentence_start:
                self._claim_new(part, start, end, "place", "place-cue")
            return
        if has_org_word or words > _MAX_NAME_WORDS:
            self._claim_new(part, start, end, "organization", "capitalised")
        elif after_place_cue and not role and not titled:
            self._claim_new(part, start, end, "place", "place-cue")
        elif role or titled:
            self._claim_new(part, start, end, "person", f"role:{role}" if role else "title", role)
        elif self.first_names.certain(tokens[start].key, arabic=False):
            self._claim_new(part, start, end, "person", "first-name")
        elif self._speaker(tokens, start, end, rules):
            self._claim_new(part, start, end, "person", "speaker")

    def _recurring_words(self, parts: list[_Part], rules: LanguageRules, lowercase_words: set[str]) -> None:
        """A capitalised word the text repeats, never writes in lower case and uses inside sentences is a name."""
        seen: dict[str, list[tuple[_Part, int]]] = defaultdict(list)
        for part in parts:
            if part.name not in ("lede", "paragraph"):
                continue
            for position, token in enumerate(part.tokens):
                if (not part.used[position] and token.capitalised and not token.acronym and len(token.key) > 3
                        and token.key not in lowercase_words and token.key not in rules.stopwords
                        and token.key not in self.role_words and token.key not in rules.organization_words
                        and token.key not in rules.honorifics and not token.key.isdigit()):
                    seen[token.key].append((part, position))
        for key, places in seen.items():
            inside = [(part, position) for part, position in places if not part.tokens[position].sentence_start]
            if len(places) < 2 or not inside:
                continue
            cued = any(position and part.tokens[position - 1].key in rules.place_cues for part, position in places)
            for part, position in places:
                self._claim_new(part, position, position + 1, "place" if cued else "organization", "recurring")

    @staticmethod
    def _speaker(tokens: list[Token], start: int, end: int, rules: LanguageRules) -> bool:
        """`X Y said`, `said X Y`, `a déclaré X Y`: the name speaks."""
        before = tokens[start - 1].key if start else ""
        after = tokens[end].key if end < len(tokens) else ""
        return before in rules.speech_verbs or after in rules.speech_verbs

    # -- names the lists lack: languages without capitals ----------------------------------

    def _uncased_names(self, part: _Part, rules: LanguageRules, introduced: dict[int, str]) -> None:
        tokens = part.tokens
        for start, role in introduced.items():
            end = self._uncased_run(part, rules, start, _MAX_ARABIC_NAME_WORDS, allow_article=False)
            # رئيس بلدية كفررمان *حسن جابر*: the name starts at its first name.
            start = next((index for index in range(start + 1, end - 1) if tokens[index].key in self.first_names.arabic),
                         start)
            if end - start >= 2:
                self._claim_new(part, start, end, "person", f"role:{role}", role)
        self._arabic_first_names(part, rules)
        for position, token in enumerate(tokens):
            if part.used[position] or position + 1 >= len(tokens):
                continue
            key, stems = token.key, token.stems
            if key in rules.speech_verbs or (stems and any(stem in rules.speech_verbs for stem, _ in stems)):
                end = self._uncased_run(part, rules, position + 1, _MAX_ARABIC_NAME_WORDS, allow_article=False)
                if end - (position + 1) >= 2:
                    self._claim_new(part, position + 1, end, "person", "speaker")
            elif key in rules.place_cues or (stems and any(stem in rules.place_cues for stem, _ in stems)):
                end = self._uncased_run(part, rules, position + 1, 2, allow_article=True, place=True)
                if end > position + 1:
                    self._claim_new(part, position + 1, end, "place", "place-cue")

    def _arabic_first_names(self, part: _Part, rules: LanguageRules) -> None:
        """A known first name (or عبد/أبو and a word) followed by one or two name words is a person."""
        tokens, position = part.tokens, 0
        while position < len(tokens):
            token = tokens[position]
            given_end = position + 1
            if (token.key in self.first_names.arabic_prefixes and given_end < len(tokens)
                    and not tokens[given_end].break_before and not part.used[given_end]):
                given_end += 1
            elif not self.first_names.certain(token.key, arabic=True):
                position += 1
                continue
            if part.used[position]:
                position += 1
                continue
            # One surname word, two after a particle (محمد بن سلمان).
            end = self._uncased_run(part, rules, given_end, 1, allow_article=True, article_ends=True)
            if end > given_end and tokens[end - 1].key in _ARABIC_NAME_PARTICLES:
                end = self._uncased_run(part, rules, end, 1, allow_article=True, article_ends=True)
            if end > given_end and tokens[end - 1].key not in _ARABIC_NAME_PARTICLES:
                self._claim_new(part, position, end, "person", "first-name")
                position = end
            else:
                position += 1

    def _uncased_run(self, part: _Part, rules: LanguageRules, start: int, limit: int, allow_article: bool,
                     article_ends: bool = False, place: bool = False) -> int:
        """Name words from `start`: no stop, role or cue words; for a person, a word with the article ends it."""
        end = start
        while end < len(part.tokens) and end - start < limit and not part.used[end]:
            token = part.tokens[end]
            if (token.break_before or not token.arabic or len(token.key) < 2 or token.key in rules.stopwords
                    or token.key in self.role_words or token.key in rules.organization_words
                    or token.key in rules.place_cues or (end == start and _definite_with_clitic(token.key, rules))):
                break
            if place and end > start and (token.key in self.first_names.arabic
                                          or (token.key[:1] in rules.preposition_clitics and len(token.key) > 4)):
                break  # بلدة تراباني *بقرار*: a preposition-led word, or a person's name, starts after the place
            if token.key.startswith(rules.article) and (not allow_article or article_ends):
                if end == start and not allow_article:
                    break
                return end + 1  # a family name like العلي closes the name
            end += 1
        return end

    # -- new actors and surnames -------------------------------------------------------------

    def _claim_new(self, part: _Part, start: int, end: int, actor_type: str, rule: str, role: str | None = None) -> None:
        key = " ".join(token.key for token in part.tokens[start:end])
        # The key is the folded name alone: the same name found by different rules is one actor.
        part.claim(_Found(start, end, NO_CLITIC, f"{NEW_PREFIX}{key}", actor_type, "name", rule, role))

    def _surnames(self, parts: list[_Part], rules: LanguageRules) -> None:
        """Resolve one-word mentions to the person of the same article whose name ends with that word."""
        owners: dict[str, set[str]] = {}
        for part in parts:
            for found in part.found:
                if found.type == "person" and found.end - found.start >= 2:
                    owners.setdefault(part.tokens[found.end - 1].key, set()).add(found.actor)
        surnames = {key: next(iter(actors)) for key, actors in owners.items() if len(actors) == 1}
        for part in parts:
            # One-word new persons (`M. Benslimane`) are the same as the full name found elsewhere.
            for found in part.found:
                last = part.tokens[found.end - 1].key
                if found.actor.startswith(NEW_PREFIX) and found.end - found.start == 1 and last in surnames:
                    found.actor, found.kind = surnames[last], "surname"
            for position, token in enumerate(part.tokens):
                if part.used[position] or (rules.cased and not token.capitalised):
                    continue
                candidates = [(token.key, NO_CLITIC), *(token.stems if token.arabic else ())]
                for key, clitic in candidates:
                    if key in surnames:
                        part.claim(_Found(position, position + 1, clitic, surnames[key], "person", "surname", "surname"))
                        break

    # -- results -------------------------------------------------------------------------------

    def _mentions(self, part: _Part) -> list[Mention]:
        mentions = []
        for found in sorted(part.found, key=_START):
            first, last = part.tokens[found.start], part.tokens[found.end - 1]
            dropped, restored = found.clitic
            # Interned: documents stay in memory all build long, and the same names recur in them.
            surface = part.text[first.start:last.end]
            surface = sys.intern(restored + (_drop_letters(surface, dropped) if dropped else surface))
            rule = sys.intern(f"role:{found.role}") if found.role and found.rule == "list" else found.rule
            mentions.append(Mention(part.name, part.index, first.start, last.end, surface, sys.intern(found.actor),
                                    found.kind, rule, found.nested))
        return mentions

    def _article_actors(self, mentions: list[Mention], parts: list[_Part]) -> list[ArticleActor]:
        type_votes: dict[str, dict[str, int]] = {}
        labels: dict[str, str] = {}
        for part in parts:
            for found in part.found:
                votes = type_votes.setdefault(found.actor, {})
                votes[found.type] = votes.get(found.type, 0) + 1
                if found.label:
                    labels[found.actor] = sys.intern(found.label)
        types = {actor: majority_type(votes) for actor, votes in type_votes.items()}
        actors: dict[str, ArticleActor] = {}
        for mention in mentions:
            known = not mention.actor.startswith(NEW_PREFIX)
            entry = actors.get(mention.actor)
            if entry is None:
                entry = actors[mention.actor] = ArticleActor(
                    actor=mention.actor, type=types[mention.actor], known=known,
                    name=self.kb.actors[mention.actor].names.get("en", mention.surface) if known else mention.surface,
                    label=labels.get(mention.actor, ""))
            entry.mentions += 1
            if mention.surface not in entry.forms:
                entry.forms.append(mention.surface)
            if mention.rule.startswith("role:") and mention.rule[5:] not in entry.roles:
                entry.roles.append(mention.rule[5:])
            if mention.rule not in entry.rules:
                entry.rules.append(mention.rule)
            if not known and mention.kind == "name" and len(mention.surface) > len(entry.name):
                entry.name = mention.surface
        return sorted(actors.values(), key=lambda actor: (-actor.mentions, actor.actor))

