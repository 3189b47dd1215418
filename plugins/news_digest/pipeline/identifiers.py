"""Stable, language-neutral article ids derived from file paths."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import PurePosixPath

_NOT_SLUG = re.compile(r"[^a-z0-9_]+")


def article_id(source: str) -> tuple[str, bool]:
    """The id for an article at `source` (path relative to the content folder), and whether letters were lost.

    Accents are dropped (`Été` -> `ete`); when letters outside Latin remain, a hash of the path keeps
    the id unique and stable.
    """
    stem = str(PurePosixPath(source).with_suffix(""))
    decomposed = unicodedata.normalize("NFKD", stem)
    ascii_only = "".join(char for char in decomposed if not unicodedata.combining(char))
    lossy = any(ord(char) > 127 for char in ascii_only)
    slug = _NOT_SLUG.sub("-", ascii_only.encode("ascii", "ignore").decode().lower()).strip("-")
    if lossy or not slug:
        digest = hashlib.sha1(source.encode("utf-8")).hexdigest()[:10]
        slug = f"{slug}-{digest}" if slug else f"article-{digest}"
    return slug, lossy
