"""Characters that can take over a terminal, and what netrhythm does with them.

Control characters (C0 ``U+0000``–``U+001F``, DEL, C1 ``U+0080``–``U+009F``) start terminal
escape sequences: a name holding ``ESC ] 0 ;`` retitles the window, ``U+009B`` is a one-byte
CSI. Bidi overrides and embeddings (``U+202A``–``U+202E``) reorder everything after them on
the line, so ``U+202E`` makes ``exe.pdf`` read ``fdp.exe``. The rules, everywhere:

- typed input refuses them (notes and reflections keep newline and tab; one-line fields keep
  neither): :mod:`netrhythm.domain.validate`;
- imports strip them (newline and tab kept in free text) and count what they removed:
  :mod:`netrhythm.formats.sanitize`, with :data:`UNSAFE_IN_TEXT`;
- whatever is printed to a terminal has them escaped (``\\x1b``, ``\\u202e``), newline and tab
  aside: :func:`for_terminal`; JSON spells them ``\\u009b`` (:func:`json_escape_unsafe`).

Right-to-left text stays exact: the marks LRM, RLM and ALM and the isolates
``U+2066``–``U+2069`` are neither refused nor stripped nor escaped.
"""

from __future__ import annotations

import re

BIDI_OVERRIDES = "\u202a\u202b\u202c\u202d\u202e"
# Everything that is never shown raw; lone surrogates (bytes that were not UTF-8, decoded
# with "surrogateescape") are escaped on output too, since no terminal encoding takes them.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e]")
# What free text may not hold: the same, but tab and newline.
UNSAFE_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")
_UNSAFE_OUT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\ud800-\udfff]")
_UNSAFE_JSON = re.compile("[\x7f-\x9f\u202a-\u202e]")
_NAMES = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return", "\x1b": "ESC",
          "\x00": "a NUL byte"}


def describe(char: str) -> str:
    """How an error message names an unsafe character: ``ESC (U+001B)``."""
    code = f"U+{ord(char):04X}"
    if char in BIDI_OVERRIDES:
        return f"the bidi override {code}"
    name = _NAMES.get(char)
    return f"{name} ({code})" if name else f"the control character {code}"


def find_unsafe(text: str, allowed: str = "") -> str | None:
    """The first control character or bidi override of ``text`` not in ``allowed``."""
    for found in _UNSAFE.finditer(text):
        if found.group() not in allowed:
            return found.group()
    return None


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8: show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """``text`` safe to print: control characters other than newline and tab, bidi overrides
    and undecodable bytes written as visible escapes (``\\x1b``, ``\\u202e``, ``\\xe9``)."""
    return _UNSAFE_OUT.sub(_escape, text) if _UNSAFE_OUT.search(text) else text


def json_escape_unsafe(json_text: str) -> str:
    """JSON text (``ensure_ascii=False``) with DEL, C1 controls and bidi overrides written as
    ``\\u009b`` escapes: the same data, safe to show. (JSON escapes C0 itself; these characters
    only ever occur inside strings, where an escape means the same character.)"""
    return _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
