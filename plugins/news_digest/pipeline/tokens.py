"""Word tokens with their offsets, folded keys and the cues the name finder needs."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .folding import fold_word, is_arabic
from .lang.base import LanguageRules

_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_][\w\u0610-\u061A\u064B-\u065F\u0670\u0640]*(?:['’ʼ][^\W\d_][\w\u064B-\u065F]*)*\+?|\d+(?:[.,]\d+)*")
# A word can start at any word character but `_`, so what lies between two words is a run of the others.
# One `findall` gives (gap, word) pairs without a match object per word; the possessive run keeps it linear,
# and the optional word lets the run after the last word match once instead of being retried at every character.
_GAP_AND_WORD = re.compile(rf"([\W_]*+)({_WORD.pattern})?")
_SENTENCE_END = re.compile(r"[.!?؟…:;«»“”\"\n]")
# Between two words of one name there may be spaces, one hyphen or an elided word (Quai *d'*Orsay).
_NAME_GAP = re.compile(r"^\s*(?:[-‐‑]|[^\W\d_]{1,6}['’ʼ])?\s*$")
_MIN_STEM_LETTERS = 2
# What a word gives (its key, cues and stems) is remembered per language: news reuses a small vocabulary.
# A table this full is emptied (a bound on memory, not an LRU).
_MAX_MEMO_WORDS = 32_768
_MAX_MEMO_GAPS = 4_096

# Letters attached to a word's front: how many the text has, and what the name needs back (ل + الأمم = للأمم).
Clitic = tuple[int, str]
NO_CLITIC: Clitic = (0, "")
Stems = tuple[tuple[str, Clitic], ...]


class Token(NamedTuple):
    """One word: its text as written, where it is, its folded key and the word without attached clitics.

    A named tuple, not a dataclass: an article has hundreds of tokens, and a tuple is built much faster.
    """

    text: str
    start: int
    end: int
    key: str
    capitalised: bool
    acronym: bool
    arabic: bool
    sentence_start: bool
    # Punctuation other than a hyphen separates this word from the previous one.
    break_before: bool
    # `arabic_stems(key)` in the language the text was tokenised in; empty for most words.
    stems: Stems = ()


def arabic_stems(key: str, rules: LanguageRules) -> Stems:
    """The word without its attached conjunction and preposition (وبالأمم -> الامم), with the letters dropped."""
    stems: list[tuple[str, Clitic]] = []
    for conjunction in ("", *rules.conjunction_clitics):
        if conjunction and not key.startswith(conjunction):
            continue
        after_conjunction = key[len(conjunction):]
        for preposition in ("", *rules.preposition_clitics):
            if (not conjunction and not preposition) or (preposition and not after_conjunction.startswith(preposition)):
                continue
            stem = after_conjunction[len(preposition):]
            dropped = len(conjunction) + len(preposition)
            if len(stem) >= _MIN_STEM_LETTERS:
                stems.append((stem, (dropped, "")))
            # ل before the article loses the article's alef: للأمم = ل + الأمم.
            if preposition == "ل" and stem.startswith("ل") and rules.article:
                stems.append(("ا" + stem, (dropped, "ا")))
    return tuple(stems)


def _split_elision(word: str, start: int, rules: LanguageRules) -> tuple[str, int]:
    for separator in "'’ʼ":
        head, found, tail = word.partition(separator)
        if found and tail and fold_word(head) in rules.elisions:
            return tail, start + len(head) + 1
    return word, start


def _drop_suffix(word: str, rules: LanguageRules) -> str:
    folded = word.replace("’", "'").lower()
    for suffix in rules.suffixes:
        if folded.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


# What a word gives, whatever its place: (offset of the token in the word, its text, key, capitalised,
# acronym, arabic, stems).
_WordFacts = tuple[int, str, str, bool, bool, bool, Stems]
_WORD_FACTS: dict[LanguageRules, dict[str, _WordFacts]] = {}
_GAP_FACTS: dict[str, tuple[bool, bool]] = {}


def _word_facts(word: str, rules: LanguageRules) -> _WordFacts:
    """French elisions and English possessives come off the word; then its key and cues."""
    offset = 0
    if "'" in word or "’" in word or "ʼ" in word:
        word, offset = _split_elision(word, 0, rules)
        word = _drop_suffix(word, rules)
    dotted = word.endswith(".")  # U.S., U.N.
    key = fold_word(word.replace(".", "") if dotted else word)
    return (offset, word, key, word[0].isupper(), dotted or (len(word) >= 2 and word.isupper()),
            "\u0600" <= word[0] <= "\u06ff" or is_arabic(word[:1]), arabic_stems(key, rules))


def _gap_facts(gap: str) -> tuple[bool, bool]:
    """(sentence_start, break_before) of the word after `gap`, the text since the previous word."""
    facts = _GAP_FACTS.get(gap)
    if facts is None:
        if len(_GAP_FACTS) >= _MAX_MEMO_GAPS:
            _GAP_FACTS.clear()
        facts = _GAP_FACTS[gap] = (bool(_SENTENCE_END.search(gap)), not _NAME_GAP.match(gap))
    return facts


# `Rome-based`, `Saudi-led`: a name with a suffix word, not one longer name.
_COMPOUND_SUFFIXES = frozenset("""based led backed born era style owned run made linked funded brokered bound
    controlled held allied aligned affiliated centred centered wide type like sponsored supported occupied
    administered ruled dominated chaired mediated imposed designated friendly bashing""".split())
_new_token = tuple.__new__


@lru_cache(maxsize=256)
def tokenize(text: str, rules: LanguageRules) -> tuple[Token, ...]:
    """Split text into word tokens; French elisions and English possessives come off the word.

    `Wei-ling`, `Ching-te`: a capitalised word joined by a hyphen to a lower-case one is one word.
    Memoised for the last few texts only: the entity and topic stages read the same paragraphs of one
    article, one after the other.
    """
    memo = _WORD_FACTS.get(rules)
    if memo is None or len(memo) >= _MAX_MEMO_WORDS:
        memo = _WORD_FACTS[rules] = {}
    tokens: list[Token] = []
    position = 0  # where the previous word, as matched, ends
    previous: Token | None = None
    for gap, word in _GAP_AND_WORD.findall(text):
        if not word:
            break  # the text after the last word
        start = position + len(gap)
        position = start + len(word)
        facts = memo.get(word)
        if facts is None:
            facts = memo[word] = _word_facts(word, rules)
        offset, word, key, capitalised, acronym, arabic, stems = facts
        if previous is None:
            sentence_start = break_before = True
        else:
            if offset:
                # The elided word (l', d') belongs to the gap before the token.
                gap += text[start:start + offset]
            # Most gaps are one space: neither a sentence end nor a break inside a name.
            sentence_start, break_before = (False, False) if gap == " " else _gap_facts(gap)
            if (gap == "-" and previous.capitalised and not previous.acronym and not capitalised and not arabic
                    and text[previous.end:start + offset] == "-" and not key.isdigit()
                    and key not in _COMPOUND_SUFFIXES):
                joined = text[previous.start:start + offset + len(word)]
                joined_key = fold_word(joined)
                previous = tokens[-1] = _new_token(Token, (
                    joined, previous.start, start + offset + len(word), joined_key, True, False, False,
                    previous.sentence_start, previous.break_before, arabic_stems(joined_key, rules)))
                continue
        start += offset
        previous = _new_token(Token, (word, start, start + len(word), key, capitalised, acronym, arabic,
                                      sentence_start, break_before, stems))
        tokens.append(previous)
    return tuple(tokens)


def name_keys(name: str, rules: LanguageRules) -> tuple[str, ...]:
    """The keys of the words of a name, tokenised like running text."""
    return tuple(token.key for token in tokenize(name, rules))
