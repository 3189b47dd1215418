"""Profile per-article analysis: time per pipeline stage, the pipeline's start-up cost, and document size.

Runs the plugin's `ArticlePipeline` (built from the repo's `pelicanconf.py`, as the reader builds it) on
N synthetic articles, outside Pelican, and prints:

- milliseconds per article for each stage (`decode` is everything `analyse` does besides the stages), in
  CPU time by default: other processes competing for the cores then distort it much less than wall time;
- the pipeline's construction time, and the process's resident memory before and after it, after a few
  articles (some models load on first use) and with every document kept;
- the size of one analysed document: pickled (what the plugin's cache stores) and in memory (traced
  while unpickling the documents again, so caches and shared pipeline data are not counted).

`--dump FILE` writes a canonical form of every document (all fields, as plain values) and `--check
FILE` compares against such a dump, so an optimisation can be shown to change no result. `--plugins`
imports another checkout's plugin, to compare. `--verify-langid` checks that the pipeline's language
model gives exactly py3langid's scores (run it after upgrading py3langid).

    .venv/bin/python benchmarks/profile_articles.py --n 1000
    .venv/bin/python benchmarks/profile_articles.py --raw /tmp/articles --all --repeat 3 --profile
    .venv/bin/python benchmarks/profile_articles.py --n 1000 --dump /tmp/before.pickle
    .venv/bin/python benchmarks/profile_articles.py --n 1000 --check /tmp/before.pickle --verify-langid
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import gc
import os
import pickle
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
_WARM_UP = 20


def rss_mib() -> float:
    """The resident memory of this process, in MiB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def settings_config():
    """The analysis configuration the plugin's reader uses with the repo's pelicanconf.py."""
    from pelican.settings import read_settings

    from news_digest.settings import analysis_config, apply_settings

    settings = read_settings(str(PROJECT_DIR / "pelicanconf.py"))
    apply_settings(settings)
    return analysis_config(settings)


def article_files(args: argparse.Namespace, workdir: Path) -> list[Path]:
    """The raw articles: the `--raw` folder(s), else N freshly generated ones."""
    if not args.raw:
        folder = workdir / "raw"
        subprocess.run([sys.executable, str(PROJECT_DIR / "benchmarks" / "generate.py"), "--n", str(args.n),
                        "--seed", str(args.seed), "--raw", str(folder)], check=True, stdout=subprocess.DEVNULL)
        args.raw = [folder]
    files = [path for folder in args.raw for path in sorted(Path(folder).rglob("*.txt"))]
    return files[: args.n] if args.n and not args.all else files


def timed_stages(pipeline, totals: dict[str, float], clock: Callable[[], float]) -> None:
    """Wrap every stage of `pipeline` so that its time is added to `totals[stage name]`."""
    def wrap(name: str, run: Callable) -> Callable:
        def timed(doc, owner) -> None:
            started = clock()
            try:
                run(doc, owner)
            finally:
                totals[name] += clock() - started
        return timed
    pipeline.stages = tuple(dataclasses.replace(stage, run=wrap(stage.name, stage.run)) for stage in pipeline.stages)


def canonical(doc) -> dict:
    """Every field of a document as plain values (dicts, lists, tuples, strings, numbers), for comparison."""
    return dataclasses.asdict(doc)


def compare(expected: dict[str, dict], actual: dict[str, dict]) -> list[str]:
    """Names and first differing fields of documents that differ."""
    differences = []
    for source in sorted(set(expected) | set(actual)):
        before, after = expected.get(source), actual.get(source)
        if before == after:
            continue
        if before is None or after is None:
            differences.append(f"{source}: only in {'the dump' if after is None else 'this run'}")
            continue
        fields = [name for name in before if before[name] != after.get(name)]
        fields += [name for name in after if name not in before]
        differences.append(f"{source}: {', '.join(fields)} differ")
    return differences


def verify_langid(docs: list, languages: tuple[str, ...]) -> list[str]:
    """Problems found comparing the pipeline's language model with py3langid's (none: they are the same).

    First the model's nodes are checked to be py3langid's states, with the same features, and every
    transition of py3langid's table to go to the longest suffix that is a node: the property the model
    relies on (about 5 s). Then the scores of every document's language sample, and of shorter prefixes,
    are compared with py3langid's, bit for bit.
    """
    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from news_digest.pipeline.language import _sample
    from news_digest.pipeline.language_model import SuffixLanguageModel

    problems = []
    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    model = SuffixLanguageModel(languages)
    states = len(reference.tk_row)
    nextmove = np.frombuffer(reference.tk_nextmove, dtype=np.uint32 if reference.tk_nextmove.itemsize == 4 else np.uint16)
    rows = np.frombuffer(reference.tk_row, dtype=np.uint32 if reference.tk_row.itemsize == 4 else np.uint16)
    output = np.array(reference.tk_output)
    nodes = {}
    # Which state each node is: walk every node's bytes through the table from the root.
    key_of_state = np.zeros(states, dtype=np.uint64)
    length_of_state = np.zeros(states, dtype=np.int64)
    for length, table in sorted(model._tables, key=lambda item: item[0]):
        keys, features = table.items()
        state = np.zeros(len(keys), dtype=np.int64)
        for back in range(length - 1, -1, -1):
            byte = ((keys >> np.uint64(8 * back)) & np.uint64(255)).astype(np.int64)
            state = nextmove[rows[state].astype(np.int64) * 256 + byte].astype(np.int64)
        nodes[length] = keys, state
        key_of_state[state], length_of_state[state] = keys, length
        if not np.array_equal(features, output[state]):
            problems.append(f"nodes of {length} bytes have other features than their states")
    if len(set(np.concatenate([state for _, state in nodes.values()]).tolist())) != states - 1:
        problems.append("the nodes are not the table's states one to one")
    if model._root_feature != output[0]:
        problems.append("the root has another feature")
    byte = np.arange(256, dtype=np.uint64)
    for first in range(0, states, 2048):
        source = np.arange(first, min(states, first + 2048))
        extended = key_of_state[source, None] * np.uint64(256) + byte[None, :]
        available = length_of_state[source, None] + 1
        expected = np.zeros(extended.shape, dtype=np.int64)
        settled = np.zeros(extended.shape, dtype=bool)
        for length, (keys, node_states) in sorted(nodes.items(), reverse=True):
            suffix = extended & np.uint64((1 << (8 * length)) - 1)
            position = np.minimum(np.searchsorted(keys, suffix), len(keys) - 1)
            hit = (keys[position] == suffix) & (available >= length) & ~settled
            expected[hit], settled = node_states[position[hit]], settled | hit
        actual = nextmove[rows[source].astype(np.int64)[:, None] * 256 + np.arange(256)[None, :]]
        if (mismatches := int((actual != expected).sum())):
            problems.append(f"{mismatches} transitions from states {first}-{first + len(source) - 1} "
                            "do not go to the longest suffix")
    reference.set_languages(list(languages))
    samples = [_sample(doc) for doc in docs if not doc.rejected]
    samples += [sample[:length] for sample in samples[:500] for length in (0, 1, 7, 60, 333)]
    different = [sample for sample in samples if not np.array_equal(model.scores(sample), reference._decide(sample))]
    problems += [f"different scores for {sample[:60]!r}" for sample in different[:10]]
    print(f"language model: {states} states checked, {len(samples) - len(different)} of {len(samples)} samples "
          f"scored identically to py3langid among {languages}")
    return problems


def main() -> int:
    """Parse the options, analyse the articles, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="articles to analyse (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed when articles are generated (default 1)")
    parser.add_argument("--raw", type=Path, action="append", help="analyse these folders' .txt files instead (repeatable)")
    parser.add_argument("--all", action="store_true", help="with --raw: every file, not only the first N")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the articles; the median is shown")
    parser.add_argument("--clock", choices=("cpu", "wall"), default="cpu",
                        help="time stages in CPU time of this process (default: steadier when other processes "
                             "compete for the cores) or in wall time")
    parser.add_argument("--profile", action="store_true", help="also run one pass under cProfile and print the top 25")
    parser.add_argument("--dump", type=Path, help="write the canonical documents to this file")
    parser.add_argument("--check", type=Path, help="compare the documents with a --dump file; exit 1 when any differs")
    parser.add_argument("--plugins", type=Path, default=PROJECT_DIR / "plugins",
                        help="import news_digest from this folder (e.g. an older checkout's, to compare)")
    parser.add_argument("--verify-langid", action="store_true",
                        help="check that the pipeline's language model scores exactly as py3langid's")
    args = parser.parse_args()
    sys.path[:0] = [str(args.plugins.resolve())]

    with tempfile.TemporaryDirectory(prefix="profile-articles-") as tmp:
        files = article_files(args, Path(tmp))
        raw = [(path.read_bytes(), path.name) for path in files]
        keys = [str(path) for path in files]
        config = settings_config()
        gc.collect()
        rss_before = rss_mib()
        from news_digest.pipeline.article_pipeline import ArticlePipeline

        started = time.perf_counter()
        pipeline = ArticlePipeline(config)
        construction = time.perf_counter() - started
        rss_built = rss_mib()
        # Some models load on first use: warm up on a few articles (in each language) before timing.
        docs = [pipeline.analyse(data, name) for data, name in raw[:_WARM_UP]]
        rss_first = rss_mib()

        totals: dict[str, float] = defaultdict(float)
        clock = time.process_time if args.clock == "cpu" else time.perf_counter
        timed_stages(pipeline, totals, clock)
        passes: list[dict[str, float]] = []
        for _ in range(args.repeat):
            totals.clear()
            docs = []  # the previous pass's documents are not kept alive during this one
            started = clock()
            docs = [pipeline.analyse(data, name) for data, name in raw]
            total = clock() - started
            passes.append({"decode": total - sum(totals.values()), **totals, "total": total})
        rss_after = rss_mib()

    print(f"{len(raw)} articles, {sum(len(data) for data, _ in raw) / len(raw) / 1000:.1f} KB on average, "
          f"{args.repeat} pass(es); {args.clock} ms/article (median of passes)")
    for stage in passes[0]:
        values = [run[stage] * 1000 / len(raw) for run in passes]
        spread = f"  (min {min(values):.2f}, max {max(values):.2f})" if len(values) > 1 else ""
        print(f"  {stage:<10} {statistics.median(values):7.2f}{spread}")
    print(f"pipeline construction: {construction * 1000:.0f} ms")
    print(f"RSS: {rss_before:.0f} MiB before the pipeline, {rss_built:.0f} MiB built (+{rss_built - rss_before:.0f}), "
          f"{rss_first:.0f} MiB after {min(_WARM_UP, len(raw))} articles (+{rss_first - rss_before:.0f}), "
          f"{rss_after:.0f} MiB with {len(docs)} documents kept")

    pickled = [pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL) for doc in docs]
    gc.collect()
    tracemalloc.start()
    copies = [pickle.loads(data) for data in pickled]
    in_memory, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"document: {statistics.mean(map(len, pickled)) / 1000:.1f} KB pickled, "
          f"{in_memory / len(copies) / 1000:.1f} KB in memory (unpickled), "
          f"{statistics.mean(len(doc.text) for doc in docs) / 1000:.1f} K characters of text on average")
    del copies

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for data, name in raw:
            pipeline.analyse(data, name)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)

    failed = False
    if args.verify_langid:
        from news_digest.pipeline.language import script_of_language

        by_script: dict[str | None, list[str]] = defaultdict(list)
        for code in config.languages:
            by_script[script_of_language(code)].append(code)
        # The languages the pipeline tells apart with the model (those sharing a script), else French and English.
        groups = [tuple(codes) for codes in by_script.values() if len(codes) > 1] or [("fr", "en")]
        problems = [problem for group in groups for problem in verify_langid(docs, group)]
        for line in problems:
            print(f"  {line}")
        failed = bool(problems)
    documents = {key: canonical(doc) for key, doc in zip(keys, docs)}
    if args.dump:
        args.dump.write_bytes(pickle.dumps(documents, protocol=pickle.HIGHEST_PROTOCOL))
        print(f"wrote {len(documents)} canonical documents to {args.dump}")
    if args.check:
        differences = compare(pickle.loads(args.check.read_bytes()), documents)
        print(f"check against {args.check}: {len(documents) - len(differences)} of {len(documents)} identical")
        for line in differences[:20]:
            print(f"  {line}")
        failed = failed or bool(differences)
    return 1 if failed else 0


if __name__ == "__main__":
    os.chdir(PROJECT_DIR)
    sys.exit(main())
