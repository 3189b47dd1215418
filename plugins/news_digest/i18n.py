"""Interface languages: Babel catalogues compiled in memory, locale-aware formatting, and gettext that follows the page.

One Pelican run renders every interface language with one Jinja environment: each page is rendered with its
own `ui` (an InterfaceLanguage), and the gettext functions installed here read `ui` from the page being
rendered, so `{{ _("Topics") }}` and `{% trans %}` blocks come out in that page's language.
"""

from __future__ import annotations

import datetime as dt
import logging
import posixpath
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

logger = logging.getLogger(__name__)

# Digits by numbering system (CLDR names): the Babel and ICU formatters write Latin digits for these locales.
DIGITS = {"latn": "0123456789", "arab": "٠١٢٣٤٥٦٧٨٩", "arabext": "۰۱۲۳۴۵۶۷۸۹"}


@lru_cache(maxsize=16_384)
def _format_date(value: dt.date, locale: Locale) -> str:
    # Thousands of list items repeat a few hundred dates: format each once.
    return format_date(value, format="long", locale=locale)


@lru_cache(maxsize=16_384)
def _format_skeleton(skeleton: str, value: dt.date, locale: Locale) -> str:
    return format_skeleton(skeleton, value, locale=locale)


@lru_cache(maxsize=16_384)
def _format_hijri(value: dt.date, lang: str) -> str | None:
    """The date in the Umm al-Qura calendar, written in `lang`; None when ICU is not available."""
    try:
        import icu
    except ImportError:  # PyICU is a dependency; a site without it simply shows no Hijri date.
        return None
    locale = icu.Locale(f"{lang}@calendar=islamic-umalqura;numbers=latn")
    formatter = icu.DateFormat.createDateInstance(icu.DateFormat.LONG, locale)
    formatter.setTimeZone(icu.TimeZone.getGMT())
    calendar = icu.GregorianCalendar(icu.TimeZone.getGMT())
    calendar.set(value.year, value.month - 1, value.day, 12, 0, 0)
    return formatter.format(calendar.getTime())


def _day_of(value: dt.date) -> dt.date:
    """The calendar day of a date or datetime: the formatters' caches key on days, not instants."""
    return value.date() if isinstance(value, dt.datetime) else value


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
    """The language a page's interface is shown in: its catalogue, direction, digits and formatters."""

    lang: str
    translations: NullTranslations = field(default_factory=NullTranslations, compare=False, repr=False)
    numbering: str = "latn"
    hijri: bool = False

    @cached_property
    def locale(self) -> Locale:
        """The Babel locale of this interface language."""
        return Locale.parse(self.lang)

    @property
    def dir(self) -> str:
        """'rtl' or 'ltr', from Babel's locale data."""
        return self.locale.text_direction

    @cached_property
    def autonym(self) -> str:
        """The language's name in itself, as a language switcher shows it (`Français`, `العربية`)."""
        name = self.locale.get_display_name(self.locale) or self.lang
        return name[:1].upper() + name[1:]

    @cached_property
    def _digits(self) -> dict[int, str]:
        return str.maketrans(DIGITS["latn"], DIGITS[self.numbering])

    def digits(self, text: str) -> str:
        """`text` with its Latin digits written in this language's numbering system."""
        return text.translate(self._digits)

    def date(self, value: dt.date) -> str:
        """A date written the way this interface language writes dates."""
        return self.digits(_format_date(_day_of(value), self.locale))

    def month(self, value: dt.date) -> str:
        """The month and year of a date, as a heading (`March 2025`, `mars 2025`, `مارس 2025`)."""
        return self.digits(_format_skeleton("yMMMM", _day_of(value), self.locale))

    def day_in_month(self, value: dt.date) -> str:
        """Day and month, without the year (`Mar 5`, `5 mars`): under a month's heading."""
        return self.digits(_format_skeleton("MMMd", _day_of(value), self.locale))

    def hijri_date(self, value: dt.date) -> str | None:
        """The same day in the Hijri (Umm al-Qura) calendar, when this language shows it."""
        if not self.hijri:
            return None
        written = _format_hijri(_day_of(value), self.lang)
        return self.digits(written) if written else None

    @cached_property
    def _numbers(self) -> dict[float, str]:
        return {}

    def number(self, value: float) -> str:
        """A number written the way this interface language writes numbers."""
        # Pages repeat the same few counts thousands of times: each is formatted once.
        written = self._numbers.get(value)
        if written is None:
            # Babel applies the numbering system's separators but keeps Latin digits: translate those too.
            written = self._numbers[value] = self.digits(format_decimal(value, locale=self.locale,
                                                                        numbering_system=self.numbering))
        return written

    def language_name(self, code: str) -> str:
        """The name of language `code` in this interface language (`ar` -> `Arabic`, `arabe`, `العربية`)."""
        return self.locale.languages.get(code.replace("-", "_"), code)

    def gettext(self, message: str) -> str:
        """`message` in this language."""
        return self.translations.ugettext(message)

    @cached_property
    def _markup(self) -> dict[str, Markup]:
        return {}

    def markup(self, message: str) -> Markup:
        """`message` in this language as template text, as `_()` without variables gives it: made once per message."""
        made = self._markup.get(message)
        if made is None:
            made = self._markup[message] = Markup(self.gettext(message)) % {}
        return made

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The plural form of the message that fits `count` in this language (Arabic has six)."""
        return self.translations.ungettext(singular, plural, count)


@dataclass(frozen=True)
class Interface:
    """Every interface language of the site, the default one first."""

    languages: tuple[InterfaceLanguage, ...]

    @classmethod
    def from_settings(cls, settings: dict[str, Any], theme: str) -> Interface:
        """Load each interface language's catalogue from the theme, with its digit and calendar settings."""
        translations_dir = Path(theme) / "translations"
        default = settings["DEFAULT_LANG"]
        codes = sorted(settings["NEWS_DIGEST_INTERFACE_LANGUAGES"], key=lambda code: code != default)
        return cls(tuple(InterfaceLanguage(code, load_translations(translations_dir, code),
                                           settings["NEWS_DIGEST_DIGITS"].get(code, "latn"),
                                           code in settings["NEWS_DIGEST_HIJRI_DATES"]) for code in codes))

    @property
    def default(self) -> InterfaceLanguage:
        """The language the site root leads to."""
        return self.languages[0]

    def closest_to(self, lang: str) -> str:
        """The interface language to show content written in `lang`: the same one when offered, else the default.

        Search indexes each article from this copy only, and the export's `url` points at it.
        """
        return lang if lang in self.codes else self.default.lang

    @cached_property
    def codes(self) -> frozenset[str]:
        """The codes of the interface languages."""
        return frozenset(ui.lang for ui in self.languages)

    def urls(self, path: str) -> dict[str, str]:
        """The page at language-neutral `path` in every interface language, relative to the site root."""
        return {ui.lang: f"{ui.lang}/{path}" for ui in self.languages}


def _localised(ui: InterfaceLanguage, variables: dict[str, Any]) -> dict[str, Any]:
    # Numbers in a translated sentence follow the interface's digits, as `ui.number` does elsewhere.
    return {name: ui.number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value
            for name, value in variables.items()}


@pass_context
def _gettext(context: Context, message: str, /, **variables: Any) -> str:
    ui: InterfaceLanguage = context["ui"]
    if not variables and context.eval_ctx.autoescape:
        return ui.markup(message)
    text = ui.gettext(message)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % _localised(ui, variables)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, number: int, /, **variables: Any) -> str:
    ui: InterfaceLanguage = context["ui"]
    variables.setdefault("num", number)
    text = ui.ngettext(singular, plural, number)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % _localised(ui, variables)


@pass_context
def url_to(context: Context, target: Any, lang: str | None = None, absolute: bool = False) -> str:
    """The address of a page (an object with `url`, or a path) in interface language `lang`, this page's by default.

    Relative to the page being written (LANGUAGE_ROOT leads to its language's folder) unless `absolute`, which
    uses the public SITEURL when there is one (canonical links and hreflang alternates).
    """
    path = target if isinstance(target, str) else page_url(target)
    if absolute:
        return f"{context.get('PUBLIC_SITEURL') or context['SITEURL']}/{lang or context['ui'].lang}/{path}"
    if lang is None or lang == context["ui"].lang:
        # Within the page's own language the way is shorter: `../actors/x.html` rather than `../../en/actors/x.html`.
        return f"{context['LANGUAGE_ROOT']}/{path}"
    return f"{context['SITEURL']}/{lang}/{path}"


def page_url(target: Any) -> str:
    """The language-neutral address of an article, page, actor, topic or story.

    Pelican works a content's `url` out from the settings at every access; pages link to the same objects
    thousands of times, so it is kept on the object the first time (addresses do not change during a build).
    """
    try:
        return target.news_digest_url
    except AttributeError:
        url = target.news_digest_url = target.url
        return url


def language_root(save_as: str, lang: str) -> str:
    """The relative way from output file `save_as` to the folder of interface language `lang` (`.`, `..`, `./en`)."""
    way = posixpath.relpath(lang, posixpath.dirname(save_as) or ".")
    return way if way.startswith(".") else f"./{way}"


def isolate(text: str) -> str:
    """`text` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, for places `<bdi>` cannot go (`<title>`)."""
    return f"\u2068{text}\u2069"


def install_interface(generator: Any) -> None:
    """Signal receiver (generator_init): gettext that follows each page's `ui`, and the site's interface languages."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    interface = generator.context.get("news_digest_interface")
    if interface is None:
        interface = generator.context["news_digest_interface"] = Interface.from_settings(generator.settings,
                                                                                         generator.theme)
    # Templates do not change during a build: Jinja need not check each template file at every include.
    env.auto_reload = False
    env.add_extension("jinja2.ext.i18n")
    env.newstyle_gettext = True
    env.filters["isolate"] = isolate
    env.globals.update(gettext=_gettext, ngettext=_ngettext, url_to=url_to, ui=interface.default,
                       interface=interface)
