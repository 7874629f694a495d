"""The Review screen's practice table: met or missed with count and target, streaks, score.

One line per practice under a header row. The 12-week score trend is a sparkline scaled so
that small changes show (the top is always 100); archived practices keep their history and
say so.
"""

from __future__ import annotations

from textual.content import Content

from netrhythm.services.review.build import Review
from netrhythm.services.tracking.progress import PracticeProgress
from netrhythm.ui.format import clip, literal

BARS = "▁▂▃▄▅▆▇█"
MAX_NAME = 20
STATES = {  # state: (mark, style)
    "met": ("✓", "$success"),
    "missed": ("✗", "$error"),
    "so far": ("…", "$warning"),
    "paused": ("‖", "$text-muted"),
}


def state(p: PracticeProgress) -> str:
    """``met``, ``missed``, ``paused``, or ``so far`` while the period is still running."""
    period = p.period
    if period.paused:
        return "paused"
    if period.met:
        return "met"
    return "missed" if period.finished else "so far"


def trend_spark(values: tuple[float, ...]) -> str:
    """A sparkline of scores (0-100) whose floor sits just under the lowest value."""
    if not values:
        return ""
    low = min(80.0, max(0.0, (min(values) // 10) * 10 - 10))
    span = 100.0 - low
    return "".join(BARS[min(7, max(0, int((v - low) / span * 7.999)))] for v in values)


def practice_table(r: Review) -> Content:
    """The header row and one line per practice (a quiet line when there are none)."""
    if not r.practices:
        return Content("No practices had started by this week.").stylize("$text-muted")
    width = min(MAX_NAME, max(len(p.practice.name) for p in r.practices))
    muted = "$text-muted"
    header = ("  " + "Practice".ljust(width) + " " + "Done".ljust(12) + "Streak" + "Best".rjust(7)
              + "Score".rjust(7) + "  Last 12 weeks")
    lines = [Content(header).stylize(f"bold {muted}")]
    for p in r.practices:
        word = state(p)
        mark, style = STATES[word]
        done = f"{p.period.count}/{p.period.target} {word}"
        lines.append(Content.assemble(
            (mark + " ", f"bold {style}"),
            literal(clip(p.practice.name, width).ljust(width),
                    f"italic {muted}" if p.practice.archived else "bold"),
            " ", (done.ljust(12), style),
            f"{p.current_streak:>3} wk", (f"{p.longest_streak:>4} wk", muted),
            (f"{p.score:>7.0f}", "bold"), "  ", (trend_spark(p.trend), "$accent"),
            *(("  archived", muted),) if p.practice.archived else (),
        ))
    return Content("\n").join(lines)
