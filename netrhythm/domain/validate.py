"""Checks on text that people type: every failure names the field and the fix."""

from __future__ import annotations

import re

from netrhythm.domain.errors import InputError

MAX_NAME = 200
MAX_TEXT = 20_000
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Bytes that are not UTF-8 reach Python as lone surrogates (command-line arguments are decoded
# with "surrogateescape"; JSON may spell them "\udc80"): SQLite cannot store them as text.
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str | None, field: str, limit: int = MAX_TEXT) -> str:
    """Optional free text: stripped of surrounding whitespace, no NUL bytes, bounded."""
    text = (value or "").strip()
    if "\x00" in text:
        raise InputError(field, "contains a NUL byte; remove it")
    if _CONTROL.search(text):
        raise InputError(field, "contains a control character; remove it")
    if _SURROGATE.search(text):
        raise InputError(field, "is not valid UTF-8 text; check the encoding it was typed or "
                                "saved in")
    if len(text) > limit:
        raise InputError(field, f"is {len(text):,} characters long; the limit is {limit:,}")
    return text


def clean_line(value: str | None, field: str, limit: int = MAX_TEXT) -> str:
    """Optional text on one line (shown on one line, as a hint or in a list)."""
    text = clean_text(value, field, limit)
    if "\n" in text or "\r" in text:
        raise InputError(field, "must be one line")
    return text


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
