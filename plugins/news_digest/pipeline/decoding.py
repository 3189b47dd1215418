"""Turn an article file's bytes into text, or say precisely why it cannot be read."""

from __future__ import annotations

import codecs
import re
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
# Legacy encodings news text actually arrives in; preferred when the detector rates several equally.
_COMMON_LEGACY_ENCODINGS = ("cp1252", "cp1256", "iso8859_6", "latin_1", "iso8859_15")
_CHAOS_TOLERANCE = 0.01
# C0 and C1 control characters other than tab and line breaks.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Text has almost no C0 controls besides tab and newlines; binaries are full of them.
_MAX_CONTROL_SHARE = 0.01
_CONTROL_BYTES = bytes((*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F))
_SNIFF_BYTES = 65536
_MIN_UTF16_NUL_SHARE = 0.05
_NOT_TEXT = "Only plain-text .txt articles belong in the content folder"


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
    return len(_CONTROL_CHARACTERS.findall(sample)) / max(len(sample), 1)


def _rejected(message: str, hint: str, line: int | None = None) -> DecodedText:
    return DecodedText("", "", [Problem.skipped(message, hint, line)])


def _control_byte_share(raw: bytes) -> float:
    sample = raw[:_SNIFF_BYTES]
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / max(len(sample), 1)


def _decode_utf16_without_bom(raw: bytes) -> DecodedText | None:
    """UTF-16 saved without a byte-order mark, else None.

    Spaces, line breaks and Latin letters have a zero high byte in UTF-16: NUL bytes all at odd offsets
    (little-endian) or all at even ones (big-endian); a binary has them at both.
    """
    sample = raw[:_SNIFF_BYTES]
    if len(raw) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # Even Arabic or CJK text has spaces and line breaks in one code unit in twenty; a stray NUL is not UTF-16.
    enough = len(sample) // 2 * _MIN_UTF16_NUL_SHARE
    if odd >= enough and odd > 10 * even:
        encoding = "utf-16-le"
    elif even >= enough and even > 10 * odd:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    if _control_share(text) > _MAX_CONTROL_SHARE:
        return None
    return DecodedText(text, encoding, [Problem(
        f"is UTF-16 without a byte-order mark; it was read as {encoding}", f"{_SAVE_AS_UTF8} to be sure it reads as intended")])


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
    lines = raw.split(b"\n")
    bad_lines: list[int] = []
    utf8_lines_with_non_ascii = 0
    for index, raw_line in enumerate(lines):
        try:
            raw_line.decode("utf-8")
        except UnicodeDecodeError:
            bad_lines.append(index)
        else:
            utf8_lines_with_non_ascii += not raw_line.isascii()
    # Legacy single-byte text rarely forms valid multi-byte UTF-8: real UTF-8 lines with non-ASCII
    # letters beside invalid ones mean a UTF-8 file with a fragment pasted from another encoding.
    if not utf8_lines_with_non_ascii:
        return _decode_legacy(raw, line)
    fragment_encoding = guess_encoding(b"\n".join(lines[index] for index in bad_lines)) or "cp1252"
    for index in bad_lines:
        lines[index] = lines[index].decode(fragment_encoding, errors="replace").encode("utf-8")
    numbers = ", ".join(str(index + 1) for index in bad_lines[:10]) + (", …" if len(bad_lines) > 10 else "")
    return DecodedText(b"\n".join(lines).decode("utf-8"), "utf-8", [Problem(
        f"mixes UTF-8 with another encoding: line(s) {numbers} are not UTF-8 and were read as {fragment_encoding}",
        f"{_SAVE_AS_UTF8}, checking those lines", line)])


def guess_encoding(data: bytes) -> str | None:
    """The detector's encoding for `data`, preferring common news encodings among equally good guesses."""
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    best_chaos = min(match.chaos for match in matches)
    plausible = {match.encoding for match in matches if match.chaos <= best_chaos + _CHAOS_TOLERANCE}
    preferred = next((encoding for encoding in _COMMON_LEGACY_ENCODINGS if encoding in plausible), None)
    return preferred or min(matches, key=lambda match: match.chaos).encoding


def _decode_legacy(raw: bytes, first_bad_line: int) -> DecodedText:
    encoding = guess_encoding(raw)
    if encoding is None:
        return _rejected(
            "is not UTF-8 and its encoding could not be recognised (first invalid byte on this line)",
            _SAVE_AS_UTF8, first_bad_line)
    return DecodedText(raw.decode(encoding, errors="replace"), encoding, [Problem(
        f"is not UTF-8; it was read as {encoding}",
        f"{_SAVE_AS_UTF8} to be sure it reads as intended")])


def decode_article(raw: bytes) -> DecodedText:
    """Decode article bytes: BOMs, UTF-16 without one, strict UTF-8, truncated or mixed UTF-8, legacy encodings, binaries."""
    if not raw.strip():
        return _rejected("is empty", "Add the article text, or remove the file")
    decoded = _decode_with_bom(raw)
    if decoded is None and raw.find(b"\x00", 0, _SNIFF_BYTES) != -1:
        decoded = _decode_utf16_without_bom(raw)
        # A stray NUL or two is a damaged text file (they are removed from the text shown, and reported); many
        # control bytes are a binary, which the legacy-encoding detector would take long to give up on.
        if decoded is None and _control_byte_share(raw) > _MAX_CONTROL_SHARE:
            return _rejected("looks like a binary file (it is full of NUL and other control bytes), not text", _NOT_TEXT)
    if decoded is None:
        try:
            decoded = DecodedText(raw.decode("utf-8"), "utf-8")
        except UnicodeDecodeError as error:
            decoded = _decode_broken_utf8(raw, error)
    if decoded.text and _control_share(decoded.text) > _MAX_CONTROL_SHARE:
        return _rejected("looks like a binary file (it is full of control characters), not text", _NOT_TEXT)
    if decoded.text and not decoded.text.strip():
        return _rejected("is empty", "Add the article text, or remove the file")
    return decoded
