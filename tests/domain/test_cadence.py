"""Keep-in-touch cadence: due date and state of a contact."""

from __future__ import annotations

from datetime import date

from netrhythm.domain.cadence import Due, due_state

TODAY = date(2026, 11, 25)
CREATED = date(2026, 1, 1)


def test_no_cadence_means_no_due_date() -> None:
    assert due_state(date(2026, 11, 1), None, CREATED, None, TODAY) == Due(None, "none", 0)


def test_due_on_counts_from_the_last_contact() -> None:
    due = due_state(date(2026, 11, 2), date(2025, 5, 5), CREATED, 30, TODAY)
    assert due.due_on == date(2026, 12, 2)
    assert due.state == "ok"
    assert due.days_overdue == -7


def test_due_on_falls_back_to_met_on_then_created_on() -> None:
    assert due_state(None, date(2026, 11, 1), CREATED, 10, TODAY).due_on == date(2026, 11, 11)
    assert due_state(None, None, date(2026, 11, 20), 10, TODAY).due_on == date(2026, 11, 30)


def test_overdue_after_the_due_date() -> None:
    due = due_state(date(2026, 10, 1), None, CREATED, 30, TODAY)
    assert due.due_on == date(2026, 10, 31)
    assert (due.state, due.days_overdue) == ("overdue", 25)


def test_due_day_itself_is_due_soon_not_overdue() -> None:
    due = due_state(date(2026, 10, 26), None, CREATED, 30, TODAY)
    assert (due.state, due.days_overdue) == ("due soon", 0)


def test_due_soon_in_the_last_fifth_of_the_cadence() -> None:
    # 30 days: the last 6 days are "due soon".
    assert due_state(date(2026, 11, 1), None, CREATED, 30, TODAY).state == "due soon"  # 6 left
    assert due_state(date(2026, 11, 2), None, CREATED, 30, TODAY).state == "ok"  # 7 left


def test_due_soon_window_rounds_up() -> None:
    # 7 days: a fifth is 1.4, rounded up to 2 days.
    assert due_state(date(2026, 11, 20), None, CREATED, 7, TODAY).state == "due soon"  # 2 left
    assert due_state(date(2026, 11, 21), None, CREATED, 7, TODAY).state == "ok"  # 3 left


def test_daily_cadence_is_due_soon_right_after_contact() -> None:
    # A fifth of one day rounds up to a whole day: the whole cadence is the last fifth.
    assert due_state(TODAY, None, CREATED, 1, TODAY).state == "due soon"
    assert due_state(date(2026, 11, 24), None, CREATED, 1, TODAY).state == "due soon"
    assert due_state(date(2026, 11, 23), None, CREATED, 1, TODAY).state == "overdue"


def test_zero_cadence_is_treated_as_no_cadence() -> None:
    assert due_state(None, None, CREATED, 0, TODAY).state == "none"
