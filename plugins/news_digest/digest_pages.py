"""Pelican adapter: the generator that writes every HTML page, once per interface language, under its prefix.

`/<lang>/index.html`, `/<lang>/articles/…`, `/<lang>/actors/…`, `/<lang>/topics/…`, `/<lang>/stories/…`
and `/<lang>/pages/…` exist for each interface language; the site root leads to the default one. Pelican's
own article, page and index writers are switched off in pelicanconf.py (their SAVE_AS settings are empty).
"""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator
from pelican.utils import get_relative_path, path_to_url

from .collation import Alphabet
from .corpus import DigestCorpus
from .i18n import Interface, InterfaceLanguage

ACTOR_TYPES = ("person", "organization", "place")
HOME_STORIES = 6
HOME_ACTORS = 15


def _newest_first(story: Any) -> tuple[bool, float, str]:
    latest = story.latest
    return (latest is None, -latest.date.timestamp() if latest else 0.0, story.id)


class DigestPagesGenerator(Generator):
    """Writes the home, article, page, actor, topic and story pages and their indexes in each interface language."""

    def generate_context(self) -> None:
        """Actors, topics and stories were built with the articles; nothing to add."""

    def _template(self, *names: str) -> Any:
        """The first of `names` the theme has (`actor-person`, then `actor`)."""
        available = set(self.env.list_templates())
        return self.get_template(next((name for name in names if f"{name}.html" in available), names[-1]))

    def _language_root(self, ui: InterfaceLanguage, path: str) -> str:
        """The way from the page at language-neutral `path` to its language's folder (`..`, or an absolute address)."""
        if self.settings["RELATIVE_URLS"]:
            return path_to_url(get_relative_path(path))
        return f"{self.settings['SITEURL']}/{ui.lang}"

    def _root_language_root(self, ui: InterfaceLanguage) -> str:
        """The way from the site root's own page to a language's folder (`./en`, or an absolute address)."""
        return f"./{ui.lang}" if self.settings["RELATIVE_URLS"] else f"{self.settings['SITEURL']}/{ui.lang}"

    def _write(self, writer: Any, ui: InterfaceLanguage, path: str, template: Any, **context: Any) -> None:
        """Write the page at language-neutral `path` in interface language `ui`, under `<lang>/`."""
        save_as = f"{ui.lang}/{path}"
        writer.write_file(save_as, template, self.context, relative_urls=self.settings["RELATIVE_URLS"],
                          url=save_as, page_name=save_as.rsplit(".", 1)[0], ui=ui, page_path=path,
                          LANGUAGE_ROOT=self._language_root(ui, path), PUBLIC_SITEURL=self.settings["SITEURL"],
                          **context)

    def generate_output(self, writer: Any) -> None:
        """Write every page in every interface language, then the site root."""
        interface: Interface = self.context["news_digest_interface"]
        corpus: DigestCorpus = self.context["digest_corpus"]
        home = self._home_lists(corpus)
        for ui in interface.languages:
            self._write_home_and_articles(writer, ui, interface, home)
            self._write_actors(writer, ui, corpus)
            self._write_topics(writer, ui, corpus)
            self._write_stories(writer, ui, corpus)
        default = interface.default
        writer.write_file("index.html", self._template("root"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url="index.html", page_name="index",
                          ui=default, page_path="index.html", PUBLIC_SITEURL=self.settings["SITEURL"],
                          LANGUAGE_ROOT=self._root_language_root(default))

    @staticmethod
    def _home_lists(corpus: DigestCorpus) -> dict[str, list[Any]]:
        """What the home page shows beside the latest articles: recent stories, topics in use, most cited actors."""
        topics = [topic for topic in corpus.topics.values() if topic.articles]
        actors = sorted(corpus.actors.values(), key=lambda actor: (-len(actor.articles), -actor.mentions, actor.id))
        return {"home_stories": sorted(corpus.stories.values(), key=_newest_first)[:HOME_STORIES],
                "home_topics": sorted(topics, key=lambda topic: (-len(topic.articles), topic.id)),
                "home_actors": actors[:HOME_ACTORS]}

    def _write_home_and_articles(self, writer: Any, ui: InterfaceLanguage, interface: Interface,
                                 home: dict[str, list[Any]]) -> None:
        self._write(writer, ui, "index.html", self._template("index"), **home)
        self._write(writer, ui, "search.html", self._template("search"))
        for article in self.context["articles"]:
            self._write(writer, ui, article.url, self._template(article.template, "article"), article=article,
                        indexed_copy=interface.closest_to(article.lang) == ui.lang)
        for page in self.context.get("pages", []):
            self._write(writer, ui, page.url, self._template(page.template, "page"), page=page)

    def _write_actors(self, writer: Any, ui: InterfaceLanguage, corpus: DigestCorpus) -> None:
        # Search indexes one copy of each actor, topic and story page: the default language's.
        indexed = ui == self.context["news_digest_interface"].default
        for actor_id in sorted(corpus.actors):
            actor = corpus.actors[actor_id]
            # `actor.articles` keeps the site's order: newest first, undated last.
            self._write(writer, ui, actor.url, self._template(f"actor-{actor.type}", "actor"), actor=actor,
                        indexed_copy=indexed)
        alphabet = Alphabet(ui.lang, self.settings["NEWS_DIGEST_LANGUAGES"])
        groups = [(actor_type, alphabet.group([a for a in corpus.actors.values() if a.type == actor_type],
                                              lambda actor: actor.name_in(ui.lang)[0]))
                  for actor_type in ACTOR_TYPES]
        self._write(writer, ui, self.settings["ACTORS_URL"], self._template("actors"), actor_groups=groups)

    def _write_topics(self, writer: Any, ui: InterfaceLanguage, corpus: DigestCorpus) -> None:
        for topic in corpus.topics.values():
            self._write(writer, ui, topic.url, self._template("topic"), topic=topic,
                        indexed_copy=ui == self.context["news_digest_interface"].default)
        alphabet = Alphabet(ui.lang)
        topics = sorted(corpus.topics.values(), key=lambda topic: (alphabet.sort_key(topic.name_in(ui.lang)), topic.id))
        self._write(writer, ui, self.settings["TOPICS_URL"], self._template("topics"), topics=topics)

    def _write_stories(self, writer: Any, ui: InterfaceLanguage, corpus: DigestCorpus) -> None:
        stories = sorted(corpus.stories.values(), key=_newest_first)
        for story in stories:
            self._write(writer, ui, story.url, self._template("story"), story=story,
                        indexed_copy=ui == self.context["news_digest_interface"].default)
        self._write(writer, ui, self.settings["STORIES_URL"], self._template("stories"), stories=stories)


def add_digest_pages(pelican: Any) -> type:
    """Signal receiver (get_generators): the digest's pages are written with the other pages."""
    return DigestPagesGenerator
