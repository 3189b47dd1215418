"""Recover the parts of a raw news article: section line, headline, lede, dateline, paragraphs."""

from __future__ import annotations

import re

from .document import ArticleDocument, Block, Dateline
from .text import word_count

_BREADCRUMB_SEPARATORS = re.compile(r"\s[>›»|/·•]\s|\s[>›»|/·•]$|^[>›»|/·•]\s")
_SENTENCE_PUNCTUATION = re.compile(r"[.!?؟:;،,«»\"“”()]")
_SENTENCE_END = re.compile(r"[.!?؟…]$")
_DASH = r"[–—-]"
# `Place – Outlet` or `Place (Outlet)`, alone on its line.
_DATELINE_LINE = re.compile(rf"^(?P<place>[^\d–—()]{{2,60}}?)\s+{_DASH}\s+(?P<outlet>[^–—]{{2,80}})$|"
                            r"^(?P<place2>[^\d–—()]{2,60}?)\s*\((?P<outlet2>[^()]{2,60})\)$")
# `PARIS (AFP) – ` at the start of a paragraph, wire-service style.
_INLINE_DATELINE = re.compile(rf"^(?P<place>[^\W\d_][^()–—.,:;]{{1,40}}?)\s*\((?P<outlet>[^()]{{2,40}})\)\s*{_DASH}\s+")
_MAX_BREADCRUMB_WORDS = 6
_MAX_HEADLINE_WORDS = 30
_SHORT_HEADLINE_WORDS = 15
_MAX_DATELINE_WORDS = 10
_INFERRED_TITLE_WORDS = 12


def split_blocks(lines: list[str], start: int) -> list[Block]:
    """Group lines from `start` into blocks separated by blank lines, remembering line numbers."""
    blocks: list[Block] = []
    current: list[str] = []
    first_line = 0
    for index in range(start, len(lines)):
        stripped = lines[index].strip()
        if stripped:
            if not current:
                first_line = index + 1
            current.append(stripped)
        elif current:
            blocks.append(Block(" ".join(current), first_line, len(current)))
            current = []
    if current:
        blocks.append(Block(" ".join(current), first_line, len(current)))
    return blocks


def looks_like_headline(block: Block) -> bool:
    """One line, not too long; a final full stop only on a short one."""
    words = word_count(block.text)
    if block.line_count != 1 or words > _MAX_HEADLINE_WORDS:
        return False
    return not block.text.endswith(".") or words <= _SHORT_HEADLINE_WORDS


def looks_like_breadcrumb(block: Block) -> bool:
    """A short navigation line: `A > B > C`, or a few capitalised words with no punctuation."""
    text = block.text
    if block.line_count != 1 or word_count(text) > _MAX_BREADCRUMB_WORDS * 2:
        return False
    if _BREADCRUMB_SEPARATORS.search(text):
        return True
    words = text.split()
    if len(words) > _MAX_BREADCRUMB_WORDS or _SENTENCE_PUNCTUATION.search(text) or any(c.isdigit() for c in text):
        return False
    # Caseless scripts (Arabic) have no capitals to check; the headline test after it decides.
    return all(not word[0].islower() for word in words)


def parse_dateline(block: Block) -> Dateline | None:
    """`Place – Outlet` or `Place (Outlet)` on a line of its own, else None."""
    if block.line_count != 1 or word_count(block.text) > _MAX_DATELINE_WORDS or _SENTENCE_END.search(block.text):
        return None
    match = _DATELINE_LINE.match(block.text)
    if not match:
        return None
    place = (match.group("place") or match.group("place2")).strip()
    outlet = (match.group("outlet") or match.group("outlet2")).strip()
    if word_count(place) > 5 or word_count(outlet) > 6 or _SENTENCE_PUNCTUATION.search(place):
        return None
    return Dateline(place=place, outlet=outlet)


def parse_inline_dateline(paragraph: str) -> Dateline | None:
    """A wire-style dateline opening a paragraph (`PARIS (AFP) – ...`), else None."""
    match = _INLINE_DATELINE.match(paragraph)
    if not match or word_count(match.group("place")) > 4:
        return None
    return Dateline(place=match.group("place").strip(), outlet=match.group("outlet").strip())


def _inferred_title(text: str) -> str:
    first_sentence = re.split(r"(?<=[.!?؟])\s", text, maxsplit=1)[0]
    words = first_sentence.split()
    if len(words) <= _INFERRED_TITLE_WORDS:
        return first_sentence.rstrip(".")
    return " ".join(words[:_INFERRED_TITLE_WORDS]) + "…"


def segment(doc: ArticleDocument) -> None:
    """Assign body blocks, section, headline, lede, dateline, paragraphs and the display title."""
    doc.body = blocks = split_blocks(doc.text.split("\n"), doc.body_start)
    if not blocks:
        doc.reject("has metadata lines but no article text", "Add the headline and text after a blank line")
        return
    position = 0
    # A breadcrumb is followed by a headline proper: a full stop there means block 0 was the headline.
    if (len(blocks) >= 3 and looks_like_breadcrumb(blocks[0]) and looks_like_headline(blocks[1])
            and not blocks[1].text.endswith(".")):
        doc.section = blocks[0].text
        position = 1
    if looks_like_headline(blocks[position]):
        doc.headline = blocks[position].text
        position += 1
    if position < len(blocks) and (dateline := parse_dateline(blocks[position])):
        doc.dateline, position = dateline, position + 1
    if position < len(blocks):
        doc.lede = blocks[position].text
        position += 1
    if doc.dateline is None and position < len(blocks) and (dateline := parse_dateline(blocks[position])):
        doc.dateline, position = dateline, position + 1
    doc.paragraphs = [block.text for block in blocks[position:]]
    if doc.dateline is None:
        opening = doc.paragraphs[0] if doc.paragraphs else doc.lede
        doc.dateline = parse_inline_dateline(opening) if opening else None
    _apply_header(doc)


def _apply_header(doc: ArticleDocument) -> None:
    """Metadata lines win over what was inferred from the text."""
    header = doc.header
    if "section" in header:
        doc.section = header["section"].value
    if "title" in header:
        doc.title, doc.title_origin = header["title"].value, "metadata"
    elif doc.headline:
        doc.title, doc.title_origin = doc.headline, "headline"
    else:
        doc.title, doc.title_origin = _inferred_title(doc.lede or ""), "inferred"
        doc.warn("has no headline: its first block is a paragraph, so the title was taken from its first words",
                 "Put the headline alone on the first line, followed by a blank line, or add a `Title:` line",
                 doc.body[0].line)
    if doc.headline and not doc.lede and not doc.paragraphs:
        doc.warn("has a headline but no article text", "Add the text below the headline, after a blank line",
                 doc.body[0].line)
    place = header["place"].value if "place" in header else (doc.dateline.place if doc.dateline else None)
    outlet = header["source"].value if "source" in header else (doc.dateline.outlet if doc.dateline else None)
    if place or outlet:
        doc.dateline = Dateline(place=place, outlet=outlet)
    doc.outlet = outlet
    if "url" in header:
        doc.url = header["url"].value
    if "author" in header:
        doc.authors = [name.strip() for name in re.split(r"[,;]", header["author"].value) if name.strip()]
    if "tags" in header:
        doc.tags = list(dict.fromkeys(tag.strip() for tag in re.split(r"[,;،]", header["tags"].value) if tag.strip()))
