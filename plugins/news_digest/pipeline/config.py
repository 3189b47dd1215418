"""The configuration the analysis pipeline receives (built from the Pelican settings by the adapter)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from importlib.metadata import version
from pathlib import Path

_PIPELINE_CODE = Path(__file__).resolve().parent
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

    @cached_property
    def fingerprint(self) -> str:
        """What every article's analysis depends on besides its own bytes, as one hash: this configuration,
        the contents of every knowledge-base, taxonomy and name-list file, and the pipeline's own code."""
        digest = hashlib.blake2b(digest_size=20)
        digest.update(repr(self).encode("utf-8", "surrogatepass"))
        # Language identification reads py3langid's model with numpy: their versions count too.
        digest.update(f"{version('py3langid')} {version('numpy')}".encode("ascii"))
        code_and_data = sorted(path for folder in (_PIPELINE_CODE, _DATA) for path in folder.rglob("*")
                               if path.is_file() and "__pycache__" not in path.parts)
        for path in (*code_and_data, *self.site_actor_files, *self.site_topic_files):
            digest.update(str(path).encode("utf-8", "surrogatepass") + b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"<unreadable>")
            digest.update(b"\0")
        return digest.hexdigest()
