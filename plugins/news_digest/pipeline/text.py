"""Text normalisation: one form for display, a folded form for analysis and matching."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'", "\u00b4": "'"})
_QUOTES = str.maketrans({"\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'})
_SPACES = re.compile(r"[^\S\n]+")


def normalise_display(text: str) -> str:
    """Canonical text to show: no BOM, LF line ends, NFC (canonically equal to what was written)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def fold_for_analysis(text: str) -> str:
    """Fold typographic variants that do not change meaning: apostrophes, quotes, runs of spaces."""
    folded = normalise_display(text).translate(_APOSTROPHES).translate(_QUOTES)
    return _SPACES.sub(" ", folded)


def word_count(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())
