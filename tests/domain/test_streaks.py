"""Periods and streaks: the named edge cases of the spec."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

import pytest

from netrhythm.domain.streaks import (
    Period,
    PracticeRule,
    Streaks,
    history,
    period_bounds,
    streak_if_met,
    streaks,
)
from netrhythm.domain.weeks import week_first_day, week_index, week_last_day

MONDAY, SUNDAY = 0, 6


def counts_of(days: Iterable[date], week_start: int = MONDAY) -> Counter[int]:
    """Actions per week index, as storage's SQL aggregation returns them."""
    return Counter(week_index(day, week_start) for day in days)


def weekly(target: int, created: date, week_start: int = MONDAY, weeks: int = 1) -> PracticeRule:
    return PracticeRule(
        target=target, period_weeks=weeks, anchor_week=week_index(created, week_start)
    )


def met_flags(periods: list[Period]) -> list[bool]:
    return [period.met for period in periods]


def test_empty_history_gives_one_in_progress_period() -> None:
    rule = weekly(3, date(2026, 11, 25))
    periods = history(rule, {}, set(), rule.anchor_week)
    assert len(periods) == 1
    (period,) = periods
    assert (period.count, period.target, period.finished, period.met) == (0, 3, False, False)
    assert streaks(periods) == Streaks(current=0, longest=0)
    assert streak_if_met(periods) == 1


def test_missed_week_breaks_streak() -> None:
    rule = weekly(1, date(2026, 11, 2))  # Monday of W45
    done = [date(2026, 11, 2), date(2026, 11, 16), date(2026, 11, 24)]  # W46 missed
    periods = history(rule, counts_of(done), set(), week_index(date(2026, 11, 25), MONDAY))
    assert met_flags(periods) == [True, False, True, True]
    assert streaks(periods) == Streaks(current=2, longest=2)


def test_in_progress_week_never_breaks_streak() -> None:
    rule = weekly(2, date(2026, 11, 2))
    done = [date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 9), date(2026, 11, 10)]
    periods = history(rule, counts_of(done), set(), week_index(date(2026, 11, 18), MONDAY))
    assert met_flags(periods) == [True, True, False]
    assert periods[-1].finished is False
    assert streaks(periods).current == 2


def test_current_week_already_met_counts_in_current_streak() -> None:
    rule = weekly(1, date(2026, 11, 2))
    done = [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)]
    periods = history(rule, counts_of(done), set(), week_index(date(2026, 11, 17), MONDAY))
    assert periods[-1].met and not periods[-1].finished
    assert streaks(periods) == Streaks(current=3, longest=3)
    assert streak_if_met(periods) == 3


def test_longest_streak_is_the_longest_run_anywhere() -> None:
    rule = weekly(1, date(2026, 9, 7))
    done = [date(2026, 9, 7) + timedelta(weeks=n) for n in (0, 1, 2, 3, 5, 6)]
    periods = history(rule, counts_of(done), set(), week_index(date(2026, 10, 21), MONDAY))
    assert streaks(periods) == Streaks(current=2, longest=4)


def test_action_on_the_last_day_of_a_week_counts_in_that_week() -> None:
    created = date(2026, 11, 23)
    for week_start, last_day in ((MONDAY, date(2026, 11, 29)), (SUNDAY, date(2026, 11, 28))):
        rule = weekly(1, created, week_start)
        current = week_index(last_day + timedelta(days=1), week_start)
        periods = history(rule, counts_of([last_day], week_start), set(), current)
        assert periods[0].count == 1 and periods[0].met and periods[0].finished
        assert periods[1].count == 0


def test_sunday_week_start_groups_sunday_with_the_following_days() -> None:
    created = date(2026, 11, 22)  # a Sunday
    rule = weekly(2, created, SUNDAY)
    done = [date(2026, 11, 22), date(2026, 11, 28), date(2026, 11, 29)]
    periods = history(rule, counts_of(done, SUNDAY), set(), week_index(date(2026, 11, 30), SUNDAY))
    assert week_first_day(periods[0].first_week, SUNDAY) == date(2026, 11, 22)
    assert [p.count for p in periods] == [2, 1]
    assert streaks(periods).current == 1


def test_iso_week_53_exists_and_its_actions_count() -> None:
    rule = weekly(1, date(2026, 12, 21))  # W52
    done = [date(2026, 12, 21), date(2027, 1, 3), date(2027, 1, 4)]  # W52, W53 (Sunday), 2027-W01
    current = week_index(date(2027, 1, 5), MONDAY)
    periods = history(rule, counts_of(done), set(), current)
    assert [week_first_day(p.first_week, MONDAY) for p in periods] == [
        date(2026, 12, 21),
        date(2026, 12, 28),
        date(2027, 1, 4),
    ]
    assert met_flags(periods) == [True, True, True]
    assert streaks(periods).current == 3


def test_practice_created_mid_history_counts_backfilled_actions() -> None:
    rule = weekly(1, date(2026, 11, 25))
    backfilled = [date(2026, 11, 2), date(2026, 11, 10), date(2026, 11, 18)]
    periods = history(rule, counts_of(backfilled), set(), rule.anchor_week)
    assert week_first_day(periods[0].first_week, MONDAY) == date(2026, 11, 2)
    assert met_flags(periods) == [True, True, True, False]
    assert streaks(periods).current == 3


def test_backdated_action_extends_a_streak() -> None:
    rule = weekly(1, date(2026, 11, 9))
    today_week = week_index(date(2026, 11, 25), MONDAY)
    done = [date(2026, 11, 10), date(2026, 11, 17)]
    assert streaks(history(rule, counts_of(done), set(), today_week)).current == 2
    backdated = [*done, date(2026, 11, 5)]  # logged today with --date 2026-11-05
    periods = history(rule, counts_of(backdated), set(), today_week)
    assert streaks(periods).current == 3


def test_periods_before_the_anchor_stay_aligned_to_it() -> None:
    rule = PracticeRule(target=1, period_weeks=2, anchor_week=100)
    assert period_bounds(100, rule) == (100, 101)
    assert period_bounds(101, rule) == (100, 101)
    assert period_bounds(99, rule) == (98, 99)
    assert period_bounds(97, rule) == (96, 97)
    periods = history(rule, {97: 1}, set(), 102)
    assert [(p.first_week, p.last_week) for p in periods] == [
        (96, 97),
        (98, 99),
        (100, 101),
        (102, 103),
    ]


def test_two_week_period_straddling_a_year_end() -> None:
    created = date(2026, 12, 21)  # the fortnight 21 Dec 2026 .. 3 Jan 2027
    rule = weekly(2, created, weeks=2)
    done = [date(2026, 12, 31), date(2027, 1, 3)]
    periods = history(rule, counts_of(done), set(), week_index(date(2027, 1, 4), MONDAY))
    first = periods[0]
    assert week_first_day(first.first_week, MONDAY) == date(2026, 12, 21)
    assert week_last_day(first.last_week, MONDAY) == date(2027, 1, 3)
    assert (first.count, first.met, first.finished) == (2, True, True)
    assert streaks(periods).current == 2  # in weeks


def test_fortnightly_streak_is_reported_in_weeks() -> None:
    rule = PracticeRule(target=1, period_weeks=2, anchor_week=10)
    periods = history(rule, {10: 1, 13: 1, 14: 1}, set(), 15)
    assert streaks(periods) == Streaks(current=6, longest=6)


def test_dst_change_inside_a_week_does_not_change_counts() -> None:
    rule = weekly(2, date(2026, 3, 16))
    done = [date(2026, 3, 28), date(2026, 3, 29), date(2026, 3, 30)]  # clocks change on the 29th
    periods = history(rule, counts_of(done), set(), week_index(date(2026, 3, 30), MONDAY))
    assert [p.count for p in periods] == [0, 2, 1]


def test_week_start_change_keeps_every_action() -> None:
    done = [date(2026, 1, 1) + timedelta(days=n * 3) for n in range(60)]
    created = date(2026, 1, 1)
    current = date(2026, 7, 1)
    totals = []
    for week_start in range(7):
        rule = PracticeRule(2, 1, week_index(created, week_start))
        periods = history(rule, counts_of(done, week_start), set(), week_index(current, week_start))
        totals.append(sum(p.count for p in periods))
    assert totals == [len(done)] * 7


def test_counts_after_the_current_week_are_ignored() -> None:
    rule = PracticeRule(target=1, period_weeks=2, anchor_week=10)
    periods = history(rule, {10: 1, 11: 5, 12: 1, 20: 3}, set(), 10)
    assert [(p.first_week, p.count) for p in periods] == [(10, 1)]
    assert periods[0].met and not periods[0].finished


def test_history_before_the_practice_existed_is_one_empty_period() -> None:
    rule = PracticeRule(target=2, period_weeks=2, anchor_week=10)
    periods = history(rule, {12: 1}, set(), 8)
    assert periods == [Period(8, 9, 0, 2, 2, finished=False, met=False, paused=False)]
    assert streaks(periods) == Streaks(0, 0)


def test_no_periods_means_no_streak() -> None:
    assert streaks([]) == Streaks(0, 0)
    assert streak_if_met([]) == 0


def test_paused_week_neither_breaks_nor_extends_a_streak() -> None:
    rule = PracticeRule(target=1, period_weeks=1, anchor_week=10)
    periods = history(rule, {10: 1, 11: 1, 13: 1}, {12}, 14)
    assert [p.paused for p in periods] == [False, False, True, False, False]
    assert streaks(periods) == Streaks(current=3, longest=3)


def test_paused_week_with_actions_is_still_neutral() -> None:
    rule = PracticeRule(target=1, period_weeks=1, anchor_week=10)
    periods = history(rule, {10: 1, 11: 1}, {11}, 12)
    assert periods[1].paused and not periods[1].met and periods[1].count == 1
    assert streaks(periods).current == 1


def test_partly_paused_period_needs_a_pro_rata_target() -> None:
    rule = PracticeRule(target=3, period_weeks=4, anchor_week=0)
    periods = history(rule, {0: 1, 1: 1}, {2, 3}, 4)
    first = periods[0]
    assert (first.target, first.active_weeks, first.met, first.paused) == (2, 2, True, False)
    assert streaks(periods).current == 2  # only the active weeks count


def test_pro_rata_target_is_at_least_one() -> None:
    rule = PracticeRule(target=1, period_weeks=4, anchor_week=0)
    (period,) = history(rule, {}, {0, 1, 2}, 3)
    assert period.target == 1 and period.active_weeks == 1


def test_streak_if_met_adds_the_period_in_progress() -> None:
    rule = PracticeRule(target=2, period_weeks=2, anchor_week=0)
    periods = history(rule, {0: 2, 2: 1, 3: 1, 4: 1}, set(), 4)
    assert streaks(periods).current == 4
    assert streak_if_met(periods) == 6


def test_streak_if_met_after_a_miss_restarts() -> None:
    rule = PracticeRule(target=1, period_weeks=1, anchor_week=0)
    periods = history(rule, {0: 1}, set(), 2)
    assert streaks(periods).current == 0
    assert streak_if_met(periods) == 1


def test_ratio_is_capped_at_one_and_zero_when_paused() -> None:
    assert Period(0, 0, 5, 3, 1, True, True, False).ratio == 1.0
    assert Period(0, 0, 1, 4, 1, True, False, False).ratio == 0.25
    assert Period(0, 0, 5, 3, 0, True, False, True).ratio == 0.0


@pytest.mark.parametrize(("target", "weeks"), [(0, 1), (1, 0), (-1, 2)])
def test_rule_refuses_nonsense(target: int, weeks: int) -> None:
    with pytest.raises(ValueError):
        PracticeRule(target=target, period_weeks=weeks, anchor_week=0)
