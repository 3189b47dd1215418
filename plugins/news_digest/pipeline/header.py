"""The optional leading block of `Key: value` metadata lines."""

from __future__ import annotations

import re

from .document import ArticleDocument, HeaderField

KNOWN_KEYS: tuple[str, ...] = ("title", "date", "source", "url", "author", "lang", "tags", "section", "place")
_KEY_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z_-]{0,24})\s*:\s?(.*)$")


def read_header(doc: ArticleDocument) -> None:
    """Split off the metadata block when the file's first line is a known `Key: value` line."""
    lines = doc.text.split("\n")
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return
    match = _KEY_LINE.match(lines[first])
    if not match or match.group(1).lower() not in KNOWN_KEYS:
        return
    index = first
    while index < len(lines) and lines[index].strip():
        match = _KEY_LINE.match(lines[index])
        line_number = index + 1
        if not match:
            doc.warn("this line inside the metadata block is not a `Key: value` line; it was ignored",
                     "End the metadata block with a blank line before the article text", line_number)
        else:
            key, value = match.group(1).lower(), match.group(2).strip()
            if key not in KNOWN_KEYS:
                doc.warn(f"unknown metadata key {match.group(1)!r}; it was ignored",
                         f"Known keys: {', '.join(k.capitalize() for k in KNOWN_KEYS)}", line_number)
            elif key in doc.header:
                doc.warn(f"metadata key {match.group(1)!r} is given twice; the first value is kept",
                         "Keep one line per key", line_number)
            elif value:
                doc.header[key] = HeaderField(value, line_number)
        index += 1
    doc.body_start = index
