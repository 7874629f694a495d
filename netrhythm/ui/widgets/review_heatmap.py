"""The Review screen's heat map: one cell per week per practice for the last 52 weeks.

Each cell is shaded by how much of the target was done (``█ ▓ ▒ ░ ·``, the same glyphs as
``netrhythm review``), so it reads without colour; the theme colours it too (met, part,
none). A month axis sits on top, the newest week on the right.
"""

from __future__ import annotations

from textual.content import Content

from netrhythm.domain.weeks import week_first_day
from netrhythm.services.review.build import Review
from netrhythm.services.review.render import shade
from netrhythm.ui.format import clip, literal

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MAX_NAME = 22
LEGEND = (("█", "met", "$success"), ("▓", "most", "$warning"), ("▒", "half", "$warning"),
          ("░", "a little", "$warning"), ("·", "none", "$error"))


def cell_style(ratio: float | None) -> str:
    """The theme colour of a cell: met, partly done, or nothing done."""
    if ratio is None:
        return ""
    if ratio >= 1:
        return "$success"
    return "$warning" if ratio > 0 else "$error"


def month_axis(r: Review, week_start: int, cell: int = 1) -> str:
    """Month names over the weeks they begin in, where there is room for them."""
    weeks = len(r.heat[0].cells) if r.heat else 0
    axis = [" "] * (weeks * cell)
    previous, free_from = None, 0
    for week in range(weeks):
        month = week_first_day(r.heat_first_week + week, week_start).month
        at = week * cell
        if month != previous and at >= free_from and at + 3 <= len(axis):
            axis[at:at + 3] = MONTHS[month - 1]
            free_from = at + 4
        previous = month
    return "".join(axis)


def name_width(r: Review) -> int:
    return min(MAX_NAME, max((len(h.practice) for h in r.heat), default=8))


def heat_map(r: Review, week_start: int, cell: int = 1) -> Content:
    """The map with its axis and a legend, ``cell`` columns per week."""
    if not r.heat:
        return Content("No practices yet. Add one in Settings (,).").stylize("$text-muted")
    width = name_width(r)
    lines = [Content.assemble(" " * (width + 1),
                              (month_axis(r, week_start, cell), "$text-muted"))]
    for row in r.heat:
        cells = Content.assemble(*[(shade(c) * cell, cell_style(c)) for c in row.cells])
        lines.append(Content.assemble(literal(clip(row.practice, width).ljust(width)), " ",
                                      cells))
    legend: list[Content | str | tuple[str, str]] = []
    for glyph, word, style in LEGEND:
        legend += [(glyph, style), (f" {word}  ", "$text-muted")]
    legend.append(("blank: paused", "$text-muted"))
    lines.append(Content.assemble(*legend))
    return Content("\n").join(lines)
