"""Plugin entry point: which adapter answers which Pelican signal, nothing else."""

from __future__ import annotations

from pelican import signals

from .digest_pages import add_digest_pages
from .feeds import add_feeds_generator
from .finishing import add_finishing_generator
from .fragments import install_fragments
from .generator import add_generators, prepare_articles, skip_pelican_article_pages
from .i18n import install_interface
from .reader import add_reader, prefetch_articles
from .settings import validate_settings
from .sitemap import add_sitemap_generator
from .structured_data import install_structured_data
from .up_to_date import skip_unchanged_builds


def register() -> None:
    """Connect the adapters to Pelican's signals."""
    signals.initialized.connect(validate_settings)
    signals.initialized.connect(skip_unchanged_builds)  # after validation: reads the settings
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(prefetch_articles)
    signals.article_generator_pretaxonomy.connect(prepare_articles)
    signals.article_generator_finalized.connect(skip_pelican_article_pages)
    signals.generator_init.connect(install_interface)
    signals.generator_init.connect(install_structured_data)
    signals.generator_init.connect(install_fragments)
    signals.get_generators.connect(add_generators)
    signals.get_generators.connect(add_digest_pages)
    signals.get_generators.connect(add_feeds_generator)
    signals.get_generators.connect(add_sitemap_generator)
    signals.get_generators.connect(add_finishing_generator)  # last: after every page is written
