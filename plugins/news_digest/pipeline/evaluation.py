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
from .linking import link_corpus


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
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    unlinked: list[str] = field(default_factory=list)

    @property
    def linking_rate(self) -> float:
        return self.linked / self.linkable if self.linkable else 1.0


def _folded(forms: list[str]) -> set[str]:
    return {" ".join(fold_word(word) for word in form.split()) for form in forms}


def _align(gold: list[dict], found: list, global_id: dict[str, str]) -> tuple[dict[str, str], list, list]:
    """Pair gold actors with found ones: same id first, then a shared spelling. Returns (gold id -> global id, misses, extras)."""
    pairs: dict[str, str] = {}
    remaining = list(found)
    for wanted in gold:
        for actor in remaining:
            if global_id.get(actor.actor, actor.actor) == wanted["id"]:
                pairs[wanted["id"]] = global_id.get(actor.actor, actor.actor)
                remaining.remove(actor)
                break
    for wanted in gold:
        if wanted["id"] in pairs:
            continue
        spellings = _folded(wanted["forms"])
        for actor in remaining:
            if spellings & _folded(actor.forms):
                pairs[wanted["id"]] = global_id.get(actor.actor, actor.actor)
                remaining.remove(actor)
                break
    # Last, overlapping spellings of the same type ("Defence Ministry" within "Russia's Defence Ministry").
    for wanted in gold:
        if wanted["id"] in pairs:
            continue
        spellings = {spelling for spelling in _folded(wanted["forms"]) if len(spelling) >= 4}
        for actor in remaining:
            found = {spelling for spelling in _folded(actor.forms) if len(spelling) >= 4}
            if actor.type == wanted["type"] and any(a in b or b in a for a in spellings for b in found):
                pairs[wanted["id"]] = global_id.get(actor.actor, actor.actor)
                remaining.remove(actor)
                break
    misses = [wanted for wanted in gold if wanted["id"] not in pairs]
    return pairs, misses, remaining


def evaluate(corpus_dir: Path, config: AnalysisConfig | None = None) -> Evaluation:
    """Run the pipeline and the corpus linking over the corpus and compare with its gold annotations."""
    gold = json.loads((corpus_dir / "gold.json").read_text(encoding="utf-8"))["articles"]
    pipeline = ArticlePipeline(config or AnalysisConfig())
    docs: dict[str, ArticleDocument] = {name: pipeline.read(corpus_dir / name, name) for name in sorted(gold)}
    linked = link_corpus(list(docs.values()), pipeline.knowledge)
    result = Evaluation()
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
        for title, lines in (("missed", result.missed), ("spurious", result.spurious), ("not linked", result.unlinked)):
            print(f"\n{title} ({len(lines)}):", *lines, sep="\n  ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
