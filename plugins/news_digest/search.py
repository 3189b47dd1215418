"""Pelican adapter: once every page is written, index the site for search with Pagefind.

Pagefind splits its index by `<html lang>`, and a query only searches the current page's language. Readers
must find articles in every language from any interface, so the whole site is indexed as one language
(`NEWS_DIGEST_SEARCH_LANGUAGE`), and each page is indexed from one copy only (`data-pagefind-body`).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import shutil
import subprocess
import sys
import time
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

# Interface labels inside indexed pages (the default language's words, counts): not what a reader searches for.
INTERFACE_TEXT = ".actor-type, .actor-counts, .count, .tag, .spellings dt, .actor-section h2, .article-meta-box"
# Indexing 10,000 pages takes seconds; ten minutes means something is wrong.
PAGEFIND_TIMEOUT_SECONDS = 600


def pagefind_config(staging: Path, output_path: str, language: str) -> dict[str, Any]:
    """Pagefind's configuration: index every page in `staging` into `output_path/pagefind/`."""
    return {"site": str(staging.resolve()), "output_path": str(Path(output_path).resolve() / "pagefind"),
            "force_language": language, "exclude_selectors": [INTERFACE_TEXT], "keep_index_url": True}


def stage_pages(output_path: str, pages: Sequence[str], staging: Path) -> None:
    """Put `pages` (paths in the output folder) at the same paths in `staging`, as hard links where possible.

    Pagefind then reads only the pages search shows, not the other copies of every page. (A glob naming
    each page stops parsing at a few thousand pages; a command line would outgrow the system's limit.)
    """
    shutil.rmtree(staging, ignore_errors=True)
    output = Path(output_path)
    for page in pages:
        target = staging / page
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(output / page, target)
        except OSError:  # another file system, or no hard links: a copy does as well
            shutil.copyfile(output / page, target)


class SearchIndexing:
    """Pagefind indexing the site in the background while the build writes the rest of it.

    Pagefind keeps about one and a half cores busy (ten seconds at 5,000 articles); started as soon as the
    pages it reads are written, it shares the machine with the other interface languages' copies, the feeds
    and the exports instead of running after them. `finish` waits for it.
    """

    def __init__(self, process: subprocess.Popen[bytes], staging: Path, log: Path) -> None:
        self.process = process
        self.staging = staging
        self.log = log
        self.deadline = time.monotonic() + PAGEFIND_TIMEOUT_SECONDS
        # A build that fails before `finish` does not leave Pagefind running, nor its staging folder.
        self._cleanup = weakref.finalize(self, _stop, process, staging)

    @classmethod
    def start(cls, settings: dict[str, Any], pages: Sequence[str], workspace: Path) -> SearchIndexing | None:
        """Start indexing `pages` (paths in the output folder); None, with a warning naming the fix, when it cannot.

        `workspace` is a folder for Pagefind's configuration file (Pagefind reads it from its working folder).
        """
        if importlib.util.find_spec("pagefind") is None:
            logger.warning("news_digest.search: Pagefind is not installed, so the site has no search index. "
                           "Install the pinned requirements (make build), or set NEWS_DIGEST_SEARCH = False")
            return None
        output = settings["OUTPUT_PATH"]
        # Pagefind adds files named by their content and never removes old ones: start from an empty folder.
        shutil.rmtree(Path(output) / "pagefind", ignore_errors=True)
        staging = workspace / "search-pages"
        stage_pages(output, pages, staging)
        config = pagefind_config(staging, output, settings["NEWS_DIGEST_SEARCH_LANGUAGE"])
        (workspace / "pagefind.json").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
        # Its messages go to a file: a pipe nobody reads until the end could fill up and stall it.
        with (workspace / "pagefind.log").open("w", encoding="utf-8") as log:
            process = subprocess.Popen([sys.executable, "-m", "pagefind", "--quiet"], cwd=workspace,
                                       stdout=log, stderr=subprocess.STDOUT)
        return cls(process, staging, workspace / "pagefind.log")

    def finish(self) -> bool:
        """Wait for Pagefind; True when it wrote the index, else False with a warning."""
        try:
            self.process.wait(timeout=max(0.0, self.deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            logger.warning("news_digest.search: Pagefind did not finish in %s s; search will not work",
                           PAGEFIND_TIMEOUT_SECONDS)
            return False
        finally:
            self._cleanup()  # kills Pagefind if it still runs, removes the staging folder
        if self.process.returncode != 0:
            logger.warning("news_digest.search: Pagefind failed (exit %s), so search will not work: %s",
                           self.process.returncode, self.log.read_text(encoding="utf-8", errors="replace").strip()[-2000:])
            return False
        return True


def _stop(process: subprocess.Popen[bytes], staging: Path) -> None:
    if process.poll() is None:
        process.kill()
        process.wait()
    shutil.rmtree(staging, ignore_errors=True)
