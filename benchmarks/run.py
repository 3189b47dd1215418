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
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

try:  # imported as part of the `benchmarks` package
    from benchmarks.generate import (
        GeneratedArticle, generate, generate_article, render_markdown, render_raw, write_markdown, write_raw,
    )
except ImportError:  # run as a script: benchmarks/ is sys.path[0]
    from generate import (  # type: ignore[no-redef]
        GeneratedArticle, generate, generate_article, render_markdown, render_raw, write_markdown, write_raw,
    )

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
# Seconds between removing one size's runs and timing the next size's builds (see `remove_and_settle`).
SETTLE_S = 65
# Every ratio compares with this (scenario, builder) cell at the same N: stock Pelican's cold build.
REFERENCE = ("full", "stock")
# The project's switch for Pagefind indexing, passed with `-e` so each scenario says whether it indexes.
SEARCH_SETTING = "NEWS_DIGEST_SEARCH"
SEARCH_INDEX = Path("pagefind") / "pagefind-entry.json"
# Appended to the last paragraph of the edited article in `one-change`, in the article's own language.
EDIT_SENTENCES = {
    "en": "This article was updated after publication.",
    "fr": "Cet article a été mis à jour après sa publication.",
    "ar": "جرى تحديث هذا المقال بعد نشره.",
}
CONTENT_FILES: dict[str, tuple[str, Callable[[GeneratedArticle], str]]] = {
    "raw": (".txt", render_raw),
    "markdown": (".md", render_markdown),
}


class PrepareError(Exception):
    """A scenario's untimed preparation failed, so its build cannot be measured."""


@dataclass(frozen=True)
class Builder:
    """One way of building the site: which content copy, which settings, from which folder."""

    name: str
    content_kind: str  # "raw" (.txt for the project) or "markdown" (.md for stock Pelican)
    settings: Path
    cwd: Path | None  # None: run from the build's own folder
    search_setting: str | None = None  # the setting that turns search indexing on or off; None: no search


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
    extra_settings: tuple[str, ...] = ()  # KEY=JSON pairs for pelican's -e

    def command(self) -> list[str]:
        """The pelican command line (cache redirected so nothing is read or written elsewhere)."""
        command = [
            str(self.pelican), str(self.content), "-s", str(self.builder.settings),
            "-o", str(self.output), "--cache-path", str(self.cache),
        ]
        # Last, because -e takes every following word as another KEY=VALUE.
        return command + (["-e", *self.extra_settings] if self.extra_settings else [])

    def cwd(self) -> Path:
        """The folder the build runs in."""
        return self.builder.cwd or self.log.parent


@dataclass(frozen=True)
class Corpus:
    """The generated articles of one N; `folder` holds their pristine copies, one sub-folder per content kind."""

    seed: int
    articles: tuple[GeneratedArticle, ...]
    folder: Path

    def content(self, kind: str) -> Path:
        """The pristine copy of one content kind ("raw" or "markdown")."""
        return self.folder / kind

    @property
    def article_ids(self) -> tuple[str, ...]:
        """The ids of the generated articles, in order."""
        return tuple(article.id for article in self.articles)


@dataclass(frozen=True)
class Expectation:
    """What the measured build must produce, as its scenario's prepare step left the content."""

    article_ids: tuple[str, ...]
    edited: tuple[str, str] | None = None  # (article id, text its page must now show)


@dataclass(frozen=True)
class Scenario:
    """A named kind of build: `prepare` runs untimed, then the build is measured."""

    name: str
    summary: str
    prepare: Callable[[BuildJob, Corpus], Expectation]
    search: bool = False  # the project indexes the site with Pagefind
    own_content: bool = False  # each run builds its own copy of the content, which prepare may edit
    stock: bool = False  # stock Pelican runs it too; otherwise only the project does


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
    search: bool | None = None  # whether the build indexed the site for search; None: the builder has no search

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


def write_article(article: GeneratedArticle, folder: Path, kind: str) -> Path:
    """Write one article into a content folder of the given kind; return its path."""
    suffix, render = CONTENT_FILES[kind]
    path = folder / f"{article.id}{suffix}"
    path.write_text(render(article), encoding="utf-8", newline="\n")
    return path


def edited_article(article: GeneratedArticle) -> GeneratedArticle:
    """The article with one sentence, in its language, appended to its last paragraph."""
    last = f"{article.paragraphs[-1]} {EDIT_SENTENCES[article.lang]}"
    return replace(article, paragraphs=(*article.paragraphs[:-1], last))


def build_untimed(job: BuildJob) -> None:
    """Run the job's own command once, unmeasured, logging to `prepare.log`; raise PrepareError if it fails."""
    log = job.log.with_name("prepare.log")
    run = measure(job.command(), job.cwd(), log, job.timeout_s)
    failure = describe_failure(run, None)
    print(f"bench:   prepare build: {run.wall_s:.2f} s wall" + (f" — {failure}" if failure else ""),
          file=sys.stderr, flush=True)
    if failure is not None:
        raise PrepareError(f"prepare build: {failure}\n{log_tail(log)}")


def prepare_cold(job: BuildJob, corpus: Corpus) -> Expectation:
    """Cold build: empty output folder and empty cache (and a fresh copy of the content, if the run has one)."""
    reset_folder(job.output)
    reset_folder(job.cache)
    pristine = corpus.content(job.builder.content_kind)
    if job.content != pristine:
        if job.content.exists():
            shutil.rmtree(job.content)
        shutil.copytree(pristine, job.content)
    return Expectation(corpus.article_ids)


def prepare_no_change(job: BuildJob, corpus: Corpus) -> Expectation:
    """Cold start, then one untimed build; its output and cache stay for the measured build."""
    expectation = prepare_cold(job, corpus)
    build_untimed(job)
    return expectation


def prepare_one_change(job: BuildJob, corpus: Corpus) -> Expectation:
    """Build untimed, then append a sentence to the last paragraph of the middle article."""
    prepare_no_change(job, corpus)
    article = edited_article(corpus.articles[len(corpus.articles) // 2])
    write_article(article, job.content, job.builder.content_kind)
    return Expectation(corpus.article_ids, edited=(article.id, EDIT_SENTENCES[article.lang]))


def prepare_one_added(job: BuildJob, corpus: Corpus) -> Expectation:
    """Build untimed, then add article N+1 (the generator makes the same one for the same index and seed)."""
    prepare_no_change(job, corpus)
    article = generate_article(corpus.seed, len(corpus.articles))
    write_article(article, job.content, job.builder.content_kind)
    return Expectation((*corpus.article_ids, article.id))


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("full", "cold build, empty output and cache, search indexing off", prepare_cold, stock=True),
    Scenario("full+search", "cold build with Pagefind search indexing (the project's default)",
             prepare_cold, search=True),
    Scenario("no-change", "rebuild without search, after an untimed build, nothing changed", prepare_no_change),
    Scenario("one-change", "rebuild without search, after an untimed build and an edit to the middle article",
             prepare_one_change, own_content=True),
    Scenario("one-added", "rebuild without search, after an untimed build and one new article (N+1)",
             prepare_one_added, own_content=True),
    Scenario("no-change+search", "the same rebuild with search (Pagefind skipped: no page changed)",
             prepare_no_change, search=True),
    Scenario("one-change+search", "the same rebuild with search (Pagefind re-reads every indexed page)",
             prepare_one_change, search=True, own_content=True),
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


def article_pages(output: Path, article_ids: Sequence[str]) -> dict[str, list[Path]]:
    """The HTML files whose path names each article (by the hash part of its id).

    The project writes every page once per interface language (`en/`, `fr/`, `ar/`): only the first
    language folder is searched, so each article should still have exactly one page.
    """
    by_token = {article_id.rsplit("_", 1)[-1]: article_id for article_id in article_ids}
    pages: dict[str, list[Path]] = {article_id: [] for article_id in article_ids}
    language_folders = sorted(folder for folder in INTERFACE_FOLDERS if (output / folder).is_dir())
    root = output / language_folders[0] if language_folders else output
    for html in root.rglob("*.html"):
        relative = html.relative_to(root).as_posix()
        if relative.startswith(NON_ARTICLE_FOLDERS):
            continue
        for token in dict.fromkeys(ARTICLE_TOKEN.findall(relative)):
            if token in by_token:
                pages[by_token[token]].append(html)
    return pages


def check_pages(output: Path, article_ids: Sequence[str]) -> PageCheck:
    """Count how many articles got exactly one HTML page."""
    counts = [len(pages) for pages in article_pages(output, article_ids).values()]
    return PageCheck(
        expected=len(article_ids),
        with_one_page=counts.count(1),
        missing=counts.count(0),
        several=sum(count > 1 for count in counts),
    )


def check_output(job: BuildJob, scenario: Scenario, expectation: Expectation) -> list[str]:
    """What the output lacks beyond article pages: the search index as the scenario asks, the edit's text."""
    problems = []
    if job.builder.search_setting is not None:
        indexed = (job.output / SEARCH_INDEX).is_file()
        if scenario.search and not indexed:
            problems.append(f"no search index ({SEARCH_INDEX.as_posix()} missing)")
        if not scenario.search and indexed:
            problems.append(f"search index written although {job.builder.search_setting}=false")
    if expectation.edited is not None:
        article_id, text = expectation.edited
        pages = article_pages(job.output, [article_id])[article_id]
        if pages and not all(text in page.read_text(encoding="utf-8", errors="replace") for page in pages):
            problems.append(f"the page of the edited article {article_id} does not show the edit")
    return problems


def read_log(log: Path) -> tuple[list[str], list[str]]:
    """The distinct warning and error messages in a Pelican log (none if there is no log)."""
    warnings: dict[str, None] = {}
    errors: dict[str, None] = {}
    if not log.is_file():
        return [], []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        match = LOG_LEVEL.match(line)
        if match:
            target = warnings if match.group(1) == "WARNING" else errors
            target[match.group(2)] = None
    return list(warnings), list(errors)


def log_tail(log: Path, lines: int = LOG_TAIL_LINES) -> str:
    """The last lines of a log, for error messages."""
    if not log.is_file():
        return f"(no log at {log})"
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


def run_cell(result: Result, scenario: Scenario, jobs: Sequence[BuildJob], corpus: Corpus) -> None:
    """Prepare and measure each repeat of one (N, scenario, builder) cell into `result`.

    A failure (prepare step, measured build, checks) is recorded in `result.problem` and ends the cell.
    """
    for number, job in enumerate(jobs, start=1):
        label = f"n={result.n} {scenario.name} {result.builder} run {number}/{len(jobs)}"
        failure = measure_run(result, scenario, job, corpus, label)
        if failure is not None:
            result.problem = failure
            return


def remove_and_settle(folder: Path) -> None:
    """Remove `folder`, then let the file system forget the removal before the next build is timed.

    ext4 without a journal (this machine's disk) will not reuse a file's inode for a minute after it is
    deleted, six while the deletion is unwritten, and every file created meanwhile scans past each of them:
    right after the tens of thousands of files of one size were removed, every build of the next would pay
    for them, the one that creates the most files most. Written out (`sync`) and a minute old, they cost nothing.
    """
    shutil.rmtree(folder, ignore_errors=True)
    os.sync()
    time.sleep(SETTLE_S)


def measure_run(result: Result, scenario: Scenario, job: BuildJob, corpus: Corpus, label: str) -> str | None:
    """Prepare, measure and check one run into `result`; return what went wrong, or None."""
    job.log.parent.mkdir(parents=True, exist_ok=True)
    print(f"bench: {label} ...", file=sys.stderr, flush=True)
    try:
        expectation = scenario.prepare(job, corpus)
    except (PrepareError, OSError) as error:
        print(f"bench: {label}: prepare failed: {error}", file=sys.stderr, flush=True)
        return f"prepare failed: {str(error).splitlines()[0]}"
    try:
        run = measure(job.command(), job.cwd(), job.log, job.timeout_s)
    except OSError as error:
        print(f"bench: {label}: could not run pelican: {error}", file=sys.stderr, flush=True)
        return f"could not run pelican: {error}"
    result.runs.append(run)
    result.pages = check_pages(job.output, expectation.article_ids)
    result.warnings, result.errors = read_log(job.log)
    failure = describe_failure(run, result.pages)
    if failure is None:
        failure = "; ".join(check_output(job, scenario, expectation)) or None
    print(
        f"bench: {label}: {run.wall_s:.2f} s wall, {run.cpu_s:.2f} s CPU, "
        f"{run.peak_kib / 1024:.0f} MiB peak{'' if failure is None else ' — ' + failure}",
        file=sys.stderr, flush=True,
    )
    if failure is not None:
        print(f"bench: last lines of {job.log}:\n{log_tail(job.log)}", file=sys.stderr)
    return failure


def write_content(articles: Sequence[GeneratedArticle], folder: Path, kinds: set[str]) -> None:
    """Write the raw and/or Markdown copies of the articles."""
    if "raw" in kinds:
        write_raw(articles, folder / "raw")
    if "markdown" in kinds:
        write_markdown(articles, folder / "markdown")


def cells(scenarios: Sequence[Scenario], builders: Sequence[Builder]) -> list[tuple[Scenario, Builder]]:
    """The (scenario, builder) pairs to measure at each N.

    The project runs every chosen scenario; stock Pelican runs only those marked `stock`, and always
    `full`, the reference of every ratio (measured first when `full` was not chosen).
    """
    pairs = [
        (scenario, builder) for scenario in scenarios for builder in builders
        if builder.name != REFERENCE[1] or scenario.stock
    ]
    reference = [(scenario_named(REFERENCE[0]), b) for b in builders if b.name == REFERENCE[1]]
    if reference and reference[0] not in pairs:
        pairs = reference + pairs
    return pairs


def build_job(args: argparse.Namespace, scenario: Scenario, builder: Builder, corpus: Corpus,
              base: Path) -> BuildJob:
    """The job of one run in folder `base`; rebuilds that edit content get their own copy of it."""
    extra: tuple[str, ...] = ()
    if builder.search_setting is not None:
        extra = (f"{builder.search_setting}={json.dumps(scenario.search)}",)
    return BuildJob(
        builder=builder, pelican=args.pelican,
        content=base / "content" if scenario.own_content else corpus.content(builder.content_kind),
        output=base / "output", cache=base / "cache", log=base / "pelican.log",
        timeout_s=args.timeout, extra_settings=extra,
    )


def benchmark(args: argparse.Namespace, builders: Sequence[Builder], root: Path) -> list[Result]:
    """Generate each N's articles, then measure every scenario and builder on them."""
    results: list[Result] = []
    for position, n in enumerate(args.n, start=1):
        corpus = Corpus(seed=args.seed, articles=tuple(generate(n, args.seed)), folder=root / f"n{n}" / "content")
        write_content(corpus.articles, corpus.folder, {builder.content_kind for builder in builders})
        for scenario, builder in cells(list(map(scenario_named, args.scenario)), builders):
            result = Result(n=n, scenario=scenario.name, builder=builder.name,
                            search=scenario.search if builder.search_setting else None)
            results.append(result)
            if not builder.settings.is_file():
                result.problem = f"settings file not found: {builder.settings}"
                print(f"bench: {builder.name}: {result.problem}", file=sys.stderr)
                continue
            base = root / f"n{n}" / scenario.name / builder.name
            jobs = [build_job(args, scenario, builder, corpus, base / f"run{k}") for k in range(1, args.repeat + 1)]
            run_cell(result, scenario, jobs, corpus)
        if not args.keep and position < len(args.n):
            # Runs are removed a size at a time, never between timed builds (see `remove_and_settle`).
            print(f"bench: removing the runs at n={n} and waiting {SETTLE_S} s for the disk", file=sys.stderr, flush=True)
            remove_and_settle(root / f"n{n}")
    return results


def stock_result(results: Sequence[Result], result: Result) -> Result | None:
    """The reference of `result`: stock Pelican's cold `full` build at the same N."""
    for other in results:
        if (other.scenario, other.builder, other.n) == (*REFERENCE, result.n):
            return other
    return None


def ratio_value(result: Result, results: Sequence[Result], metric: str) -> float | None:
    """`result`'s median of `metric` divided by the reference's, when both cells succeeded."""
    stock = stock_result(results, result)
    if stock is None or not stock.ok or not result.ok:
        return None
    value, reference = result.median(metric), stock.median(metric)
    return None if value is None or not reference else value / reference


def ms_per_article(result: Result) -> float | None:
    """Median wall time in milliseconds divided by N."""
    wall = result.median("wall_s")
    return None if wall is None else 1000 * wall / result.n


def times(factor: float | None) -> str:
    """A ratio as "1.23×", or a dash."""
    return "–" if factor is None else f"{factor:.2f}×"


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


def number(value: float | None, digits: int) -> str:
    """A table cell for a number, or a dash."""
    return "–" if value is None else f"{value:.{digits}f}"


def table_row(result: Result, results: Sequence[Result]) -> str:
    """One Markdown table row."""
    wall, cpu, peak = (result.median(m) for m in ("wall_s", "cpu_s", "peak_kib"))
    pages = f"{result.pages.with_one_page}/{result.pages.expected}" if result.pages else "–"
    cells = [
        str(result.n), result.scenario, result.builder,
        number(wall, 2), number(cpu, 2), number(None if peak is None else peak / 1024, 0),
        number(ms_per_article(result), 2),
        times(ratio_value(result, results, "wall_s")), times(ratio_value(result, results, "peak_kib")),
        pages, status(result),
    ]
    return "| " + " | ".join(cells) + " |"


def scaling_lines(results: Sequence[Result]) -> list[str]:
    """For each N above the smallest: ms/article of the `full` builds there, divided by that at the smallest N."""
    sizes = sorted({result.n for result in results})
    full = {
        (result.builder, result.n): ms_per_article(result)
        for result in results if result.scenario == REFERENCE[0] and result.ok
    }
    builders = list(dict.fromkeys(builder for builder, _ in full))
    lines = []
    for n in sizes[1:]:
        parts = []
        for builder in builders:
            small, large = full.get((builder, sizes[0])), full.get((builder, n))
            if small and large is not None:
                parts.append(f"{builder} full {small:.2f} → {large:.2f} ms ({times(large / small)})")
        if parts:
            lines.append(f"ms/article at N={n} vs N={sizes[0]}: " + ", ".join(parts))
    return lines


def markdown_table(results: Sequence[Result], repeat: int) -> str:
    """The results as a Markdown table (medians of `repeat` runs), then the scaling lines."""
    header = (
        "| N | scenario | builder | wall s | CPU s | peak MiB | ms/article | wall vs stock | peak vs stock "
        "| article pages | status |\n|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
    )
    rows = [table_row(result, results) for result in results]
    notes = []
    if any((result.scenario, result.builder) == REFERENCE for result in results):
        notes.append("Ratios are against stock Pelican's cold `full` build at the same N.")
    if repeat > 1:
        notes.append(f"Medians of {repeat} runs.")
    text = header + "\n" + "\n".join(rows) + ("\n\n" + " ".join(notes) if notes else "")
    scaling = scaling_lines(results)
    return text + ("\n\n" + "\n".join(scaling) if scaling else "")


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
            "reference": {"scenario": REFERENCE[0], "builder": REFERENCE[1]},
            "scenarios": {scenario.name: scenario.summary for scenario in SCENARIOS},
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
                "ms_per_article": ms_per_article(r),
                "wall_vs_stock": ratio_value(r, results, "wall_s"),
                "peak_vs_stock": ratio_value(r, results, "peak_kib"),
                "search": r.search,
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
        builders.append(Builder("project", "raw", args.settings, REPO_ROOT, search_setting=SEARCH_SETTING))
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
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary folder (every run's content, output, cache and logs)")
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
    args.scenario = list(dict.fromkeys(args.scenario or [s.name for s in SCENARIOS]))
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
