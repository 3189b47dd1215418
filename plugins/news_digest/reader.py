"""Pelican adapter: a reader that turns raw `.txt` news articles into Pelican articles."""

from __future__ import annotations

import datetime as dt
import logging
import os
from html import escape
from pathlib import Path
from typing import Any

from pelican.readers import BaseReader

from .pipeline.article_pipeline import ArticlePipeline
from .pipeline.document import ArticleDocument
from .rendering import render_paragraphs
from .settings import analysis_config

logger = logging.getLogger(__name__)

# Pelican requires a date on every article; undated ones get this one, flagged `date_known = False`,
# so they sort last and templates show "date unknown". Never the file's mtime: builds stay reproducible.
UNDATED = dt.datetime(1970, 1, 1)


class NewsTextReader(BaseReader):
    """Reads plain-text news articles (`.txt`) through the analysis pipeline."""

    enabled = True
    file_extensions = ["txt"]

    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__(settings)
        # Pelican makes a reader per generator; only those that read articles load the knowledge base.
        self._pipeline: ArticlePipeline | None = None

    @property
    def pipeline(self) -> ArticlePipeline:
        """The analysis pipeline, built on first use; knowledge-base problems are reported then."""
        if self._pipeline is None:
            self._pipeline = ArticlePipeline(analysis_config(self.settings))
            for label, problem in (*self._pipeline.knowledge.problems, *self._pipeline.matcher.problems):
                logger.warning("news_digest.knowledge: %s", problem.describe(label))
            for label, problem in self._pipeline.taxonomy.problems:
                logger.warning("news_digest.topics: %s", problem.describe(label))
        return self._pipeline

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Analyse one file; log its problems; mark it `skip` when it cannot become a page."""
        source = Path(os.path.relpath(source_path, self.settings["PATH"])).as_posix()
        doc = self.pipeline.read(Path(source_path), source)
        for problem in doc.problems:
            logger.warning("news_digest.reader: %s", problem.describe(source))
        if doc.rejected:
            return "", {"status": "skip", "title": source}
        return render_paragraphs(doc.paragraphs, doc.mentions), self._metadata(doc)

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


def add_reader(readers: Any) -> None:
    """Signal receiver (readers_init): read `.txt` files as news articles."""
    for extension in NewsTextReader.file_extensions:
        readers.reader_classes[extension] = NewsTextReader
