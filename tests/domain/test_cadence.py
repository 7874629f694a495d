"""Keep-in-touch cadence: due date and state of a contact."""

from __future__ import annotations

from datetime import date

from netrhythm.domain.cadence import Due, due_state, next_due

TODAY = date(2026, 11, 25)
CREATED = date(2026, 1, 1)


def state(last: date | None, cadence: int | None) -> Due:
    """A contact talked to on ``last`` (None: never), with no recorded cadence start."""
    return due_state(next_due(last, cadence, None, None, CREATED), cadence, TODAY)


def test_no_cadence_means_no_due_date() -> None:
    assert state(date(2026, 11, 1), None) == Due(None, "none", 0)


def test_due_on_counts_from_the_last_contact() -> None:
    due = state(date(2026, 11, 2), 30)
    assert due.due_on == date(2026, 12, 2)
    assert due.state == "ok"
    assert due.days_overdue == -7


def test_contact_before_the_cadence_started_gives_way_to_the_first_due_day() -> None:
    start, first = date(2026, 11, 20), date(2027, 2, 22)
    assert next_due(date(2026, 3, 1), 30, start, first, CREATED) == first
    assert next_due(None, 30, start, first, CREATED) == first
    # talking to them once it started: a cadence after that, even past the first due day
    assert next_due(date(2026, 11, 24), 30, start, first, CREATED) == date(2026, 12, 24)
    assert next_due(start, 30, start, first, CREATED) == date(2026, 12, 20)


def test_never_contacted_without_a_start_is_due_a_cadence_after_being_added() -> None:
    assert next_due(None, 10, None, None, date(2026, 11, 20)) == date(2026, 11, 30)
    assert next_due(None, 10, date(2026, 11, 22), None, CREATED) == date(2026, 12, 2)


def test_overdue_after_the_due_date() -> None:
    due = state(date(2026, 10, 1), 30)
    assert due.due_on == date(2026, 10, 31)
    assert (due.state, due.days_overdue) == ("overdue", 25)


def test_due_day_itself_is_due_soon_not_overdue() -> None:
    due = state(date(2026, 10, 26), 30)
    assert (due.state, due.days_overdue) == ("due soon", 0)


def test_due_soon_in_the_last_fifth_of_the_cadence() -> None:
    # 30 days: the last 6 days are "due soon".
    assert state(date(2026, 11, 1), 30).state == "due soon"  # 6 left
    assert state(date(2026, 11, 2), 30).state == "ok"  # 7 left


def test_due_soon_window_rounds_up() -> None:
    # 7 days: a fifth is 1.4, rounded up to 2 days.
    assert state(date(2026, 11, 20), 7).state == "due soon"  # 2 left
    assert state(date(2026, 11, 21), 7).state == "ok"  # 3 left


def test_daily_cadence_is_due_soon_right_after_contact() -> None:
    # A fifth of one day rounds up to a whole day: the whole cadence is the last fifth.
    assert state(TODAY, 1).state == "due soon"
    assert state(date(2026, 11, 24), 1).state == "due soon"
    assert state(date(2026, 11, 23), 1).state == "overdue"


def test_zero_cadence_is_treated_as_no_cadence() -> None:
    assert state(None, 0).state == "none"
    assert due_state(TODAY, 0, TODAY).state == "none"
