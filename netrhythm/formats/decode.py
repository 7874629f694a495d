"""Bytes to text: UTF-8 with or without a byte-order mark, and UTF-16 (what Excel writes).

Anything else is refused with the line and byte offset of the first bad byte, so the person can
re-save the file as UTF-8 instead of importing mangled names.
"""

from __future__ import annotations

import codecs

from netrhythm.domain.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FIX = "save it as UTF-8 (or UTF-16) and import again"


def _line_of(data: bytes, offset: int, width: int = 1) -> int:
    newline = "\n".encode("utf-16-le") if width == 2 else b"\n"
    return data.count(newline, 0, offset) + 1


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: ASCII text has a NUL in every other byte."""
    sample = data[:400]
    if len(sample) < 4 or len(data) % 2:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.4 and even == 0:
        return "utf-16-le"
    if even > half * 0.4 and odd == 0:
        return "utf-16-be"
    return None


def decode(data: bytes, source: str) -> str:
    """The text of a file, or an InputError naming the first byte that is not valid."""
    codec = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    codec = codec or _utf16_without_bom(data) or "utf-8"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        width = 2 if "16" in codec else 1
        line = _line_of(data, exc.start, width)
        raise InputError(
            source,
            f"line {line}: the byte at offset {exc.start} (0x{data[exc.start]:02x}) is not "
            f"valid {codec.replace('-sig', '').upper()}; {_FIX}",
        ) from None
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError(source, f"line {line}: contains a NUL byte; {_FIX}")
    if not text.strip():
        raise InputError(source, "is empty; there is nothing to import")
    return text


def split_lines(text: str) -> list[str]:
    """Lines split on CRLF, CR or LF only (``str.splitlines`` also splits on \\x0c and \\x85)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
