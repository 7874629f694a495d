"""Text from files made safe to store and show: control characters and bidi overrides removed.

The rule for imports (hardening decision): C0 and C1 control characters and the bidi overrides
U+202A-U+202E are stripped and counted rather than failing the whole file; free text keeps its
newlines and tabs. Right-to-left text stays exact: the marks LRM/RLM (U+200E, U+200F) and the
isolates U+2066-U+2069 are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from netrhythm.domain.text import UNSAFE_IN_TEXT

# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings and overrides: the
# characters netrhythm never stores (:mod:`netrhythm.domain.text`).
_UNSAFE = UNSAFE_IN_TEXT
_LINE_BREAKS = re.compile("[\t\n]+")
_SPACES = re.compile("[ \t]+")


@dataclass
class Stripper:
    """Cleans text fields one after another and counts the characters it removed."""

    removed: int = 0

    def text(self, value: str | None) -> str:
        """Free text (descriptions, notes): newlines and tabs kept, CRLF made LF."""
        raw = (value or "").replace("\r\n", "\n").replace("\r", "\n")
        cleaned, count = _UNSAFE.subn("", raw)
        self.removed += count
        return cleaned.strip()

    def line(self, value: str | None) -> str:
        """A one-line field (names, places, links): line breaks become one space."""
        raw = (value or "").replace("\r\n", "\n").replace("\r", "\n")
        raw = _LINE_BREAKS.sub(" ", raw)
        cleaned, count = _UNSAFE.subn("", raw)
        self.removed += count
        return _SPACES.sub(" ", cleaned).strip()


def strip_unsafe(value: str, *, one_line: bool = False) -> tuple[str, int]:
    """``value`` without control characters and bidi overrides, and how many were removed."""
    stripper = Stripper()
    cleaned = stripper.line(value) if one_line else stripper.text(value)
    return cleaned, stripper.removed
