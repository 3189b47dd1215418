"""Pelican adapter: the generator that writes the JSON data export under `api/`."""

from __future__ import annotations

import json
import logging
from functools import partial
from typing import Any

from pelican.generators import Generator

from .corpus import DigestCorpus, link_articles
from .i18n import Interface, page_url
from .output import output_files, signature_of
from .pipeline.document import ArticleDocument

logger = logging.getLogger(__name__)

# 2: `url` includes the interface-language prefix; `urls` gives the page in every interface language.
EXPORT_SCHEMA_VERSION = 2


def article_record(article: Any, interface: Interface) -> dict[str, Any]:
    """One article of `api/articles.json`; fields in a fixed order so the file diffs well."""
    doc: ArticleDocument = article.digest
    return {
        "id": doc.article_id,
        "source": doc.source,
        "lang": doc.lang,
        "title": doc.title,
        "url": f"{interface.closest_to(doc.lang)}/{page_url(article)}",
        "urls": interface.urls(page_url(article)),
        "date": doc.date.isoformat() if doc.date else None,
        "section": doc.section,
        "headline": doc.headline,
        "lede": doc.lede,
        "outlet": doc.outlet,
        "place": doc.dateline.place if doc.dateline else None,
        "source_url": doc.url,
        "authors": doc.authors,
        "tags": doc.tags,
        "paragraphs": len(doc.paragraphs),
        "entities": [{"id": actor.id, "mentions": count} for actor, count in getattr(article, "actor_pages", [])],
        "topics": [topic for topic, _ in doc.topics],
        "topic_scores": {topic: score for topic, score in doc.topics},
        "story": article.story.id if getattr(article, "story", None) else None,
    }


def entity_record(actor: Any, languages: tuple[str, ...], interface: Interface) -> dict[str, Any]:
    """One actor of `api/entities.json`."""
    names = {lang: actor.name_in(lang)[0] for lang in languages}
    return {
        "id": actor.id,
        "type": actor.type,
        "names": names,
        "aliases": sorted({form for _, forms in actor.spellings() for form, _, _ in forms}),
        "url": f"{interface.default.lang}/{actor.url}",
        "urls": interface.urls(actor.url),
        "articles": len(actor.articles),
        "mentions": actor.mentions,
        "known": actor.known,
        "wikidata": actor.wikidata,
        "evidence": [{"rule": item.rule, "detail": item.detail, "score": item.score} for item in actor.corpus.evidence],
        "possibly_same": [{"id": other.id, "score": score} for other, score in actor.possibly_same],
    }


def json_bytes(data: dict[str, Any]) -> bytes:
    """`data` as stable UTF-8 JSON: one line per top-level key, and one line per record of a top-level list.

    Readable and line-diffable (a changed article is a changed line), and written by the json module's C
    encoder: an indented dump goes through its pure-Python encoder, several times slower on a big export.
    """
    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    members = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            records = ",\n".join(dumps(record) for record in value)
            members.append(f"{dumps(key)}: [\n{records}\n]")
        else:
            members.append(f"{dumps(key)}: {dumps(value)}")
    return ("{\n" + ",\n".join(members) + "\n}\n").encode("utf-8")


class DigestExportGenerator(Generator):
    """Writes `api/articles.json` from the articles the articles generator read."""

    def generate_context(self) -> None:
        """Nothing to add to the context: the export reads what the other generators built."""

    def generate_output(self, writer: Any) -> None:
        """Write the export files."""
        digest_articles = (article for article in self.context.get("articles", []) if hasattr(article, "digest"))
        articles = sorted(digest_articles, key=lambda article: article.digest.article_id)
        interface: Interface = self.context["news_digest_interface"]
        files = output_files(self.context, self.settings)
        export_dir = self.settings["NEWS_DIGEST_API_PATH"].strip("/")

        def write_json(name: str, data: dict[str, Any]) -> None:
            # Written only when the data changed.
            files.produce([(f"{export_dir}/{name}", signature_of(data), partial(json_bytes, data))])

        write_json("articles.json",
                   {"version": EXPORT_SCHEMA_VERSION, "articles": [article_record(a, interface) for a in articles]})
        corpus: DigestCorpus | None = self.context.get("digest_corpus")
        if corpus is not None:
            languages = tuple(dict.fromkeys((*self.settings["NEWS_DIGEST_INTERFACE_LANGUAGES"],
                                             *self.settings["NEWS_DIGEST_LANGUAGES"])))
            write_json("entities.json", {
                "version": EXPORT_SCHEMA_VERSION,
                "entities": [entity_record(corpus.actors[actor_id], languages, interface) for actor_id in sorted(corpus.actors)]})
            write_json("topics.json", {"version": EXPORT_SCHEMA_VERSION, "topics": [
                {"id": topic.id, "names": {lang: topic.name_in(lang) for lang in languages},
                 "url": f"{interface.default.lang}/{topic.url}", "urls": interface.urls(topic.url),
                 "articles": sorted(article.digest.article_id for article in topic.articles)}
                for topic in sorted(corpus.topics.values(), key=lambda topic: topic.id)]})
            write_json("stories.json", {"version": EXPORT_SCHEMA_VERSION, "stories": [
                {"id": story.id, "url": f"{interface.default.lang}/{story.url}", "urls": interface.urls(story.url),
                 "articles": [article.digest.article_id for article in story.articles],
                 "languages": [lang for lang, _ in story.by_language()],
                 "related": [{"id": other.id, "score": score} for other, score in story.related]}
                for story in sorted(corpus.stories.values(), key=lambda story: story.id)]})


def _newest_first(article: Any) -> tuple[bool, float, str]:
    known = getattr(article, "date_known", True)
    return (not known, -article.date.timestamp() if known else 0.0, article.slug)


def prepare_articles(generator: Any) -> None:
    """Signal receiver (article_generator_pretaxonomy): order the articles, then link their actors."""
    arrange_articles(generator)
    link_articles(generator)


def arrange_articles(generator: Any) -> None:
    """Drop id clashes, then order newest first.

    Undated articles come last and ties are broken by id, so the order never depends on the file system.
    """
    kept: dict[str, Any] = {}
    for article in sorted(generator.articles, key=lambda article: article.source_path):
        first = kept.setdefault(article.slug, article)
        if first is not article:
            logger.warning("news_digest.generator: %s: its page id %r is already used by %s; it was skipped. "
                           "Rename one of the two files", article.relative_source_path, article.slug,
                           first.relative_source_path)
    generator.articles = sorted(kept.values(), key=_newest_first)


# Pelican's article writers; the digest writes its own pages and switches these off (empty SAVE_AS).
PELICAN_ARTICLE_WRITERS = ("ARTICLE_SAVE_AS", "ARTICLE_LANG_SAVE_AS", "DRAFT_SAVE_AS", "DRAFT_LANG_SAVE_AS",
                           "TAG_SAVE_AS", "CATEGORY_SAVE_AS", "AUTHOR_SAVE_AS", "YEAR_ARCHIVE_SAVE_AS",
                           "MONTH_ARCHIVE_SAVE_AS", "DAY_ARCHIVE_SAVE_AS")


def skip_pelican_article_pages(generator: Any) -> None:
    """Signal receiver (article_generator_finalized): drop Pelican's article page writing when it writes nothing.

    With every one of its writers off, Pelican still walks its lists for each author, tag and category
    (a scan of every article per author: quadratic in the archive's size) only to write no file. Its feeds,
    and its writers when any is switched back on, are left as they are.
    """
    settings = generator.settings
    if not any(settings.get(name) for name in PELICAN_ARTICLE_WRITERS) and not any(
            settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html") for template in settings["DIRECT_TEMPLATES"]):
        generator.generate_pages = lambda writer: None


def add_generators(pelican: Any) -> type:
    """Signal receiver (get_generators): the export runs after the articles generator, so it sees every article."""
    return DigestExportGenerator
