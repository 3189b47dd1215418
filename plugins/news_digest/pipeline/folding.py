"""Folded keys for names: the same key for the spellings a reader sees as the same word."""

from __future__ import annotations

import re
import unicodedata

# With the presentation forms (ﻏﺎﻻﻧﺖ) that text copied from a PDF carries instead of letters.
_ARABIC_LETTER = re.compile(r"[\u0620-\u063F\u0641-\u064A\u0671-\u06D3\u06FA-\u06FF\uFB50-\uFDFF\uFE80-\uFEFC]")
# Short vowels, shadda, sukun, superscript alef and Quranic marks, and the tatweel stretching letters.
_ARABIC_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_ARABIC_LETTER_FORMS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",  # alef with hamza or madda
    "ى": "ي", "ی": "ي", "ئ": "ي",  # alef maqsura, Persian ya, ya with hamza
    "ة": "ه",  # ta marbuta
    "ؤ": "و",  # waw with hamza
    "ک": "ك", "ھ": "ه",  # Persian/Urdu forms
})
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})


def is_arabic(text: str) -> bool:
    """True when the text contains Arabic letters."""
    return bool(_ARABIC_LETTER.search(text))


def fold_arabic(text: str) -> str:
    """Arabic without diacritics or tatweel, with one form each for alef, ya, ta marbuta and hamza carriers."""
    # NFKC: presentation forms and ligatures (ﻻ, ﷲ) become the letters they show.
    return _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", text)).translate(_ARABIC_LETTER_FORMS)


def fold_latin(text: str) -> str:
    """Case-folded text without accents, with one apostrophe."""
    # Apostrophes after decomposing: some letters decompose into one (ŉ -> ʼn).
    decomposed = unicodedata.normalize("NFKD", text).translate(_APOSTROPHES)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def fold_word(word: str) -> str:
    """The key of one word, by its script (`tokens` remembers the keys of the words it meets)."""
    # The script of the letters the word shows (NFKC), so that a word and its key take the same path.
    return fold_arabic(word) if is_arabic(unicodedata.normalize("NFKC", word)) else fold_latin(word)
