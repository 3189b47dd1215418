"""Publishing: the built site crawled over HTTP at the root and under a project subpath, and the gh-pages push.

GitHub Pages serves a project site at https://USER.github.io/REPO/, so every link must resolve and stay
under /REPO/. Each way of building is served by `python -m http.server` on the loopback interface and
crawled from its root page by following every link; the crawl reports broken links, links that leave
the site's folder, and pages no link leads to.
"""

from __future__ import annotations

import os
import re
import subprocess
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, SoupStrainer
from conftest import (ABOUT_PAGE, DEV_CORPUS, DOHA_STORY, PROJECT_DIR, BuiltSite, free_port, serving,
                      run_build, write_content)
from pelican.settings import read_settings

import tasks

# Where GitHub Pages puts a project site: https://USER.github.io/REPO/.
PROJECT_FOLDER = "REPO"
# Elements whose attribute leads to another resource of the site.
LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("area", "href"), ("script", "src"), ("img", "src"),
                   ("source", "src"), ("iframe", "src"), ("form", "action"))
# Parsing only these elements (and `<base>`, `<meta>`) takes half the time of parsing whole pages.
LINK_ELEMENTS = SoupStrainer([name for name, _ in LINK_ATTRIBUTES] + ["base", "meta"])
FEED_SUFFIXES = (".atom", ".rss", ".xml")
META_REFRESH_URL = re.compile(r"""url\s*=\s*['"]?([^'"\s;]+)""", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""")
ROBOTS_SITEMAP = re.compile(r"^\s*sitemap\s*:\s*(\S+)", re.IGNORECASE | re.MULTILINE)
# A git that ignores the machine's and the user's configuration (signing, hooks, default branch), with an identity.
GIT_ENV = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_AUTHOR_NAME": "News Digest tests", "GIT_AUTHOR_EMAIL": "tests@news-digest.invalid",
           "GIT_COMMITTER_NAME": "News Digest tests", "GIT_COMMITTER_EMAIL": "tests@news-digest.invalid"}


# --- A small crawler ---

@dataclass(frozen=True)
class Link:
    """A link as written on a page (in which element or attribute), and the address it resolves to, unfragmented."""

    page: str
    via: str
    written: str
    target: str

    def __str__(self) -> str:
        return f"{self.page}: {self.via} {self.written!r} -> {self.target}"


@dataclass
class Crawl:
    """What a crawl found: the addresses fetched, and every link that failed or left the site's folder."""

    folder: str
    fetched: set[str] = field(default_factory=set)
    broken: list[tuple[Link, str]] = field(default_factory=list)  # each link to a failed address, with why
    escaping: list[Link] = field(default_factory=list)

    def files(self) -> set[str]:
        """The files fetched, relative to the site's folder (`en/index.html`), a folder address as its index."""
        files = set()
        for url in self.fetched:
            path = unquote(urlsplit(url).path).removeprefix(self.folder)
            files.add(path + "index.html" if path == "" or path.endswith("/") else path)
        return files


def links_in_html(body: bytes) -> list[tuple[str, str]]:
    """Every address an HTML page refers to, with where (`a[href]`, `meta refresh`): links, scripts, images, forms."""
    soup = BeautifulSoup(body, "html.parser", parse_only=LINK_ELEMENTS)
    found = [(f"{name}[{attribute}]", element[attribute]) for name, attribute in LINK_ATTRIBUTES
             for element in soup.find_all(name, attrs={attribute: True})]
    for meta in soup.select('meta[http-equiv="refresh" i][content]'):
        if match := META_REFRESH_URL.search(meta["content"]):
            found.append(("meta refresh", match.group(1)))
    if base := soup.find("base", href=True):
        return [(via, urljoin(base["href"], address)) for via, address in found]
    return found


def links_in_feed(body: bytes) -> list[tuple[str, str]]:
    """Every address an Atom or RSS feed or a sitemap refers to: `<link href>`, RSS `<link>` text and `<loc>`."""
    found = []
    for element in ElementTree.fromstring(body).iter():
        name = element.tag.rsplit("}", 1)[-1]
        if name == "link" and element.get("href"):
            found.append(("link[href]", element.get("href")))
        elif name in ("link", "loc") and (element.text or "").strip():
            found.append((name, element.text.strip()))
    return found


def links_in(url: str, content_type: str, body: bytes) -> list[tuple[str, str]]:
    """The addresses a fetched resource refers to, as written, by its kind (HTML, CSS, feed, sitemap, robots.txt)."""
    path = urlsplit(url).path
    text = body.decode("utf-8", errors="replace")
    if content_type == "text/html" or path.endswith((".html", "/")):
        return links_in_html(body)
    if content_type == "text/css" or path.endswith(".css"):
        return [("css url()", address) for address in CSS_URL.findall(text)]
    if path.endswith("/robots.txt"):
        return [("robots Sitemap:", address) for address in ROBOTS_SITEMAP.findall(text)]
    if path.endswith(FEED_SUFFIXES):
        return links_in_feed(body)
    return []


def fetch(url: str) -> tuple[str, str, bytes]:
    """GET `url`: its status (`200`, `404`, or why it failed), content type and body."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.status), response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return str(error.code), "", b""
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        return f"unreachable ({error})", "", b""


def crawl(start: str, folder: str, seeds: Sequence[str] = ()) -> Crawl:
    """Follow every link from `start` (and `seeds`) once; fetch only what stays under `folder` of the same origin."""
    origin = urlsplit(start)[:2]
    result = Crawl(folder)
    # Every link to each address, so that a broken address is reported on every page that links to it.
    links_to = {address: [Link("(start)", "", address, address)] for address in [start, *seeds]}
    queue = deque(links_to)
    while queue:
        url = queue.popleft()
        status, content_type, body = fetch(url)
        if status != "200":
            result.broken.extend((link, status) for link in links_to[url])
            continue
        result.fetched.add(url)
        for via, written in links_in(url, content_type, body):
            link = Link(url, via, written, urldefrag(urljoin(url, written)).url)
            parts = urlsplit(link.target)
            if parts.scheme not in ("http", "https") or parts[:2] != origin:
                continue  # another site (an article's source), mailto: and the like
            if not parts.path.startswith(folder):
                result.escaping.append(link)
            elif link.target in links_to:
                links_to[link.target].append(link)
            else:
                links_to[link.target] = [link]
                queue.append(link.target)
    # Links found after their target failed were appended to `links_to` too late: report them as well.
    failed = {link.target: status for link, status in result.broken}
    result.broken = [(link, failed[target]) for target in failed for link in links_to[target]]
    return result


def test_publishing_crawler_reports_broken_and_escaping_links_on_every_page(tmp_path: Path):
    site = tmp_path / PROJECT_FOLDER
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text('<meta http-equiv="Refresh" content="0; URL=en/index.html">'
                                     '<link rel="stylesheet" href="style.css">')
    (site / "style.css").write_text("body { background: url('missing.png') }")
    (site / "en" / "index.html").write_text('<a href="../en/index.html#top">home</a> <a href="/en/index.html">root</a>'
                                            '<a href="gone.html">gone</a> <a href="https://example.org/">away</a>'
                                            '<a href="mailto:desk@example.org">mail</a> <img src="gone.html">')
    port = free_port()
    folder = f"/{PROJECT_FOLDER}/"
    with serving(tmp_path, port, folder):
        result = crawl(f"http://127.0.0.1:{port}{folder}index.html", folder)
    page = f"http://127.0.0.1:{port}{folder}en/index.html"
    assert result.files() == {"index.html", "style.css", "en/index.html"}
    assert {(link.page, link.via, link.written, status) for link, status in result.broken} == {
        (page, "a[href]", "gone.html", "404"), (page, "img[src]", "gone.html", "404"),
        (f"http://127.0.0.1:{port}{folder}style.css", "css url()", "missing.png", "404")}
    assert [(link.page, link.written, link.target) for link in result.escaping] == [
        (page, "/en/index.html", f"http://127.0.0.1:{port}/en/index.html")]


# --- The site, built and served three ways ---

@dataclass(frozen=True)
class Serving:
    """How the site is built and where it is served."""

    folder: str        # where the site sits on the server: "/" or "/REPO/"
    absolute: bool     # built with SITEURL set to that address and RELATIVE_URLS off (the Pages workflow)


SERVINGS = {
    # The GitHub Pages workflow: NEWS_DIGEST_SITEURL is the project address, links are absolute under it.
    "project-subpath": Serving(f"/{PROJECT_FOLDER}/", absolute=True),
    # A local build (`invoke build`, `invoke serve`): relative links, served at the root.
    "local-root": Serving("/", absolute=False),
    # `invoke gh-pages` without NEWS_DIGEST_SITEURL: relative links, said to work "from any folder or host".
    "relative-subpath": Serving(f"/{PROJECT_FOLDER}/", absolute=False),
}


@dataclass
class CrawledSite:
    """A built site and what crawling it over HTTP found."""

    site: BuiltSite
    crawl: Crawl


@pytest.fixture(scope="module", params=list(SERVINGS))
def crawled_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[CrawledSite]:
    """The digest site (samples, a story in three languages, a page) built, served and crawled one way.

    The relative builds are conftest's `digest_site`, served read-only; the absolute one is built here.
    """
    way = SERVINGS[request.param]
    root = tmp_path_factory.mktemp(request.param)
    port = free_port()  # before the build: an absolute SITEURL names it
    address = f"http://127.0.0.1:{port}{way.folder}"
    if way.absolute:
        files = {name: (DEV_CORPUS / name).read_bytes() for name in DOHA_STORY}
        write_content(root / "content", {**files, "pages/about.md": ABOUT_PAGE}, with_samples=True)
        # With the search index, like `digest_site` and like the published site.
        site = run_build(root / "content", root / "output", SITEURL=address.rstrip("/"), RELATIVE_URLS=False,
                         NEWS_DIGEST_SEARCH=True)
    else:
        site = request.getfixturevalue("digest_site")
    # The server's folder: the output itself, or a folder holding it under the project's name (`REPO -> output`).
    served = site.output
    if way.folder != "/":
        served = root / "served"
        served.mkdir()
        (served / way.folder.strip("/")).symlink_to(site.output, target_is_directory=True)
    # Feeds, sitemaps and robots.txt need not be linked from a page: crawl them too.
    seeds = sorted(path.relative_to(site.output).as_posix() for path in site.output.rglob("*")
                   if path.suffix in FEED_SUFFIXES or path.name == "robots.txt")
    with serving(served, port, way.folder):
        yield CrawledSite(site, crawl(f"{address}index.html", way.folder, [address + seed for seed in seeds]))


def _listing(problem: str, lines: list[str], shown: int = 60) -> str:
    """An assertion message: how many, then the first `shown` lines, sorted."""
    lines = sorted(set(lines))
    more = f"\n… and {len(lines) - shown} more" if len(lines) > shown else ""
    return f"{len(lines)} {problem}:\n" + "\n".join(lines[:shown]) + more


def test_publishing_crawl_from_the_root_page_finds_no_broken_link(crawled_site: CrawledSite):
    broken = [f"{link}: {status}" for link, status in crawled_site.crawl.broken]
    assert not broken, _listing("broken links (page: where 'as written' -> address: status)", broken)


def test_publishing_links_never_leave_the_folder_the_site_is_served_from(crawled_site: CrawledSite):
    escaping = [str(link) for link in crawled_site.crawl.escaping]
    assert not escaping, _listing(f"links out of {crawled_site.crawl.folder} (page: where 'as written' -> address)",
                                  escaping)


def test_publishing_every_page_of_the_output_is_reached_by_links(crawled_site: CrawledSite):
    output = crawled_site.site.output
    pages = {path.relative_to(output).as_posix() for path in output.rglob("*.html")}
    assert len(pages) > 100  # every kind of page, in three interface languages
    unreached = sorted(pages - crawled_site.crawl.files())
    assert not unreached, _listing("pages no link leads to", unreached)


# --- Which settings `invoke build` uses ---

@pytest.mark.parametrize(("environ", "settings_file"), [
    ({}, "pelicanconf.py"),
    ({"NEWS_DIGEST_SITEURL": " "}, "pelicanconf.py"),
    ({"NEWS_DIGEST_SITEURL": "https://user.github.io/news-digest"}, "publishconf.py"),
])
def test_tasks_build_uses_the_publishing_settings_when_a_public_address_is_given(environ, settings_file):
    assert tasks.build_settings_file(environ) == PROJECT_DIR / settings_file


def test_tasks_publishing_settings_take_the_public_address_and_turn_relative_urls_off(monkeypatch: pytest.MonkeyPatch):
    # What configure-pages gives the workflow as base_url, with a stray trailing slash.
    monkeypatch.setenv("NEWS_DIGEST_SITEURL", "https://user.github.io/news-digest/")
    settings = read_settings(str(tasks.build_settings_file()))
    assert (settings["SITEURL"], settings["RELATIVE_URLS"]) == ("https://user.github.io/news-digest", False)


# --- invoke gh-pages: ghp-import against a real git remote ---

def _git(*arguments: str, cwd: Path | None = None) -> str:
    """Run git with the tests' identity and no user configuration; its output, stripped."""
    completed = subprocess.run(["git", *arguments], cwd=cwd, env=GIT_ENV, capture_output=True, text=True,
                               check=False)
    assert completed.returncode == 0, f"git {' '.join(arguments)} failed: {completed.stderr}"
    return completed.stdout.strip()


@pytest.fixture
def repository_with_remote(tmp_path: Path) -> tuple[Path, Path]:
    """A git repository (no commit yet) whose `origin` is a bare repository beside it."""
    remote, work = tmp_path / "origin.git", tmp_path / "work"
    _git("init", "--quiet", "--bare", str(remote))
    _git("init", "--quiet", str(work))
    _git("remote", "add", tasks.CONFIG["github_pages_remote"], str(remote), cwd=work)
    return work, remote


def _publish(site: BuiltSite, work: Path, push: bool) -> None:
    """Run the command `invoke gh-pages` runs after its build, in the repository `work`."""
    command = tasks.publish_command(site.output, tasks.CONFIG["github_pages_branch"], tasks.CONFIG["commit_message"],
                                    tasks.CONFIG["github_pages_remote"] if push else None)
    completed = subprocess.run(command, cwd=work, env=GIT_ENV, capture_output=True, text=True, check=False)
    assert completed.returncode == 0, f"ghp-import failed: {completed.stderr}"


def test_tasks_gh_pages_pushes_the_output_and_nojekyll_to_the_remote_branch(sample_site, repository_with_remote):
    work, remote = repository_with_remote
    _publish(sample_site, work, push=True)
    branch = tasks.CONFIG["github_pages_branch"]
    pushed = set(_git("--git-dir", str(remote), "ls-tree", "-r", "--name-only", branch).splitlines())
    assert {".nojekyll", "index.html", "en/index.html", "theme/css/digest.css"} <= pushed
    assert pushed == {*sample_site.files(), ".nojekyll"}
    assert _git("--git-dir", str(remote), "log", "-1", "--format=%s", branch) == tasks.CONFIG["commit_message"]


def test_tasks_gh_pages_without_push_commits_the_branch_locally_only(sample_site, repository_with_remote):
    work, remote = repository_with_remote
    _publish(sample_site, work, push=False)
    branch = tasks.CONFIG["github_pages_branch"]
    assert "en/index.html" in _git("ls-tree", "-r", "--name-only", branch, cwd=work).splitlines()
    assert _git("--git-dir", str(remote), "branch", "--list") == ""
