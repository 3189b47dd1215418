"""News Digest: a Pelican plugin that turns raw multilingual news articles into a digest."""

from .plugin import register

__all__ = ["register"]
