"""Stable, language-neutral article ids derived from file paths."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import PurePosixPath

from .text import INVISIBLE

_NOT_SLUG = re.compile(r"[^a-z0-9_]+")
# Longest id kept as it is. Pages are written as `<id>.html` (and briefly `.<id>.html.<pid>.tmp`): a file
# name of 255 bytes, the most a file system allows, must still give a page name that fits.
MAX_ID_LENGTH = 120
_HASH_LENGTH = 10


def display_path(source: str) -> str:
    """The path as text: bytes of a file name that are not UTF-8 (surrogate escapes in Python) become U+FFFD."""
    return source.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _path_hash(source: str) -> str:
    # A name that is not UTF-8 reaches Python with surrogate escapes: hash its bytes as they are.
    return hashlib.sha1(source.encode("utf-8", "surrogateescape")).hexdigest()[:_HASH_LENGTH]


def article_id(source: str) -> tuple[str, str | None]:
    """The id for an article at `source` (path relative to the content folder), and why it is not a plain
    slug of the path, if it is not.

    Accents are dropped (`Été` -> `ete`). When the name loses more than accents (bytes that are not UTF-8,
    invisible controls, letters outside Latin) or is longer than MAX_ID_LENGTH, the id is cut and ends with
    a hash of the path, which keeps it unique and stable.
    """
    stem = str(PurePosixPath(source).with_suffix(""))
    decomposed = unicodedata.normalize("NFKD", stem)
    ascii_only = "".join(char for char in decomposed if not unicodedata.combining(char))
    slug = _NOT_SLUG.sub("-", ascii_only.encode("ascii", "ignore").decode().lower()).strip("-")
    why = None
    if display_path(source) != source:
        why = "is not valid UTF-8"
    elif INVISIBLE.search(source):
        why = "contains invisible control characters"
    elif any(ord(char) > 127 for char in ascii_only):
        why = "has letters outside Latin script"
    elif len(slug) > MAX_ID_LENGTH:
        why = f"is longer than {MAX_ID_LENGTH} characters"
    if why or not slug:
        slug = slug[:MAX_ID_LENGTH - _HASH_LENGTH - 1].rstrip("-")
        slug = f"{slug}-{_path_hash(source)}" if slug else f"article-{_path_hash(source)}"
    return slug, why
