"""Pieces of pages that many pages repeat, made in Python rather than by including a template in a loop.

An article in a list appears on the pages of all its actors: it is rendered once. Including a template copies
the whole template context (Pelican's settings included) every time, which loops of hundreds of names feel.
"""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

ARTICLE_ITEM = "partials/_article_item.html"


class Fragments:
    """Rendered list items, by article, interface language, way to the language folder and heading level.

    One instance per Jinja environment, so per build: nothing outlives the build that rendered it.
    """

    def __init__(self) -> None:
        self._items: dict[tuple[int, str, str, str], Markup] = {}
        # The page being rendered and its variables: merged once per page, not once per item.
        self._page: tuple[Context | None, dict[str, Any]] = (None, {})

    @pass_context
    def article_item(self, context: Context, article: Any, heading: str = "h3") -> Markup:
        """`partials/_article_item.html` for `article`, rendered the first time a page at this depth lists it."""
        key = (id(article), context["ui"].lang, context["LANGUAGE_ROOT"], heading)
        item = self._items.get(key)
        if item is None:
            template = context.environment.get_template(ARTICLE_ITEM)
            if self._page[0] is not context:
                self._page = (context, context.get_all())
            # As `{% include %}` does, the page's variables are shared, not copied; the item's own are set on top.
            item_context = template.new_context(self._page[1], shared=True)
            item_context.vars.update(article=article, heading=heading)
            item = self._items[key] = Markup(context.environment.concat(template.root_render_func(item_context)))
        return item


@pass_context
def actor_name(context: Context, actor: Any) -> Markup:
    """An actor's name in the interface language when known, isolated in `<bdi>` with the name's own language."""
    name, lang = actor.name_in(context["ui"].lang)
    return Markup(f'<bdi lang="{escape(lang)}">{escape(name)}</bdi>')


def install_fragments(generator: Any) -> None:
    """Signal receiver (generator_init): `article_item(article, heading)` for list items, `actor_name(actor)`."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.globals.update(article_item=Fragments().article_item, actor_name=actor_name)
