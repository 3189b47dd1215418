"""The shape of a language's rules, and the generic rules used for languages without their own."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LanguageRules:
    """What the name finder needs to know about one language. Word lists hold folded keys."""

    code: str
    cased: bool = True
    # Elided articles and pronouns written with an apostrophe before the next word (fr: l', d', qu').
    elisions: frozenset[str] = frozenset()
    # Suffixes to drop from a word (en: possessive 's).
    suffixes: tuple[str, ...] = ()
    # Words that never begin or end a name (articles, prepositions, sentence openers, months...).
    stopwords: frozenset[str] = frozenset()
    # Titles written just before a person's name (M., Mme, Mr, Dr).
    honorifics: frozenset[str] = frozenset()
    # Lower-case words allowed inside a capitalised name (de, von, bin).
    name_particles: frozenset[str] = frozenset()
    # Words that make an unknown name an organization (Ministère, Party, حزب).
    organization_words: frozenset[str] = frozenset()
    # Lower-case words allowed inside an organization's name (Institute *for the* Study *of* War).
    organization_connectors: frozenset[str] = frozenset()
    # Words just before an unknown name that make it a place (à, in, مدينة).
    place_cues: frozenset[str] = frozenset()
    # Verbs of saying that introduce a speaker (a déclaré, said, قال).
    speech_verbs: frozenset[str] = frozenset()
    # Arabic-style proclitics: letters attached to the front of a word (و ف ب ل ك), and the article.
    conjunction_clitics: tuple[str, ...] = ()
    preposition_clitics: tuple[str, ...] = ()
    article: str = ""
    # Words that may follow a role phrase before the name (de, la, Défense ... in fr; the complements).
    role_complements: frozenset[str] = field(default_factory=frozenset)


def generic_rules(code: str) -> LanguageRules:
    """Rules for a language without its own module: capitalised names, no clitics."""
    return LanguageRules(code=code)
