"""Time and profile the corpus-level analysis (actor linking, story grouping) on synthetic articles.

Per-article analysis costs ~10-15 ms an article, so the documents are analysed once, for the largest N,
and pickled; later runs load the pickle and time only `analyse_corpus` (the first N documents serve
every smaller N: the generator's article i is the same whatever N).

    .venv/bin/python benchmarks/profile_corpus.py --n 1000 --n 5000 --n 10000 --repeat 3
    .venv/bin/python benchmarks/profile_corpus.py --n 5000 --profile            # cProfile top lines
    .venv/bin/python benchmarks/profile_corpus.py --n 5000 --dump /tmp/a.json   # canonical result, to diff

Medians of `--repeat` runs; wall times, and the CPU time of the whole `analyse_corpus`, which moves less
when other work shares the machine. Progress goes to stderr, the table to stdout.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pickle
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO_ROOT / "plugins"), str(REPO_ROOT)]

from benchmarks.generate import generate, write_raw  # noqa: E402
from news_digest.pipeline.corpus_analysis import CorpusAnalysis, analyse_corpus  # noqa: E402
from news_digest.pipeline.document import ArticleDocument  # noqa: E402
from news_digest.pipeline.knowledge import KnowledgeBase  # noqa: E402
from news_digest.pipeline.linking import link_corpus  # noqa: E402
from news_digest.pipeline.stories import _candidate_pairs, _Weights, evidence_of, group_stories  # noqa: E402

DEFAULT_SIZES = (1000, 5000, 10000)


def pipeline() -> Any:
    """The per-article pipeline with the repository's settings (as the reader builds it)."""
    from pelican.settings import read_settings

    from news_digest.pipeline.article_pipeline import ArticlePipeline
    from news_digest.settings import analysis_config, apply_settings

    cwd = os.getcwd()
    os.chdir(REPO_ROOT)
    try:
        settings = read_settings("pelicanconf.py")
        apply_settings(settings)
        return ArticlePipeline(analysis_config(settings))
    finally:
        os.chdir(cwd)


def analysed_docs(n: int, seed: int, cache: Path) -> tuple[list[ArticleDocument], KnowledgeBase]:
    """N analysed documents in generation order, from the pickle when it holds at least N, and the knowledge base."""
    articles = pipeline()
    if cache.exists():
        try:
            with cache.open("rb") as file:
                docs = pickle.load(file)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ImportError) as error:
            # Written by an older version of the document classes: analyse again.
            print(f"profile_corpus: cannot load {cache} ({error}); analysing again", file=sys.stderr)
            docs = []
        if len(docs) >= n:
            return docs[:n], articles.knowledge
    print(f"profile_corpus: analysing {n} articles (seed {seed}) once, into {cache}", file=sys.stderr)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="corpus-raw-") as folder:
        paths = write_raw(generate(n, seed), Path(folder))
        docs = [articles.read(path, path.name) for path in paths]
    docs = [doc for doc in docs if not doc.rejected]
    print(f"profile_corpus: analysed in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    with cache.open("wb") as file:
        pickle.dump(docs, file, protocol=pickle.HIGHEST_PROTOCOL)
    return docs, articles.knowledge


def stage_times(docs: list[ArticleDocument], kb: KnowledgeBase) -> dict[str, float]:
    """Seconds per stage, the stages called as `analyse_corpus` calls them, then `analyse_corpus` whole.

    `pairs` is the number of article pairs story grouping has to consider (sharing a rare actor, dated close
    enough): it grows with the square of N, and with it the stories stage.
    """
    times: dict[str, float] = {}
    started = time.perf_counter()
    linked = link_corpus(docs, kb)
    times["link"] = time.perf_counter() - started
    started = time.perf_counter()
    types = {actor_id: actor.type for actor_id, actor in linked.actors.items()}
    countries = frozenset(actor_id for actor_id, actor in linked.actors.items()
                          if actor.known and actor.known.territory)
    listed = frozenset(actor_id for actor_id, actor in linked.actors.items() if actor.known)
    evidence = [evidence_of(doc, linked.global_ids, types, countries, listed) for doc in docs]
    times["evidence"] = time.perf_counter() - started
    started = time.perf_counter()
    group_stories(evidence, types)
    times["stories"] = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    analyse_corpus(docs, kb)
    times["total"], times["cpu"] = time.perf_counter() - started, time.process_time() - cpu
    weights = _Weights(evidence, types)
    times["pairs"] = sum(len(partners) for _, partners in _candidate_pairs(evidence, weights))
    return times


def canonical(analysis: CorpusAnalysis) -> dict[str, Any]:
    """Every field of the result in a JSON-friendly form, order kept where the output depends on it."""
    actors = {
        actor_id: {
            "id": actor.id, "type": actor.type, "known": actor.known.id if actor.known else None,
            "forms": [[lang, form, count] for (lang, form), count in actor.forms.items()],
            "articles": actor.articles, "mentions": actor.mentions, "roles": sorted(actor.roles),
            "evidence": [[item.rule, item.detail, item.score] for item in actor.evidence],
            "possibly_same": [list(item) for item in actor.possibly_same], "label": actor.label,
        }
        for actor_id, actor in analysis.linked.actors.items()
    }
    stories = {story_id: {"articles": story.articles, "related": [list(item) for item in story.related]}
               for story_id, story in analysis.stories.stories.items()}
    return {
        "actor_order": list(analysis.linked.actors), "actors": actors,
        "global_ids": sorted(analysis.linked.global_ids.items()),
        "story_order": list(analysis.stories.stories), "stories": stories,
        "story_of": sorted(analysis.stories.story_of.items()),
    }


def profile(run: Callable[[], object], limit: int) -> str:
    """cProfile of one run: the top lines by cumulative and by own time."""
    profiler = cProfile.Profile()
    profiler.runcall(run)
    out = io.StringIO()
    for order in ("cumulative", "tottime"):
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order).print_stats(limit)
    return out.getvalue()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, action="append", help="articles; repeatable (default 1000, 5000, 10000)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per size; the median is shown (default 3)")
    parser.add_argument("--docs", type=Path, help="pickle of analysed documents (default /tmp/corpus-docs-N-sS.pickle)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of analyse_corpus at the largest N")
    parser.add_argument("--limit", type=int, default=25, help="profile lines per ordering (default 25)")
    parser.add_argument("--dump", type=Path, help="write the canonical result at the largest N as JSON")
    args = parser.parse_args(argv)
    args.n = sorted(set(args.n or DEFAULT_SIZES))
    if args.n[0] < 1 or args.repeat < 1:
        parser.error("--n and --repeat must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    args = parse_args(argv)
    largest = args.n[-1]
    cache = args.docs or Path(tempfile.gettempdir()) / f"corpus-docs-{largest}-s{args.seed}.pickle"
    all_docs, kb = analysed_docs(largest, args.seed, cache)
    print("| N | link ms | evidence ms | stories ms | analyse_corpus ms | CPU ms | ms/article | story pairs |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.n:
        docs = all_docs[:n]
        runs = [stage_times(docs, kb) for _ in range(args.repeat)]
        median = {stage: statistics.median(run[stage] for run in runs) * 1000 for stage in runs[0]}
        print(f"| {n} | {median['link']:.0f} | {median['evidence']:.0f} | {median['stories']:.0f} "
              f"| {median['total']:.0f} | {median['cpu']:.0f} | {median['total'] / n:.3f} "
              f"| {runs[0]['pairs']:,} |", flush=True)
    if args.profile:
        print(profile(lambda: analyse_corpus(all_docs, kb), args.limit))
    if args.dump:
        args.dump.write_text(json.dumps(canonical(analyse_corpus(all_docs, kb)), ensure_ascii=False, indent=1),
                             encoding="utf-8")
        print(f"profile_corpus: wrote {args.dump}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
