"""Interface languages: Babel catalogues compiled in memory, and locale-aware formatting for templates."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import cached_property, lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

logger = logging.getLogger(__name__)


@lru_cache(maxsize=16_384)
def _format_date(value: dt.date, locale: Locale) -> str:
    # Thousands of list items repeat a few hundred dates: format each once.
    return format_date(value, format="long", locale=locale)


def load_translations(translations_dir: Path, lang: str) -> NullTranslations:
    """Compile `<dir>/<lang>/LC_MESSAGES/messages.po` in memory; warn and fall back to the source strings."""
    po_path = translations_dir / lang / "LC_MESSAGES" / "messages.po"
    if not po_path.is_file():
        logger.warning("news_digest.i18n: no catalogue %s; the interface shows untranslated strings. "
                       "Create it with `pybabel init -l %s`", po_path, lang)
        return NullTranslations()
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=lang)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(fp=compiled)


@dataclass(frozen=True)
class InterfaceLanguage:
    """The language a page's interface is shown in, with its direction and formatters."""

    lang: str

    @cached_property
    def locale(self) -> Locale:
        """The Babel locale of this interface language."""
        return Locale.parse(self.lang)

    @property
    def dir(self) -> str:
        """'rtl' or 'ltr', from Babel's locale data."""
        return self.locale.text_direction

    def date(self, value: dt.date) -> str:
        """A date written the way this interface language writes dates."""
        return _format_date(value.date() if isinstance(value, dt.datetime) else value, self.locale)

    def number(self, value: float) -> str:
        """A number written the way this interface language writes numbers."""
        return format_decimal(value, locale=self.locale)

    def language_name(self, code: str) -> str:
        """The name of language `code` in this interface language (`ar` -> `Arabic`, `arabe`, `العربية`)."""
        return self.locale.languages.get(code.replace("-", "_"), code)


def install_interface(generator: Any) -> None:
    """Signal receiver (generator_init): give templates the interface language and its translated strings."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    lang = generator.settings["DEFAULT_LANG"]
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(load_translations(Path(generator.theme) / "translations", lang), newstyle=True)
    env.globals["ui"] = InterfaceLanguage(lang)
