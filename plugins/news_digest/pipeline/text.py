"""Text normalisation: one form for display, a folded form for analysis and matching."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'", "\u00b4": "'"})
_QUOTES = str.maketrans({"\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'})
_SPACES = re.compile(r"[^\S\n]+")
# Invisible characters no displayed text keeps, by kind. Bidirectional embeddings, overrides and isolates
# reorder what is shown (the "trojan source" attack); zero-width space, word joiner and a BOM inside the text
# split or glue words unseen; control characters other than tab, line breaks and form feed are not text
# (HTML and XML have no place for them). Kept on purpose: ZWNJ and ZWJ (they shape Arabic-script and other
# writing, and emoji) and LRM, RLM and ALM (harmless marks Arabic text uses to place punctuation).
INVISIBLE_KINDS: dict[str, str] = {
    "bidirectional controls": "\u202a-\u202e\u2066-\u2069",
    "zero-width characters": "\u200b\u2060\ufeff",
    "control characters": "\x00-\x08\x0b\x0e-\x1f\x7f-\x9f",
}
INVISIBLE = re.compile(f"[{''.join(INVISIBLE_KINDS.values())}]")
_KIND_OF = {kind: re.compile(f"[{characters}]") for kind, characters in INVISIBLE_KINDS.items()}


@dataclass(frozen=True, slots=True)
class Removed:
    """The invisible characters `display_text` removed: how many, of which kinds, and the line of the first."""

    count: int = 0
    kinds: tuple[str, ...] = ()
    line: int | None = None


def strip_invisible(text: str) -> str:
    """The text without bidirectional controls, zero-width characters and control characters (see above)."""
    return INVISIBLE.sub("", text)


def _unify_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def display_text(text: str) -> tuple[str, Removed]:
    """`normalise_display(text)`, and what it removed besides a leading BOM and line-end variants."""
    unified = _unify_line_ends(text.removeprefix("\ufeff"))
    first = INVISIBLE.search(unified)
    if first is None:
        return unicodedata.normalize("NFC", unified), Removed()
    stripped = INVISIBLE.sub("", unified)
    kinds = tuple(kind for kind, pattern in _KIND_OF.items() if pattern.search(unified))
    line = unified.count("\n", 0, first.start()) + 1
    # Stripping comes before NFC: a mark separated from its letter by a removed character composes with it.
    return unicodedata.normalize("NFC", stripped), Removed(len(unified) - len(stripped), kinds, line)


def normalise_display(text: str) -> str:
    """Canonical text to show: no BOM, LF line ends, no invisible controls, NFC (canonically equal to what was written)."""
    return display_text(text)[0]


def fold_for_analysis(text: str) -> str:
    """Fold typographic variants that do not change meaning: apostrophes, quotes, runs of spaces."""
    folded = normalise_display(text).translate(_APOSTROPHES).translate(_QUOTES)
    return _SPACES.sub(" ", folded)


def word_count(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())
