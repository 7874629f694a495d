"""The review's heat map, ready to show: one cell a week per practice for the last 52 weeks,
a month axis on top and a legend under it, the same on the Review screen and in
``netrhythm review``.

Each cell is shaded by how much of the target was done (``█ ▓ ▒ ░ ·``), so it reads without
colour; the screen colours it too. A cell is blank before the practice began and in a
paused week.
"""

from __future__ import annotations

from typing import NamedTuple

from netrhythm.domain.weeks import week_first_day
from netrhythm.services.review.build import Review

SHADES = "·░▒▓█"  # nothing, a little, half, most, met
LEGEND = (("█", "met"), ("▓", "most"), ("▒", "half"), ("░", "a little"), ("·", "none"))
BLANK = "blank: paused or not begun"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MAX_NAME = 22


class HeatMap(NamedTuple):
    """What the map shows: the month axis (``cell`` columns a week), each practice's name
    (the user's text, clipped to ``name_width``) with its ratios, oldest first, and the
    legend."""

    axis: str
    name_width: int
    rows: tuple[tuple[str, tuple[float | None, ...]], ...]
    cell: int = 1

    def legend_text(self) -> str:
        return "  ".join(f"{glyph} {word}" for glyph, word in LEGEND) + f"  {BLANK}"


def shade(ratio: float | None) -> str:
    """One cell: blank before the practice began or in a paused week."""
    if ratio is None:
        return " "
    if ratio >= 1:
        return SHADES[4]
    return SHADES[min(3, int(ratio * 4) + (1 if ratio > 0 else 0))]


def clip(text: str, width: int) -> str:
    """``text`` shortened to ``width`` characters with an ellipsis."""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def month_axis(r: Review, cell: int = 1) -> str:
    """Month names over the weeks they begin in, where there is room for them."""
    weeks = len(r.heat[0].cells) if r.heat else 0
    axis = [" "] * (weeks * cell)
    previous, free_from = None, 0
    for week in range(weeks):
        month = week_first_day(r.heat_first_week + week, r.week_start).month
        at = week * cell
        if month != previous and at >= free_from and at + 3 <= len(axis):
            axis[at:at + 3] = MONTHS[month - 1]
            free_from = at + 4
        previous = month
    return "".join(axis).rstrip()


def heat_map(r: Review, cell: int = 1) -> HeatMap:
    """The map with ``cell`` columns a week (the wide screen uses 2)."""
    width = min(MAX_NAME, max((len(h.practice) for h in r.heat), default=0))
    return HeatMap(month_axis(r, cell), width,
                   tuple((clip(h.practice, width), h.cells) for h in r.heat), cell)


def heat_lines(m: HeatMap) -> list[str]:
    """The map as plain text: the axis, one line per practice, the legend."""
    pad = " " * (m.name_width + 1)
    rows = [f"{name.ljust(m.name_width)} {''.join(shade(c) * m.cell for c in cells)}".rstrip()
            for name, cells in m.rows]
    return [pad + m.axis, *rows, m.legend_text()]
