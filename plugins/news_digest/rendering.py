"""Article text as HTML: always escaped, with actor mentions linked and isolated in <bdi>."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from .pipeline.entities import Mention


def link_mentions(text: str, mentions: Iterable[Mention], href_for: Callable[[str], str | None]) -> str:
    """Escaped `text` where each outermost mention is `<a href><bdi>name</bdi></a>` (or a bare `<bdi>`)."""
    pieces: list[str] = []
    position = 0
    for mention in sorted(mentions, key=lambda mention: (mention.start, -mention.end)):
        if mention.nested or mention.start < position:
            continue
        pieces.append(escape(text[position:mention.start], quote=False))
        name = f"<bdi>{escape(text[mention.start:mention.end], quote=False)}</bdi>"
        href = href_for(mention.actor)
        pieces.append(f'<a class="actor-link" href="{escape(href)}">{name}</a>' if href else name)
        position = mention.end
    pieces.append(escape(text[position:], quote=False))
    return "".join(pieces)


def render_paragraphs(paragraphs: list[str], mentions: list[Mention],
                      href_for: Callable[[str], str | None] = lambda actor: None) -> str:
    """The body as HTML: one `<p>` per paragraph, mentions linked, nothing from the text interpreted."""
    by_paragraph: dict[int, list[Mention]] = {}
    for mention in mentions:
        if mention.part == "paragraph":
            by_paragraph.setdefault(mention.index, []).append(mention)
    return "\n".join(f"<p>{link_mentions(text, by_paragraph.get(index, []), href_for)}</p>"
                     for index, text in enumerate(paragraphs))
