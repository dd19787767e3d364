"""Turn the bytes of a file into text: UTF-8, UTF-16, Windows-1256, or a clear error.

Arabic news arrives as UTF-8 (with or without a byte-order mark), as UTF-16 exported by
Windows tools, and in old archives as Windows-1256. :func:`decode_bytes` decides which,
and refuses what is not text (images, PDFs, archives) or is empty, always with one of
its own exceptions (all :class:`ValueError` subclasses), never another exception type.

The decision, in order:

1. a byte-order mark names the encoding (UTF-8, UTF-32 LE/BE, UTF-16 LE/BE);
2. NUL bytes or many control characters mean UTF-16 without a BOM (tried both ways, kept
   only when the result reads as text) or else binary data;
3. valid UTF-8 is UTF-8 (plain ASCII is UTF-8 too);
4. nearly valid UTF-8 (a few broken sequences among many good ones, e.g. a file cut in
   the middle of a letter) is decoded as UTF-8 with U+FFFD replacements, *counted* in
   :attr:`DecodedText.replacements` so the loss is never silent;
5. otherwise Windows-1256, but only when its bytes above 0x7F decode mostly to Arabic
   letters (a Latin-1 or Cyrillic legacy file is refused rather than garbled).

Limit: a very short Windows-1256 text whose bytes happen to form valid UTF-8 (``آ،`` is
``C2 A1``, UTF-8 for ``¡``) is read as UTF-8; real articles are far too long for that.

The text is returned exactly as decoded (``\\r\\n`` kept): newline and space repair is
the cleaning step's job, which records what it changes.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = [
    "BinaryInputError",
    "DecodedText",
    "EmptyInputError",
    "EncodingError",
    "decode_bytes",
    "decode_text",
]


class EncodingError(ValueError):
    """The bytes are not text in any encoding Marsad reads."""


class BinaryInputError(EncodingError):
    """The bytes look like binary data (an image, archive, executable), not text."""


class EmptyInputError(EncodingError):
    """There is no text: zero bytes, only a byte-order mark, or only whitespace."""


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Decoded text and how it was read.

    ``encoding`` is a Python codec name (``utf-8``, ``utf-16-le``, ``cp1256``, ...);
    ``replacements`` counts broken byte sequences replaced by U+FFFD (step 4 above).
    """

    text: str
    encoding: str
    had_bom: bool = False
    replacements: int = 0

    def __str__(self) -> str:
        return self.text


_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never occur in text (tab, newlines, form feed, vertical tab
# and ESC are allowed; NUL is not).
_BAD_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_BAD_CONTROL_BYTES = re.compile(b"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# More than this share of forbidden control characters means binary data.
_MAX_CONTROL_SHARE = 0.01
# Characters that make decoded UTF-16 plausible: ASCII printable and whitespace, Latin-1
# letters, Arabic (basic, supplement, extended-A, presentation forms), general
# punctuation. A wrong byte order turns ASCII into CJK ideographs, which score nothing.
_TEXTLIKE = re.compile(
    "[\t\n\r\x20-\x7e\u00a0-\u00ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
    "\u2000-\u206f\ufb50-\ufdff\ufe70-\ufeff]"
)
_MIN_TEXTLIKE_SHARE = 0.9
_ARABIC_CHAR = re.compile("[\u0600-\u06ff]")  # Arabic letters, marks, punctuation
_NON_ASCII = re.compile("[^\x00-\x7f]")
_SAMPLE = 1 << 16  # bytes examined by the statistical checks


def decode_bytes(data: bytes | bytearray | memoryview) -> DecodedText:
    """Decode the bytes of one document; raise an :class:`EncodingError` subclass if not text.

    Raises :class:`EmptyInputError` for no text, :class:`BinaryInputError` for binary
    data, :class:`EncodingError` for text in an encoding Marsad does not read. Never
    raises anything else for any bytes (a property test checks this).
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode_bytes expects bytes, got {type(data).__name__}")
    data = bytes(data)
    if not data:
        raise EmptyInputError("empty input: 0 bytes")
    decoded = _decode(data)
    if not decoded.text.strip():
        what = "only a byte-order mark" if not decoded.text else "only whitespace"
        raise EmptyInputError(f"empty input: {what} ({len(data)} bytes)")
    return decoded


def decode_text(data: bytes | bytearray | memoryview) -> str:
    """Just the text of :func:`decode_bytes` (same errors)."""
    return decode_bytes(data).text


def _decode(data: bytes) -> DecodedText:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data[len(bom) :], encoding)

    if b"\x00" in data or _control_share_bytes(data) > _MAX_CONTROL_SHARE:
        utf16 = _guess_utf16(data)
        if utf16 is not None:
            return utf16
        raise BinaryInputError(_binary_message(data))

    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start

    nearly = _nearly_utf8(data)
    if nearly is not None:
        return nearly
    legacy = _guess_cp1256(data)
    if legacy is not None:
        return legacy
    raise EncodingError(
        f"not valid UTF-8 (first bad byte 0x{data[first_bad]:02x} at offset {first_bad}) "
        "and not Arabic Windows-1256; re-save the file as UTF-8"
    )


def _decode_with_bom(body: bytes, encoding: str) -> DecodedText:
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as error:
        raise EncodingError(
            f"starts with a {encoding.upper()} byte-order mark but byte {error.start + 1} "
            f"onwards is not valid {encoding.upper()} ({error.reason})"
        ) from None
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise BinaryInputError(
            f"starts with a {encoding.upper()} byte-order mark but is full of control "
            "characters: binary data, not text"
        )
    return DecodedText(text, encoding, had_bom=True)


def _control_share_bytes(data: bytes) -> float:
    sample = data[:_SAMPLE]
    return len(_BAD_CONTROL_BYTES.findall(sample)) / len(sample)


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    return len(_BAD_CONTROL.findall(sample)) / len(sample)


def _guess_utf16(data: bytes) -> DecodedText | None:
    """UTF-16 without a BOM: the byte order whose text reads as text, if either does."""
    if len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue  # unpaired surrogates: not this byte order
        sample = text[: _SAMPLE // 2]
        share = len(_TEXTLIKE.findall(sample)) / len(sample)
        if best is None or share > best[0]:
            best = (share, encoding, text)
    if best is None or best[0] < _MIN_TEXTLIKE_SHARE:
        return None
    share, encoding, text = best
    if _control_share(text) > _MAX_CONTROL_SHARE:
        return None
    return DecodedText(text, encoding)


def _nearly_utf8(data: bytes) -> DecodedText | None:
    """UTF-8 with a few broken sequences among many good multi-byte ones."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    good = len(_NON_ASCII.findall(text)) - broken
    if broken == 0 or good < 10 * broken:
        return None
    if _control_share(text) > _MAX_CONTROL_SHARE:
        return None
    return DecodedText(text, "utf-8", replacements=broken)


def _guess_cp1256(data: bytes) -> DecodedText | None:
    """Windows-1256 when its non-ASCII bytes are mostly Arabic letters."""
    text = data.decode("cp1256", errors="replace")  # cp1256 defines all 256 bytes
    high = [char for char in text[:_SAMPLE] if char > "\x7f"]
    if not high:
        return None
    arabic = sum(1 for char in high if _ARABIC_CHAR.match(char))
    if arabic / len(high) < 0.6 or _control_share(text) > _MAX_CONTROL_SHARE:
        return None
    return DecodedText(text, "cp1256")


def _binary_message(data: bytes) -> str:
    nul = data.count(b"\x00")
    if nul:
        return f"binary data, not text: {nul} NUL byte(s) in {len(data)} bytes that are not UTF-16 text"
    return f"binary data, not text: too many control characters in {len(data)} bytes"
