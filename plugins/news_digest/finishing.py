"""Pelican adapter: the last of the digest's generators removes what the site no longer has and indexes it for search."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from .output import output_files, scratch_folder, signature_of
from .search import build_search_index

# Pagefind writes this last; without it the index is missing or was cut short.
SEARCH_ENTRY = Path("pagefind") / "pagefind-entry.json"


class DigestFinishingGenerator(Generator):
    """Removes the files of pages the site no longer has, runs Pagefind when a page changed, records the build."""

    def generate_context(self) -> None:
        """Nothing to add: this generator only acts once every page is written."""

    def generate_output(self, writer: Any) -> None:
        """Remove stale files, index the site when anything changed, then save the record of written files."""
        files = output_files(self.context, self.settings)
        files.remove_stale()
        if self.settings["NEWS_DIGEST_SEARCH"]:
            # Pagefind has no incremental mode: it reads the whole site, so it runs only when a file changed.
            search = signature_of(sorted(files.current.items()), self.settings["NEWS_DIGEST_SEARCH_LANGUAGE"])
            if files.previous_notes.get("search") == search and (files.output / SEARCH_ENTRY).is_file():
                files.notes["search"] = search
            elif build_search_index(self.settings, [f"{page.search_language}/{page.save_as}"
                                                    for page in self.context.get("news_digest_pages", [])
                                                    if page.search_language is not None],
                                        scratch_folder(self.settings)):
                files.notes["search"] = search
        elif (files.output / SEARCH_ENTRY).is_file():
            # Search was switched off: a clean build would have no index, so neither does this one.
            shutil.rmtree(files.output / SEARCH_ENTRY.parent)
        files.save()


def add_finishing_generator(pelican: Any) -> type:
    """Signal receiver (get_generators, connected last): runs after every generator that writes pages."""
    return DigestFinishingGenerator
