"""Per-language rules for finding names: tokenisation details, stop words, titles, cue words.

Each language lives in its own module (`fr.py`, `ar.py`, `en.py`), in the manner of spaCy's
`lang/<code>/`; `rules_for` returns a language's rules, or generic ones for its script.
"""

from __future__ import annotations

from .base import LanguageRules, generic_rules


def rules_for(lang: str | None) -> LanguageRules:
    """The rules of a language, or generic rules for an unknown one."""
    from . import ar, en, fr

    known = {rules.code: rules for rules in (fr.RULES, ar.RULES, en.RULES)}
    return known.get(lang or "", generic_rules(lang or "und"))


__all__ = ["LanguageRules", "rules_for"]
