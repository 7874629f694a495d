"""The Review screen's practice table: the rows of ``services.review.rows`` (met or missed
with count and target, streaks, score, the 12-week trend) under a header row, and the line
that says the trend's scale. Archived practices keep their history and say so.
"""

from __future__ import annotations

from textual.content import Content

from netrhythm.services.review.build import Review
from netrhythm.services.review.page import Page
from netrhythm.ui.format import clip, literal

MAX_NAME = 20
STYLES = {"met": "$text-success", "missed": "$text-error", "so far": "$text-warning",
          "paused": "$text-muted"}


def go_to_hint(r: Review, pg: Page) -> str:
    """How to reach the week that has practices, when this one has none (the keys)."""
    if not pg.empty:
        return ""
    if not pg.go_to:
        return "Add one in Settings (,)."
    if r.first_week == r.week + 1:
        return f"Press ] to see {pg.go_to}."
    return "Press ] to move a week on."


def practice_table(pg: Page, go_to_hint: str = "") -> Content:
    """The header row, one line per practice and the trend's scale; when no practice had
    started, why (and ``go_to_hint``: how to see the week that has them)."""
    muted = "$text-muted"
    if not pg.practices:
        return Content("\n").join([Content(pg.empty).stylize(muted),
                                   *([Content(go_to_hint)] if go_to_hint else [])])
    width = min(MAX_NAME, max(len(p.name) for p in pg.practices))
    header = ("  " + "Practice".ljust(width) + " " + "Done".ljust(12) + "Streak" + "Best".rjust(7)
              + "Score".rjust(7) + "  Trend")
    lines = [Content(header).stylize(f"bold {muted}")]
    for p in pg.practices:
        style = STYLES[p.state]
        lines.append(Content.assemble(
            (p.mark + " ", f"bold {style}"),
            literal(clip(p.name, width).ljust(width),
                    f"italic {muted}" if p.archived else "bold"),
            " ", (p.done.ljust(12), style),
            f"{p.streak:>3} wk", (f"{p.best:>4} wk", muted),
            (f"{p.score:>7}", "bold"), "  ", (p.trend, "$text-accent"),
            *(("  archived", muted),) if p.archived else (),
        ))
    lines.append(Content(pg.trend_legend).stylize(muted))
    return Content("\n").join(lines)
