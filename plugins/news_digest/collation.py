"""Sorting and letter headings that follow each language's alphabet (ICU), for indexes of names."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

import icu

Item = TypeVar("Item")


@dataclass
class LetterGroup:
    """Items under one letter heading of an index."""

    label: str
    items: list


class Alphabet:
    """Collation and letter buckets of one interface language, also knowing the scripts of other languages."""

    def __init__(self, lang: str, other_languages: Iterable[str] = ()) -> None:
        locale = icu.Locale(lang)
        self._collator = icu.Collator.createInstance(locale)
        index = icu.AlphabeticIndex(locale)
        for other in other_languages:
            if other != lang:
                index.addLabels(icu.Locale(other))
        self._index = index.buildImmutableIndex()

    def sort_key(self, text: str) -> bytes:
        """A key that sorts text the way this language does (`Élysée` beside `Elysée`, before `Zelensky`)."""
        return self._collator.getSortKey(text)

    def group(self, items: Iterable[Item], name_of: Callable[[Item], str]) -> list[LetterGroup]:
        """Items sorted by name and grouped under their letter heading, headings in alphabet order."""
        buckets: dict[int, LetterGroup] = {}
        for item in sorted(items, key=lambda item: (self.sort_key(name_of(item)), name_of(item))):
            number = self._index.getBucketIndex(name_of(item))
            if number not in buckets:
                buckets[number] = LetterGroup(self._index.getBucket(number)[0], [])
            buckets[number].items.append(item)
        return [buckets[number] for number in sorted(buckets)]
