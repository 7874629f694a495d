"""Weeks: indexes, names, labels, parsing, and the edge cases of the calendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netrhythm.domain.errors import InputError
from netrhythm.domain.weeks import (
    days_left,
    iso_weeks_in_year,
    parse_week,
    week_first_day,
    week_index,
    week_label,
    week_last_day,
    week_name,
    weekday_span,
)

MONDAY, SUNDAY = 0, 6
TODAY = date(2026, 11, 25)  # Wednesday of 2026-W48

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
week_starts = st.integers(min_value=0, max_value=6)


@given(days, week_starts)
def test_week_index_is_the_documented_ordinal_formula(day: date, week_start: int) -> None:
    assert week_index(day, week_start) == (day.toordinal() - 1 - week_start) // 7


@given(days, week_starts)
def test_week_contains_its_days_and_starts_on_the_start_day(day: date, week_start: int) -> None:
    index = week_index(day, week_start)
    first, last = week_first_day(index, week_start), week_last_day(index, week_start)
    assert first <= day <= last
    assert first.weekday() == week_start
    assert (last - first).days == 6
    assert week_index(first - timedelta(days=1), week_start) == index - 1
    assert week_index(last + timedelta(days=1), week_start) == index + 1


@given(days)
def test_monday_week_name_is_the_iso_week(day: date) -> None:
    iso = day.isocalendar()
    assert week_name(week_index(day, MONDAY), MONDAY) == f"{iso.year}-W{iso.week:02d}"


def test_monday_weeks_are_iso_weeks_named_like_2026_w48() -> None:
    index = week_index(TODAY, MONDAY)
    assert week_name(index, MONDAY) == "2026-W48"
    assert week_first_day(index, MONDAY) == date(2026, 11, 23)
    assert week_last_day(index, MONDAY) == date(2026, 11, 29)


def test_iso_year_with_53_weeks_has_week_53_spanning_the_new_year() -> None:
    assert iso_weeks_in_year(2026) == 53
    index = week_index(date(2026, 12, 28), MONDAY)
    assert week_name(index, MONDAY) == "2026-W53"
    assert week_first_day(index, MONDAY) == date(2026, 12, 28)
    assert week_last_day(index, MONDAY) == date(2027, 1, 3)
    assert week_index(date(2027, 1, 3), MONDAY) == index
    assert week_name(index + 1, MONDAY) == "2027-W01"
    assert week_first_day(index + 1, MONDAY) == date(2027, 1, 4)


def test_iso_year_is_used_not_calendar_year() -> None:
    assert week_name(week_index(date(2024, 12, 30), MONDAY), MONDAY) == "2025-W01"
    assert week_name(week_index(date(2027, 1, 1), MONDAY), MONDAY) == "2026-W53"


def test_sunday_start_week_is_named_by_its_first_day() -> None:
    index = week_index(TODAY, SUNDAY)
    assert week_name(index, SUNDAY) == "2026-11-22"
    assert week_first_day(index, SUNDAY) == date(2026, 11, 22)
    assert week_last_day(index, SUNDAY) == date(2026, 11, 28)
    assert week_index(date(2026, 11, 29), SUNDAY) == index + 1


def test_week_label_gives_the_range_with_the_year_once() -> None:
    assert week_label(week_index(TODAY, MONDAY), MONDAY) == "Mon 23 Nov – Sun 29 Nov 2026"
    assert week_label(week_index(TODAY, SUNDAY), SUNDAY) == "Sun 22 Nov – Sat 28 Nov 2026"


def test_week_label_across_a_new_year_shows_both_years() -> None:
    label = week_label(week_index(date(2026, 12, 31), MONDAY), MONDAY)
    assert label == "Mon 28 Dec 2026 – Sun 3 Jan 2027"


def test_dst_change_inside_a_week_does_not_change_the_week() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    # Clocks go forward on Sunday 2026-03-29 in Europe: that week is 167 hours long.
    start = datetime(2026, 3, 23, 0, 0, tzinfo=berlin)
    end = datetime(2026, 3, 30, 0, 0, tzinfo=berlin)
    assert end.timestamp() - start.timestamp() == 167 * 3600
    index = week_index(date(2026, 3, 29), MONDAY)
    assert week_first_day(index, MONDAY) == date(2026, 3, 23)
    assert week_last_day(index, MONDAY) == date(2026, 3, 29)
    # Actions late on Saturday and just after the change on Sunday: counted by local date.
    before = datetime(2026, 3, 28, 23, 30, tzinfo=berlin)
    after = datetime(2026, 3, 29, 3, 30, tzinfo=berlin)
    assert {week_index(moment.date(), MONDAY) for moment in (before, after)} == {index}
    assert week_index(datetime(2026, 3, 30, 0, 30, tzinfo=berlin).date(), MONDAY) == index + 1


def test_days_left_counts_today() -> None:
    assert days_left(TODAY, MONDAY) == 5
    assert days_left(date(2026, 11, 23), MONDAY) == 7
    assert days_left(date(2026, 11, 29), MONDAY) == 1
    assert days_left(date(2026, 11, 28), SUNDAY) == 1
    assert days_left(date(2026, 11, 29), SUNDAY) == 7


def test_weekday_span_names_the_calendar_days() -> None:
    assert weekday_span(MONDAY) == "Mon–Sun"
    assert weekday_span(SUNDAY) == "Sun–Sat"


@pytest.mark.parametrize("text", ["2026-W48", "2026w48", "2026W48", " 2026-w48 "])
def test_parse_iso_week(text: str) -> None:
    assert parse_week(text, MONDAY, TODAY) == week_index(TODAY, MONDAY)


def test_parse_iso_week_with_sunday_start_means_the_week_containing_its_monday() -> None:
    index = parse_week("2026-W47", SUNDAY, TODAY)
    assert week_first_day(index, SUNDAY) == date(2026, 11, 15)  # contains Mon 16 Nov


def test_parse_this_and_last_week() -> None:
    current = week_index(TODAY, MONDAY)
    assert parse_week("this", MONDAY, TODAY) == current
    assert parse_week("last", MONDAY, TODAY) == current - 1
    assert parse_week("Last", SUNDAY, TODAY) == week_index(TODAY, SUNDAY) - 1


@pytest.mark.parametrize(
    ("text", "day_in_week"),
    [
        ("today", TODAY),
        ("yesterday", date(2026, 11, 24)),
        ("sunday", date(2026, 11, 22)),
        ("2026-01-01", date(2026, 1, 1)),
        ("2026-11-29", date(2026, 11, 29)),  # later this week: still this week
    ],
)
def test_parse_week_from_a_date_means_the_week_containing_it(text: str, day_in_week: date) -> None:
    assert parse_week(text, MONDAY, TODAY) == week_index(day_in_week, MONDAY)


def test_parse_week_53_in_a_year_that_has_it() -> None:
    index = parse_week("2026-W53", MONDAY, date(2027, 1, 10))
    assert week_first_day(index, MONDAY) == date(2026, 12, 28)


def test_parse_week_53_in_a_year_without_it_is_refused_with_the_fix() -> None:
    with pytest.raises(InputError) as caught:
        parse_week("2025-W53", MONDAY, TODAY)
    assert caught.value.field == "--week"
    assert "2025-W53 does not exist" in caught.value.message
    assert "W01 to W52" in caught.value.message


def test_parse_week_zero_is_refused() -> None:
    with pytest.raises(InputError, match="does not exist"):
        parse_week("2026-W00", MONDAY, TODAY)


@pytest.mark.parametrize("text", ["2026-W49", "2026-11-30", "2027-W01"])
def test_future_week_is_refused(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_week(text, MONDAY, TODAY)
    assert "in the future" in caught.value.message
    assert "2026-W48" in caught.value.message


def test_next_week_with_sunday_start_is_future() -> None:
    with pytest.raises(InputError, match="in the future"):
        parse_week("2026-11-29", SUNDAY, TODAY)


@pytest.mark.parametrize("text", ["next", "tomorrow", "W48", "2026-48", ""])
def test_unknown_week_is_refused_listing_the_forms(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_week(text, MONDAY, TODAY)
    assert caught.value.field == "--week"
    assert "2026-W48" in caught.value.message
    assert "this, last" in caught.value.message


def test_invalid_date_in_a_week_says_the_day_does_not_exist() -> None:
    with pytest.raises(InputError, match="February 2026 has 28 days") as caught:
        parse_week("2026-02-30", MONDAY, TODAY)
    assert caught.value.field == "--week"
