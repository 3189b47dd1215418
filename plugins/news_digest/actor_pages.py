"""Pelican adapter: the generator that writes a page per actor and the index of all actors."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from .collation import Alphabet
from .corpus import Actor, DigestCorpus

ACTOR_TYPES = ("person", "organization", "place")


class ActorPagesGenerator(Generator):
    """Writes `actors/<id>.html` for every actor and `actors/index.html`."""

    def generate_context(self) -> None:
        """The actors were built when the articles were; nothing to add."""

    def _template_for(self, actor: Actor) -> Any:
        """The most specific template the theme has: `actor-person.html`, then `actor.html`."""
        specific = f"actor-{actor.type}"
        templates = self.env.list_templates()
        return self.get_template(specific if f"{specific}.html" in templates else "actor")

    def generate_output(self, writer: Any) -> None:
        """Write the actor pages and the index."""
        corpus: DigestCorpus | None = self.context.get("digest_corpus")
        if corpus is None:
            return
        lang = self.settings["DEFAULT_LANG"]
        relative = self.settings["RELATIVE_URLS"]
        for actor_id in sorted(corpus.actors):
            actor = corpus.actors[actor_id]
            # `actor.articles` keeps the site's order: newest first, undated last.
            writer.write_file(actor.save_as, self._template_for(actor), self.context, relative_urls=relative,
                              actor=actor, page_name=actor.page_name, url=actor.url)
        alphabet = Alphabet(lang, self.settings["NEWS_DIGEST_LANGUAGES"])
        groups = [(actor_type, alphabet.group([a for a in corpus.actors.values() if a.type == actor_type],
                                              lambda actor: actor.name_in(lang)[0]))
                  for actor_type in ACTOR_TYPES]
        writer.write_file(self.settings["ACTORS_SAVE_AS"], self.get_template("actors"), self.context,
                          relative_urls=relative, actor_groups=groups, url=self.settings["ACTORS_URL"],
                          page_name="actors/index")


def add_actor_pages(pelican: Any) -> type:
    """Signal receiver (get_generators): actor pages are written with the other pages."""
    return ActorPagesGenerator
