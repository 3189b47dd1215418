"""What each digest page is made from, as plain values, so a rebuild renders only the pages whose inputs changed.

A page's inputs are everything its templates show: for an article page its text, metadata, story, topics and
the names of its actors; for an actor page its names, spellings, evidence and the headline, date and outlet
of each of its articles; and so on. Objects shown on many pages are reduced once to a "card" (an article's
headline, language, direction, outlet, place and date; an actor's address, type and names) and cards are
shared between pages. The build's own signature (templates, translations, settings, code) is added when
the files are written, so a change to the theme re-renders everything.

Keep this module in step with the templates: a value a template shows must appear in the page's inputs,
or an edit that changes only that value leaves the page stale. `tests/test_incremental.py` rebuilds after
edits, additions and deletions and compares every file with a clean build.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Iterable
from pathlib import Path
from typing import Any

import babel
import jinja2
import pelican

from .corpus import Actor, Story, Topic
from .i18n import page_url

Card = bytes  # the digest of the tuple of what is shown


def _digest(text: str) -> bytes:
    """A long text (an article's body) stands in a page's inputs by its hash: `repr` would copy and escape it."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _digest_cards(cards: Iterable[Card]) -> Card:
    """A list of cards (all of one length) by the hash of their concatenation."""
    return hashlib.blake2b(b"".join(cards), digest_size=16).digest()


class PageInputs:
    """The inputs of the pages of one build; cards are computed once per object."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        self.languages = languages
        self._cards: dict[tuple[str, int], Card] = {}

    def _card(self, kind: str, item: Any, make: Any) -> Card:
        key = (kind, id(item))
        card = self._cards.get(key)
        if card is None:
            # Its digest, not the tuple: a topic page lists thousands of cards, and each page's inputs are
            # written out (`repr`) to be hashed.
            card = self._cards[key] = _digest(repr(make(item)))
        return card

    def article(self, article: Any) -> Card:
        """What a list shows of an article: address, headline, language, direction, outlet, place, date."""
        def make(article: Any) -> tuple:
            doc = article.digest
            return (page_url(article), article.title, article.lang, doc.direction, doc.outlet,
                    doc.dateline.place if doc.dateline else None, getattr(article, "date_known", True),
                    article.date.isoformat())
        return self._card("article", article, make)

    def lede(self, article: Any) -> Card:
        """The article's lede with its actor links (their targets, not yet made relative to a page)."""
        return self._card("lede", article, lambda article: article.lede_html.inputs)

    def actor(self, actor: Actor) -> Card:
        """What links to an actor show: address, type, and its name in each interface language."""
        return self._card("actor", actor, lambda actor: (page_url(actor), actor.type, actor.wikidata,
                                                         tuple(actor.name_in(lang) for lang in self.languages)))

    def topic(self, topic: Topic) -> Card:
        """A topic's address and names."""
        return self._card("topic", topic, lambda topic: (page_url(topic), tuple(topic.name_in(lang) for lang in self.languages)))

    def story(self, story: Story) -> Card:
        """What links to a story show: address, its headline article, how many articles it has."""
        return self._card("story", story, lambda story: (page_url(story), self.article(story.headline), len(story.articles)))

    def _articles(self, articles: list[Any]) -> Card:
        # One digest of the joined cards: `repr` of thousands of byte strings (an actor's articles) is slow.
        return _digest_cards(self.article(article) for article in articles)

    def of(self, kind: str, context: dict[str, Any]) -> Hashable:
        """The inputs of a page of `kind` ("article", "actor", …) with template context `context`."""
        return getattr(self, f"_{kind}_page")(context)

    def _article_page(self, context: dict[str, Any]) -> Hashable:
        article = context["article"]
        doc = article.digest
        story = article.story
        return (self.article(article), doc.section, doc.lede, doc.authors, doc.url, article.title_html,
                article.body.inputs, self.lede(article),
                (self.story(story), tuple(self.story(other) for other, _ in story.related)) if story else None,
                tuple(self.topic(topic) for topic in article.topic_pages),
                tuple((self.actor(actor), count) for actor, count in article.actor_pages))

    def _actor_page(self, context: dict[str, Any]) -> Hashable:
        actor: Actor = context["actor"]
        return (self.actor(actor), actor.mentions, repr(actor.spellings()), self._articles(actor.articles),
                tuple((self.actor(other), count) for other, count in actor.mentioned_with),
                tuple((self.actor(other), score) for other, score in actor.possibly_same),
                tuple((item.rule, item.detail, item.score) for item in actor.corpus.evidence))

    def _topic_page(self, context: dict[str, Any]) -> Hashable:
        topic: Topic = context["topic"]
        return (self.topic(topic), self._articles(topic.articles))

    def _story_page(self, context: dict[str, Any]) -> Hashable:
        story: Story = context["story"]
        columns, rows = story.coverage()
        return (self.story(story), self._articles(story.articles), tuple(self.actor(actor) for actor in columns),
                repr(rows), tuple((self.actor(actor), count) for actor, count in story.actor_counts),
                tuple(self.topic(topic) for topic in story.topics),
                tuple(self.story(other) for other, _ in story.related))

    def _home_page(self, context: dict[str, Any]) -> Hashable:
        return (_digest_cards(self.article(article) + self.lede(article) for article in context["latest_articles"]),
                len(context["articles"]),
                tuple(self.story(story) for story in context["home_stories"]),
                tuple((self.topic(topic), len(topic.articles)) for topic in context["home_topics"]),
                tuple((self.actor(actor), len(actor.articles)) for actor in context["home_actors"]))

    def _archive_page(self, context: dict[str, Any]) -> Hashable:
        return tuple(_month_link(month) for month in context["archive_months"])

    def _month_page(self, context: dict[str, Any]) -> Hashable:
        return (_month_link(context["archive_month"]), self._articles(context["archive_month"].articles),
                _month_link(context["newer"]), _month_link(context["older"]))

    def _actors_page(self, context: dict[str, Any]) -> Hashable:
        return tuple((actor_type, tuple((group.label, tuple((self.actor(actor), len(actor.articles))
                                                            for actor in group.items)) for group in groups))
                     for actor_type, groups in context["actor_groups"])

    def _topics_page(self, context: dict[str, Any]) -> Hashable:
        return tuple((self.topic(topic), len(topic.articles)) for topic in context["topics"])

    def _stories_page(self, context: dict[str, Any]) -> Hashable:
        return tuple((self.story(story), tuple(lang for lang, _ in story.by_language()),
                      story.latest.date.isoformat() if story.latest else None) for story in context["stories"])

    def _search_page(self, context: dict[str, Any]) -> Hashable:
        return ()

    def _page_page(self, context: dict[str, Any]) -> Hashable:
        page = context["page"]
        return (page.url, page.title, _digest(page.content), getattr(page, "lang", None))



def _month_link(month: Any) -> Hashable:
    """What a link to a month of the archive shows: its address, month and number of articles."""
    if month is None:
        return None
    return page_url(month), month.month.isoformat() if month.month else None, len(month.articles)


def _plain(value: Any) -> Any:
    """`value` reduced to what `repr` writes the same way in every run (functions by name, objects by type)."""
    if isinstance(value, (str, int, float, bool, type(None))):
        return value
    if isinstance(value, dict):
        return tuple(sorted((str(key), _plain(item)) for key, item in value.items()))
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(item) for item in value]
        return tuple(sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items)
    return f"{type(value).__module__}.{getattr(value, '__qualname__', type(value).__qualname__)}"


def _files_digest(folders: list[Path]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogatepass") + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


def site_inputs(settings: dict[str, Any]) -> Hashable:
    """What every page is made from: the settings, the theme (templates, translations) and this plugin's code."""
    return (_plain(settings), _files_digest([Path(settings["THEME"]), Path(__file__).resolve().parent]),
            pelican.__version__, jinja2.__version__, babel.__version__)
