"""Encoding detection: every encoding Marsad reads, and clear errors for the rest."""

from __future__ import annotations

import codecs
import zlib

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from marsad.text.encoding import (
    BinaryInputError,
    DecodedText,
    EmptyInputError,
    EncodingError,
    decode_bytes,
    decode_text,
)

ARTICLE = (
    "طرابلس (رويترز) - قال مسؤولون ليبيون، اليوم الأحد، إن الاشتباكات تجددت في العاصمة.\r\n"
    "وأضاف المتحدث: «الوضع تحت السيطرة» بحسب بيان نشر على www.example.ly في 2019.\n"
)


@pytest.mark.parametrize(
    ("encoding", "expected", "bom"),
    [
        ("utf-8", "utf-8", False),
        ("utf-8-sig", "utf-8", True),
        ("utf-16", "utf-16-le", True),  # Python writes a little-endian BOM here
        ("utf-32", "utf-32-le", True),
        ("cp1256", "cp1256", False),
    ],
)
def test_decodes_each_supported_encoding(encoding: str, expected: str, bom: bool) -> None:
    decoded = decode_bytes(ARTICLE.encode(encoding))
    assert decoded == DecodedText(ARTICLE, expected, had_bom=bom)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(encoding: str) -> None:
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    with_bom = decode_bytes(bom + ARTICLE.encode(encoding))
    assert (with_bom.text, with_bom.encoding, with_bom.had_bom) == (ARTICLE, encoding, True)
    without = decode_bytes(ARTICLE.encode(encoding))
    assert (without.text, without.encoding, without.had_bom) == (ARTICLE, encoding, False)


def test_bomless_utf16_of_pure_arabic_without_any_ascii() -> None:
    # no NUL byte at all: the 0x06 high bytes look like control characters instead
    text = "مرحبا بالعالم العربي"
    assert decode_bytes(text.encode("utf-16-le")).text == text
    assert decode_bytes(text.encode("utf-16-be")).text == text


def test_text_is_returned_as_decoded_including_crlf() -> None:
    assert "\r\n" in decode_bytes(ARTICLE.encode()).text


def test_ascii_is_utf8() -> None:
    assert decode_bytes(b"Reuters - plain ASCII text.") == DecodedText("Reuters - plain ASCII text.", "utf-8")


def test_decode_text_returns_the_string() -> None:
    assert decode_text(ARTICLE.encode("cp1256")) == ARTICLE
    assert str(decode_bytes(ARTICLE.encode())) == ARTICLE


def test_truncated_utf8_is_decoded_with_counted_replacements() -> None:
    data = ARTICLE.encode() * 3 + "ع".encode()[:1]
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.replacements == 1
    assert decoded.text == ARTICLE * 3 + "\ufffd"


def test_mostly_broken_utf8_is_not_silently_accepted() -> None:
    # Latin-1 French: not UTF-8, not Arabic Windows-1256
    with pytest.raises(EncodingError, match="not valid UTF-8") as error:
        decode_bytes("Le président a déclaré à la presse que l'été sera chaud.".encode("latin-1"))
    assert type(error.value) is EncodingError


@pytest.mark.parametrize(
    "data",
    [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"   \n\t  \r\n", "  \n".encode("utf-16")],
)
def test_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInputError, match="empty input"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)),
        zlib.compress(ARTICLE.encode() * 10),
        b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00>\x00\x01\x00\x00\x00",
        ARTICLE.encode() + b"\x00" + ARTICLE.encode(),  # a stray NUL inside UTF-8 text
    ],
    ids=["png", "zip", "zlib", "elf", "nul-in-utf8"],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(BinaryInputError, match="binary data"):
        decode_bytes(data)


def test_bom_followed_by_invalid_bytes_is_a_clear_error() -> None:
    with pytest.raises(EncodingError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfa abc")


def test_errors_are_value_errors() -> None:
    assert issubclass(EncodingError, ValueError)
    assert issubclass(BinaryInputError, EncodingError)
    assert issubclass(EmptyInputError, EncodingError)


def test_non_bytes_argument_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="expects bytes"):
        decode_bytes("نص")  # type: ignore[arg-type]


def test_accepts_bytearray_and_memoryview() -> None:
    data = ARTICLE.encode()
    assert decode_bytes(bytearray(data)).text == ARTICLE
    assert decode_bytes(memoryview(data)).text == ARTICLE


@settings(max_examples=400)
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_raise_only_its_own_errors(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except EncodingError as error:
        assert str(error)
    else:
        assert isinstance(decoded.text, str) and decoded.text.strip()


@given(st.text(min_size=1, max_size=300).filter(lambda t: t.strip()))
@example("0\x06")
def test_any_utf8_text_round_trips_unless_it_holds_control_characters(text: str) -> None:
    has_control = any(ord(c) < 32 and c not in "\t\n\r\x0b\x0c\x1b" or c == "\x7f" for c in text)
    try:
        decoded = decode_bytes(text.encode())
    except BinaryInputError:
        assert has_control
    else:
        if decoded.encoding.startswith("utf-16"):
            # Control bytes are what sends input to the BOM-less UTF-16 guess; "0" + U+0006 is
            # the bytes 30 06, which are also UTF-16-LE «ذ», and the guess rightly takes it.
            assert has_control
        else:
            assert decoded.text == text


@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآىةؤئ ،.؟0123456789", min_size=1, max_size=300))
def test_arabic_text_round_trips_through_every_encoding(text: str) -> None:
    if not text.strip():
        return
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "cp1256"):
        data = text.encode(encoding)
        if encoding == "cp1256" and _is_utf8(data):
            continue  # e.g. "آ،" is C2 A1, which is also UTF-8 "¡": UTF-8 wins by design
        assert decode_bytes(data).text == text, encoding


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
