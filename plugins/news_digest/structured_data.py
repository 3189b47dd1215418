"""schema.org JSON-LD for article pages, and JSON that is safe inside a `<script>` element."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from babel.core import get_global
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from .i18n import url_to

# Source addresses the JSON-LD cites (the export keeps whatever the file said).
WEB_SCHEMES = ("http", "https")
SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "place": "Place"}
# Characters that could end a <script> element or start an HTML comment inside it, and the two line
# separators older JavaScript parsers reject: written as \u escapes, which JSON reads back unchanged.
_SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def json_script(data: Any) -> Markup:
    """`data` as JSON that cannot break out of the `<script>` element it is printed in."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for character, escaped in _SCRIPT_ESCAPES:  # str.replace runs in C; translate() looks up every character
        text = text.replace(character, escaped)
    return Markup(text)


def open_graph_locale(lang: str) -> str:
    """The `og:locale` form of a language (`ar` -> `ar_EG`), from CLDR's likely subtags."""
    likely = get_global("likely_subtags").get(lang, lang)
    parts = likely.split("_")
    return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else parts[0]


def _thing(actor: Any, lang: str, url: str) -> dict[str, Any]:
    thing = {"@type": SCHEMA_TYPES.get(actor.type, "Thing"), "name": actor.name_in(lang)[0], "url": url}
    if actor.wikidata:
        thing["sameAs"] = f"https://www.wikidata.org/wiki/{actor.wikidata}"
    return thing


@pass_context
def news_article(context: Context, article: Any) -> dict[str, Any]:
    """The schema.org NewsArticle of an article page: its actors as `mentions`, the three most cited as `about`."""
    doc = article.digest
    lang = context["ui"].lang
    things = [_thing(actor, lang, url_to(context, actor, absolute=True)) for actor, _ in article.actor_pages]
    url = url_to(context, article, absolute=True)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": doc.title,
        "inLanguage": doc.lang,
        "url": url,
        "mainEntityOfPage": url,
        "about": things[:3],
        "mentions": things,
    }
    if doc.lede:
        data["description"] = doc.lede
    if getattr(article, "date_known", False):
        data["datePublished"] = article.date.date().isoformat()
    if doc.outlet:
        data["publisher"] = {"@type": "Organization", "name": doc.outlet}
    if doc.authors:
        data["author"] = [{"@type": "Person", "name": author} for author in doc.authors]
    if doc.dateline and doc.dateline.place:
        data["contentLocation"] = {"@type": "Place", "name": doc.dateline.place}
    if doc.url and urlsplit(doc.url.strip()).scheme.lower() in WEB_SCHEMES:
        data["isBasedOn"] = doc.url  # schema.org wants a URL; a `javascript:` or `data:` "source" is not one
    return data


def install_structured_data(generator: Any) -> None:
    """Signal receiver (generator_init): the JSON-LD and Open Graph helpers templates use."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.filters["json_script"] = json_script
        env.globals.update(news_article=news_article, og_locale=open_graph_locale)
