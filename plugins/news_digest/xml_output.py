"""XML files the site publishes beside its pages (feeds, sitemap): byte-identical for the same input."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import xml.etree.ElementTree as ET
from urllib.parse import quote

# What an undated article is stamped with where a format requires a date (Atom's `updated`): the reader's
# stand-in date, never the build time, so two builds of the same articles give the same bytes.
UNDATED = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)

# Characters XML 1.0 cannot carry at all, even escaped: C0 controls other than tab and line breaks, and
# U+FFFE/U+FFFF. The reader lets a few stray controls through; one of them would make a whole feed unreadable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 forbids; ElementTree escapes the rest (`<`, `&`, `]]>`)."""
    return _NOT_XML.sub("", text)


def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    """Append element `tag` with clean text and attributes (in the order given, so output is stable)."""
    element = ET.SubElement(parent, tag, {name: xml_text(value) for name, value in attributes.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def timestamp(value: dt.datetime) -> str:
    """An RFC 3339 / W3C date-time in UTC (`2026-03-14T09:30:00Z`), as Atom and sitemaps write dates."""
    # Pelican gives articles the site's TIMEZONE; a naive date (another plugin's) is read as UTC, not as
    # the build machine's local time.
    aware = value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    # The standard strftime, not the override of Pelican's `SafeDatetime` (several times slower, once per
    # feed entry and sitemap line); these fields are digits only, whatever the locale.
    return dt.datetime.strftime(aware.astimezone(dt.timezone.utc), "%Y-%m-%dT%H:%M:%SZ")


def site_href(path: str, siteurl: str, from_file: str) -> str:
    """The address of output file `path`: under `siteurl` when there is one, else relative to output file `from_file`.

    A relative reference in a published XML file resolves against that file's own address (RFC 3986 §5.1.3),
    so a site built without SITEURL keeps working from any folder; no `xml:base` is needed.
    """
    if siteurl:
        return f"{siteurl}/{quote(path)}"
    return quote(posixpath.relpath(path, posixpath.dirname(from_file) or "."))


def xml_bytes(root: ET.Element) -> bytes:
    """The document as indented UTF-8 with an XML declaration."""
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"

