"""Pelican adapter: a reader that turns raw `.txt` news articles into Pelican articles."""

from __future__ import annotations

import datetime as dt
import logging
import os
from functools import cached_property
from html import escape
from pathlib import Path
from typing import Any

from pelican.readers import BaseReader

from .analysis_cache import AnalysisCache, document_key
from .output import scratch_folder
from .parallel import available_cores, fork_map
from .pipeline.article_pipeline import ArticlePipeline
from .pipeline.config import AnalysisConfig
from .pipeline.document import ArticleDocument, Problem, printable_path
from .pipeline.identifiers import display_path
from .pipeline.language import LanguageDetector
from .settings import analysis_config

logger = logging.getLogger(__name__)

# Pelican requires a date on every article; undated ones get this one, flagged `date_known = False`,
# so they sort last and templates show "date unknown". Never the file's mtime: builds stay reproducible.
UNDATED = dt.datetime(1970, 1, 1)
# An article dated later than this after the build is reported: it would head every list until then (2062 for 2026).
FUTURE_MARGIN = dt.timedelta(days=1)


def future_date_problem(doc: ArticleDocument, now: dt.datetime) -> Problem | None:
    """A warning when the article is dated after `now` (aware, UTC) and the margin; naive dates are taken as UTC."""
    if doc.date is None:
        return None
    date = doc.date if doc.date.tzinfo else doc.date.replace(tzinfo=dt.timezone.utc)
    if date <= now + FUTURE_MARGIN:
        return None
    field = doc.header.get("date")
    return Problem(f"is dated {doc.date.date().isoformat()}, in the future; it heads the lists of articles until then",
                   "Check its `Date:` line", field.line if field else None)


class NewsTextReader(BaseReader):
    """Reads plain-text news articles (`.txt`) through the analysis pipeline."""

    enabled = True
    file_extensions = ["txt"]

    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__(settings)
        # Pelican makes a reader per generator; only those that read articles load the knowledge base.
        self._pipeline: ArticlePipeline | None = None
        # Documents analysed ahead of Pelican's reading loop (from the cache or in parallel), by absolute path,
        # with their analysis cache key (page signatures use it).
        self.prefetched: dict[str, tuple[str, ArticleDocument]] = {}
        # Files with the same bytes as an earlier one (by path) that became a page: absolute path -> the original's.
        self.copies: dict[str, str] = {}

    @cached_property
    def config(self) -> AnalysisConfig:
        """What the analysis depends on, from the settings."""
        return analysis_config(self.settings)

    @property
    def _kept_folder(self) -> Path | None:
        """Where the pipeline's resources and language model are kept between builds (None: not kept)."""
        return Path(self.settings["CACHE_PATH"]) / "news_digest" if self.settings["NEWS_DIGEST_CACHE"] else None

    @property
    def pipeline(self) -> ArticlePipeline:
        """The analysis pipeline, built on first use; knowledge-base problems are reported then."""
        if self._pipeline is None:
            self._pipeline = ArticlePipeline(self.config, cache_folder=self._kept_folder)
            for label, problem in (*self._pipeline.knowledge.problems, *self._pipeline.matcher.problems):
                logger.warning("news_digest.knowledge: %s", problem.describe(label))
            for label, problem in self._pipeline.taxonomy.problems:
                logger.warning("news_digest.topics: %s", problem.describe(label))
        return self._pipeline

    def _source(self, path: str) -> str:
        return Path(os.path.relpath(path, self.settings["PATH"])).as_posix()

    def prefetch(self, paths: list[str]) -> None:
        """Analyse the articles at `paths` (absolute) before Pelican reads them one by one.

        Analyses come from the cache when the bytes and everything analysis depends on are unchanged; the
        others are analysed on every core. Files that cannot be read are left to `read`, which reports them.
        """
        config = self.config
        fingerprint = config.fingerprint
        keyed: dict[str, tuple[str, bytes]] = {}
        originals: dict[bytes, str] = {}
        copies: dict[str, str] = {}
        for path in sorted(paths):
            try:
                if os.path.getsize(path) > config.max_article_bytes:
                    continue
                raw = Path(path).read_bytes()
            except OSError:
                continue
            if (original := originals.setdefault(raw, path)) != path:
                copies[path] = original
                continue
            keyed[path] = (document_key(fingerprint, self._source(path), raw), raw)
        cache = AnalysisCache(self.settings["CACHE_PATH"]) if self.settings["NEWS_DIGEST_CACHE"] else None
        cached = cache.load(key for key, _ in keyed.values()) if cache else {}
        missing = [(path, key, raw) for path, (key, raw) in keyed.items() if key not in cached]
        scratch = str(scratch_folder(self.settings))
        workers = self.settings["NEWS_DIGEST_WORKERS"] or available_cores()
        if len(missing) > 1 and workers > 1:
            # Workers inherit the language model instead of each loading its own. Otherwise it is loaded only
            # if an article needs it (most declare their language, or are the only language of their script).
            self._make_pipeline_and_model(scratch)
        pipeline = self.pipeline

        def analyse(share: list[tuple[str, str, bytes]]) -> list[ArticleDocument]:
            return [pipeline.analyse(raw, self._source(path)) for path, _, raw in share]

        analysed = dict(zip((key for _, key, _ in missing), fork_map(analyse, missing, workers, scratch=scratch)))
        if cache:
            cache.store(analysed, keep=(key for key, _ in keyed.values()))
            cache.close()
        documents = {**cached, **analysed}
        self.prefetched = {path: (key, documents[key]) for path, (key, _) in keyed.items()}
        # A copy of a file that cannot be a page is left to `read`, which reports the same problem for it.
        self.copies = {path: original for path, original in copies.items() if not self.prefetched[original][1].rejected}
        logger.info("news_digest.reader: %d articles analysed, %d from the cache", len(analysed), len(cached))

    def _make_pipeline_and_model(self, scratch: str) -> None:
        """Make the pipeline here while a forked worker makes the language model; then load the model.

        On a cold cache each takes about half a second. The worker keeps the model in the cache folder, from
        which it loads in milliseconds; without a cache folder the two are made one after the other.
        """
        folder, languages = self._kept_folder, self.config.languages
        if folder is not None:
            # The first task runs in this process, so the pipeline stays here; the worker's model comes back
            # through the cache folder.
            tasks = [lambda: self.pipeline, lambda: LanguageDetector(folder).prepare(languages)]
            fork_map(lambda share: [task() for task in share], tasks, 2, scratch=scratch)
        self.pipeline.detector.prepare(languages)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Analyse one file; log its problems; mark it `skip` when it cannot become a page."""
        source = self._source(source_path)
        if (original := self.copies.get(source_path)) is not None:
            copy = Problem.skipped(f"has the same bytes as {printable_path(display_path(self._source(original)))}",
                                   "Delete one of the two files")
            logger.warning("news_digest.reader: %s", copy.describe(display_path(source)))
            return "", {"status": "skip", "title": display_path(source)}
        key, doc = self.prefetched.pop(source_path, ("", None))
        doc = doc or self.pipeline.read(Path(source_path), source)
        future = future_date_problem(doc, dt.datetime.now(dt.timezone.utc))
        for problem in (*doc.problems, *([future] if future else [])):
            logger.warning("news_digest.reader: %s", problem.describe(doc.source))
        if doc.rejected:
            return "", {"status": "skip", "title": doc.source}
        # The body is rendered once the corpus is linked (corpus.py), with its actor links; nothing reads it before.
        return "", {**self._metadata(doc), "analysis_key": key}

    def _metadata(self, doc: ArticleDocument) -> dict[str, Any]:
        metadata: dict[str, Any] = {
            "title": doc.title,
            "slug": doc.article_id,
            "lang": doc.lang,
            "date": doc.date or UNDATED,
            "date_known": doc.date is not None,
            "digest": doc,
        }
        if doc.lede:
            metadata["summary"] = f"<p>{escape(doc.lede, quote=False)}</p>"
        if doc.tags:
            metadata["tags"] = self.process_metadata("tags", ", ".join(doc.tags))
        if doc.authors:
            metadata["authors"] = self.process_metadata("authors", ", ".join(doc.authors))
        return metadata


def prefetch_articles(generator: Any) -> None:
    """Signal receiver (article_generator_init): analyse every article, in parallel or from the cache, up front."""
    reader = generator.readers.readers.get("txt")
    if not isinstance(reader, NewsTextReader):
        return
    settings = generator.settings
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"],
                                extensions=tuple(NewsTextReader.file_extensions))
    reader.prefetch([os.path.abspath(os.path.join(generator.path, name)) for name in files])


def add_reader(readers: Any) -> None:
    """Signal receiver (readers_init): read `.txt` files as news articles."""
    for extension in NewsTextReader.file_extensions:
        readers.reader_classes[extension] = NewsTextReader
