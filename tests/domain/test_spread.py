"""Spreading first due days: at most five people become due in any week through a spread."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from netrhythm.domain.spread import Start, due_per_week, first_due_days, spread
from netrhythm.domain.weeks import week_first_day, week_index

TODAY = date(2026, 11, 23)  # a Monday


def starts(n: int, cadence: int = 90, last: date | None = None) -> list[Start]:
    return [Start(i, cadence, last, date(2010, 1, 1) + timedelta(days=i)) for i in range(n)]


def test_one_person_alone_is_due_a_cadence_later() -> None:
    assert first_due_days(starts(1), TODAY, spread_out=False) == {0: date(2027, 2, 21)}
    assert first_due_days(starts(1), TODAY, spread_out=True) == {0: date(2027, 2, 21)}


def test_a_thousand_at_once_are_due_five_a_week_oldest_connection_first() -> None:
    people = list(reversed(starts(1000)))  # given newest first: the order is by connection
    dues = first_due_days(people, TODAY, spread_out=True)
    per_week = due_per_week(dues.values(), 0)
    assert max(per_week.values()) == 5 and len(per_week) == 200
    first_week = week_index(TODAY + timedelta(days=90), 0)
    assert min(per_week) == first_week and max(per_week) == first_week + 199
    assert [dues[i] for i in range(6)] == [date(2027, 2, 21)] * 5 + [date(2027, 2, 22)]
    assert sorted(dues, key=lambda k: (dues[k], k)) == list(range(1000))  # oldest first


def test_weeks_already_full_are_skipped() -> None:
    first_week = week_index(TODAY + timedelta(days=90), 0)
    taken = {first_week: 5, first_week + 1: 3}
    dues = first_due_days(starts(4), TODAY, spread_out=True, taken=taken)
    assert list(dues.values()) == [week_first_day(first_week + 1, 0)] * 2 + \
        [week_first_day(first_week + 2, 0)] * 2


def test_a_spread_never_makes_anyone_due_before_today() -> None:
    dues = first_due_days(starts(12, 30, last=date(2020, 1, 1)), TODAY, spread_out=True)
    assert min(dues.values()) == TODAY
    assert Counter(week_index(d, 0) for d in dues.values()) == Counter(
        {week_index(TODAY, 0): 5, week_index(TODAY, 0) + 1: 5, week_index(TODAY, 0) + 2: 2})
    alone = first_due_days(starts(1, 30, last=date(2020, 1, 1)), TODAY, spread_out=False)
    assert alone == {0: date(2020, 1, 31)}  # one person: their real due day, overdue


def test_weeks_follow_the_week_start() -> None:
    sunday = date(2027, 2, 21)
    sunday_weeks = spread([(i, sunday) for i in range(6)], {}, week_start=6)
    assert sorted(sunday_weeks.values()) == [sunday] * 5 + [date(2027, 2, 28)]  # next Sunday
    monday_weeks = spread([(i, sunday) for i in range(6)], {}, week_start=0)
    assert sorted(monday_weeks.values()) == [sunday] * 5 + [date(2027, 2, 22)]  # next day
