"""Word tokens with their offsets, folded keys and the cues the name finder needs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .folding import fold_word, is_arabic
from .lang.base import LanguageRules

_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_][\w\u0610-\u061A\u064B-\u065F\u0670\u0640]*(?:['’ʼ][^\W\d_][\w\u064B-\u065F]*)*\+?|\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(r"[.!?؟…:;«»“”\"\n]")
# Between two words of one name there may be spaces, one hyphen or an elided word (Quai *d'*Orsay).
_NAME_GAP = re.compile(r"^\s*(?:[-‐‑]|[^\W\d_]{1,6}['’ʼ])?\s*$")


@dataclass(frozen=True, slots=True)
class Token:
    """One word: its text as written, where it is, and its folded key."""

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


@lru_cache(maxsize=4096)
def tokenize(text: str, rules: LanguageRules) -> tuple[Token, ...]:
    """Split text into word tokens; French elisions and English possessives come off the word.

    Memoised: the entity and topic stages read the same paragraphs; tokens are immutable.
    """
    tokens: list[Token] = []
    previous_end = 0
    for match in _WORD.finditer(text):
        word, start = match.group(), match.start()
        if "'" in word or "’" in word or "ʼ" in word:
            word, start = _split_elision(word, start, rules)
            word = _drop_suffix(word, rules)
        if not tokens:
            sentence_start = break_before = True
        else:
            gap = text[previous_end:start]
            # Most gaps are one space: neither a sentence end nor a break inside a name.
            sentence_start = gap != " " and bool(_SENTENCE_END.search(gap))
            break_before = gap != " " and not _NAME_GAP.match(gap)
        dotted = word.endswith(".")  # U.S., U.N.
        tokens.append(Token(
            text=word, start=start, end=start + len(word), key=fold_word(word.replace(".", "") if dotted else word),
            capitalised=word[0].isupper(), acronym=dotted or (len(word) >= 2 and word.isupper()),
            arabic="\u0600" <= word[0] <= "\u06ff" or is_arabic(word[:1]), sentence_start=sentence_start,
            break_before=break_before,
        ))
        previous_end = match.end()
    return tuple(_join_hyphenated(tokens, text))


# `Rome-based`, `Saudi-led`: a name with a suffix word, not one longer name.
_COMPOUND_SUFFIXES = frozenset("""based led backed born era style owned run made linked funded brokered bound
    controlled held allied aligned affiliated centred centered wide type like sponsored supported occupied
    administered ruled dominated chaired mediated imposed designated friendly bashing""".split())


def _join_hyphenated(tokens: list[Token], text: str) -> list[Token]:
    """`Wei-ling`, `Ching-te`: a capitalised word joined by a hyphen to a lower-case one is one word."""
    joined: list[Token] = []
    for token in tokens:
        previous = joined[-1] if joined else None
        if (previous is not None and previous.capitalised and not previous.acronym and not token.capitalised
                and not token.arabic
                and text[previous.end:token.start] == "-" and not token.key.isdigit()
                and token.key not in _COMPOUND_SUFFIXES):
            word = text[previous.start:token.end]
            joined[-1] = Token(word, previous.start, token.end, fold_word(word), True, False, False,
                               previous.sentence_start, previous.break_before)
        else:
            joined.append(token)
    return joined


def name_keys(name: str, rules: LanguageRules) -> tuple[str, ...]:
    """The keys of the words of a name, tokenised like running text."""
    return tuple(token.key for token in tokenize(name, rules))
