"""Exception classes of the News Digest plugin."""


class NewsDigestError(Exception):
    """Base class of every error the plugin raises on purpose."""


class SettingsError(NewsDigestError):
    """A NEWS_DIGEST_* (or related Pelican) setting has a wrong type or value."""


class ArticleRejected(NewsDigestError):
    """An article file cannot become a page; the message says why and what to do."""
