"""Interface catalogues: every string found in the templates is translated in every interface language."""

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from conftest import PROJECT_DIR

from news_digest.i18n import load_translations
from news_digest.settings import SETTINGS

TRANSLATIONS = PROJECT_DIR / "theme" / "translations"
INTERFACE_LANGUAGES = next(setting.default for setting in SETTINGS if setting.name == "NEWS_DIGEST_INTERFACE_LANGUAGES")


def template_messages() -> set[str]:
    """The msgids `pybabel extract -F babel.cfg` finds in the theme's templates."""
    found = extract_from_dir(str(PROJECT_DIR / "theme" / "templates"), method_map=[("**.html", "jinja2")],
                             options_map={"**.html": {"extensions": "jinja2.ext.i18n"}})
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


def catalogue(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as po_file:
        return read_po(po_file, locale=lang)


def test_templates_have_interface_strings():
    assert {"Skip to content", "Date unknown"} <= template_messages()


@pytest.mark.parametrize("lang", INTERFACE_LANGUAGES)
def test_translations_cover_every_template_string(lang):
    translated = {message.id if isinstance(message.id, str) else message.id[0]: message
                  for message in catalogue(lang) if message.id}
    missing = sorted(message for message in template_messages()
                     if message not in translated or translated[message].fuzzy or not all(translated[message].string if isinstance(
                         translated[message].string, tuple) else [translated[message].string]))
    assert missing == [], f"{lang}: run `invoke translations` and translate (or confirm the fuzzy guess of) {missing}"


@pytest.mark.parametrize("lang", INTERFACE_LANGUAGES)
def test_translations_have_the_plural_forms_of_their_language(lang):
    assert catalogue(lang).num_plurals == get_plural(lang).num_plurals == {"ar": 6}.get(lang, 2)


@pytest.mark.parametrize("count, expected", [
    (0, "من دون أي مقال (0)"), (1, "من مقال واحد"), (2, "من مقالين"), (5, "من 5 مقالات"),
    (11, "من 11 مقالًا"), (100, "من 100 مقال"), (103, "من 103 مقالات"),
])
def test_arabic_plural_forms_are_chosen_by_count(count, expected):
    translations = load_translations(TRANSLATIONS, "ar")
    text = translations.ungettext("Built with News Digest from %(count)s article.",
                                  "Built with News Digest from %(count)s articles.", count) % {"count": count}
    assert expected in text


def test_missing_catalogue_falls_back_with_a_warning(tmp_path, caplog):
    translations = load_translations(tmp_path, "de")
    assert translations.gettext("Date unknown") == "Date unknown"
    assert "pybabel init -l de" in caplog.text
