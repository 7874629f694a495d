"""Checks on text that people type: every failure names the field and the fix.

Free text (notes, reflections) keeps line breaks and tabs; one-line fields (names, company,
email, location …) keep neither. Neither takes other control characters (C0, DEL, C1) or the
bidi overrides U+202A–U+202E: see :mod:`netrhythm.domain.text` for why.
"""

from __future__ import annotations

import re

from netrhythm.domain.errors import InputError
from netrhythm.domain.text import BIDI_OVERRIDES, describe, find_unsafe

MAX_NAME = 200
MAX_TEXT = 20_000
# Bytes that are not UTF-8 reach Python as lone surrogates (command-line arguments are decoded
# with "surrogateescape"; JSON may spell them "\udc80"): SQLite cannot store them as text.
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str | None, field: str, limit: int = MAX_TEXT) -> str:
    """Optional free text: stripped of surrounding whitespace, line breaks as ``\\n``, no
    control characters but newline and tab, no bidi overrides, bounded."""
    text = (value or "").strip().replace("\r\n", "\n").replace("\r", "\n")
    _refuse_unsafe(text, field, "\n\t")
    if _SURROGATE.search(text):
        raise InputError(field, "is not valid UTF-8 text; check the encoding it was typed or "
                                "saved in")
    if len(text) > limit:
        raise InputError(field, f"is {len(text):,} characters long; the limit is {limit:,}")
    return text


def clean_line(value: str | None, field: str, limit: int = MAX_TEXT) -> str:
    """Optional text on one line (shown on one line, as a hint or in a list): no line break,
    no tab, no other control character."""
    text = clean_text(value, field, limit)
    if "\n" in text:
        raise InputError(field, "must be one line")
    _refuse_unsafe(text, field)
    return text


def _refuse_unsafe(text: str, field: str, allowed: str = "") -> None:
    char = find_unsafe(text, allowed)
    if char is None:
        return
    if char == "\x00":
        raise InputError(field, "contains a NUL byte; remove it")
    if char in BIDI_OVERRIDES:
        raise InputError(field, f"contains {describe(char)}, which reorders the text after it "
                                "on screen; remove it (the marks U+200E, U+200F and the isolates "
                                "U+2066 to U+2069 are fine)")
    raise InputError(field, f"contains a control character, {describe(char)}; remove it")


def clean_name(value: str | None, field: str = "name") -> str:
    """A required one-line name."""
    text = clean_line(value, field, MAX_NAME)
    if not text:
        raise InputError(field, "is empty; give a name")
    return text


def positive_int(value: str | int | None, field: str, *, allow_empty: bool = False,
                 maximum: int = 3650) -> int | None:
    """A whole number from 1 to ``maximum`` (or None when empty and allowed)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if allow_empty:
            return None
        raise InputError(field, "is empty; give a whole number")
    try:
        number = int(str(value).strip())
    except ValueError:
        raise InputError(field, f"{str(value)[:20]!r} is not a whole number") from None
    if not 1 <= number <= maximum:
        raise InputError(field, f"must be between 1 and {maximum}, not {number}")
    return number
