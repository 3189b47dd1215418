"""Measure actor extraction and cross-language linking against a gold-annotated corpus.

Gold format: `gold.json` beside the articles (see tests/corpus/dev/README.md). A found actor matches
a gold actor of the same article when they have the same id, or share a spelling once both are folded.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .article_pipeline import ArticlePipeline
from .config import AnalysisConfig
from .document import ArticleDocument
from .folding import fold_word
from .corpus_analysis import analyse_corpus


@dataclass
class Score:
    """Counts of true positives, false positives and false negatives, and the figures derived from them."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class Evaluation:
    """Entity scores overall and per language, linking rates, and the errors to look at."""

    entities: Score = field(default_factory=Score)
    entities_by_lang: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    unlisted: Score = field(default_factory=Score)
    linked: int = 0
    linkable: int = 0
    linking_by_lang: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    stories: Score = field(default_factory=Score)
    story_precision: float = 0.0
    story_recall: float = 0.0
    topic_overlap: float = 0.0
    topic_overlap_by_topic: dict[str, float] = field(default_factory=dict)
    story_errors: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    unlinked: list[str] = field(default_factory=list)

    @property
    def linking_rate(self) -> float:
        return self.linked / self.linkable if self.linkable else 1.0

    @property
    def story_f1(self) -> float:
        total = self.story_precision + self.story_recall
        return 2 * self.story_precision * self.story_recall / total if total else 0.0


def _folded(forms: list[str]) -> set[str]:
    return {" ".join(fold_word(word) for word in form.split()) for form in forms}


def _same_id(wanted: dict, actor, global_id: dict[str, str]) -> bool:
    return global_id.get(actor.actor, actor.actor) == wanted["id"]


def _shared_spelling(wanted: dict, actor, global_id: dict[str, str]) -> bool:
    return bool(_folded(wanted["forms"]) & _folded(actor.forms))


def _overlapping_spelling(wanted: dict, actor, global_id: dict[str, str]) -> bool:
    """"Defence Ministry" within "Russia's Defence Ministry", for actors of the same type."""
    wanted_spellings = {spelling for spelling in _folded(wanted["forms"]) if len(spelling) >= 4}
    found = {spelling for spelling in _folded(actor.forms) if len(spelling) >= 4}
    return actor.type == wanted["type"] and any(a in b or b in a for a in wanted_spellings for b in found)


def _align(gold: list[dict], found: list, global_id: dict[str, str]) -> tuple[dict[str, str], list, list]:
    """Pair gold actors with found ones, by id, then a shared spelling, then overlapping spellings.

    Returns (gold id -> global id, gold actors missed, found actors left over).
    """
    pairs: dict[str, str] = {}
    remaining = list(found)
    for same in (_same_id, _shared_spelling, _overlapping_spelling):
        for wanted in gold:
            if wanted["id"] in pairs:
                continue
            actor = next((actor for actor in remaining if same(wanted, actor, global_id)), None)
            if actor is not None:
                pairs[wanted["id"]] = global_id.get(actor.actor, actor.actor)
                remaining.remove(actor)
    misses = [wanted for wanted in gold if wanted["id"] not in pairs]
    return pairs, misses, remaining


def evaluate(corpus_dir: Path, config: AnalysisConfig | None = None) -> Evaluation:
    """Run the pipeline and the corpus linking over the corpus and compare with its gold annotations."""
    gold = json.loads((corpus_dir / "gold.json").read_text(encoding="utf-8"))["articles"]
    pipeline = ArticlePipeline(config or AnalysisConfig())
    docs: dict[str, ArticleDocument] = {name: pipeline.read(corpus_dir / name, name) for name in sorted(gold)}
    analysis = analyse_corpus(list(docs.values()), pipeline.knowledge)
    linked = analysis.linked
    result = Evaluation()
    _score_stories(result, gold, docs, analysis.stories.story_of)
    _score_topics(result, gold, docs)
    seen: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for name, doc in docs.items():
        lang = gold[name]["lang"]
        pairs, misses, extras = _align(gold[name]["entities"], doc.actors, linked.global_ids)
        for score in (result.entities, result.entities_by_lang[lang]):
            score.true_positives += len(pairs)
            score.false_negatives += len(misses)
            score.false_positives += len(extras)
        unlisted = [wanted for wanted in gold[name]["entities"] if wanted.get("in_kb") is False]
        result.unlisted.true_positives += sum(1 for wanted in unlisted if wanted["id"] in pairs)
        result.unlisted.false_negatives += sum(1 for wanted in unlisted if wanted["id"] not in pairs)
        result.missed += [f"{name}: {wanted['id']} {wanted['forms']}" for wanted in misses]
        result.spurious += [f"{name}: {actor.actor} {actor.forms}" for actor in extras]
        for gold_id, found_id in pairs.items():
            seen[gold_id][lang].append(found_id)
        for wanted in misses:
            seen[wanted["id"]][lang].append("")
    for gold_id, by_lang in sorted(seen.items()):
        if len(by_lang) < 2:
            continue
        # One actor across languages: found in at least two of its languages, always under the same id.
        found_ids = {found for found_list in by_lang.values() for found in found_list if found}
        languages_found = [lang for lang, found_list in by_lang.items() if any(found_list)]
        success = len(languages_found) >= 2 and len(found_ids) == 1
        result.linkable += 1
        result.linked += success
        for lang in by_lang:
            result.linking_by_lang[lang][0] += success
            result.linking_by_lang[lang][1] += 1
        if not success:
            result.unlinked.append(f"{gold_id}: {dict(by_lang)}")
    return result


def _score_stories(result: Evaluation, gold: dict, docs: dict[str, ArticleDocument], story_of: dict[str, str]) -> None:
    """B-cubed precision and recall of the stories; an article alone is its own cluster."""
    found = {name: story_of.get(doc.article_id, f"alone:{name}") for name, doc in docs.items()}
    wanted = {name: gold[name]["story"] for name in docs}
    precision = recall = 0.0
    for name in docs:
        same_found = {other for other in docs if found[other] == found[name]}
        same_wanted = {other for other in docs if wanted[other] == wanted[name]}
        precision += len(same_found & same_wanted) / len(same_found)
        recall += len(same_found & same_wanted) / len(same_wanted)
        if same_found != same_wanted:
            result.story_errors.append(f"{name}: found with {sorted(same_found - {name})}, "
                                       f"gold with {sorted(same_wanted - {name})}")
    result.story_precision, result.story_recall = precision / len(docs), recall / len(docs)


def _score_topics(result: Evaluation, gold: dict, docs: dict[str, ArticleDocument]) -> None:
    """For each gold topic, the best Jaccard overlap of its articles with one produced topic's; then the mean."""
    wanted: dict[str, set[str]] = defaultdict(set)
    produced: dict[str, set[str]] = defaultdict(set)
    for name, doc in docs.items():
        for topic in gold[name].get("topics", []):
            wanted[topic].add(name)
        for topic, _ in doc.topics:
            produced[topic].add(name)
    for topic, articles in sorted(wanted.items()):
        result.topic_overlap_by_topic[topic] = max(
            (len(articles & found) / len(articles | found) for found in produced.values()), default=0.0)
    scores = result.topic_overlap_by_topic.values()
    result.topic_overlap = sum(scores) / len(scores) if scores else 1.0


def report(result: Evaluation) -> str:
    """The evaluation as a small plain-text table."""
    lines = ["scope        precision  recall     F1", "-----------  ---------  ------  -----"]
    rows = [("all", result.entities), *sorted(result.entities_by_lang.items())]
    lines += [f"{name:<11}  {score.precision:9.3f}  {score.recall:6.3f}  {score.f1:5.3f}" for name, score in rows]
    lines.append(f"recall on actors absent from the knowledge base: {result.unlisted.recall:.3f} "
                 f"({result.unlisted.true_positives}/{result.unlisted.true_positives + result.unlisted.false_negatives})")
    lines.append(f"cross-language linking: {result.linking_rate:.3f} ({result.linked}/{result.linkable} actors in 2+ "
                 "languages found in 2+ of them under one id)")
    lines += [f"  {lang}: {linked / total:.3f} ({linked}/{total})" for lang, (linked, total) in sorted(result.linking_by_lang.items())]
    lines.append(f"stories (B-cubed): precision {result.story_precision:.3f}  recall {result.story_recall:.3f}  "
                 f"F1 {result.story_f1:.3f}")
    lines.append(f"topics (best Jaccard per gold topic, mean): {result.topic_overlap:.3f}")
    lines += [f"  {topic}: {score:.3f}" for topic, score in result.topic_overlap_by_topic.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: evaluate a corpus folder and print the table (and the errors with --errors)."""
    import argparse

    parser = argparse.ArgumentParser(description="Score actor extraction and linking against gold.json.")
    parser.add_argument("corpus", type=Path, help="folder with the .txt articles and gold.json")
    parser.add_argument("--errors", action="store_true", help="also list missed, spurious and unlinked actors")
    arguments = parser.parse_args(argv)
    result = evaluate(arguments.corpus)
    print(report(result))
    if arguments.errors:
        for title, lines in (("missed", result.missed), ("spurious", result.spurious), ("not linked", result.unlinked),
                             ("story errors", result.story_errors)):
            print(f"\n{title} ({len(lines)}):", *lines, sep="\n  ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
