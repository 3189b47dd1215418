"""Pieces of pages that many pages repeat, rendered once: an article in a list appears on the pages of all its actors."""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

ARTICLE_ITEM = "partials/_article_item.html"


class Fragments:
    """Rendered list items, by article, interface language, way to the language folder and heading level.

    One instance per Jinja environment, so per build: nothing outlives the build that rendered it.
    """

    def __init__(self) -> None:
        self._items: dict[tuple[int, str, str, str], Markup] = {}

    @pass_context
    def article_item(self, context: Context, article: Any, heading: str = "h3") -> Markup:
        """`partials/_article_item.html` for `article`, rendered the first time a page at this depth lists it."""
        key = (id(article), context["ui"].lang, context["LANGUAGE_ROOT"], heading)
        item = self._items.get(key)
        if item is None:
            template = context.environment.get_template(ARTICLE_ITEM)
            item = self._items[key] = Markup(template.render({**context.get_all(), "article": article,
                                                              "heading": heading}))
        return item


def install_fragments(generator: Any) -> None:
    """Signal receiver (generator_init): templates call `article_item(article, heading)` for list items."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals["article_item"] = Fragments().article_item
