"""The settings table: documented, defaulted and checked with messages that name the setting."""

import pytest
from conftest import PROJECT_DIR

from news_digest.errors import SettingsError
from news_digest.settings import SETTINGS, apply_settings


def test_every_setting_is_documented_in_code_and_readme():
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert setting.name.startswith("NEWS_DIGEST_") or setting.name.endswith(("_URL", "_SAVE_AS"))
        assert len(setting.help) > 20
        assert f"`{setting.name}`" in readme, f"{setting.name} is not documented in README.md"


def test_defaults_pass_their_own_checks():
    settings = {"DEFAULT_LANG": "en"}
    apply_settings(settings)
    assert settings["NEWS_DIGEST_LANGUAGES"] == ("fr", "ar", "en")
    assert settings["NEWS_DIGEST_MAX_ARTICLE_BYTES"] == 5_000_000


@pytest.mark.parametrize("name, value, expected", [
    ("NEWS_DIGEST_LANGUAGES", "fr", "non-empty list"),
    ("NEWS_DIGEST_LANGUAGES", ["fr", "xx-not-a-language"], "not a language Babel knows"),
    ("NEWS_DIGEST_LANGUAGES", ["fr", "fr"], "twice"),
    ("NEWS_DIGEST_MAX_ARTICLE_BYTES", "5MB", "positive whole number"),
    ("NEWS_DIGEST_MAX_ARTICLE_BYTES", True, "positive whole number"),
    ("NEWS_DIGEST_API_PATH", "../elsewhere", "inside the output"),
    ("NEWS_DIGEST_INTERFACE_LANGUAGES", [], "non-empty list"),
])
def test_bad_setting_is_rejected_naming_it_and_its_value(name, value, expected):
    with pytest.raises(SettingsError) as raised:
        apply_settings({"DEFAULT_LANG": "en", name: value})
    assert str(raised.value).startswith(f"{name}: ") and expected in str(raised.value)
    assert repr(value) in str(raised.value) or name == "NEWS_DIGEST_LANGUAGES"
