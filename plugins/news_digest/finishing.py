"""Pelican adapter: search indexing, started once the searched pages are written; the last of the digest's
generators removes what the site no longer has and waits for the index."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from .output import OutputFiles, output_files, scratch_folder, signature_of
from .search import SearchIndexing

# Pagefind writes this last; without it the index is missing or was cut short.
SEARCH_ENTRY = Path("pagefind") / "pagefind-entry.json"


class DigestFinishingGenerator(Generator):
    """Removes the files of pages the site no longer has, waits for Pagefind if it runs, records the build."""

    def generate_context(self) -> None:
        """Nothing to add: this generator only acts once every page is written."""

    def generate_output(self, writer: Any) -> None:
        """Remove stale files, wait for the search index when it is being made, then save the record of written files."""
        files = output_files(self.context, self.settings)
        files.remove_stale()
        if self.settings["NEWS_DIGEST_SEARCH"]:
            signature, indexing = self.context.pop("news_digest_search", ("", None))
            if indexing is not None and indexing.finish():
                files.notes["search"] = signature
        elif (files.output / SEARCH_ENTRY).is_file():
            # Search was switched off: a clean build would have no index, so neither does this one.
            shutil.rmtree(files.output / SEARCH_ENTRY.parent)
        files.save()


def searched_pages(context: dict[str, Any]) -> list[str]:
    """The copies of pages search shows (paths in the output folder): one per page, in the plan's order."""
    return [f"{page.search_language}/{page.save_as}" for page in context.get("news_digest_pages", [])
            if page.search_language is not None]


def start_search(context: dict[str, Any], settings: dict[str, Any], files: OutputFiles) -> None:
    """Start Pagefind on the searched pages (written by now) unless the last index was made from the same pages.

    Pagefind has no incremental mode: it reads every searched page, so it runs only when one of them changed.
    The finishing generator waits for it (`news_digest_search` in the context).
    """
    pages = searched_pages(context)
    signature = signature_of([(page, files.current.get(page, "")) for page in pages],
                             settings["NEWS_DIGEST_SEARCH_LANGUAGE"])
    if files.previous_notes.get("search") == signature and (files.output / SEARCH_ENTRY).is_file():
        files.notes["search"] = signature
    else:
        context["news_digest_search"] = (signature, SearchIndexing.start(settings, pages, scratch_folder(settings)))


def add_finishing_generator(pelican: Any) -> type:
    """Signal receiver (get_generators, connected last): runs after every generator that writes pages."""
    return DigestFinishingGenerator
