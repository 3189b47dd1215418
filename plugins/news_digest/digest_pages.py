"""Pelican adapter: the generator that writes every HTML page, once per interface language, under its prefix.

`/<lang>/index.html`, `/<lang>/articles/…`, `/<lang>/actors/…`, `/<lang>/topics/…`, `/<lang>/stories/…`
and `/<lang>/pages/…` exist for each interface language; the site root leads to the default one. Pelican's
own article, page and index writers are switched off in pelicanconf.py (their SAVE_AS settings are empty).

The pages are planned once (`plan_pages`, in the context as `news_digest_pages`), then written in each
language; the sitemap lists the same plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property, partial
from itertools import groupby
from pathlib import Path
from typing import Any

from pelican.generators import Generator
from pelican.utils import get_relative_path, path_to_url

from .collation import Alphabet
from .corpus import DigestCorpus
from .finishing import searched_pages, start_search
from .fragments import article_month
from .i18n import Interface, InterfaceLanguage, language_root, page_url
from .output import output_files, signature_of
from .page_inputs import PageInputs

ACTOR_TYPES = ("person", "organization", "place")
HOME_STORIES = 6
HOME_ACTORS = 15

Localised = Callable[[InterfaceLanguage], dict[str, Any]]


@dataclass(frozen=True)
class PlannedPage:
    """A page the digest writes in every interface language, described once."""

    kind: str  # what the page shows ("article", "actor", "actors", …): names its inputs in page_inputs.py
    url: str  # language-neutral address (`actors/x.html`): links, the switcher and hreflang use it
    save_as: str  # language-neutral file, written under `<lang>/`
    templates: tuple[str, ...]  # most specific first (`actor-person`, then `actor`)
    context: dict[str, Any] = field(default_factory=dict)
    # The interface language whose copy search indexes; None for pages search leaves out.
    search_language: str | None = None
    date: dt.datetime | None = None  # when the page's content was published (sitemap `lastmod`)
    in_sitemap: bool = True
    localised: Localised | None = None  # what differs by interface language (index order, letter groups)


@dataclass
class ArchiveMonth:
    """The articles of one month, newest first (`month` None: those whose date is unknown), on a page of their own.

    A new article changes its month's page and the archive's counts, not a list of every article.
    """

    month: dt.date | None
    url: str
    save_as: str
    articles: list[Any]


def archive_months(articles: list[Any], settings: dict[str, Any]) -> list[ArchiveMonth]:
    """`articles` (the site's order: newest first, undated last) by month, newest first."""
    months = []
    for month, group in groupby(articles, key=article_month):
        slug = f"{month:%Y-%m}" if month else "undated"
        months.append(ArchiveMonth(month, settings["ARCHIVE_MONTH_URL"].format(slug=slug),
                                   settings["ARCHIVE_MONTH_SAVE_AS"].format(slug=slug), list(group)))
    return months


def _newest_first(story: Any) -> tuple[bool, float, str]:
    latest = story.latest
    return (latest is None, -latest.date.timestamp() if latest else 0.0, story.id)


def _actor_groups(corpus: DigestCorpus, languages: tuple[str, ...]) -> Localised:
    def groups(ui: InterfaceLanguage) -> dict[str, Any]:
        alphabet = Alphabet(ui.lang, languages)
        return {"actor_groups": [(actor_type, alphabet.group([a for a in corpus.actors.values() if a.type == actor_type],
                                                             lambda actor: actor.name_in(ui.lang)[0]))
                                 for actor_type in ACTOR_TYPES]}
    return groups


def _topics_in_order(corpus: DigestCorpus) -> Localised:
    def topics(ui: InterfaceLanguage) -> dict[str, Any]:
        alphabet = Alphabet(ui.lang)
        return {"topics": sorted(corpus.topics.values(),
                                 key=lambda topic: (alphabet.sort_key(topic.name_in(ui.lang)), topic.id))}
    return topics


def _home_lists(corpus: DigestCorpus, stories: list[Any], articles: list[Any], latest: int) -> dict[str, list[Any]]:
    """What the home page shows: the latest articles and beside them recent stories, topics in use, most cited actors."""
    topics = [topic for topic in corpus.topics.values() if topic.articles]
    actors = sorted(corpus.actors.values(), key=lambda actor: (-len(actor.articles), -actor.mentions, actor.id))
    return {"articles": articles, "latest_articles": articles[:latest], "home_stories": stories[:HOME_STORIES],
            "home_topics": sorted(topics, key=lambda topic: (-len(topic.articles), topic.id)),
            "home_actors": actors[:HOME_ACTORS]}


def plan_pages(context: dict[str, Any], settings: dict[str, Any]) -> list[PlannedPage]:
    """Every page of each interface language, in a fixed order."""
    interface: Interface = context["news_digest_interface"]
    corpus: DigestCorpus = context["digest_corpus"]
    default = interface.default.lang
    stories = sorted(corpus.stories.values(), key=_newest_first)
    articles = context["articles"]  # newest first, undated last
    plan = [PlannedPage("home", "index.html", "index.html", ("index",),
                        _home_lists(corpus, stories, articles, settings["NEWS_DIGEST_LIST_LATEST"])),
            PlannedPage("search", "search.html", "search.html", ("search",), in_sitemap=False)]
    months = archive_months(articles, settings)
    plan.append(PlannedPage("archive", settings["ARCHIVE_URL"], settings["ARCHIVE_SAVE_AS"], ("archive",),
                            {"archive_months": months}))
    plan += [PlannedPage("month", month.url, month.save_as, ("archive-month",),
                         {"archive_month": month, "newer": months[index - 1] if index else None,
                          "older": months[index + 1] if index + 1 < len(months) else None})
             for index, month in enumerate(months)]
    # Articles and pages are written at their URL: their SAVE_AS settings are off (Pelican must not write them).
    plan += [PlannedPage("article", page_url(article), page_url(article), (article.template, "article"), {"article": article},
                         search_language=interface.closest_to(article.lang),
                         date=article.date if getattr(article, "date_known", True) else None)
             for article in articles]
    plan += [PlannedPage("page", page.url, page.url, (page.template, "page"), {"page": page}) for page in context.get("pages", [])]
    # `actor.articles` keeps the site's order: newest first, undated last.
    plan += [PlannedPage("actor", actor.url, actor.save_as, (f"actor-{actor.type}", "actor"), {"actor": actor},
                         search_language=default) for actor in (corpus.actors[key] for key in sorted(corpus.actors))]
    plan.append(PlannedPage("actors", settings["ACTORS_URL"], settings["ACTORS_SAVE_AS"], ("actors",),
                            localised=_actor_groups(corpus, tuple(settings["NEWS_DIGEST_LANGUAGES"]))))
    plan += [PlannedPage("topic", topic.url, topic.save_as, ("topic",), {"topic": topic}, search_language=default)
             for topic in corpus.topics.values()]
    plan.append(PlannedPage("topics", settings["TOPICS_URL"], settings["TOPICS_SAVE_AS"], ("topics",),
                            localised=_topics_in_order(corpus)))
    plan += [PlannedPage("story", story.url, story.save_as, ("story",), {"story": story}, search_language=default)
             for story in stories]
    plan.append(PlannedPage("stories", settings["STORIES_URL"], settings["STORIES_SAVE_AS"], ("stories",), {"stories": stories}))
    return plan


class DigestPagesGenerator(Generator):
    """Writes the home, article, page, actor, topic and story pages and their indexes in each interface language."""

    def generate_context(self) -> None:
        """Plan every page (articles, pages and the corpus are known by now); the sitemap lists the same plan."""
        self.context["news_digest_pages"] = plan_pages(self.context, self.settings)

    @cached_property
    def _available_templates(self) -> frozenset[str]:
        # Listing templates walks the theme's folders: once per build, not once per page.
        return frozenset(self.env.list_templates())

    @cache  # noqa: B019 - one generator per build; Jinja would otherwise check each template's file every page
    def _template(self, names: tuple[str, ...]) -> Any:
        """The first of `names` the theme has (`actor-person`, then `actor`)."""
        return self.get_template(next((name for name in names if f"{name}.html" in self._available_templates),
                                      names[-1]))

    @cache  # noqa: B019 - one generator per build: compiled once, before the first round of workers
    def _compile_theme(self) -> None:
        """Compile every template of the theme now, so the forked workers inherit them instead of each compiling its own."""
        theme = Path(self.settings["THEME"], "templates")
        for name in sorted(self._available_templates):
            if not name.startswith("!") and (theme / name).is_file():
                self.env.get_template(name)

    def _render(self, ui: InterfaceLanguage, save_as: str, url: str, templates: tuple[str, ...],
                context: dict[str, Any]) -> bytes:
        """Page `save_as` (a path of the output) at language-neutral `url`, in interface language `ui`.

        The context is the one Pelican's writer would give (SITEURL relative to the page when RELATIVE_URLS).
        """
        relative = self.settings["RELATIVE_URLS"]
        localcontext = self._page_context.copy()
        if relative:
            localcontext["SITEURL"] = localcontext["localsiteurl"] = path_to_url(get_relative_path(save_as))
        localcontext.update(
            output_file=save_as, url=save_as, page_name=save_as.rsplit(".", 1)[0], ui=ui, page_path=url,
            LANGUAGE_ROOT=language_root(save_as, ui.lang) if relative else f"{self.settings['SITEURL']}/{ui.lang}",
            PUBLIC_SITEURL=self.settings["SITEURL"], **context)
        template = self._template(templates)
        # `render` would copy the context twice more (into a dict, then with the globals): tens of thousands of pages.
        try:
            return self.env.concat(template.root_render_func(template.new_context(localcontext, shared=True))).encode("utf-8")
        except Exception:
            self.env.handle_exception()  # re-raises, with the template's lines in the traceback

    @cached_property
    def _page_context(self) -> dict[str, Any]:
        """What every page's context starts from: the template globals, then Pelican's context (read when the pages are written)."""
        return {**self.env.globals, **self.context, "localsiteurl": self.context.get("localsiteurl")}

    def _jobs(self, site: str) -> Iterator[tuple[str, str, Callable[[], bytes]]]:
        """Every page in every language: (file, signature of its inputs, how to render it)."""
        interface: Interface = self.context["news_digest_interface"]
        inputs = PageInputs(tuple(ui.lang for ui in interface.languages))
        for page in self.context["news_digest_pages"]:
            # Most pages show the same data in every language: their inputs are digested once.
            shared = None if page.localised else signature_of(inputs.of(page.kind, page.context))
            for ui in interface.languages:
                context = {**page.context, **(page.localised(ui) if page.localised else {})}
                if page.search_language is not None:
                    context["indexed_copy"] = page.search_language == ui.lang
                save_as = f"{ui.lang}/{page.save_as}"
                signature = signature_of(site, page.url, page.templates, context.get("indexed_copy"), ui.lang,
                                         shared or signature_of(inputs.of(page.kind, context)))
                yield save_as, signature, partial(self._render, ui, save_as, page.url, page.templates, context)

    def generate_output(self, writer: Any) -> None:
        """Write every planned page whose inputs changed, in every interface language, on every core; then the root.

        With search on, the copies search reads are written first and Pagefind starts on them while the others
        are written.
        """
        files = output_files(self.context, self.settings)
        jobs = list(self._jobs(files.build_signature))
        search = self.settings["NEWS_DIGEST_SEARCH"]
        searched = set(searched_pages(self.context)) if search else set()
        files.produce([job for job in jobs if job[0] in searched], before_fork=self._compile_theme)
        if search:
            start_search(self.context, self.settings, files)
        files.produce([job for job in jobs if job[0] not in searched], before_fork=self._compile_theme)
        interface: Interface = self.context["news_digest_interface"]
        files.write("index.html", self._render(interface.default, "index.html", "index.html", ("root",), {}))


def add_digest_pages(pelican: Any) -> type:
    """Signal receiver (get_generators): the digest's pages are written with the other pages."""
    return DigestPagesGenerator
