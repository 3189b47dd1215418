"""Pelican adapter: `sitemap.xml` (every page in every interface language, with hreflang alternates), `robots.txt`.

The sitemap protocol takes absolute addresses only, so without SITEURL (a local build) no sitemap is written;
`robots.txt` is always written and names the sitemap when there is one. The root `index.html`, which only
leads to the default language, is left out: `x-default` points at the default language's copy instead.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pelican.generators import Generator

from .digest_pages import PlannedPage
from .i18n import Interface
from .output import output_files
from .xml_output import add, site_href, timestamp, xml_bytes

logger = logging.getLogger(__name__)

SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
# The protocol's limit per file; a bigger site gets `sitemap.xml` as an index of `sitemap-<n>.xml` files.
MAX_URLS = 50_000


@dataclass(frozen=True)
class SitePage:
    """A page that exists once per interface language: its language-neutral path and, for articles, its date."""

    path: str
    lastmod: str | None = None


def site_pages(planned: Sequence[PlannedPage]) -> list[SitePage]:
    """Every page the digest writes in each interface language (the plan of digest_pages.py), in its order.

    The search page is not listed: it has no content of its own for a search engine to index.
    """
    return [SitePage(page.url, timestamp(page.date) if page.date else None) for page in planned if page.in_sitemap]


def _urlset() -> ET.Element:
    # Prefixes written as they appear in the protocol's examples (`xhtml:link`); ElementTree would otherwise
    # invent `ns0:` names, or need its global namespace registry, which outlives the build.
    return ET.Element("urlset", {"xmlns": SITEMAP_NAMESPACE, "xmlns:xhtml": XHTML_NAMESPACE})


def sitemap_documents(pages: Sequence[SitePage], languages: Sequence[str], siteurl: str,
                      max_urls: int = MAX_URLS) -> dict[str, bytes]:
    """The sitemap files by output path: `sitemap.xml` alone, or an index of numbered parts past `max_urls`.

    Each page is listed in every language (`languages`, the default one first), each copy naming all copies
    and `x-default` (the default language's) as alternates, as search engines ask.
    """
    urlsets: list[ET.Element] = []
    in_last = max_urls
    for page in pages:
        alternates = [(lang, site_href(f"{lang}/{page.path}", siteurl, SITEMAP)) for lang in languages]
        alternates.append(("x-default", alternates[0][1]))
        for _, loc in alternates[:-1]:
            if in_last == max_urls:
                urlsets.append(_urlset())
                in_last = 0
            url = add(urlsets[-1], "url")
            add(url, "loc", loc)
            if page.lastmod:
                add(url, "lastmod", page.lastmod)
            for hreflang, href in alternates:
                add(url, "xhtml:link", rel="alternate", hreflang=hreflang, href=href)
            in_last += 1
    if len(urlsets) <= 1:
        return {SITEMAP: xml_bytes(urlsets[0] if urlsets else _urlset())}
    parts = {f"sitemap-{number}.xml": xml_bytes(urlset) for number, urlset in enumerate(urlsets, start=1)}
    index = ET.Element("sitemapindex", {"xmlns": SITEMAP_NAMESPACE})
    for name in parts:
        add(add(index, "sitemap"), "loc", site_href(name, siteurl, SITEMAP))
    return {SITEMAP: xml_bytes(index), **parts}


def robots_txt(siteurl: str) -> str:
    """Let every crawler in; name the sitemap when there is one (it must be an absolute address)."""
    lines = ["User-agent: *", "Disallow:"]
    if siteurl:
        lines += ["", f"Sitemap: {siteurl}/{SITEMAP}"]
    return "\n".join(lines) + "\n"


class SitemapGenerator(Generator):
    """Writes `sitemap.xml` when SITEURL is set, and `robots.txt` unless the site ships its own."""

    def generate_context(self) -> None:
        """Nothing to add: the sitemap lists what the other generators built."""

    def generate_output(self, writer: Any) -> None:
        """Write the sitemap (or say why not) and robots.txt."""
        files = output_files(self.context, self.settings)
        siteurl = self.settings["SITEURL"]
        if siteurl:
            interface: Interface = self.context["news_digest_interface"]
            languages = [ui.lang for ui in interface.languages]
            for path, data in sitemap_documents(site_pages(self.context["news_digest_pages"]), languages, siteurl).items():
                files.write(path, data)
        else:
            # Info, not a warning: a local build without SITEURL is normal, and `--fatal warnings` must pass.
            logger.info("news_digest.sitemap: no %s, as SITEURL is empty and sitemaps need absolute addresses; "
                        "set SITEURL (publishconf.py) to write it", SITEMAP)
        if any(static.save_as == ROBOTS for static in self.context.get("staticfiles", [])):
            logger.info("news_digest.sitemap: the site ships its own %s; it is kept as it is", ROBOTS)
            return
        files.write(ROBOTS, robots_txt(siteurl).encode("utf-8"))


def add_sitemap_generator(pelican: Any) -> type:
    """Signal receiver (get_generators): the sitemap lists the articles, pages and corpus built before it."""
    return SitemapGenerator
