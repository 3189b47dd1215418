"""Pelican adapter: once every article is read, link their actors across the corpus and link the text to them."""

from __future__ import annotations

import hashlib

from collections import Counter, defaultdict
from itertools import chain
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pelican.urlwrappers import URLWrapper

from .pipeline.corpus_analysis import analyse_corpus
from .pipeline.entities import Mention
from .pipeline.knowledge import KnowledgeBase
from .pipeline.linking import CorpusActor, LinkedCorpus
from .pipeline.stories import Story as StoryGroup
from .pipeline.stories import StoryGrouping
from .pipeline.topics import Taxonomy
from .pipeline.topics import Topic as TaxonomyTopic
from .i18n import language_root, page_url
from .rendering import link_mentions, render_paragraphs


class Actor(URLWrapper):
    """An actor's page: reads ACTOR_URL and ACTOR_SAVE_AS; its slug is the actor's stable id."""

    def __init__(self, corpus_actor: CorpusActor, kb: KnowledgeBase, settings: dict[str, Any]) -> None:
        super().__init__(corpus_actor.id, settings)
        self.slug = corpus_actor.id
        self.id = corpus_actor.id
        self.type = corpus_actor.type
        self.corpus = corpus_actor
        self.kb = kb
        self.articles: list[Any] = []
        self.mentioned_with: list[tuple[Actor, int]] = []
        self.possibly_same: list[tuple[Actor, float]] = []
        self._names: dict[str, tuple[str, str]] = {}  # name_in, by language: pages ask thousands of times

    @property
    def known(self) -> bool:
        """True when the actor comes from the knowledge base."""
        return self.corpus.known is not None

    @property
    def wikidata(self) -> str | None:
        """The Wikidata id, when the knowledge base gives one."""
        return self.corpus.known.wikidata if self.corpus.known else None

    @property
    def mentions(self) -> int:
        """How many times the articles mention the actor."""
        return self.corpus.mentions

    def name_in(self, lang: str) -> tuple[str, str]:
        """(name, language of that name): the listed name in `lang`, else the most frequent spelling seen."""
        name = self._names.get(lang)
        if name is None:
            name = self._names[lang] = self._find_name(lang)
        return name

    def _find_name(self, lang: str) -> tuple[str, str]:
        if self.corpus.known and lang in self.corpus.known.names:
            return self.corpus.known.names[lang], lang
        if self.corpus.label and lang == "en":
            return self.corpus.label, "en"
        in_lang = [(count, form) for (form_lang, form), count in self.corpus.forms.items() if form_lang == lang]
        if in_lang:
            return max(in_lang)[1], lang
        if self.corpus.known and "en" in self.corpus.known.names:
            return self.corpus.known.names["en"], "en"
        if self.corpus.label:
            return self.corpus.label, "en"
        (form_lang, form), _ = max(self.corpus.forms.items(), key=lambda item: (item[1], item[0]))
        return form, form_lang

    def spellings(self) -> list[tuple[str, list[tuple[str, int, bool]]]]:
        """Every spelling seen, by language: (language, [(spelling, count, is a demonym)])."""
        demonyms = {form for forms in (self.corpus.known.demonyms.values() if self.corpus.known else ()) for form in forms}
        by_lang: dict[str, list[tuple[str, int, bool]]] = defaultdict(list)
        for (lang, form), count in sorted(self.corpus.forms.items(), key=lambda item: (item[0][0], -item[1], item[0][1])):
            by_lang[lang].append((form, count, form in demonyms))
        return sorted(by_lang.items())


class Topic(URLWrapper):
    """A topic's page: reads TOPIC_URL and TOPIC_SAVE_AS; its slug is the taxonomy id."""

    def __init__(self, topic: TaxonomyTopic, settings: dict[str, Any]) -> None:
        super().__init__(topic.id, settings)
        self.slug = self.id = topic.id
        self.topic = topic
        self.articles: list[Any] = []

    def name_in(self, lang: str) -> str:
        """The topic's name in `lang`, else in English, else its id."""
        return self.topic.names.get(lang) or self.topic.names.get("en") or self.id


class Story(URLWrapper):
    """A story's page: reads STORY_URL and STORY_SAVE_AS; its slug is the story id."""

    def __init__(self, group: StoryGroup, settings: dict[str, Any]) -> None:
        super().__init__(group.id, settings)
        self.slug = self.id = group.id
        self.group = group
        self.articles: list[Any] = []
        self.related: list[tuple[Story, float]] = []

    @property
    def headline(self) -> Any:
        """The article that stands for the story: the earliest one."""
        return self.articles[0]

    @property
    def latest(self) -> Any:
        """The newest dated article, which orders the story index."""
        dated = [article for article in self.articles if article.date_known]
        return max(dated, key=lambda article: (article.date, article.slug)) if dated else None

    def by_language(self) -> list[tuple[str, list[Any]]]:
        """The articles grouped by their language."""
        groups: dict[str, list[Any]] = defaultdict(list)
        for article in self.articles:
            groups[article.lang].append(article)
        return sorted(groups.items())

    @cached_property
    def actor_counts(self) -> list[tuple[Actor, int]]:
        """Every actor of the story with its mentions, most mentioned first (computed once, when rendering)."""
        counts: Counter = Counter()
        for article in self.articles:
            for actor, mentions in article.actor_pages:
                counts[actor] += mentions
        return sorted(counts.items(), key=lambda item: (-item[1], item[0].id))

    @cached_property
    def topics(self) -> list[Topic]:
        """The topics its articles carry, most frequent first."""
        counts = Counter(topic for article in self.articles for topic in article.topic_pages)
        return [topic for topic, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0].id))]

    def coverage(self, columns: int = 8) -> tuple[list[Actor], list[tuple[str, list[int]]]]:
        """Which actors each language's articles mention: the top actors, and per language their mentions."""
        top = [actor for actor, _ in self.actor_counts[:columns]]
        rows = []
        for lang, articles in self.by_language():
            counts: Counter = Counter()
            for article in articles:
                for actor, mentions in article.actor_pages:
                    counts[actor] += mentions
            rows.append((lang, [counts[actor] for actor in top]))
        return top, rows


def actor_href(corpus: DigestCorpus, key: str, language_root: str) -> str | None:
    """The address of the page of article-level actor key `key` under `language_root` (`/` included), if any."""
    actor = corpus.actor_of(key)
    return f"{language_root}{page_url(actor)}" if actor else None


class LinkedBody:
    """An article's body as HTML with its actor links, rendered the first time a page shows it.

    A rebuild writes few article pages, so most bodies are never rendered; a page's signature reads the
    text and `links` instead.
    """

    def __init__(self, paragraphs: list[str], mentions: list[Mention], hrefs: dict[str, str | None],
                 analysis_key: str = "") -> None:
        self.paragraphs = paragraphs
        self.mentions = mentions  # those in the paragraphs
        self.hrefs = hrefs
        self.analysis_key = analysis_key  # the analysis cache's key of the document, if known

    @cached_property
    def inputs(self) -> tuple:
        """What the body's HTML is made from: the text, where each mention starts and ends, and where its link
        leads (None: not linked).

        The analysis cache's key determines the text and every mention (it hashes the file's bytes and everything
        analysis depends on), so when it is known, the key and the link targets stand for them: a rebuild signs
        every article page, and a body has a hundred mentions and kilobytes of text.
        """
        if self.analysis_key:
            return self.analysis_key, tuple(sorted(self.hrefs.items()))
        text = hashlib.blake2b("\n".join(self.paragraphs).encode("utf-8", "surrogatepass"), digest_size=16).digest()
        return text, tuple((mention.index, mention.start, mention.end, mention.nested, self.hrefs.get(mention.actor))
                           for mention in self.mentions)

    @cached_property
    def html(self) -> str:
        """The body as HTML."""
        return render_paragraphs(self.paragraphs, self.mentions, self.hrefs.get)

    def __html__(self) -> str:
        return self.html

    __str__ = __html__


@dataclass(frozen=True)
class LinkedText:
    """A piece of article text whose actor links are made for the page that shows it."""

    text: str
    mentions: tuple
    corpus: "DigestCorpus"

    def __bool__(self) -> bool:
        return bool(self.text)

    def html(self, language_root: str) -> str:
        """Escaped HTML with mentions linked under `language_root` (the page's way to its interface language's root, `/` included)."""
        return link_mentions(self.text, self.mentions, lambda key: actor_href(self.corpus, key, language_root))

    @property
    def inputs(self) -> tuple:
        """What the HTML is made from: the text, and each link's place and target page."""
        return self.text, tuple((mention.start, mention.end, mention.nested, actor_href(self.corpus, mention.actor, ""))
                                for mention in self.mentions)


@dataclass
class DigestCorpus:
    """What the generators share: the linked actors and their pages."""

    linked: LinkedCorpus
    knowledge: KnowledgeBase
    actors: dict[str, Actor] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    stories: dict[str, Story] = field(default_factory=dict)

    def actor_of(self, article_key: str) -> Actor | None:
        """The page of an article-level actor key (a knowledge-base id or a provisional key)."""
        return self.actors.get(self.linked.global_ids.get(article_key, ""))




def build_corpus(articles: list[Any], kb: KnowledgeBase, taxonomy: Taxonomy, settings: dict[str, Any]) -> DigestCorpus:
    """Link actors and group stories over all articles, make their pages, and link every article to them."""
    docs = [article.digest for article in articles]
    analysis = analyse_corpus(docs, kb)
    corpus = DigestCorpus(analysis.linked, kb)
    corpus.actors = {actor_id: Actor(actor, kb, settings) for actor_id, actor in corpus.linked.actors.items()}
    corpus.topics = {topic_id: Topic(topic, settings) for topic_id, topic in taxonomy.topics.items()}
    corpus.stories = {story_id: Story(group, settings) for story_id, group in analysis.stories.stories.items()}
    default = settings["DEFAULT_LANG"]
    _attach_stories_and_topics(articles, corpus, analysis.stories)
    pages_of: dict[int, set[str]] = {}  # the actor pages of each article, by the article's id()
    prefixes: dict[str, str] = {}  # by folder of the article's address: relpath is slow, and articles share one folder
    for article in articles:
        doc = article.digest
        page_ids = [corpus.linked.global_ids[actor.actor] for actor in doc.actors]
        article.actor_pages = [(corpus.actors[page_id], actor.mentions) for page_id, actor in zip(page_ids, doc.actors)]
        on_page = pages_of[id(article)] = set(page_ids)
        for page_id in on_page:
            corpus.actors[page_id].articles.append(article)
        # Every copy of the article sits at the same depth under its language's folder, so one relative
        # link (made here for the default language's copy) serves all of them and keeps the reader's language.
        folder = page_url(article).rpartition("/")[0]
        if (prefix := prefixes.get(folder)) is None:
            prefix = prefixes[folder] = language_root(f"{default}/{folder}/page.html", default) + "/"
        _link_text(article, corpus, prefix)
    for actor_id, actor in corpus.actors.items():
        # One count over the actor pages of all its articles (itself included, removed after): counted in C.
        together = Counter(chain.from_iterable(map(pages_of.__getitem__, map(id, actor.articles))))
        together.pop(actor_id, None)
        actor.mentioned_with = [(corpus.actors[other], count) for other, count in
                                sorted(together.items(), key=lambda item: (-item[1], item[0]))[:12]]
        actor.possibly_same = [(corpus.actors[other], score) for other, score in sorted(set(actor.corpus.possibly_same))
                               if other in corpus.actors]
    return corpus


def _attach_stories_and_topics(articles: list[Any], corpus: DigestCorpus, grouping: StoryGrouping) -> None:
    for article in articles:
        article.topic_pages = [corpus.topics[topic] for topic, _ in article.digest.topics if topic in corpus.topics]
        for topic in article.topic_pages:
            topic.articles.append(article)
        story_id = grouping.story_of.get(article.digest.article_id)
        article.story = corpus.stories.get(story_id) if story_id else None
        if article.story:
            article.story.articles.append(article)
    for story in corpus.stories.values():
        order = {article_id: position for position, article_id in enumerate(story.group.articles)}
        story.articles.sort(key=lambda article: order[article.digest.article_id])
        story.related = [(corpus.stories[other], score) for other, score in story.group.related]


def _link_text(article: Any, corpus: DigestCorpus, prefix: str) -> None:
    doc = article.digest
    mentions_in = defaultdict(list)
    for mention in doc.mentions:
        mentions_in[mention.part].append(mention)
    in_body = mentions_in["paragraph"]
    article.body = LinkedBody(doc.paragraphs, in_body,
                              {actor: actor_href(corpus, actor, prefix)
                               for actor in dict.fromkeys(mention.actor for mention in in_body)},
                              getattr(article, "analysis_key", ""))
    # The lede also shows on the home and actor pages, at other depths: its links are made per page.
    article.lede_html = LinkedText(doc.lede or "", tuple(mentions_in["lede"]), corpus)
    article.title_html = link_mentions(doc.title, mentions_in["title"], lambda key: None)


def link_articles(generator: Any) -> None:
    """Signal receiver (article_generator_pretaxonomy, after ordering): build the corpus of actors."""
    articles = [article for article in generator.articles if hasattr(article, "digest")]
    reader = generator.readers.readers.get("txt")
    if articles and reader is not None:
        pipeline = reader.pipeline
        generator.context["digest_corpus"] = build_corpus(articles, pipeline.knowledge, pipeline.taxonomy,
                                                          generator.settings)
    else:
        # An empty site still gets an (empty) index of actors, so its navigation has no dead link.
        generator.context["digest_corpus"] = DigestCorpus(LinkedCorpus({}, {}), KnowledgeBase())

