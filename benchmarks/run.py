"""Benchmark News Digest's Pelican build against stock Pelican on the same synthetic articles."""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

try:  # imported as part of the `benchmarks` package
    from benchmarks.generate import GeneratedArticle, generate, write_markdown, write_raw
except ImportError:  # run as a script: benchmarks/ is sys.path[0]
    from generate import GeneratedArticle, generate, write_markdown, write_raw  # type: ignore[no-redef]

REPO_ROOT = Path(__file__).resolve().parent.parent
STOCK_SETTINGS = '''\
"""Stock Pelican settings for the News Digest benchmark (written by benchmarks/run.py)."""
SITENAME = "News Digest benchmark (stock Pelican)"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
RELATIVE_URLS = True
PLUGINS = []  # no plugins, not even auto-discovered namespace plugins
'''
ARTICLE_TOKEN = re.compile(r"[0-9a-f]{16}")  # the hash part of a generated article id
# The project's own page kinds: a story page is named after its first article, but is not that article's page.
NON_ARTICLE_FOLDERS = ("actors/", "topics/", "stories/", "pages/")
INTERFACE_FOLDERS = ("en", "fr", "ar")
LOG_LEVEL = re.compile(r"^(?:\[[\d:]+\])?\s*(WARNING|ERROR|CRITICAL)\s+(.*?)\s*(?:\S+\.py:\d+)?$")
LOG_TAIL_LINES = 25


@dataclass(frozen=True)
class Builder:
    """One way of building the site: which content copy, which settings, from which folder."""

    name: str
    content_kind: str  # "raw" (.txt for the project) or "markdown" (.md for stock Pelican)
    settings: Path
    cwd: Path | None  # None: run from the build's own folder


@dataclass(frozen=True)
class BuildJob:
    """Everything one measured Pelican run needs."""

    builder: Builder
    pelican: Path
    content: Path
    output: Path
    cache: Path
    log: Path
    timeout_s: float

    def command(self) -> list[str]:
        """The pelican command line (cache redirected so nothing is read or written elsewhere)."""
        return [
            str(self.pelican), str(self.content), "-s", str(self.builder.settings),
            "-o", str(self.output), "--cache-path", str(self.cache),
        ]

    def cwd(self) -> Path:
        """The folder the build runs in."""
        return self.builder.cwd or self.log.parent


@dataclass(frozen=True)
class Scenario:
    """A named kind of build: `prepare` runs untimed, then the build is measured."""

    name: str
    summary: str
    prepare: Callable[[BuildJob], None]


@dataclass(frozen=True)
class Measurement:
    """Resources used by one child process, from os.wait4."""

    wall_s: float
    cpu_s: float
    peak_kib: int
    exit_code: int
    timed_out: bool


@dataclass(frozen=True)
class PageCheck:
    """How many articles got exactly one HTML page."""

    expected: int
    with_one_page: int
    missing: int
    several: int

    @property
    def ok(self) -> bool:
        """True when every article has exactly one page."""
        return self.with_one_page == self.expected


@dataclass
class Result:
    """The repeated measurements of one (N, scenario, builder) cell, and what went wrong."""

    n: int
    scenario: str
    builder: str
    runs: list[Measurement] = field(default_factory=list)
    pages: PageCheck | None = None
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    problem: str | None = None

    def median(self, metric: str) -> float | None:
        """The median of one Measurement field over the runs."""
        values = [getattr(run, metric) for run in self.runs]
        return statistics.median(values) if values else None

    @property
    def ok(self) -> bool:
        """True when every run exited 0 and the page check passed."""
        return self.problem is None and bool(self.runs)


def reset_folder(path: Path) -> None:
    """Make `path` an empty folder."""
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)


def prepare_cold(job: BuildJob) -> None:
    """Cold build: empty output folder and empty cache."""
    reset_folder(job.output)
    reset_folder(job.cache)


# Later scenarios (no-change rebuild, one-article-changed rebuild, search indexing) add a
# Scenario whose `prepare` runs an untimed build first (and edits a copy of the content).
SCENARIOS: tuple[Scenario, ...] = (
    Scenario("full", "cold build into an empty output folder", prepare_cold),
)


def scenario_named(name: str) -> Scenario:
    """Look a scenario up by name."""
    for scenario in SCENARIOS:
        if scenario.name == name:
            return scenario
    raise KeyError(name)


def child_environment() -> dict[str, str]:
    """The environment for Pelican: wide log lines, no .pyc files written into the repo."""
    return dict(os.environ, COLUMNS="200", PYTHONDONTWRITEBYTECODE="1")


def kill_child(pidfd: int, timed_out: threading.Event) -> None:
    """Kill the child through its pidfd (safe even if it was reaped meanwhile)."""
    timed_out.set()
    try:
        signal.pidfd_send_signal(pidfd, signal.SIGKILL)
    except ProcessLookupError:
        pass


def kill_group(pgid: int) -> None:
    """Kill what is left of a killed child's process group."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def measure(command: Sequence[str], cwd: Path, log: Path, timeout_s: float) -> Measurement:
    """Run `command` as a child, logging its output; return its wall, CPU and peak RSS."""
    with log.open("wb") as log_file:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(command), cwd=cwd, stdout=log_file, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, env=child_environment(), start_new_session=True,
        )
        pidfd = os.pidfd_open(proc.pid)
        timed_out = threading.Event()
        timer = threading.Timer(timeout_s, kill_child, (pidfd, timed_out))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            kill_child(pidfd, timed_out)
            os.wait4(proc.pid, 0)
            kill_group(proc.pid)
            raise
        finally:
            wall = time.perf_counter() - start
            timer.cancel()
            timer.join()
            os.close(pidfd)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if timed_out.is_set():
        kill_group(proc.pid)
    return Measurement(
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        peak_kib=usage.ru_maxrss,  # KiB on Linux
        exit_code=proc.returncode,
        timed_out=timed_out.is_set(),
    )


def check_pages(output: Path, article_ids: Sequence[str]) -> PageCheck:
    """Count the HTML files whose path names each article (by the hash part of its id).

    The project writes every page once per interface language (`en/`, `fr/`, `ar/`): its pages are
    counted in the first language folder, so each article should still have exactly one.
    """
    by_token = {article_id.rsplit("_", 1)[-1]: article_id for article_id in article_ids}
    pages = {article_id: 0 for article_id in article_ids}
    language_folders = sorted(folder for folder in INTERFACE_FOLDERS if (output / folder).is_dir())
    root = output / language_folders[0] if language_folders else output
    for html in root.rglob("*.html"):
        relative = html.relative_to(root).as_posix()
        if relative.startswith(NON_ARTICLE_FOLDERS):
            continue
        for token in dict.fromkeys(ARTICLE_TOKEN.findall(relative)):
            if token in by_token:
                pages[by_token[token]] += 1
    counts = list(pages.values())
    return PageCheck(
        expected=len(article_ids),
        with_one_page=counts.count(1),
        missing=counts.count(0),
        several=sum(count > 1 for count in counts),
    )


def read_log(log: Path) -> tuple[list[str], list[str]]:
    """The distinct warning and error messages in a Pelican log."""
    warnings: dict[str, None] = {}
    errors: dict[str, None] = {}
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        match = LOG_LEVEL.match(line)
        if match:
            target = warnings if match.group(1) == "WARNING" else errors
            target[match.group(2)] = None
    return list(warnings), list(errors)


def log_tail(log: Path, lines: int = LOG_TAIL_LINES) -> str:
    """The last lines of a log, for error messages."""
    text = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join(line.rstrip() for line in text[-lines:])


def describe_failure(run: Measurement, pages: PageCheck | None) -> str | None:
    """A short description of what went wrong in one run, or None."""
    if run.timed_out:
        return f"timed out after {run.wall_s:.0f} s"
    if run.exit_code != 0:
        return f"pelican exited with {run.exit_code}"
    if pages is not None and not pages.ok:
        return (
            f"{pages.with_one_page}/{pages.expected} articles have one page "
            f"({pages.missing} missing, {pages.several} with several)"
        )
    return None


def run_cell(
    result: Result, scenario: Scenario, jobs: Sequence[BuildJob], article_ids: Sequence[str]
) -> None:
    """Prepare and measure each repeat of one (N, scenario, builder) cell into `result`."""
    for number, job in enumerate(jobs, start=1):
        job.log.parent.mkdir(parents=True, exist_ok=True)
        scenario.prepare(job)
        label = f"n={result.n} {scenario.name} {result.builder} run {number}/{len(jobs)}"
        print(f"bench: {label} ...", file=sys.stderr, flush=True)
        run = measure(job.command(), job.cwd(), job.log, job.timeout_s)
        result.runs.append(run)
        result.pages = check_pages(job.output, article_ids)
        result.warnings, result.errors = read_log(job.log)
        failure = describe_failure(run, result.pages)
        print(
            f"bench: {label}: {run.wall_s:.2f} s wall, {run.cpu_s:.2f} s CPU, "
            f"{run.peak_kib / 1024:.0f} MiB peak{'' if failure is None else ' — ' + failure}",
            file=sys.stderr, flush=True,
        )
        if failure is not None:
            result.problem = failure
            print(f"bench: last lines of {job.log}:\n{log_tail(job.log)}", file=sys.stderr)
            return


def write_content(articles: Sequence[GeneratedArticle], folder: Path, kinds: set[str]) -> None:
    """Write the raw and/or Markdown copies of the articles."""
    if "raw" in kinds:
        write_raw(articles, folder / "raw")
    if "markdown" in kinds:
        write_markdown(articles, folder / "markdown")


def benchmark(args: argparse.Namespace, builders: Sequence[Builder], root: Path) -> list[Result]:
    """Generate each N's articles, then measure every scenario and builder on them."""
    results: list[Result] = []
    for n in args.n:
        articles = generate(n, args.seed)
        article_ids = [article.id for article in articles]
        content_root = root / f"n{n}" / "content"
        write_content(articles, content_root, {builder.content_kind for builder in builders})
        for scenario in map(scenario_named, args.scenario):
            for builder in builders:
                result = Result(n=n, scenario=scenario.name, builder=builder.name)
                results.append(result)
                if not builder.settings.is_file():
                    result.problem = f"settings file not found: {builder.settings}"
                    print(f"bench: {builder.name}: {result.problem}", file=sys.stderr)
                    continue
                base = root / f"n{n}" / scenario.name / builder.name
                jobs = [
                    BuildJob(
                        builder=builder, pelican=args.pelican,
                        content=content_root / builder.content_kind,
                        output=base / f"run{k}" / "output", cache=base / f"run{k}" / "cache",
                        log=base / f"run{k}" / "pelican.log", timeout_s=args.timeout,
                    )
                    for k in range(1, args.repeat + 1)
                ]
                run_cell(result, scenario, jobs, article_ids)
    return results


def stock_result(results: Sequence[Result], result: Result) -> Result | None:
    """The stock build at the same N and scenario as `result`."""
    for other in results:
        if (other.builder, other.n, other.scenario) == ("stock", result.n, result.scenario):
            return other
    return None


def ratio(value: float | None, reference: float | None) -> str:
    """`value / reference` as "1.23×", or a dash."""
    if value is None or not reference:
        return "–"
    return f"{value / reference:.2f}×"


def status(result: Result) -> str:
    """The table's status cell."""
    if result.problem:
        return f"**ERROR**: {result.problem}"
    notes = []
    if result.warnings:
        notes.append(f"{len(result.warnings)} distinct warnings")
    if result.errors:
        notes.append(f"{len(result.errors)} logged errors")
    return "ok" + (f" ({', '.join(notes)})" if notes else "")


def table_row(result: Result, results: Sequence[Result]) -> str:
    """One Markdown table row."""
    wall, cpu, peak = (result.median(m) for m in ("wall_s", "cpu_s", "peak_kib"))
    stock = stock_result(results, result)
    comparable = stock is not None and stock.ok and result.ok
    wall_ratio = ratio(wall, stock.median("wall_s")) if comparable else "–"
    peak_ratio = ratio(peak, stock.median("peak_kib")) if comparable else "–"
    pages = f"{result.pages.with_one_page}/{result.pages.expected}" if result.pages else "–"
    cells = [
        str(result.n), result.scenario, result.builder,
        "–" if wall is None else f"{wall:.2f}",
        "–" if cpu is None else f"{cpu:.2f}",
        "–" if peak is None else f"{peak / 1024:.0f}",
        wall_ratio, peak_ratio, pages, status(result),
    ]
    return "| " + " | ".join(cells) + " |"


def markdown_table(results: Sequence[Result], repeat: int) -> str:
    """The results as a Markdown table (medians of `repeat` runs)."""
    header = (
        "| N | scenario | builder | wall s | CPU s | peak MiB | wall vs stock | peak vs stock "
        "| article pages | status |\n|---:|---|---|---:|---:|---:|---:|---:|---:|---|"
    )
    rows = [table_row(result, results) for result in results]
    note = f"\nMedians of {repeat} runs." if repeat > 1 else ""
    return header + "\n" + "\n".join(rows) + note


def log_notes(results: Sequence[Result], limit: int = 5) -> str:
    """The first distinct warnings and errors of each build, for the reader of the table."""
    lines = []
    for result in results:
        for kind, messages in (("warning", result.warnings), ("error", result.errors)):
            for message in messages[:limit]:
                lines.append(f"- n={result.n} {result.scenario} {result.builder} {kind}: {message}")
            if len(messages) > limit:
                lines.append(f"- … and {len(messages) - limit} more distinct {kind}s")
    return "\n".join(lines)


def pelican_version(pelican: Path) -> str:
    """The version that `pelican --version` prints."""
    completed = subprocess.run(
        [str(pelican), "--version"], capture_output=True, text=True, check=False
    )
    return completed.stdout.strip() or completed.stderr.strip()


def results_json(args: argparse.Namespace, results: Sequence[Result]) -> dict[str, object]:
    """The results and the conditions they were measured in, for --json."""
    return {
        "meta": {
            "command": sys.argv,
            "seed": args.seed,
            "repeat": args.repeat,
            "pelican": pelican_version(args.pelican),
            "python": platform.python_version(),
            "machine": platform.platform(),
            "cpus": os.cpu_count(),
            "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        },
        "results": [
            {
                "n": r.n, "scenario": r.scenario, "builder": r.builder, "ok": r.ok,
                "problem": r.problem,
                "wall_s": r.median("wall_s"), "cpu_s": r.median("cpu_s"),
                "peak_mib": None if r.median("peak_kib") is None else r.median("peak_kib") / 1024,
                "pages": asdict(r.pages) if r.pages else None,
                "warnings": r.warnings, "errors": r.errors,
                "runs": [asdict(run) for run in r.runs],
            }
            for r in results
        ],
    }


def select_builders(args: argparse.Namespace, root: Path) -> list[Builder]:
    """The builders asked for on the command line."""
    builders = []
    if not args.stock_only:
        builders.append(Builder("project", "raw", args.settings, REPO_ROOT))
    if not args.project_only:
        stock_settings = root / "stock-pelicanconf.py"
        stock_settings.write_text(STOCK_SETTINGS, encoding="utf-8")
        builders.append(Builder("stock", "markdown", stock_settings, None))
    return builders


def find_pelican(venv: Path | None) -> Path:
    """The pelican executable: in `venv`, else beside this Python, else in the repo's .venv."""
    if venv is not None:
        return venv.resolve() / "bin" / "pelican"
    beside_python = Path(sys.executable).parent / "pelican"
    return beside_python if beside_python.is_file() else REPO_ROOT / ".venv" / "bin" / "pelican"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse and check the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, action="append",
                        help="articles per build (repeatable; default 1000)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per build; the table shows medians")
    parser.add_argument("--scenario", action="append", choices=[s.name for s in SCENARIOS],
                        help="scenario to run (repeatable; default: all)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--project-only", action="store_true", help="build only with the project")
    only.add_argument("--stock-only", action="store_true", help="build only with stock Pelican")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--settings", type=Path, default=REPO_ROOT / "pelicanconf.py",
                        help="the project's settings file (default: the repo's pelicanconf.py)")
    parser.add_argument("--venv", type=Path,
                        help="virtualenv whose bin/pelican is used "
                        "(default: this Python's, else the repo's .venv)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds before a build is killed")
    args = parser.parse_args(argv)
    args.n = args.n or [1000]
    args.scenario = args.scenario or [s.name for s in SCENARIOS]
    if any(n < 1 for n in args.n):
        parser.error(f"--n must be at least 1, got {args.n}")
    if args.repeat < 1:
        parser.error(f"--repeat must be at least 1, got {args.repeat}")
    args.pelican = find_pelican(args.venv)
    if not args.pelican.is_file():
        parser.error(f"no pelican executable at {args.pelican} (use --venv)")
    args.settings = args.settings.resolve()
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: exit 1 if any build failed."""
    args = parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="news-digest-bench-"))
    try:
        results = benchmark(args, select_builders(args, root), root)
    finally:
        if args.keep:
            print(f"bench: kept {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)
    print(markdown_table(results, args.repeat))
    notes = log_notes(results)
    if notes:
        print("\nPelican warnings and errors (first distinct messages):\n" + notes)
    if args.json:
        text = json.dumps(results_json(args, results), indent=2, ensure_ascii=False)
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0 if all(result.ok for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
