"""Known given names (EMM style): a first name followed by name words is a person, even one no list knows."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .folding import fold_arabic, fold_latin

FIRST_NAMES_FILE = Path(__file__).resolve().parents[1] / "data" / "names" / "first_names.toml"


@dataclass(frozen=True)
class FirstNames:
    """Folded given names by script; `ambiguous` ones are also common words and need a role or title nearby."""

    latin: frozenset[str] = frozenset()
    latin_ambiguous: frozenset[str] = frozenset()
    arabic: frozenset[str] = frozenset()
    arabic_ambiguous: frozenset[str] = frozenset()
    arabic_prefixes: frozenset[str] = frozenset()

    def certain(self, key: str, arabic: bool) -> bool:
        """True for a given name that is not also a common word."""
        return key in self.arabic and key not in self.arabic_ambiguous if arabic \
            else key in self.latin and key not in self.latin_ambiguous


def load_first_names(path: Path = FIRST_NAMES_FILE) -> FirstNames:
    """Read the lists; a missing file gives empty lists (names are then found by the other rules only)."""
    if not path.is_file():
        return FirstNames()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    latin, arabic = data.get("latin", {}), data.get("arabic", {})
    return FirstNames(
        latin=frozenset(fold_latin(name) for name in latin.get("names", [])),
        latin_ambiguous=frozenset(fold_latin(name) for name in latin.get("ambiguous", [])),
        arabic=frozenset(fold_arabic(name) for name in arabic.get("names", [])),
        arabic_ambiguous=frozenset(fold_arabic(name) for name in arabic.get("ambiguous", [])),
        arabic_prefixes=frozenset(fold_arabic(name) for name in arabic.get("name_prefixes", [])),
    )
