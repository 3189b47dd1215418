"""Plugin entry point: connects Pelican's signals to the adapters, nothing else."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals

from .errors import SettingsError
from .generator import DigestExportGenerator
from .i18n import InterfaceLanguage, load_translations
from .reader import NewsTextReader
from .settings import apply_settings

logger = logging.getLogger(__name__)


def validate_settings(pelican: Any) -> None:
    """Fill in NEWS_DIGEST_* defaults and stop the build with a clear message on a bad value."""
    try:
        apply_settings(pelican.settings)
    except SettingsError as error:
        logger.critical("news_digest.settings: %s. Fix it in your settings file (pelicanconf.py)", error)
        raise


def add_reader(readers: Any) -> None:
    """Read `.txt` files as news articles."""
    for extension in NewsTextReader.file_extensions:
        readers.reader_classes[extension] = NewsTextReader


def order_articles(generator: Any) -> None:
    """Newest first, undated last, ties broken by id: the same order whatever the file system lists."""
    def key(article: Any) -> tuple[bool, float, str]:
        known = getattr(article, "date_known", True)
        return (not known, -article.date.timestamp() if known else 0.0, article.slug)

    generator.articles.sort(key=key)


def install_interface(generator: Any) -> None:
    """Give every template the interface language and its translated strings."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    lang = generator.settings["DEFAULT_LANG"]
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(load_translations(Path(generator.theme) / "translations", lang), newstyle=True)
    env.globals["ui"] = InterfaceLanguage(lang)


def add_generators(pelican: Any) -> type:
    """The export generator runs after the articles generator, so it sees every article."""
    return DigestExportGenerator


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(validate_settings)
    signals.readers_init.connect(add_reader)
    signals.article_generator_pretaxonomy.connect(order_articles)
    signals.generator_init.connect(install_interface)
    signals.get_generators.connect(add_generators)
