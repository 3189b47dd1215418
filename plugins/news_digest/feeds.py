"""Pelican adapter: Atom feeds of the latest articles in each interface language, and of every actor, topic and story.

`<lang>/feed.atom` lists the newest articles, linking to that language's copy of each page. One feed per actor,
topic and story (`<NEWS_DIGEST_FEEDS_PATH>/actors/<id>.atom`, `topics/`, `stories/`) is written once, titled in
the default interface language; its entries link to each article in the interface of the article's own language.

Ids are URNs (`urn:news-digest:article:<id>`, `urn:news-digest:feed:<kind>:<id>`): they must never change, and
they would if they were built from SITEURL, which a local build leaves empty. Links are absolute under SITEURL
when it is set, otherwise relative to the feed file, which a feed reader resolves against the feed's own address.
"""

from __future__ import annotations

import datetime as dt
import heapq
import logging
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, partial
from typing import Any
from urllib.parse import quote

from pelican.generators import Generator

from .corpus import Actor, DigestCorpus, Story, Topic
from .i18n import Interface, page_url
from .output import output_files, signature_of
from .xml_output import UNDATED, add, site_href, timestamp, xml_bytes

logger = logging.getLogger(__name__)

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ID_PREFIX = "urn:news-digest"
# The latest-articles feed, inside each interface language's folder.
LATEST_FEED = "feed.atom"

Subject = Actor | Topic | Story


@dataclass(frozen=True)
class FeedLinks:
    """Where each feed is, relative to the output root; pages reach it as `news_digest_feeds` in templates."""

    folder: str

    def latest(self, lang: str) -> str:
        """The latest-articles feed of interface language `lang`."""
        return f"{lang}/{LATEST_FEED}"

    def of(self, subject: Subject) -> str:
        """The feed of an actor, topic or story."""
        return f"{self.folder}/{kind_of(subject)}/{subject.id}.atom"

    @staticmethod
    def title(subject: Subject, lang: str) -> str:
        """What a feed of `subject` is called in `lang`: the actor's or topic's name, the story's headline."""
        if isinstance(subject, Actor):
            return subject.name_in(lang)[0]
        if isinstance(subject, Topic):
            return subject.name_in(lang)
        return subject.headline.title


def kind_of(subject: Subject) -> str:
    """The folder (and id part) of a subject's feed: `actors`, `topics` or `stories`."""
    if isinstance(subject, Actor):
        return "actors"
    if isinstance(subject, Topic):
        return "topics"
    return "stories"


@dataclass(frozen=True)
class Entry:
    """One article in a feed: plain texts, and `path` relative to the output root."""

    id: str
    title: str
    lang: str
    path: str
    date: dt.datetime | None
    summary: str | None
    author: str | None

    @property
    def updated(self) -> dt.datetime:
        """Atom requires a date on every entry: an undated article gets the same fixed one in every build."""
        return self.date or UNDATED


@dataclass(frozen=True)
class Feed:
    """One Atom document: where it is written, what it is, and its entries newest first."""

    path: str
    id: str
    title: str
    lang: str
    page: str
    author: str
    entries: tuple[Entry, ...]


def entry_for(article: Any, interface_lang: str) -> Entry:
    """The entry of a Pelican article whose page is read in `interface_lang`."""
    doc = getattr(article, "digest", None)  # articles from another reader (Markdown) carry no analysis
    return Entry(id=f"{ID_PREFIX}:article:{quote(article.slug)}", title=article.title, lang=article.lang,
                 path=f"{interface_lang}/{page_url(article)}",
                 date=article.date if getattr(article, "date_known", True) else None,
                 summary=doc.lede if doc else None, author=doc.outlet if doc else None)


def atom_document(feed: Feed, siteurl: str) -> bytes:
    """The feed as Atom 1.0 (RFC 4287); every text is plain (`type="text"`), so a title is never markup."""
    root = ET.Element("feed", {"xmlns": ATOM_NAMESPACE, XML_LANG: feed.lang})
    add(root, "id", feed.id)
    add(root, "title", feed.title)
    add(root, "updated", timestamp(max((entry.updated for entry in feed.entries), default=UNDATED)))
    add(root, "link", rel="self", type="application/atom+xml", href=site_href(feed.path, siteurl, feed.path))
    add(root, "link", rel="alternate", type="text/html", href=site_href(feed.page, siteurl, feed.path))
    # Atom wants an author on the feed unless every entry has one; entries without an outlet inherit it.
    add(add(root, "author"), "name", feed.author)
    for entry in feed.entries:
        element = add(root, "entry", **{XML_LANG: entry.lang})
        add(element, "id", entry.id)
        add(element, "title", entry.title)
        add(element, "link", rel="alternate", type="text/html", href=site_href(entry.path, siteurl, feed.path))
        if entry.date:
            add(element, "published", timestamp(entry.date))
        add(element, "updated", timestamp(entry.updated))
        if entry.author:
            add(add(element, "author"), "name", entry.author)
        if entry.summary:
            add(element, "summary", entry.summary)
    return xml_bytes(root)


class DigestFeedsGenerator(Generator):
    """Writes the latest-articles feed of each interface language and the feed of every actor, topic and story."""

    def generate_context(self) -> None:
        """Give templates the feeds' addresses, for the `<link rel="alternate">` of every page."""
        self.context["news_digest_feeds"] = FeedLinks(self.settings["NEWS_DIGEST_FEEDS_PATH"])

    def feeds(self) -> Iterator[Feed]:
        """Every feed of the site, in a fixed order."""
        interface: Interface = self.context["news_digest_interface"]
        corpus: DigestCorpus = self.context["digest_corpus"]
        links: FeedLinks = self.context["news_digest_feeds"]
        sitename = self.settings["SITENAME"]
        # Topics and stories list their articles in their own orders; feeds all follow the site's.
        rank = {article.slug: position for position, article in enumerate(self.context["articles"])}
        size = self.settings["NEWS_DIGEST_FEED_SIZE"]

        def newest(articles: Iterable[Any]) -> list[Any]:
            return heapq.nsmallest(size, articles, key=lambda article: rank.get(article.slug, len(rank)))

        # An article is an entry of many feeds (each of its actors', its topics', its story's): made once per language.
        entries: dict[tuple[int, str], Entry] = {}

        def entry(article: Any, lang: str) -> Entry:
            key = (id(article), lang)
            made = entries.get(key)
            if made is None:
                made = entries[key] = entry_for(article, lang)
            return made

        latest = newest(self.context["articles"])
        for ui in interface.languages:
            yield Feed(path=links.latest(ui.lang), id=f"{ID_PREFIX}:feed:latest:{ui.lang}",
                       title=f"{ui.gettext('Latest articles')} · {sitename}", lang=ui.lang,
                       page=f"{ui.lang}/index.html", author=sitename,
                       entries=tuple(entry(article, ui.lang) for article in latest))
        default = interface.default.lang
        subjects: list[Subject] = [*(corpus.actors[key] for key in sorted(corpus.actors)),
                                   *(corpus.topics[key] for key in sorted(corpus.topics)),
                                   *(corpus.stories[key] for key in sorted(corpus.stories))]
        for subject in subjects:
            yield Feed(path=links.of(subject), id=f"{ID_PREFIX}:feed:{kind_of(subject)}:{quote(subject.id)}",
                       title=f"{links.title(subject, default)} · {sitename}", lang=default,
                       page=f"{default}/{subject.url}", author=sitename,
                       entries=tuple(entry(article, interface.closest_to(article.lang))
                                     for article in newest(subject.articles)))

    def generate_output(self, writer: Any) -> None:
        """Write every feed; links are absolute only when SITEURL is set."""
        siteurl = self.settings["SITEURL"]
        files = output_files(self.context, self.settings)
        feeds = list(self.feeds())
        # A feed whose entries did not change is not serialised again. An entry is in many feeds: its part of
        # their signatures is written out once.
        signature = cache(signature_of)
        files.produce((feed.path, signature_of(files.build_signature,
                                               replace(feed, entries=tuple(map(signature, feed.entries)))),
                       partial(atom_document, feed, siteurl))
                      for feed in feeds)
        logger.info("news_digest.feeds: %d Atom feeds", len(feeds))


def add_feeds_generator(pelican: Any) -> type:
    """Signal receiver (get_generators): the feeds read the articles and the corpus the article generator built."""
    return DigestFeedsGenerator
