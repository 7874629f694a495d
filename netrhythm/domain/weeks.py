"""Calendar weeks that start on the user's chosen weekday.

A week start day is an int like ``date.weekday()``: 0 = Monday ... 6 = Sunday. Every week has
an integer index; consecutive weeks have consecutive indexes, whatever the start day, and the
dates are local calendar dates, so DST changes and ISO years with 53 weeks need no special case.

With a Monday start a week is also an ISO week and is named like ``2026-W48``; with another
start it is named by its first day, ``2026-11-22``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from netrhythm.domain.dates import (
    FIRST_DAY,
    LAST_DAY,
    SUPPORTED,
    WEEKDAY_ABBR,
    quote,
    resolve_date,
    short_date,
)
from netrhythm.domain.errors import InputError

MONDAY = 0
SUNDAY = 6

ACCEPTED_WEEK_FORMS = (
    "this, last, an ISO week like 2026-W48, or a date in that week "
    "(today, yesterday, a weekday name or YYYY-MM-DD)"
)

_ISO_WEEK = re.compile(r"(\d{4})-?w(\d{1,2})", re.ASCII)
_THIS = frozenset({"this", "this week", "current"})
_LAST = frozenset({"last", "last week", "previous"})


def week_index(day: date, week_start: int) -> int:
    """The index of the week that contains ``day``.

    Invariant shared with storage: this is exactly
    ``(day.toordinal() - 1 - week_start) // 7``, so SQL can compute the same index from an
    integer day column holding ``date.toordinal()``. (Ordinal 1, 0001-01-01, is a Monday.)
    """
    return (day.toordinal() - 1 - week_start) // 7


def week_first_day(index: int, week_start: int) -> date:
    """The first day of week ``index`` (a ``week_start`` weekday)."""
    return date.fromordinal(index * 7 + week_start + 1)


def week_last_day(index: int, week_start: int) -> date:
    """The last day of week ``index``."""
    return week_first_day(index, week_start) + timedelta(days=6)


def days_left(today: date, week_start: int) -> int:
    """Days remaining in the week that contains ``today``, today included (1 to 7)."""
    return 7 - (today.toordinal() - 1 - week_start) % 7


def weekday_span(week_start: int) -> str:
    """The days a week covers, like ``Mon–Sun`` or ``Sun–Sat``."""
    return f"{WEEKDAY_ABBR[week_start]}–{WEEKDAY_ABBR[(week_start + 6) % 7]}"


def week_name(index: int, week_start: int) -> str:
    """``2026-W48`` (ISO week, ISO year) with a Monday start, else the first day ``2026-11-22``."""
    first = week_first_day(index, week_start)
    if week_start == MONDAY:
        iso = first.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    return first.isoformat()


def week_label(index: int, week_start: int) -> str:
    """``Mon 23 Nov – Sun 29 Nov 2026``; both years when the week spans a new year."""
    first = week_first_day(index, week_start)
    last = week_last_day(index, week_start)
    if first.year == last.year:
        return f"{short_date(first)} – {short_date(last)} {last.year}"
    return f"{short_date(first, with_year=True)} – {short_date(last, with_year=True)}"


def weeks_from(week: int, current: int) -> str:
    """``this week``, ``next week``, ``last week``, ``in 3 weeks`` or ``5 weeks ago``."""
    if -1 <= week - current <= 1:
        return ("last week", "this week", "next week")[week - current + 1]
    weeks = abs(week - current)
    return f"in {weeks} weeks" if week > current else f"{weeks} weeks ago"


def iso_weeks_in_year(year: int) -> int:
    """52 or 53: the number of ISO weeks in ISO year ``year``."""
    return date(year, 12, 28).isocalendar().week


def parse_week(
    text: str, week_start: int, today: date, field: str = "--week", *, allow_future: bool = False
) -> int:
    """The index of the week ``text`` names, relative to ``today``.

    Accepts ``this``, ``last``, an ISO week (``2026-W48``, ``2026w48``; with a non-Monday start,
    the week containing that ISO week's Monday) or any date form of ``dates.parse_date``,
    meaning the week containing it. Refuses weeks after the current one and ISO weeks that do
    not exist (2025-W53) with ``InputError(field, message)``. With ``allow_future`` (planning
    a paused holiday week) later weeks and ``next`` are accepted too.
    """
    cleaned = text.strip().lower()
    current = week_index(today, week_start)
    if not cleaned:
        raise InputError(field, f"enter a week: {ACCEPTED_WEEK_FORMS}")
    if cleaned in _THIS:
        return current
    if cleaned in _LAST:
        return current - 1
    if allow_future and cleaned in ("next", "next week"):
        return current + 1
    match = _ISO_WEEK.fullmatch(cleaned)
    if match is not None:
        index = week_index(_iso_monday(int(match[1]), int(match[2]), field), week_start)
    else:
        day = resolve_date(cleaned, today, field)
        if day is None:
            raise InputError(
                field, f"{quote(text.strip())} is not a week; use {ACCEPTED_WEEK_FORMS}"
            )
        index = week_index(day, week_start)
    if index > current and not allow_future:
        raise InputError(
            field,
            f"{week_name(index, week_start)} is in the future "
            f"(this week is {week_name(current, week_start)}); pick this week or an earlier one",
        )
    return index


def _iso_monday(year: int, number: int, field: str) -> date:
    """The Monday of ISO week ``number`` of ``year``, refusing weeks that do not exist."""
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise InputError(field, f"{year:04d}-W{number:02d} is out of range: {SUPPORTED}")
    weeks = iso_weeks_in_year(year)
    if not 1 <= number <= weeks:
        raise InputError(
            field,
            f"{year:04d}-W{number:02d} does not exist: {year} has {weeks} ISO weeks "
            f"(W01 to W{weeks})",
        )
    return date.fromisocalendar(year, number, 1)
