"""The typed article document that the pipeline stages fill in.

Every class has slots: a build keeps one document per article in memory, with its mentions and actors.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .text import INVISIBLE

# A file name may hold what a terminal acts on: escape sequences, bidirectional overrides. Warnings show them as codes.
_UNPRINTABLE = re.compile(f"{INVISIBLE.pattern}|[\u200c-\u200f\u061c\t-\r]")


def printable_path(source: str) -> str:
    """The path with control and invisible characters written as `\\uXXXX`, as it is stored, not as it would act."""
    return _UNPRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", source)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with an input file: what, where, and what the user should do."""

    message: str
    hint: str = ""
    line: int | None = None
    fatal: bool = False

    @classmethod
    def skipped(cls, message: str, hint: str = "", line: int | None = None) -> Problem:
        """A problem that keeps an article out of the site; the message says it was skipped."""
        return cls(f"{message}; it was skipped", hint, line, fatal=True)

    def describe(self, source: str) -> str:
        """One line naming the file (and line), the problem and the remedy."""
        where = f"{printable_path(source)}:{self.line}" if self.line else printable_path(source)
        text = f"{where}: {self.message}"
        return f"{text}. {self.hint}" if self.hint else text


@dataclass(frozen=True, slots=True)
class Block:
    """A run of non-blank lines, joined with spaces; `line` is its first line in the file."""

    text: str
    line: int
    line_count: int = 1


@dataclass(frozen=True, slots=True)
class HeaderField:
    """One `Key: value` line of the leading metadata block."""

    value: str
    line: int


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where the story was filed and by which outlet, as the text states it."""

    place: str | None
    outlet: str | None


@dataclass(slots=True)
class ArticleDocument:
    """One article as the pipeline understands it; stages assign the fields they declare."""

    source: str
    article_id: str
    text: str
    encoding: str = "utf-8"
    header: dict[str, HeaderField] = field(default_factory=dict)
    body_start: int = 0
    body: list[Block] = field(default_factory=list)
    section: str | None = None
    headline: str | None = None
    title: str = ""
    title_origin: str = "headline"
    lede: str | None = None
    dateline: Dateline | None = None
    paragraphs: list[str] = field(default_factory=list)
    lang: str | None = None
    lang_origin: str = "detected"
    direction: str = "ltr"
    date: dt.datetime | None = None
    outlet: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    mentions: list = field(default_factory=list)
    actors: list = field(default_factory=list)
    topics: list[tuple[str, float]] = field(default_factory=list)
    numbers: frozenset[str] = frozenset()  # distinctive numbers, for story grouping
    problems: list[Problem] = field(default_factory=list)

    @property
    def rejected(self) -> bool:
        """True when a fatal problem means the article cannot become a page."""
        return any(problem.fatal for problem in self.problems)

    def warn(self, message: str, hint: str = "", line: int | None = None) -> None:
        """Record a problem that leaves the article usable."""
        self.problems.append(Problem(message, hint, line))

    def reject(self, message: str, hint: str = "", line: int | None = None) -> None:
        """Record a problem that keeps the article out of the site."""
        self.problems.append(Problem.skipped(message, hint, line))
