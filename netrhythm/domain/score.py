"""The rhythm score: a 0-100 habit strength that forgives one missed week.

Formula. Start from ``s = 0`` before the first period. For each finished, non-paused period,
oldest first, with completion ratio ``r = min(count / target, 1)``::

    s = s + alpha * (r - s)          alpha = 1 - 0.5 ** (period_weeks / HALF_LIFE_WEEKS)

so the weight of older periods halves every ``HALF_LIFE_WEEKS`` (4) weeks whatever the period
length. Weekly: ``alpha ~= 0.159``, and one missed week from 100 gives about 84. Paused periods
are skipped. The period in progress counts only if it raises the score,
``s = max(s, s + alpha * (r - s))``, so an unfinished week never lowers it. The score is
``100 * s``. (In the spirit of Loop Habit Tracker's habit strength.)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

from netrhythm.domain.streaks import (
    Period,
    PracticeRule,
    close_period,
    history,
    period_as_of,
    period_bounds,
)

HALF_LIFE_WEEKS = 4


def alpha(period_weeks: int) -> float:
    """The smoothing factor for one period of ``period_weeks`` weeks."""
    return 1 - math.pow(0.5, period_weeks / HALF_LIFE_WEEKS)


def _step(score: float, period: Period, weight: float) -> float:
    """``score`` (0..1) after ``period``."""
    if period.paused:
        return score
    moved = score + weight * (period.ratio - score)
    return moved if period.finished else max(score, moved)


def _running(periods: Sequence[Period], weight: float) -> list[float]:
    """The score (0..1) before any period and after each one."""
    out = [0.0]
    for period in periods:
        out.append(_step(out[-1], period, weight))
    return out


def rhythm_score(periods: Sequence[Period], period_weeks: int) -> float:
    """The rhythm score (0..100, unrounded) after ``periods``, oldest first."""
    return 100 * _running(periods, alpha(period_weeks))[-1]


def score_trend(
    rule: PracticeRule,
    counts: Mapping[int, int],
    paused: AbstractSet[int],
    current_week: int,
    weeks: int = 12,
    *,
    periods: Sequence[Period] | None = None,
    closed: bool = False,
) -> list[float]:
    """The score as of each of the last ``weeks`` weeks up to ``current_week``, oldest first.

    The score as of week ``w`` is ``rhythm_score(history(rule, counts, paused, w))``: week
    ``w`` is treated as in progress, except for weeks that are over: those before
    ``current_week``, and ``current_week`` itself when ``closed`` (a finished week under review);
    a period whose last week is over counts as finished, as it does for the score. Computed in
    one pass over the history, because the
    periods finished before ``w``'s period are the same whatever ``w`` is. A caller that
    already holds ``history(rule, counts, paused, current_week)`` may pass it as ``periods``.
    """
    full = history(rule, counts, paused, current_week) if periods is None else periods
    weight = alpha(rule.period_weeks)
    before = _running(full[:-1], weight)  # before[i]: the score after the periods full[:i]
    first_action = min((week for week, count in counts.items() if count > 0), default=None)
    trend = []
    for week in range(current_week - weeks + 1, current_week + 1):
        acted = first_action is not None and first_action <= week
        if not acted and rule.anchor_week > week:
            trend.append(0.0)  # before the practice and its first action: nothing yet
            continue
        first, _ = period_bounds(week, rule)
        index = (first - full[0].first_week) // rule.period_weeks
        as_of = period_as_of(first, rule, counts, paused, week)
        if week < current_week or closed:
            as_of = close_period(as_of, week)
        trend.append(100 * _step(before[index], as_of, weight))
    return trend


def overall_score(scores: Sequence[float]) -> float:
    """The mean of ``scores`` (0 when there are none)."""
    return sum(scores) / len(scores) if scores else 0.0
