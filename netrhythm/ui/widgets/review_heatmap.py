"""The Review screen's heat map: ``services.review.heat``'s map (the month axis, one cell a
week per practice for the last 52 weeks, the legend) coloured by the theme: met, part, none.
The glyphs alone read without colour, as in ``netrhythm review``.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from netrhythm.services.review.build import Review
from netrhythm.services.review.heat import BLANK, LEGEND, HeatMap, heat_map, shade
from netrhythm.ui.format import literal

GLYPH_STYLES = {"█": "$text-success", "·": "$text-error"}  # the others: part done


def cell_style(ratio: float | None) -> str:
    """The theme colour of a cell: met, partly done, or nothing done."""
    if ratio is None:
        return ""
    if ratio >= 1:
        return "$text-success"
    return "$text-warning" if ratio > 0 else "$text-error"


def heat_content(m: HeatMap) -> Content:
    """The map with its axis and legend."""
    muted = "$text-muted"
    lines = [Content.assemble(" " * (m.name_width + 1), (m.axis, muted))]
    for name, cells in m.rows:
        lines.append(Content.assemble(
            literal(name.ljust(m.name_width)), " ",
            *[(shade(c) * m.cell, cell_style(c)) for c in cells]))
    legend: list[Content | str | tuple[str, str]] = []
    for glyph, word in LEGEND:
        legend += [(glyph, GLYPH_STYLES.get(glyph, "$text-warning")), (f" {word}  ", muted)]
    legend.append((BLANK, muted))
    lines.append(Content.assemble(*legend))
    return Content("\n").join(lines)


def show_heat(widget: Static, r: Review, cell: int) -> None:
    """Show ``r``'s map in ``widget``, ``cell`` columns a week; hidden when there is none
    (no practice had begun: the practices panel says what to do)."""
    widget.display = bool(r.heat)
    widget.update(heat_content(heat_map(r, cell)))
