"""Shared fixtures: real Pelican builds into temporary folders, and the pipeline on its own."""

from __future__ import annotations

import json
import logging
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

PROJECT_DIR = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(PROJECT_DIR / "plugins"), str(PROJECT_DIR)]

from news_digest.pipeline.article_pipeline import ArticlePipeline  # noqa: E402
from news_digest.pipeline.config import AnalysisConfig  # noqa: E402

SAMPLE_FILES = sorted((PROJECT_DIR / "content").glob("*.txt"))
FRENCH_SAMPLE = "000_28d7cdb8d0d4597e.txt"
ARABIC_SAMPLE = "003_c2c5c635330c0e8e.txt"


class _WarningCollector(logging.Handler):
    """Keeps the text of every warning or error logged during a build."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@dataclass
class BuiltSite:
    """The output of one build, with helpers to read it."""

    content: Path
    output: Path
    warnings: list[str] = field(default_factory=list)

    def page(self, relative: str) -> BeautifulSoup:
        """A built HTML page, parsed."""
        return BeautifulSoup((self.output / relative).read_text(encoding="utf-8"), "html.parser")

    def json(self, relative: str) -> dict:
        """A built JSON file, parsed."""
        return json.loads((self.output / relative).read_text(encoding="utf-8"))

    def files(self) -> dict[str, bytes]:
        """Every output file's bytes, by relative path."""
        return {path.relative_to(self.output).as_posix(): path.read_bytes()
                for path in sorted(self.output.rglob("*")) if path.is_file()}

    def warnings_about(self, name: str) -> list[str]:
        """The warnings that name this file."""
        return [message for message in self.warnings if name in message]


def run_build(content: Path, output: Path, **overrides: object) -> BuiltSite:
    """Build the site from `content` into `output` with the project's settings, in this process."""
    settings = read_settings(str(PROJECT_DIR / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(output.parent / "cache"), **overrides})
    collector = _WarningCollector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        Pelican(settings).run()
    finally:
        root.removeHandler(collector)
    return BuiltSite(content, output, collector.messages)


def write_content(folder: Path, files: dict[str, str | bytes], with_samples: bool) -> None:
    """Fill a content folder: the samples (optionally) and the given files (text is written as UTF-8)."""
    folder.mkdir(parents=True, exist_ok=True)
    if with_samples:
        for sample in SAMPLE_FILES:
            shutil.copy(sample, folder / sample.name)
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


BuildSite = Callable[..., BuiltSite]


@pytest.fixture
def build_site(tmp_path: Path) -> BuildSite:
    """Build a site from the samples plus the given files; each call builds into its own folder."""
    counter = iter(range(1000))

    def build(files: dict[str, str | bytes] | None = None, *, with_samples: bool = True,
              extra_files: dict[str, str | bytes] | None = None, **settings: object) -> BuiltSite:
        """`files` go into content/; `extra_files` into the project folder beside it."""
        root = tmp_path / f"site{next(counter)}"
        write_content(root / "content", files or {}, with_samples)
        write_content(root, extra_files or {}, with_samples=False)
        return run_build(root / "content", root / "output", **settings)

    return build


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The site built once from the default corpus, for read-only checks."""
    root = tmp_path_factory.mktemp("sample_site")
    return run_build(PROJECT_DIR / "content", root / "output")


@pytest.fixture(scope="session")
def pipeline() -> ArticlePipeline:
    """The per-article pipeline with the default configuration."""
    return ArticlePipeline(AnalysisConfig())


@pytest.fixture(scope="session")
def analyse(pipeline: ArticlePipeline) -> Callable[[str | bytes, str], object]:
    """Analyse text or bytes as if it were the article file `name`."""
    def run(data: str | bytes, name: str = "article.txt"):
        return pipeline.analyse(data.encode("utf-8") if isinstance(data, str) else data, name)
    return run


@pytest.fixture(scope="session")
def samples(pipeline: ArticlePipeline) -> Iterator[dict]:
    """The two sample articles, analysed, by file name."""
    yield {path.name: pipeline.read(path, path.name) for path in SAMPLE_FILES}
