"""Pelican adapter: the generator that writes the actor, topic and story pages and their indexes."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from .collation import Alphabet
from .corpus import DigestCorpus

ACTOR_TYPES = ("person", "organization", "place")


def _newest_first(story: Any) -> tuple[bool, float, str]:
    latest = story.latest
    return (latest is None, -latest.date.timestamp() if latest else 0.0, story.id)


class DigestPagesGenerator(Generator):
    """Writes a page per actor, topic and story, and the index of each."""

    def generate_context(self) -> None:
        """Actors, topics and stories were built with the articles; nothing to add."""

    def _template(self, *names: str) -> Any:
        """The first of `names` the theme has (`actor-person`, then `actor`)."""
        available = set(self.env.list_templates())
        return self.get_template(next((name for name in names if f"{name}.html" in available), names[-1]))

    def _write(self, writer: Any, save_as: str, url: str, template: Any, **context: Any) -> None:
        writer.write_file(save_as, template, self.context, relative_urls=self.settings["RELATIVE_URLS"],
                          url=url, page_name=url.rsplit(".", 1)[0], **context)

    def generate_output(self, writer: Any) -> None:
        """Write every page of the digest's own kinds."""
        corpus: DigestCorpus | None = self.context.get("digest_corpus")
        if corpus is None:
            return
        self._write_actors(writer, corpus)
        self._write_topics(writer, corpus)
        self._write_stories(writer, corpus)

    def _write_actors(self, writer: Any, corpus: DigestCorpus) -> None:
        lang = self.settings["DEFAULT_LANG"]
        for actor_id in sorted(corpus.actors):
            actor = corpus.actors[actor_id]
            # `actor.articles` keeps the site's order: newest first, undated last.
            self._write(writer, actor.save_as, actor.url, self._template(f"actor-{actor.type}", "actor"), actor=actor)
        alphabet = Alphabet(lang, self.settings["NEWS_DIGEST_LANGUAGES"])
        groups = [(actor_type, alphabet.group([a for a in corpus.actors.values() if a.type == actor_type],
                                              lambda actor: actor.name_in(lang)[0]))
                  for actor_type in ACTOR_TYPES]
        self._write(writer, self.settings["ACTORS_SAVE_AS"], self.settings["ACTORS_URL"], self._template("actors"),
                    actor_groups=groups)

    def _write_topics(self, writer: Any, corpus: DigestCorpus) -> None:
        for topic in corpus.topics.values():
            self._write(writer, topic.save_as, topic.url, self._template("topic"), topic=topic)
        self._write(writer, self.settings["TOPICS_SAVE_AS"], self.settings["TOPICS_URL"], self._template("topics"),
                    topics=list(corpus.topics.values()))

    def _write_stories(self, writer: Any, corpus: DigestCorpus) -> None:
        stories = sorted(corpus.stories.values(), key=_newest_first)
        for story in stories:
            self._write(writer, story.save_as, story.url, self._template("story"), story=story)
        self._write(writer, self.settings["STORIES_SAVE_AS"], self.settings["STORIES_URL"], self._template("stories"),
                    stories=stories)


def add_digest_pages(pelican: Any) -> type:
    """Signal receiver (get_generators): the digest's pages are written with the other pages."""
    return DigestPagesGenerator
