"""The app's last word on what reaches the terminal: no control characters from the data.

Textual draws user text literally (never as markup), and its ``Content`` drops BEL, BS, VT, FF
and CR, but an ESC, a C1 control (``U+009B`` is a one-byte CSI) or a bidi override in a name
would still be written to the terminal as it is, and act there: a contact another program
named ``ESC ] 0 ; … BEL`` would retitle the window. Typed input and imports never store them
(:mod:`netrhythm.domain.validate`, :mod:`netrhythm.domain.text`), but the database is a file
that other programs can write.

So every line the app draws passes this line filter last (Textual applies an app's line
filters to every line of every widget, borders and titles included): it removes those
characters from the text of each segment. They all take no cells on screen (as Rich measures
them), so removing them keeps every line its width. Textual's own escape sequences are not in
segment text (they come from styles and control segments), so they are untouched.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e]")


class ControlCharacters(LineFilter):
    """Removes control characters and bidi overrides from the text the app draws."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(_UNSAFE.search(text) for text, _, control in segments if not control):
            return segments
        return [segment if segment.control else
                Segment(_UNSAFE.sub("", segment.text), segment.style, segment.control)
                for segment in segments]
