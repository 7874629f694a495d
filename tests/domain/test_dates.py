"""Parsing the dates people type, and showing dates back to them."""

from __future__ import annotations

from datetime import date

import pytest

from netrhythm.domain.dates import format_day, parse_date, resolve_date
from netrhythm.domain.errors import InputError

TODAY = date(2026, 11, 25)  # a Wednesday


def test_today_and_yesterday_are_relative_to_the_given_today() -> None:
    assert parse_date("today", TODAY) == TODAY
    assert parse_date("yesterday", TODAY) == date(2026, 11, 24)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("monday", date(2026, 11, 23)),
        ("mon", date(2026, 11, 23)),
        ("Tuesday", date(2026, 11, 24)),
        ("THU", date(2026, 11, 19)),
        ("sunday", date(2026, 11, 22)),
        ("sat", date(2026, 11, 21)),
    ],
)
def test_weekday_name_means_the_most_recent_such_day(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


def test_weekday_name_of_today_means_today() -> None:
    assert parse_date("wednesday", TODAY) == TODAY
    assert parse_date("wed", TODAY) == TODAY


def test_iso_date_is_accepted_and_whitespace_trimmed() -> None:
    assert parse_date("  2026-11-01\n", TODAY) == date(2026, 11, 1)
    assert parse_date(" Yesterday ", TODAY) == date(2026, 11, 24)


def test_backdating_years_is_fine() -> None:
    assert parse_date("2019-02-28", TODAY) == date(2019, 2, 28)


def test_future_date_is_refused_saying_backdating_is_fine() -> None:
    with pytest.raises(InputError) as caught:
        parse_date("2026-11-26", TODAY)
    assert caught.value.field == "--date"
    assert "in the future" in caught.value.message
    assert "backdating is fine" in caught.value.message


def test_future_date_is_allowed_when_asked_for() -> None:
    assert parse_date("2026-12-01", TODAY, allow_future=True) == date(2026, 12, 1)


def test_day_that_does_not_exist_in_the_month_is_refused_clearly() -> None:
    with pytest.raises(InputError) as caught:
        parse_date("2026-02-30", TODAY)
    assert "does not exist" in caught.value.message
    assert "February 2026 has 28 days" in caught.value.message


def test_february_29_exists_only_in_leap_years() -> None:
    assert parse_date("2024-02-29", TODAY) == date(2024, 2, 29)
    with pytest.raises(InputError, match="February 2025 has 28 days"):
        parse_date("2025-02-29", TODAY)


def test_month_13_is_refused() -> None:
    with pytest.raises(InputError, match="month 13 does not exist"):
        parse_date("2026-13-01", TODAY)


@pytest.mark.parametrize("text", ["tomorrow", "99/99/99", "next week", "2026-W48", "1.1.2026"])
def test_unknown_forms_are_refused_listing_the_accepted_ones(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date(text, TODAY)
    message = caught.value.message
    assert "today, yesterday" in message
    assert "YYYY-MM-DD" in message
    assert "\n" not in message
    assert not message.endswith(".")


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_date_is_refused(text: str) -> None:
    with pytest.raises(InputError, match="enter a date"):
        parse_date(text, TODAY)


def test_error_names_the_field_given_by_the_caller() -> None:
    with pytest.raises(InputError) as caught:
        parse_date("soon", TODAY, field="date")
    assert caught.value.field == "date"


def test_hostile_text_stays_on_one_short_line_in_the_message() -> None:
    with pytest.raises(InputError) as caught:
        parse_date("x\n" * 500 + "\x00", TODAY)
    assert "\n" not in caught.value.message
    assert len(caught.value.message) < 200


def test_non_ascii_digits_are_not_a_date() -> None:
    assert resolve_date("٢٠٢٦-01-01", TODAY) is None


def test_format_day_says_today_and_yesterday() -> None:
    assert format_day(TODAY, TODAY) == "today"
    assert format_day(date(2026, 11, 24), TODAY) == "yesterday"


def test_format_day_omits_the_year_within_the_same_year() -> None:
    assert format_day(date(2026, 11, 23), TODAY) == "Mon 23 Nov"
    assert format_day(date(2026, 1, 3), TODAY) == "Sat 3 Jan"


def test_format_day_shows_the_year_of_another_year() -> None:
    assert format_day(date(2025, 11, 23), TODAY) == "Sun 23 Nov 2025"


def test_yesterday_across_a_new_year() -> None:
    assert parse_date("yesterday", date(2027, 1, 1)) == date(2026, 12, 31)
    assert format_day(date(2026, 12, 31), date(2027, 1, 1)) == "yesterday"
