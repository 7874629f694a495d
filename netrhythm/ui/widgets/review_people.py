"""The Review screen's people: the rows of ``services.review.people`` (new contacts,
follow-ups done and missed, the give/ask balance, who has gone cold and as of which day), each
a label with a list that wraps under itself."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from netrhythm.services.review.people import PeopleRow
from netrhythm.ui.format import literal

LABEL = 18  # "as of Sun 22 Nov" fits under "Gone cold", with room to breathe
DETAIL = {"Gone cold": "$text-error", "Missed": "$text-error"}


def items(row: PeopleRow) -> list[Content]:
    """The row's entries: names literally, their detail coloured, then ``+N more``."""
    muted = "$text-muted"
    out = [Content.assemble(literal(i.name), (" " if i.name and i.detail else "") + i.detail)
           .stylize(DETAIL.get(row.label, muted), len(i.name), len(i.text))
           for i in row.items]
    if row.more:
        out.append(Content(f"+{row.more} more").stylize(muted))
    return out


def packed(row: PeopleRow, width: int) -> list[Content]:
    """The row's lines: items joined by `` · ``, wrapped under the list, never mid-name; the
    label's ``when`` goes under the label."""
    room = max(10, width - LABEL)
    entries = items(row) or [Content(row.empty).stylize("$text-muted")]
    lines: list[Content] = []
    line = Content("")
    for item in entries:
        if line.cell_length and line.cell_length + 3 + item.cell_length > room:
            lines.append(line)
            line = Content("")
        line = Content.assemble(line, " · ", item) if line.cell_length else item
    lines.append(line)
    if row.when and len(lines) < 2:
        lines.append(Content(""))
    heads = [Content(row.label.ljust(LABEL)).stylize("bold $text-muted"),
             Content(row.when.ljust(LABEL)).stylize("$text-muted")]
    return [Content.assemble(heads[n] if n < len(heads) else " " * LABEL,
                             text.truncate(room, ellipsis=True))
            for n, text in enumerate(lines)]


class ReviewPeople(Widget):
    """The people rows of a review, wrapped to the widget's width."""

    DEFAULT_CSS = "ReviewPeople { height: auto; }"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rows: list[PeopleRow] = []

    def show(self, rows: list[PeopleRow]) -> None:
        self.rows = rows
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        return [line for row in self.rows for line in packed(row, width)] or [Content("")]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_size.width or 76))
