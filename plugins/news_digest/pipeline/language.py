"""Per-article language: a `Lang:` line wins, else the writing system, else py3langid among the site's languages."""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from .document import ArticleDocument

if TYPE_CHECKING:
    from .language_model import SuffixLanguageModel

# The first word of a letter's Unicode name, mapped to its ISO 15924 script code.
_SCRIPT_OF_NAME: dict[str, str] = {
    "LATIN": "Latn", "ARABIC": "Arab", "CYRILLIC": "Cyrl", "HEBREW": "Hebr", "GREEK": "Grek",
    "DEVANAGARI": "Deva", "BENGALI": "Beng", "TAMIL": "Taml", "THAI": "Thai", "ARMENIAN": "Armn",
    "GEORGIAN": "Geor", "ETHIOPIC": "Ethi", "CJK": "Hani", "HIRAGANA": "Jpan", "KATAKANA": "Jpan",
    "HANGUL": "Kore", "SYRIAC": "Syrc", "THAANA": "Thaa",
}
# Runs of letters of each common script: a text's count is the sum of its runs' lengths (fewer matches than letters).
_COMMON_SCRIPTS: dict[str, re.Pattern[str]] = {
    "Latn": re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]+"),
    "Arab": re.compile(r"[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]+"),
    "Cyrl": re.compile(r"[\u0400-\u04FF]+"),
    "Hebr": re.compile(r"[\u05D0-\u05EA]+"),
    "Grek": re.compile(r"[\u0370-\u03FF]+"),
}
_LETTERS = re.compile(r"[^\W\d_]+")
_SCRIPT_ALIASES = {"Hans": "Hani", "Hant": "Hani"}
_RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa"})
_SAMPLE_CHARS = 4000
# Scored first: on news text it gave the whole sample's answer every time (the benchmark's and test corpora),
# in half the time. A probability below `_DECISIVE` sends the whole sample to the model.
_QUICK_SAMPLE_CHARS = 1000
_DECISIVE = 0.999
_ASCII_LETTERS = string.ascii_letters.encode("ascii")
_NOT_ASCII = bytes(range(128, 256))


def script_of_text(text: str) -> str | None:
    """The ISO 15924 code of the script most of the text's letters are written in."""
    sample = text[:_SAMPLE_CHARS]
    encoded = sample.encode("utf-8", "surrogatepass")
    ascii_letters = len(encoded) - len(encoded.translate(None, _ASCII_LETTERS))
    # Every other script counted below is outside ASCII, and the Latin count includes the ASCII letters:
    # with more ASCII letters than characters outside ASCII, Latin has the most, whatever the others are.
    if ascii_letters > len(sample) - len(encoded.translate(None, _NOT_ASCII)):
        return "Latn"
    # Likewise, more than half the characters in the Arabic ranges leave every other script fewer.
    if sum(map(len, _COMMON_SCRIPTS["Arab"].findall(sample))) * 2 > len(sample) and _LETTERS.search(sample):
        return "Arab"
    letters = sum(map(len, _LETTERS.findall(sample)))
    if not letters:
        return None
    # Counting the common scripts with regular expressions is much faster than naming every letter.
    counts = Counter({script: sum(map(len, pattern.findall(sample))) for script, pattern in _COMMON_SCRIPTS.items()})
    if counts.total() * 2 < letters:
        counts = Counter(_SCRIPT_OF_NAME.get(unicodedata.name(char, "").split(" ", 1)[0], "Zyyy")
                         for char in sample if char.isalpha())
    common = counts.most_common(1)
    return common[0][0] if common else None


@lru_cache(maxsize=256)
def script_of_language(code: str) -> str | None:
    """The script a language is usually written in, from CLDR's likely subtags."""
    likely = get_global("likely_subtags").get(code.replace("-", "_"))
    # Likely subtags look like `ar_Arab_EG`; the script is the four-letter part.
    script = next((part for part in (likely or "").split("_") if len(part) == 4 and part.istitle()), None)
    return _SCRIPT_ALIASES.get(script, script)


@lru_cache(maxsize=256)
def text_direction(code: str) -> str:
    """'rtl' or 'ltr' for a language code, from Babel's locale data."""
    try:
        return Locale.parse(code.replace("-", "_")).text_direction
    except (UnknownLocaleError, ValueError):
        return "rtl" if script_of_language(code) in _RTL_SCRIPTS else "ltr"


@dataclass
class LanguageDetector:
    """Identifies languages; loads the model on first use, for each set of candidate languages it is asked about."""

    cache_folder: Path | None = None  # where built models are kept between builds
    _models: dict[tuple[str, ...], SuffixLanguageModel] = field(default_factory=dict)
    _identifier: Any = None  # py3langid's LanguageIdentifier, over all its languages

    def _model(self, languages: tuple[str, ...]) -> SuffixLanguageModel:
        model = self._models.get(languages)
        if model is None:
            from .language_model import load_model  # numpy only when detecting
            model = self._models[languages] = load_model(languages, self.cache_folder)
        return model

    def prepare(self, languages: tuple[str, ...]) -> None:
        """Load now the models `classify` will need for a site in `languages` (those that share a script).

        Called before the analysis forks, the workers inherit the model instead of each loading it. A set
        py3langid does not know is left for `classify` to report, should an article need it.
        """
        by_script: dict[str, list[str]] = {}
        for code in languages:
            if script := script_of_language(code):
                by_script.setdefault(script, []).append(code)
        for codes in by_script.values():
            if len(codes) > 1:
                try:
                    self._model(tuple(sorted(set(codes))))
                except ValueError:
                    continue

    def classify(self, text: str, candidates: tuple[str, ...] | None) -> str:
        """The most likely language of `text`, among `candidates` when given."""
        if candidates:
            model = self._model(tuple(sorted(set(candidates))))
            if len(text) > _QUICK_SAMPLE_CHARS:
                # The text's start decides almost always; the whole sample is scored only when it does not.
                scores = model.scores(text[:_QUICK_SAMPLE_CHARS])
                if scores.max() >= _DECISIVE:
                    return model.classes[int(scores.argmax())]
            return model.classify(text)
        # Among all languages (a script none of the site's languages uses): py3langid's whole model, rarely needed.
        if self._identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier
            self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return self._identifier.classify(text)[0]


def _sample(doc: ArticleDocument) -> str:
    parts = [doc.title, doc.lede or "", *doc.paragraphs[:6]]
    return "\n".join(part for part in parts if part)[:_SAMPLE_CHARS]


def identify_language(doc: ArticleDocument, languages: tuple[str, ...], detector: LanguageDetector) -> None:
    """Assign `lang`, `lang_origin` and `direction`."""
    if "lang" in doc.header:
        declared = doc.header["lang"]
        code = declared.value.strip().lower().replace("_", "-")
        if script_of_language(code) is not None:
            doc.lang, doc.lang_origin = code, "metadata"
            if code not in languages:
                doc.warn(f"`Lang: {code}` is not one of NEWS_DIGEST_LANGUAGES {list(languages)}",
                         "Add it to NEWS_DIGEST_LANGUAGES in pelicanconf.py if the site should hold it", declared.line)
        else:
            doc.warn(f"`Lang: {declared.value}` is not a language code; the language was detected instead",
                     "Use a code such as fr, ar or en", declared.line)
    if doc.lang is None:
        _detect(doc, languages, detector)
    doc.direction = text_direction(doc.lang or languages[0])


def _detect(doc: ArticleDocument, languages: tuple[str, ...], detector: LanguageDetector) -> None:
    sample = _sample(doc)
    script = script_of_text(sample)
    if script is None:
        doc.lang, doc.lang_origin = languages[0], "default"
        doc.warn(f"has no letters to detect its language from; it is treated as {languages[0]!r}",
                 "Add a `Lang:` line to say which language it is in")
        return
    candidates = tuple(code for code in languages if script_of_language(code) == script)
    if len(candidates) == 1:
        doc.lang, doc.lang_origin = candidates[0], "script"
    elif candidates:
        doc.lang = detector.classify(sample, candidates)
    else:
        doc.lang = detector.classify(sample, None)
        doc.warn(f"seems to be in {doc.lang!r} ({script} script), which is not one of NEWS_DIGEST_LANGUAGES "
                 f"{list(languages)}", "Add a `Lang:` line, or add the language to NEWS_DIGEST_LANGUAGES")
