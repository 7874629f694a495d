"""The top of the Review screen: the four answers of ``services.review.glance`` (kept the
rhythm? slipping? neglected? next week?), styled.

Each line starts with its mark (``✓``, ``!``, ``→``), coloured by its tone; names and the
plan are the user's text, shown literally. A line too long for the width wraps under its
head instead of being cut (at 80 columns "Neglected" names the missed follow-ups too).
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from netrhythm.services.review.glance import Line
from netrhythm.ui.format import literal

TONES = {"good": "$text-success", "warn": "$text-warning", "bad": "$text-error",
         "quiet": "$text-muted", "plan": "$text-accent"}
KINDS = {"text": "", "name": "bold", "note": "", "muted": "$text-muted", "prompt": "italic",
         "key": "$text-muted"}
INDENT = 2  # continuation lines start under the head


def line_content(line: Line) -> Content:
    """One answer: the mark, the head in bold, then its parts (user text literally)."""
    return Content.assemble((line.mark + " ", f"bold {TONES[line.tone]}"),
                            (f"{line.head}: ", "bold"),
                            *(literal(p.text, KINDS[p.kind]) for p in line.parts))


def wrapped(line: Line, width: int) -> list[Content]:
    """``line`` wrapped to ``width``, its continuation lines indented under the head."""
    full = line_content(line)
    first = full.wrap(max(10, width))[0]
    at = len(first.plain)
    plain = full.plain
    while at < len(plain) and plain[at] == " ":
        at += 1  # the space the line broke at
    if at >= len(plain):
        return [first]
    rest = full.divide([at])[1].wrap(max(10, width - INDENT))
    return [first, *(Content.assemble(" " * INDENT, r) for r in rest)]


class ReviewGlance(Widget):
    """The four answers, wrapped to the widget's width."""

    DEFAULT_CSS = "ReviewGlance { height: auto; }"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.answers: list[Line] = []

    def show(self, answers: list[Line]) -> None:
        self.answers = answers
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        return [row for line in self.answers for row in wrapped(line, width)] or [Content("")]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_size.width or 76))
