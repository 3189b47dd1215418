"""Pelican adapter: once every page is written, index the site for search with Pagefind.

Pagefind splits its index by `<html lang>`, and a query only searches the current page's language. Readers
must find articles in every language from any interface, so the whole site is indexed as one language
(`NEWS_DIGEST_SEARCH_LANGUAGE`), and each page is indexed from one copy only (`data-pagefind-body`).
"""

from __future__ import annotations

import importlib.util
import logging
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

# Interface labels inside indexed pages (the default language's words, counts): not what a reader searches for.
INTERFACE_TEXT = ".actor-type, .actor-counts, .count, .tag, .spellings dt, .actor-section h2, .article-meta-box"
# Indexing 10,000 pages takes seconds; a minute means something is wrong.
PAGEFIND_TIMEOUT_SECONDS = 600


def pagefind_command(output_path: str, language: str) -> list[str]:
    """The Pagefind run that indexes `output_path` into `output_path/pagefind/`."""
    return [sys.executable, "-m", "pagefind", "--site", output_path, "--force-language", language,
            "--exclude-selectors", INTERFACE_TEXT, "--keep-index-url", "--quiet"]


def build_search_index(settings: dict[str, Any]) -> bool:
    """Run Pagefind over the output; warn, naming the fix, when it cannot. True when the index was written."""
    if importlib.util.find_spec("pagefind") is None:
        logger.warning("news_digest.search: Pagefind is not installed, so the site has no search index. "
                       "Install the pinned requirements (make build), or set NEWS_DIGEST_SEARCH = False")
        return False
    command = pagefind_command(settings["OUTPUT_PATH"], settings["NEWS_DIGEST_SEARCH_LANGUAGE"])
    # Pagefind adds files named by their content and never removes old ones: start from an empty folder.
    shutil.rmtree(Path(settings["OUTPUT_PATH"]) / "pagefind", ignore_errors=True)
    try:
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=PAGEFIND_TIMEOUT_SECONDS)
    except subprocess.CalledProcessError as error:
        logger.warning("news_digest.search: Pagefind failed (exit %s), so search will not work: %s",
                       error.returncode, (error.stderr or error.stdout).strip()[-2000:])
        return False
    except subprocess.TimeoutExpired:
        logger.warning("news_digest.search: Pagefind did not finish in %s s; search will not work",
                       PAGEFIND_TIMEOUT_SECONDS)
        return False
    return True
