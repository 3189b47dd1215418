"""The configuration the analysis pipeline receives (built from the Pelican settings by the adapter)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AnalysisConfig:
    """Everything per-article analysis depends on besides the article's own bytes."""

    languages: tuple[str, ...] = ("fr", "ar", "en")
    max_article_bytes: int = 5_000_000
    stages: tuple[str, ...] = ("header", "segment", "language", "date")
