"""Dates typed by people, and dates shown to people.

The grammar is small on purpose: ``today``, ``yesterday``, a weekday name (``monday`` or
``mon``, meaning the most recent such day, today included) and ISO ``YYYY-MM-DD``. Backdating
is fine; future dates are refused. "Today" is always a parameter: nothing here reads the clock.

Names of days and months are English constants rather than ``strftime("%a")`` so that output
does not depend on the locale of the machine.

Supported dates run from 1900-01-01 to 2199-12-31 (:data:`FIRST_DAY`, :data:`LAST_DAY`),
checked wherever a date comes in (typed, imported, ``NETRHYTHM_NOW``). That spans any living
person's history and two centuries of plans, and keeps everything derived from a date well
inside what both Python and SQLite compute the same way: day numbers and week indexes stay
positive (SQL integer division truncates where Python's ``//`` floors, so the two agree only
there), ISO week-years keep four digits, and a date plus ten years of cadence never overflows
``date.max`` as 9999-12-31 would.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from netrhythm.domain.errors import InputError

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ABBR = tuple(name[:3] for name in WEEKDAY_NAMES)
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBR = tuple(name[:3] for name in MONTH_NAMES)

ACCEPTED_FORMS = "today, yesterday, a weekday name (monday or mon) or YYYY-MM-DD"
FIRST_DAY = date(1900, 1, 1)  # a Monday: week indexes of the range start on a whole week
LAST_DAY = date(2199, 12, 31)
SUPPORTED = f"netrhythm keeps dates from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_WEEKDAYS = {
    **{name.lower(): number for number, name in enumerate(WEEKDAY_NAMES)},
    **{abbr.lower(): number for number, abbr in enumerate(WEEKDAY_ABBR)},
}


def quote(text: str, limit: int = 40) -> str:
    """``text`` quoted for an error message: one line, shortened, control characters escaped."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(shown)


def parse_date(
    text: str, today: date, field: str = "--date", *, allow_future: bool = False
) -> date:
    """The date ``text`` names, relative to ``today``.

    Raises ``InputError(field, message)`` for empty text, unknown forms, days that do not
    exist (``2026-02-30``) and, unless ``allow_future``, dates after ``today``.
    """
    if not text.strip():
        raise InputError(field, f"enter a date: {ACCEPTED_FORMS}")
    day = resolve_date(text, today, field)
    if day is None:
        raise InputError(field, f"{quote(text.strip())} is not a date; use {ACCEPTED_FORMS}")
    if day > today and not allow_future:
        raise InputError(
            field,
            f"{day.isoformat()} is in the future (today is {today.isoformat()}); "
            "backdating is fine, future dates are not",
        )
    return day


def resolve_date(text: str, today: date, field: str = "--date") -> date | None:
    """The date ``text`` names (future dates included), or None if it is none of the forms.

    Raises ``InputError`` only for a well-formed ISO date that does not exist.
    """
    cleaned = text.strip().lower()
    if cleaned == "today":
        return today
    if cleaned == "yesterday":
        return today - timedelta(days=1)
    if cleaned in _WEEKDAYS:
        return today - timedelta(days=(today.weekday() - _WEEKDAYS[cleaned]) % 7)
    match = _ISO.fullmatch(cleaned)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise InputError(field, f"{match.group()} is out of range: {SUPPORTED}")
    if not 1 <= month <= 12:
        raise InputError(field, f"month {month} does not exist; use YYYY-MM-DD, months 01 to 12")
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise InputError(
            field,
            f"{year:04d}-{month:02d}-{day:02d} does not exist: "
            f"{MONTH_NAMES[month - 1]} {year} has {days_in_month} days",
        )
    return date(year, month, day)


def check_supported(day: date, field: str) -> date:
    """``day`` itself, or an InputError when it is outside the supported range."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InputError(field, f"{day.isoformat()} is out of range: {SUPPORTED}")
    return day


def short_date(day: date, with_year: bool = False) -> str:
    """``Mon 23 Nov``, or ``Mon 23 Nov 2026`` with the year."""
    text = f"{WEEKDAY_ABBR[day.weekday()]} {day.day} {MONTH_ABBR[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def format_day(day: date, today: date) -> str:
    """``today``, ``yesterday``, ``Mon 23 Nov`` (this year) or ``Mon 23 Nov 2025``."""
    if day == today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    return short_date(day, with_year=day.year != today.year)
