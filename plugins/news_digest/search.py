"""Pelican adapter: once every page is written, index the site for search with Pagefind.

Pagefind splits its index by `<html lang>`, and a query only searches the current page's language. Readers
must find articles in every language from any interface, so the whole site is indexed as one language
(`NEWS_DIGEST_SEARCH_LANGUAGE`), and each page is indexed from one copy only (`data-pagefind-body`).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

# Interface labels inside indexed pages (the default language's words, counts): not what a reader searches for.
INTERFACE_TEXT = ".actor-type, .actor-counts, .count, .tag, .spellings dt, .actor-section h2, .article-meta-box"
# Indexing 10,000 pages takes seconds; ten minutes means something is wrong.
PAGEFIND_TIMEOUT_SECONDS = 600
# Characters with a meaning in Pagefind's globs (wax patterns), escaped in file names.
_GLOB_SPECIAL = re.compile(r"([\\{}\[\]()<>*?!,:#])")


def pagefind_config(output_path: str, pages: Sequence[str], language: str) -> dict[str, Any]:
    """Pagefind's configuration: index exactly `pages` (paths in `output_path`) into `output_path/pagefind/`.

    The list of pages is a glob in a configuration file, not on the command line, which it would outgrow:
    Pagefind then reads only the pages search shows, not the other copies of every page.
    """
    return {"site": str(Path(output_path).resolve()),
            "glob": "{" + ",".join(_GLOB_SPECIAL.sub(r"\\\1", page) for page in pages) + "}",
            "force_language": language, "exclude_selectors": [INTERFACE_TEXT], "keep_index_url": True}


def build_search_index(settings: dict[str, Any], pages: Sequence[str], workspace: Path) -> bool:
    """Index `pages` (paths in the output folder) with Pagefind; warn, naming the fix, when it cannot.

    `workspace` is a folder for Pagefind's configuration file (Pagefind reads it from its working folder).
    Returns True when the index was written.
    """
    if importlib.util.find_spec("pagefind") is None:
        logger.warning("news_digest.search: Pagefind is not installed, so the site has no search index. "
                       "Install the pinned requirements (make build), or set NEWS_DIGEST_SEARCH = False")
        return False
    output = settings["OUTPUT_PATH"]
    # Pagefind adds files named by their content and never removes old ones: start from an empty folder.
    shutil.rmtree(Path(output) / "pagefind", ignore_errors=True)
    config = pagefind_config(output, pages, settings["NEWS_DIGEST_SEARCH_LANGUAGE"])
    (workspace / "pagefind.json").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    try:
        subprocess.run([sys.executable, "-m", "pagefind", "--quiet"], cwd=workspace, check=True, capture_output=True,
                       text=True, timeout=PAGEFIND_TIMEOUT_SECONDS)
    except subprocess.CalledProcessError as error:
        logger.warning("news_digest.search: Pagefind failed (exit %s), so search will not work: %s",
                       error.returncode, (error.stderr or error.stdout).strip()[-2000:])
        return False
    except subprocess.TimeoutExpired:
        logger.warning("news_digest.search: Pagefind did not finish in %s s; search will not work",
                       PAGEFIND_TIMEOUT_SECONDS)
        return False
    return True
