"""Per-language rules for finding names: tokenisation details, stop words, titles, cue words.

Each language lives in its own module (`fr.py`, `ar.py`, `en.py`), in the manner of spaCy's
`lang/<code>/`; `rules_for` returns a language's rules, or generic ones for its script.
"""

from __future__ import annotations

from types import MappingProxyType

from . import ar, en, fr
from .base import LanguageRules, generic_rules

_LANGUAGES = MappingProxyType({rules.code: rules for rules in (fr.RULES, ar.RULES, en.RULES)})
_GENERIC = generic_rules("und")


def rules_for(lang: str | None) -> LanguageRules:
    """The rules of a language, or generic rules for one without its own module."""
    return _LANGUAGES.get(lang or "", _GENERIC)


__all__ = ["LanguageRules", "rules_for"]
