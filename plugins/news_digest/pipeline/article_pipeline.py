"""The per-article pipeline: named stages that declare what they require and assign, run in a checked order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .config import AnalysisConfig
from .dates import assign_date
from .decoding import decode_article
from .document import ArticleDocument, Problem
from .header import read_header
from .entities import EntityFinder
from .first_names import FirstNames, load_first_names
from .identifiers import article_id, display_path
from .kept import kept
from .knowledge import KnowledgeBase, load_knowledge_base
from .language import LanguageDetector, identify_language
from .matcher import NameMatcher
from .segment import segment
from .stories import numbers_in
from .topics import Taxonomy, TopicScorer, load_taxonomy
from .text import display_text


@dataclass(frozen=True)
class Stage:
    """A named step of the pipeline and the document fields it reads and writes."""

    name: str
    requires: frozenset[str]
    assigns: frozenset[str]
    run: Callable[[ArticleDocument, "ArticlePipeline"], None]


def _stage(name: str, requires: set[str], assigns: set[str], run: Callable[[ArticleDocument, "ArticlePipeline"], None]) -> Stage:
    return Stage(name, frozenset(requires), frozenset(assigns), run)


_DATA_DIR = Path(__file__).resolve().parents[1] / "data"

# Fields every document has as soon as its text is decoded.
_DECODED_FIELDS = frozenset({"source", "article_id", "text", "encoding"})

STAGES: dict[str, Stage] = {
    stage.name: stage
    for stage in (
        _stage("header", {"text"}, {"header", "body_start"}, lambda doc, _: read_header(doc)),
        _stage("segment", {"text", "header", "body_start"},
               {"body", "section", "headline", "title", "lede", "dateline", "paragraphs", "outlet", "url", "authors", "tags"},
               lambda doc, _: segment(doc)),
        _stage("language", {"header", "title", "lede", "paragraphs"}, {"lang", "lang_origin", "direction"},
               lambda doc, pipeline: identify_language(doc, pipeline.config.languages, pipeline.detector)),
        _stage("date", {"header"}, {"date"}, lambda doc, _: assign_date(doc)),
        _stage("entities", {"lang", "title", "lede", "paragraphs", "dateline"}, {"mentions", "actors"},
               lambda doc, pipeline: pipeline.entity_finder.find(doc)),
        _stage("topics", {"lang", "title", "lede", "paragraphs", "actors"}, {"topics"},
               lambda doc, pipeline: setattr(doc, "topics", pipeline.topic_scorer.score(doc))),
        # Story grouping compares articles' numbers; found once per article here, they are cached with it.
        _stage("numbers", {"title", "lede", "paragraphs"}, {"numbers"},
               lambda doc, _: setattr(doc, "numbers", numbers_in([doc.title, doc.lede or "", *doc.paragraphs]))),
    )
}


class PipelineConfigError(ValueError):
    """The configured stage list names an unknown stage or runs one before what it requires."""


def resolve_stages(names: tuple[str, ...]) -> tuple[Stage, ...]:
    """The stages in the configured order, after checking each one's requirements are met before it."""
    available = set(_DECODED_FIELDS)
    stages = []
    for name in names:
        if name not in STAGES:
            raise PipelineConfigError(f"unknown pipeline stage {name!r}; known stages: {', '.join(STAGES)}")
        stage = STAGES[name]
        if missing := stage.requires - available:
            raise PipelineConfigError(f"stage {name!r} needs {sorted(missing)}, which no earlier stage assigns")
        available |= stage.assigns
        stages.append(stage)
    return tuple(stages)


@dataclass(frozen=True)
class Resources:
    """What the stages look actors and topics up in: made from the knowledge-base, name-list and taxonomy files."""

    knowledge: KnowledgeBase
    first_names: FirstNames
    matcher: NameMatcher
    entity_finder: EntityFinder
    taxonomy: Taxonomy
    topic_scorer: TopicScorer

    @classmethod
    def make(cls, config: AnalysisConfig) -> Resources:
        """Read the files `config` names and build the lookups over them."""
        knowledge = load_knowledge_base(list(config.actor_files), list(config.site_actor_files), config.languages,
                                        label_root=_DATA_DIR)
        first_names = load_first_names()
        matcher = NameMatcher(knowledge, first_names.latin)
        taxonomy = load_taxonomy(list(config.topic_files), list(config.site_topic_files), label_root=_DATA_DIR)
        return cls(knowledge, first_names, matcher, EntityFinder(knowledge, matcher, first_names), taxonomy,
                   TopicScorer(taxonomy))


class ArticlePipeline:
    """Reads article files into documents: a pure function of the bytes, the path and the config."""

    def __init__(self, config: AnalysisConfig, cache_folder: Path | None = None) -> None:
        """`cache_folder`: where the resources and the language model, once made, are kept for the next builds
        (they are named after the config's fingerprint, which covers every file they are made from)."""
        self.config = config
        self.stages = resolve_stages(config.stages)
        self.detector = LanguageDetector(cache_folder)
        resources = kept(cache_folder, "pipeline-resources", config.fingerprint, lambda: Resources.make(config), Resources)
        self.knowledge = resources.knowledge
        self.first_names = resources.first_names
        self.matcher = resources.matcher
        self.entity_finder = resources.entity_finder
        self.taxonomy = resources.taxonomy
        self.topic_scorer = resources.topic_scorer

    def read(self, path: Path, source: str) -> ArticleDocument:
        """Read and analyse the file at `path`; `source` is its path relative to the content folder."""
        try:
            size = path.stat().st_size
            if size > self.config.max_article_bytes:
                return self._rejected(source, Problem.skipped(
                    f"is {size / 1_000_000:.1f} MB, more than NEWS_DIGEST_MAX_ARTICLE_BYTES "
                    f"({self.config.max_article_bytes / 1_000_000:.1f} MB)",
                    "Split it into articles, or raise NEWS_DIGEST_MAX_ARTICLE_BYTES"))
            raw = path.read_bytes()
        except OSError as error:
            return self._rejected(source, Problem.skipped(
                f"cannot be read ({error.strerror or error})", "Check that the file exists and is readable"))
        return self.analyse(raw, source)

    def analyse(self, raw: bytes, source: str) -> ArticleDocument:
        """Decode `raw` and run every stage; stop at the first fatal problem."""
        decoded = decode_article(raw)
        doc_id, why = article_id(source)
        text, removed = display_text(decoded.text)
        doc = ArticleDocument(source=display_path(source), article_id=doc_id, text=text,
                              encoding=decoded.encoding, problems=list(decoded.problems))
        if removed.count:
            doc.warn(f"{removed.count} invisible control character{'s' if removed.count > 1 else ''} removed "
                     f"({', '.join(removed.kinds)}); the first was on this line",
                     "Remove them from the file: they can hide or reorder the text shown", removed.line)
        if why:
            doc.warn(f"the file name {why}, so its page id is {doc_id!r}",
                     "Rename the file with Latin letters, digits and hyphens for a readable address")
        for stage in self.stages:
            if doc.rejected:
                break
            stage.run(doc, self)
        # The stages are done with the raw text and its blocks; what the site shows is in the other fields.
        # A build keeps every document in memory (and in the cache): a third of each one's size.
        doc.text, doc.body = "", []
        return doc

    def _rejected(self, source: str, problem: Problem) -> ArticleDocument:
        doc_id, _ = article_id(source)
        return ArticleDocument(source=display_path(source), article_id=doc_id, text="", problems=[problem])
