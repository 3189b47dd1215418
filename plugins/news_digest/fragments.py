"""Pieces of pages that many pages repeat, made in Python rather than by including a template in a loop.

An article in a list appears on the pages of all its actors: it is rendered once. Including a template copies
the whole template context (Pelican's settings included) every time, which loops of hundreds of names feel.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from .i18n import InterfaceLanguage, page_url

ARTICLE_ITEM = "partials/_article_item.html"


class Fragments:
    """Rendered list items, by article, interface language, way to the language folder and heading level.

    One instance per Jinja environment, so per build: nothing outlives the build that rendered it.
    """

    def __init__(self) -> None:
        self._items: dict[tuple[int, str, str, str], Markup] = {}
        self._links: dict[int, tuple[dt.date | None, str]] = {}
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
    def archive(self, context: Context, articles: Any, heading: str = "h3") -> Markup:
        """Articles by month, in the list's order (newest first, undated last): each month a heading with its
        count, then a line per article with its day, headline and language.

        Long lists (an actor's thousands of articles) come out this way: a line costs a few microseconds and
        a few dozen bytes, where a full item costs a template render and a kilobyte.
        """
        ui: InterfaceLanguage = context["ui"]
        root = str(escape(context["LANGUAGE_ROOT"]))
        parts = []
        for month, group in groupby(articles, key=lambda article: self._archive_link(article)[0]):
            month_articles = list(group)
            label = ui.month(month) if month else ui.gettext("Date unknown")
            parts.append(f'<section class="archive-month"><{heading} class="archive-month-title">{escape(label)} '
                         f'<span class="count">({ui.number(len(month_articles))})</span></{heading}>'
                         f'{self._archive_list(ui, root, month_articles)}</section>')
        return Markup("".join(parts))

    @pass_context
    def archive_lines(self, context: Context, articles: Any) -> Markup:
        """A line per article (day, headline, language), in the list's order, without month headings."""
        return Markup(self._archive_list(context["ui"], str(escape(context["LANGUAGE_ROOT"])), articles))

    def _archive_list(self, ui: InterfaceLanguage, root: str, articles: Any) -> str:
        return f'<ol class="archive-list">{"".join(self._archive_line(ui, root, article) for article in articles)}</ol>'

    def _archive_line(self, ui: InterfaceLanguage, root: str, article: Any) -> str:
        key = (id(article), ui.lang, root, "archive")
        line = self._items.get(key)
        if line is None:
            month, link = self._archive_link(article)
            day = (f'<time datetime="{article.date.date().isoformat()}">{escape(ui.day_in_month(article.date))}</time> '
                   if month else "")
            line = self._items[key] = Markup(f'<li class="archive-item">{day}<a href="{root}/{link} '
                                             f'<span class="meta-lang">{escape(ui.language_name(article.lang))}</span></li>')
        return line

    def _archive_link(self, article: Any) -> tuple[dt.date | None, str]:
        """The article's month (None when undated) and the end of its link from the language folder on, escaped:
        the same on every page and in every interface language, so made once."""
        entry = self._links.get(id(article))
        if entry is None:
            entry = self._links[id(article)] = (article_month(article), (
                f'{escape(page_url(article))}" lang="{escape(article.lang)}" dir="{escape(article.digest.direction)}">'
                f'{escape(article.title)}</a>'))
        return entry


def article_month(article: Any) -> dt.date | None:
    """The first day of the article's month; None when its date is unknown."""
    return article.date.date().replace(day=1) if getattr(article, "date_known", True) else None


@pass_context
def actor_name(context: Context, actor: Any) -> Markup:
    """An actor's name in the interface language when known, isolated in `<bdi>` with the name's own language."""
    name, lang = actor.name_in(context["ui"].lang)
    return Markup(f'<bdi lang="{escape(lang)}">{escape(name)}</bdi>')


def install_fragments(generator: Any) -> None:
    """Signal receiver (generator_init): `article_item(article, heading)` for list items, `archive(articles,
    heading)` for long lists by month, `archive_lines(articles)` for one month's, `actor_name(actor)`."""
    env = getattr(generator, "env", None)
    if env is not None:
        fragments = Fragments()
        env.globals.update(article_item=fragments.article_item, archive=fragments.archive,
                           archive_lines=fragments.archive_lines, actor_name=actor_name)
