"""The plugin's settings: one table of defaults with help text, validated once at start-up."""

from __future__ import annotations

import logging
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from .errors import SettingsError
from .i18n import DIGITS
from .pipeline.config import AnalysisConfig

logger = logging.getLogger(__name__)

Checker = Callable[[str, Any], Any]


@dataclass(frozen=True)
class Setting:
    """One setting: its name, default, help text and a checker that returns the clean value."""

    name: str
    default: Any
    help: str
    check: Checker


def _language_code(name: str, code: Any) -> str:
    if not isinstance(code, str) or not code:
        raise SettingsError(f"{name}: {code!r} is not a language code; use codes such as 'fr', 'ar', 'en'")
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError) as error:
        raise SettingsError(f"{name}: {code!r} is not a language Babel knows ({error})") from None
    return code


def _language_list(name: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)) or not value:
        raise SettingsError(f"{name}: expected a non-empty list of language codes such as ['fr', 'ar', 'en'], got {value!r}")
    codes = tuple(_language_code(name, code) for code in value)
    if len(set(codes)) != len(codes):
        raise SettingsError(f"{name}: {list(codes)!r} lists a language twice")
    return codes


def _language_list_or_empty(name: str, value: Any) -> tuple[str, ...]:
    return _language_list(name, value) if value else ()


def _boolean(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise SettingsError(f"{name}: expected True or False, got {value!r}")
    return value


def _positive_int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise SettingsError(f"{name}: expected a positive whole number, got {value!r}")
    return value


def _non_negative_int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise SettingsError(f"{name}: expected a whole number, 0 or more, got {value!r}")
    return value


def _path_list(name: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v for v in value):
        raise SettingsError(f"{name}: expected a list of file paths such as ['actors/local.toml'], got {value!r}")
    return tuple(value)


def _url_pattern(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value or value.startswith("/") or ".." in value.split("/"):
        raise SettingsError(f"{name}: expected a relative address such as 'actors/{{slug}}.html', got {value!r}")
    return value


def _relative_folder(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip("/") or ".." in value.split("/") or value.startswith("/"):
        raise SettingsError(f"{name}: expected a folder inside the output such as 'api', got {value!r}")
    return value.strip("/")


def _digits_by_language(name: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise SettingsError(f"{name}: expected a mapping of language to digits such as {{'ar': 'arab'}}, got {value!r}")
    for lang, numbering in value.items():
        _language_code(name, lang)
        if numbering not in DIGITS:
            raise SettingsError(f"{name}: {lang!r}: {numbering!r} is not a numbering system; use one of {sorted(DIGITS)}")
    return dict(value)


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "NEWS_DIGEST_LANGUAGES",
        ("fr", "ar", "en"),
        "Languages articles may be written in. Detection chooses among these; a `Lang:` line overrides it.",
        _language_list,
    ),
    Setting(
        "NEWS_DIGEST_INTERFACE_LANGUAGES",
        ("en", "fr", "ar"),
        "Languages the interface is offered in; each needs a catalogue under theme/translations/. "
        "DEFAULT_LANG must be one of them.",
        _language_list,
    ),
    Setting(
        "NEWS_DIGEST_DIGITS",
        {"ar": "latn"},
        "Digits of dates and numbers per interface language: 'latn' (0123456789, the default, as most Arabic news "
        "sources print them) or 'arab' (Arabic-Indic ٠١٢٣٤٥٦٧٨٩). Article text keeps the digits its source used.",
        _digits_by_language,
    ),
    Setting(
        "NEWS_DIGEST_HIJRI_DATES",
        ("ar",),
        "Interface languages whose pages show the Hijri (Umm al-Qura) date beside the Gregorian one; [] for none.",
        _language_list_or_empty,
    ),
    Setting(
        "NEWS_DIGEST_CACHE",
        True,
        "Keep each article's analysis and a record of the written files in CACHE_PATH, so a rebuild only "
        "analyses and writes what changed. False analyses and renders everything every time.",
        _boolean,
    ),
    Setting(
        "NEWS_DIGEST_WORKERS",
        0,
        "Processes for analysing articles and rendering pages: 0 uses every core this build may run on, 1 none extra.",
        _non_negative_int,
    ),
    Setting(
        "NEWS_DIGEST_SEARCH",
        True,
        "Index the built site with Pagefind for the search page (output/pagefind/).",
        _boolean,
    ),
    Setting(
        "NEWS_DIGEST_SEARCH_LANGUAGE",
        "ar",
        "The one language Pagefind indexes every page as, so that any interface searches articles in all "
        "languages; its stemming applies (Arabic: prefixes such as ال and و are removed; Latin words are kept).",
        _language_code,
    ),
    Setting(
        "NEWS_DIGEST_MAX_ARTICLE_BYTES",
        5_000_000,
        "Articles larger than this many bytes are skipped with a warning (a news article is a few KB).",
        _positive_int,
    ),
    Setting(
        "NEWS_DIGEST_ACTOR_FILES",
        (),
        "A site's own knowledge-base files (TOML, same schema as plugins/news_digest/data/actors/), "
        "relative to the project folder; an entry with a shipped id replaces it.",
        _path_list,
    ),
    Setting("ACTOR_URL", "actors/{slug}.html", "Address of an actor's page ({slug} is the actor id).", _url_pattern),
    Setting("ACTOR_SAVE_AS", "actors/{slug}.html", "Where an actor's page is written.", _url_pattern),
    Setting("ACTORS_URL", "actors/index.html", "Address of the index of all actors.", _url_pattern),
    Setting("ACTORS_SAVE_AS", "actors/index.html", "Where the index of all actors is written.", _url_pattern),
    Setting("TOPIC_URL", "topics/{slug}.html", "Address of a topic's page ({slug} is the topic id).", _url_pattern),
    Setting("TOPIC_SAVE_AS", "topics/{slug}.html", "Where a topic's page is written.", _url_pattern),
    Setting("TOPICS_URL", "topics/index.html", "Address of the index of topics.", _url_pattern),
    Setting("TOPICS_SAVE_AS", "topics/index.html", "Where the index of topics is written.", _url_pattern),
    Setting("STORY_URL", "stories/{slug}.html", "Address of a story's page ({slug} is the story id).", _url_pattern),
    Setting("STORY_SAVE_AS", "stories/{slug}.html", "Where a story's page is written.", _url_pattern),
    Setting("STORIES_URL", "stories/index.html", "Address of the index of stories, newest first.", _url_pattern),
    Setting("STORIES_SAVE_AS", "stories/index.html", "Where the index of stories is written.", _url_pattern),
    Setting("ARCHIVE_URL", "archive.html", "Address of the archive: every month with its number of articles.",
            _url_pattern),
    Setting("ARCHIVE_SAVE_AS", "archive.html", "Where the archive is written.", _url_pattern),
    Setting("ARCHIVE_MONTH_URL", "archive/{slug}.html",
            "Address of a month's articles ({slug} is the year and month, 2025-03, or 'undated').", _url_pattern),
    Setting("ARCHIVE_MONTH_SAVE_AS", "archive/{slug}.html", "Where a month's articles are written.", _url_pattern),
    Setting(
        "NEWS_DIGEST_LIST_LATEST",
        20,
        "Articles the home, actor and topic pages show in full (headline, source, place, date), newest first. "
        "The home page then links to the archive by month; actor and topic pages list their earlier "
        "articles by month, date and headline only, so adding an article does not rewrite every long list.",
        _positive_int,
    ),
    Setting(
        "NEWS_DIGEST_TOPIC_FILES",
        (),
        "A site's own taxonomy files (TOML, same schema as plugins/news_digest/data/topics/), relative to the "
        "project folder; a topic with a shipped id replaces it.",
        _path_list,
    ),
    Setting(
        "NEWS_DIGEST_API_PATH",
        "api",
        "Folder of the output that receives the JSON data export (articles.json).",
        _relative_folder,
    ),
    Setting(
        "NEWS_DIGEST_FEED_SIZE",
        50,
        "Most entries in each Atom feed (the latest articles per interface language, and each actor's, topic's "
        "and story's feed), newest first.",
        _positive_int,
    ),
    Setting(
        "NEWS_DIGEST_FEEDS_PATH",
        "feeds",
        "Folder of the output that receives the actor, topic and story feeds (actors/<id>.atom, topics/<id>.atom, "
        "stories/<id>.atom); the latest-articles feeds are <lang>/feed.atom.",
        _relative_folder,
    ),
)


def apply_settings(settings: MutableMapping[str, Any]) -> None:
    """Fill in defaults and replace every value by its checked form; raise SettingsError on the first bad one."""
    for setting in SETTINGS:
        settings.setdefault(setting.name, setting.default)
        settings[setting.name] = setting.check(setting.name, settings[setting.name])
    interface = settings["NEWS_DIGEST_INTERFACE_LANGUAGES"]
    default_lang = settings.get("DEFAULT_LANG")
    if default_lang not in interface:
        raise SettingsError(
            f"DEFAULT_LANG: {default_lang!r} is not in NEWS_DIGEST_INTERFACE_LANGUAGES {list(interface)!r}; "
            "add it there or choose one of those"
        )


def analysis_config(settings: MutableMapping[str, Any]) -> AnalysisConfig:
    """The Pelican-free configuration the analysis pipeline runs with."""
    project = Path(settings["PATH"]).parent
    return AnalysisConfig(
        languages=tuple(settings["NEWS_DIGEST_LANGUAGES"]),
        max_article_bytes=settings["NEWS_DIGEST_MAX_ARTICLE_BYTES"],
        site_actor_files=tuple(project / path for path in settings["NEWS_DIGEST_ACTOR_FILES"]),
        site_topic_files=tuple(project / path for path in settings["NEWS_DIGEST_TOPIC_FILES"]),
    )


def validate_settings(pelican: Any) -> None:
    """Signal receiver (initialized): fill in defaults, stop the build with a clear message on a bad value."""
    try:
        apply_settings(pelican.settings)
    except SettingsError as error:
        logger.critical("news_digest.settings: %s. Fix it in your settings file (pelicanconf.py)", error)
        raise
