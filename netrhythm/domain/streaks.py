"""Periods, met or missed, and streaks, from counts of actions per week.

Weeks are integer indexes (see ``weeks.week_index``). A practice's periods are ``period_weeks``
consecutive weeks aligned to its anchor (the creation week), before the anchor too. History
starts at the earlier of the anchor and the first week with an action, because backfilled
weeks count. The period containing the current week is in progress: it never breaks a
streak, and it extends one only once it is met.

A paused week (holiday) neither breaks nor extends a streak: a fully paused period is
neutral, and a partly paused one needs a pro-rata target, ``ceil(target * active / weeks)``.
Streaks are measured in weeks: a met period adds its active (not paused) weeks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import NamedTuple

# Named tuples: immutable and quick to make (histories hold hundreds of periods).


class _Rule(NamedTuple):
    target: int
    period_weeks: int
    anchor_week: int


class PracticeRule(_Rule):
    """What a practice asks for: ``target`` actions per ``period_weeks`` weeks."""

    __slots__ = ()

    def __new__(cls, target: int, period_weeks: int, anchor_week: int) -> PracticeRule:
        if target < 1 or period_weeks < 1:
            raise ValueError("target and period_weeks must be at least 1, got "
                             f"target={target}, period_weeks={period_weeks}")
        return super().__new__(cls, target, period_weeks, anchor_week)


class Period(NamedTuple):
    """One period of a practice as of some current week."""

    first_week: int
    last_week: int
    count: int  # type: ignore[assignment]  # the field hides tuple.count, unused here
    target: int
    active_weeks: int
    finished: bool
    met: bool
    paused: bool

    @property
    def ratio(self) -> float:
        """Completion ``min(count / target, 1)``; 0 for a paused period."""
        if self.paused:
            return 0.0
        return min(self.count / self.target, 1.0)


class Streaks(NamedTuple):
    """Current and longest streak, in weeks."""

    current: int
    longest: int


def period_bounds(week: int, rule: PracticeRule) -> tuple[int, int]:
    """First and last week index of the period of ``rule`` that contains ``week``."""
    first = rule.anchor_week + (week - rule.anchor_week) // rule.period_weeks * rule.period_weeks
    return first, first + rule.period_weeks - 1


def history_start(rule: PracticeRule, counts: Mapping[int, int], current_week: int) -> int:
    """The earlier of the anchor and the first week up to ``current_week`` with an action."""
    acted = [week for week, count in counts.items() if count > 0 and week <= current_week]
    return min([rule.anchor_week, *acted])


def period_as_of(
    first_week: int,
    rule: PracticeRule,
    counts: Mapping[int, int],
    paused: AbstractSet[int],
    current_week: int,
) -> Period:
    """The period starting at ``first_week``, counting only weeks up to ``current_week``."""
    last_week = first_week + rule.period_weeks - 1
    count = active = 0
    for week in range(first_week, last_week + 1):
        if week <= current_week:
            count += counts.get(week, 0)
        if week not in paused:
            active += 1
    return _period(first_week, last_week, count, active, rule, current_week)


def _period(first_week: int, last_week: int, count: int, active: int, rule: PracticeRule,
            current_week: int) -> Period:
    """A Period from its counts (the pro-rata target of a partly paused period)."""
    is_paused = active == 0
    if is_paused or active == rule.period_weeks:
        target = rule.target
    else:
        target = max(1, -(-rule.target * active // rule.period_weeks))
    return Period(first_week, last_week, count, target, active, last_week < current_week,
                  not is_paused and count >= target, is_paused)


def history(
    rule: PracticeRule,
    counts: Mapping[int, int],
    paused: AbstractSet[int],
    current_week: int,
) -> list[Period]:
    """Every period from the start of history to the one containing ``current_week``.

    ``counts`` maps week index to number of actions; weeks after ``current_week`` are
    ignored, so this also answers "as of week W". The last period is in progress, so the
    list is never empty: asked about a week before the practice existed and before any
    action, it holds just that (empty, unmet) period.
    """
    start = min(history_start(rule, counts, current_week), current_week)
    first, _ = period_bounds(start, rule)
    last, _ = period_bounds(current_week, rule)
    return [period_as_of(week, rule, counts, paused, current_week)
            for week in range(first, last + 1, rule.period_weeks)]


def close_period(period: Period, week: int) -> Period:
    """``period`` as seen once ``week`` is over: finished when ``week`` is its last week."""
    if period.last_week != week or period.finished:
        return period
    return period._replace(finished=True)


def streaks(periods: Sequence[Period]) -> Streaks:
    """Current and longest streak in weeks over ``periods`` (oldest first).

    Met periods add their active weeks; paused periods are skipped; an unmet finished period
    breaks the run; an unmet period in progress neither breaks nor extends it.
    """
    run = longest = 0
    for period in periods:
        if period.paused:
            continue
        if period.met:
            run += period.active_weeks
            longest = max(longest, run)
        elif period.finished:
            run = 0
    return Streaks(current=run, longest=longest)


def streak_if_met(periods: Sequence[Period]) -> int:
    """The current streak, in weeks, once the period in progress is met."""
    if not periods:
        return 0
    last = periods[-1]
    if last.finished or last.paused or last.met:
        return streaks(periods).current
    met_last = last._replace(met=True, count=max(last.count, last.target))
    return streaks([*periods[:-1], met_last]).current
