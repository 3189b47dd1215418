"""Corpus-level analysis, run once per build over every article: actor linking, then stories."""

from __future__ import annotations

from dataclasses import dataclass

from .document import ArticleDocument
from .knowledge import KnowledgeBase
from .linking import LinkedCorpus, link_corpus
from .stories import StoryGrouping, evidence_of, group_stories


@dataclass
class CorpusAnalysis:
    """Actors linked across the corpus, and the stories."""

    linked: LinkedCorpus
    stories: StoryGrouping


def analyse_corpus(docs: list[ArticleDocument], kb: KnowledgeBase) -> CorpusAnalysis:
    """Link actors across articles, then group the articles into stories with the linked ids."""
    linked = link_corpus(docs, kb)
    types = {actor_id: actor.type for actor_id, actor in linked.actors.items()}
    countries = frozenset(actor_id for actor_id, actor in linked.actors.items() if actor.known and actor.known.territory)
    listed = frozenset(actor_id for actor_id, actor in linked.actors.items() if actor.known)
    evidence = [evidence_of(doc, linked.global_ids, types, countries, listed) for doc in docs]
    return CorpusAnalysis(linked, group_stories(evidence, types))
