"""The review's practice rows: met or missed, count and target, streaks, score, and the score's
12-week trend as a sparkline, the same on the Review screen and in ``netrhythm review``.

The trend's scale. Scores are moving averages, so anyone who keeps a habit lives between 70
and 100: on a fixed 0-100 scale every week draws ``▇`` or ``█`` and a fall from 92 to 77
does not show (it did not, in ``netrhythm review``), while a scale whose floor follows each
row's own lowest value (as the screen had) makes a 3-point wobble look like a fall and rows
that cannot be compared, with nothing saying so. So: one scale for every row of a review,
from the lowest score shown rounded down to a multiple of 10 (at most 90) up to 100, and
its range said in words (:func:`trend_legend`). Weeks before a practice began are blank,
not a zero score.
"""

from __future__ import annotations

from typing import NamedTuple

from netrhythm.services.review.build import TREND_WEEKS, Review
from netrhythm.services.tracking.progress import PracticeProgress

BARS = "▁▂▃▄▅▆▇█"
TOP = 100
MARKS = {"met": "✓", "missed": "✗", "so far": "…", "paused": "‖"}


class PracticeRow(NamedTuple):
    """One practice in a review, ready to show."""

    name: str  # the user's text
    archived: bool
    state: str  # met, missed, so far, paused
    mark: str  # ✓ ✗ … ‖ (reads without colour)
    done: str  # "3/3 met"
    streak: int  # weeks
    best: int  # weeks
    score: int
    trend: str  # the sparkline, one cell a week, oldest first; blank before it began


def state(p: PracticeProgress) -> str:
    """``met``, ``missed``, ``paused``, or ``so far`` while the period is still running."""
    period = p.period
    if period.paused:
        return "paused"
    if period.met:
        return "met"
    return "missed" if period.finished else "so far"


def trend_values(p: PracticeProgress, week: int) -> tuple[float | None, ...]:
    """The practice's trend with ``None`` for the weeks before its history began."""
    began = p.periods[0].first_week if p.periods else week
    first = week - len(p.trend) + 1
    return tuple(None if first + n < began else v for n, v in enumerate(p.trend))


def trend_floor(r: Review) -> int:
    """The score at the bottom of every trend of ``r``: the lowest shown, rounded down to a
    multiple of 10, at most 90 (so the scale spans at least 10 points)."""
    shown = [v for p in r.practices for v in trend_values(p, r.week) if v is not None]
    if not shown:
        return 0
    return min(TOP - 10, int(min(shown) // 10 * 10))


def spark(values: tuple[float | None, ...], floor: int) -> str:
    """One bar a week on the scale ``floor``-100 (``▁`` to ``█``); blank for ``None``."""
    span = TOP - floor
    return "".join(" " if v is None else BARS[max(0, min(7, int((v - floor) / span * 8)))]
                   for v in values)


def trend_legend(floor: int) -> str:
    return f"Trend: the score over the last {TREND_WEEKS} weeks, {BARS[0]} {floor} to " \
           f"{BARS[-1]} {TOP}"


def practice_rows(r: Review) -> list[PracticeRow]:
    floor = trend_floor(r)
    rows = []
    for p in r.practices:
        word = state(p)
        rows.append(PracticeRow(
            p.practice.name, p.practice.archived, word, MARKS[word],
            f"{p.period.count}/{p.period.target} {word}", p.current_streak, p.longest_streak,
            round(p.score), spark(trend_values(p, r.week), floor)))
    return rows
