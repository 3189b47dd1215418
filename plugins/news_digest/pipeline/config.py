"""The configuration the analysis pipeline receives (built from the Pelican settings by the adapter)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

_DATA = Path(__file__).resolve().parents[1] / "data"
SHIPPED_ACTOR_FILES = (*sorted((_DATA / "actors").glob("*.toml")), _DATA / "institutions.toml")
SHIPPED_TOPIC_FILES = tuple(sorted((_DATA / "topics").glob("*.toml")))


@dataclass(frozen=True)
class AnalysisConfig:
    """Everything per-article analysis depends on besides the article's own bytes."""

    languages: tuple[str, ...] = ("fr", "ar", "en")
    max_article_bytes: int = 5_000_000
    stages: tuple[str, ...] = ("header", "segment", "language", "date", "entities", "topics", "numbers")
    actor_files: tuple[Path, ...] = SHIPPED_ACTOR_FILES
    site_actor_files: tuple[Path, ...] = ()
    topic_files: tuple[Path, ...] = SHIPPED_TOPIC_FILES
    site_topic_files: tuple[Path, ...] = ()
