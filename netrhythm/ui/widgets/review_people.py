"""The Review screen's people: new contacts, follow-ups done and missed, the give/ask balance,
and who has gone cold. Each row is a label with a list that wraps under itself."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from netrhythm.domain.dates import short_date
from netrhythm.services.review.build import Review
from netrhythm.ui.format import literal, plural

LABEL = 14
MAX_COLD = 12


def balance(r: Review) -> Content:
    """``2 given · 0 asked · 7 actions`` and what that means."""
    if r.gives == r.asks == 0:
        verdict = "no gives or asks this week"
    elif r.gives > r.asks:
        verdict = "giving more than asking"
    elif r.asks > r.gives:
        verdict = "asking more than giving: give back soon"
    else:
        verdict = "balanced"
    return Content.assemble((f"{r.gives} given", "bold"), " · ", (f"{r.asks} asked", "bold"),
                            f" · {plural(r.actions, 'action')} — ", (verdict, "$text-muted"))


def rows(r: Review) -> list[tuple[str, list[Content], str]]:
    """(label, items, what to say when there are none) for each row."""
    muted = "$text-muted"
    cold = [Content.assemble(literal(c.name), (f" {c.days_overdue}d", "$text-error"))
            for c in r.gone_cold[:MAX_COLD]]
    if len(r.gone_cold) > MAX_COLD:
        cold.append(Content(f"+{len(r.gone_cold) - MAX_COLD} more").stylize(muted))
    return [
        ("New contacts", [literal(c.name) for c in r.new_contacts], "none this week"),
        ("Follow-ups", [literal(f.contact_name) for f in r.follow_ups_done], "none done"),
        ("Missed", [Content.assemble(literal(f.contact_name),
                                     (f" due {short_date(f.due_on)}", "$text-error"))
                    for f in r.follow_ups_missed], "no follow-up missed"),
        ("Give / ask", [balance(r)], ""),
        ("Gone cold", cold, "nobody: everyone is within their rhythm"),
    ]


def packed(label: str, items: list[Content], empty: str, width: int) -> list[Content]:
    """The row's lines: items joined by `` · ``, wrapped under the list, never mid-name."""
    room = max(10, width - LABEL)
    if not items:
        items = [Content(empty).stylize("$text-muted")]
    lines: list[Content] = []
    line = Content("")
    for item in items:
        if line.cell_length and line.cell_length + 3 + item.cell_length > room:
            lines.append(line)
            line = Content("")
        line = Content.assemble(line, " · ", item) if line.cell_length else item
    lines.append(line)
    head = Content(label.ljust(LABEL)).stylize("bold $text-muted")
    return [Content.assemble(head if n == 0 else " " * LABEL, text.truncate(room, ellipsis=True))
            for n, text in enumerate(lines)]


class ReviewPeople(Widget):
    """The people rows of a review, wrapped to the widget's width."""

    DEFAULT_CSS = "ReviewPeople { height: auto; }"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.review: Review | None = None

    def show(self, r: Review) -> None:
        self.review = r
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        if self.review is None:
            return [Content("")]
        return [line for label, items, empty in rows(self.review)
                for line in packed(label, items, empty, width)]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_size.width or 76))
