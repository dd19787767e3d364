"""Bytes to text for ingest, through the text layer's ``decode_bytes`` when present.

The text layer (:mod:`marsad.text.encoding`) owns encoding detection; this wrapper only
guarantees ingest a ``decode`` that raises ``ValueError`` with a readable reason for
empty, binary or undecodable input, even in a checkout where that module is missing.
"""

from __future__ import annotations

from collections.abc import Callable


class UndecodableInput(ValueError):
    """Bytes that are empty, binary, or in no encoding we can read."""


def _fallback_decode(data: bytes) -> str:
    if not data.strip():
        raise UndecodableInput("empty input")
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UndecodableInput("binary data (NUL bytes), not text")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise UndecodableInput("not UTF-8 and not Windows-1256 text") from None
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > len(text[:4096]) * 0.05:
        raise UndecodableInput("binary data (control bytes), not text")
    return text


def _resolve() -> Callable[[bytes], str]:
    try:
        from marsad.text.encoding import decode_text
    except ImportError:
        return _fallback_decode
    return decode_text


def decode(data: bytes) -> str:
    """Decode ``data``; ``ValueError`` (with a reason) for empty/binary/unknown bytes."""
    return _resolve()(data)
