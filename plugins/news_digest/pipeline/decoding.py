"""Turn an article file's bytes into text, or say precisely why it cannot be read."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field

import charset_normalizer

from .document import Problem

# Longest BOMs first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAVE_AS_UTF8 = "Re-save the file as UTF-8"
# Text has almost no C0 controls besides tab and newlines; binaries are full of them.
_MAX_CONTROL_SHARE = 0.01
# Legacy single-byte text rarely forms valid UTF-8 sequences: many valid ones beside a few
# invalid bytes means a UTF-8 file with a pasted fragment in another encoding.
_MIXED_MIN_VALID_PER_INVALID = 4


@dataclass
class DecodedText:
    """The decoded text, the encoding it was read with, and any problems met."""

    text: str
    encoding: str
    problems: list[Problem] = field(default_factory=list)


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _control_share(text: str) -> float:
    sample = text[:65536]
    controls = sum(1 for char in sample if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f\v")
    return controls / max(len(sample), 1)


def _rejected(message: str, hint: str, line: int | None = None) -> DecodedText:
    return DecodedText("", "", [Problem(message, hint, line, fatal=True)])


def _decode_with_bom(raw: bytes) -> DecodedText | None:
    for mark, encoding in _BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            try:
                return DecodedText(raw[len(mark):].decode(encoding), encoding)
            except UnicodeDecodeError as error:
                return _rejected(
                    f"starts with a {encoding} byte-order mark but is not valid {encoding} ({error.reason})",
                    _SAVE_AS_UTF8,
                )
    return None


def _decode_broken_utf8(raw: bytes, error: UnicodeDecodeError) -> DecodedText:
    line = _line_of(raw, error.start)
    if error.reason == "unexpected end of data" and error.end == len(raw):
        text = raw[: error.start].decode("utf-8")
        return DecodedText(text, "utf-8", [Problem(
            "ends in the middle of a UTF-8 character; the file looks truncated",
            "The incomplete last character was dropped; check the end of the article", line)])
    replaced = raw.decode("utf-8", errors="replace")
    invalid = replaced.count("\ufffd")
    valid_non_ascii = sum(1 for char in replaced if ord(char) > 127) - invalid
    if valid_non_ascii >= _MIXED_MIN_VALID_PER_INVALID * invalid:
        return DecodedText(replaced, "utf-8", [Problem(
            f"mixes UTF-8 with another encoding: {invalid} invalid byte(s), the first on this line",
            f"They are shown as \ufffd. {_SAVE_AS_UTF8}, fixing that passage", line)])
    return _decode_legacy(raw, line)


def _decode_legacy(raw: bytes, first_bad_line: int) -> DecodedText:
    guess = charset_normalizer.from_bytes(raw).best()
    if guess is None:
        return _rejected(
            "is not UTF-8 and its encoding could not be recognised (first invalid byte on this line)",
            _SAVE_AS_UTF8, first_bad_line)
    return DecodedText(str(guess), guess.encoding, [Problem(
        f"is not UTF-8; it was read as {guess.encoding}",
        f"{_SAVE_AS_UTF8} to be sure it reads as intended")])


def decode_article(raw: bytes) -> DecodedText:
    """Decode article bytes: BOMs, strict UTF-8, truncated or mixed UTF-8, legacy encodings, binaries."""
    if not raw.strip():
        return _rejected("is empty", "Add the article text, or remove the file")
    decoded = _decode_with_bom(raw)
    if decoded is None:
        if b"\x00" in raw[:4096]:
            return _rejected("looks like a binary file (it contains NUL bytes), not text",
                             "Only plain-text .txt articles belong in the content folder")
        try:
            decoded = DecodedText(raw.decode("utf-8"), "utf-8")
        except UnicodeDecodeError as error:
            decoded = _decode_broken_utf8(raw, error)
    if decoded.text and _control_share(decoded.text) > _MAX_CONTROL_SHARE:
        return _rejected("looks like a binary file (it is full of control characters), not text",
                         "Only plain-text .txt articles belong in the content folder")
    if decoded.text and not decoded.text.strip():
        return _rejected("is empty", "Add the article text, or remove the file")
    return decoded
