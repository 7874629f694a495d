"""Repeat rules (RRULE) checked before they are expanded, so a file cannot stall an import.

Expansion (dateutil, under recurring-ical-events) walks a rule from its DTSTART, one period at
a time, and a rule that can never happen walks on to the year 9999 without yielding: measured
here, ``FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`` takes 7 s, ``FREQ=HOURLY`` with the same filter
12 s, and a file may hold thousands of them. So before expansion:

- rules repeating more often than daily are refused (calendar apps do not offer them);
- a rule whose day filters (BYMONTH, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYDAY) match no day of a
  whole 400-year Gregorian cycle is refused as one that never happens;
- the occurrences up to the end of the window are counted with a cap per rule and per file
  (50,000 daily iterations take about 0.25 s here), so a dense rule from a distant DTSTART is
  refused instead of expanded.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from dateutil.rrule import rrulestr

from netrhythm.domain.errors import InputError

SOURCE = "calendar file"
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
MAX_PER_RULE = 40_000
MAX_PER_FILE = 150_000
_UNTIL = re.compile(r";?UNTIL=[^;]*", re.IGNORECASE)
_CYCLE_START, _CYCLE_DAYS = date(2000, 1, 1), 146_097  # 400 Gregorian years
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass
class Budget:
    """How many more occurrences the rules of one file may walk through."""

    left: int = MAX_PER_FILE


def check_rule(rule: Any, start: date, stop: datetime, line: int, budget: Budget) -> None:
    """Refuse ``rule`` (an icalendar vRecur) when it is too frequent, never happens, or walks
    through more occurrences than the caps between ``start`` and ``stop`` (naive, local)."""
    freq = str((rule.get("FREQ") or [""])[0]).upper()
    if freq not in FREQUENCIES:
        raise InputError(SOURCE, f"line {line}: RRULE repeats {freq.lower() or 'without a FREQ'}"
                                 "; netrhythm imports events that repeat at most daily")
    if not _can_happen(rule, freq):
        raise InputError(SOURCE, f"line {line}: RRULE never happens (no day matches its "
                                 "BY... parts); fix or remove the rule")
    limit = min(MAX_PER_RULE, budget.left)
    walked = _walk(rule, start, stop, limit, line)
    if walked > limit:
        raise InputError(SOURCE, f"line {line}: RRULE makes more than {limit:,} occurrences "
                                 f"from its start ({start:%Y-%m-%d}) to {stop:%Y-%m-%d}; "
                                 "netrhythm cannot expand a rule this dense")
    budget.left -= walked


def _walk(rule: Any, start: date, stop: datetime, limit: int, line: int) -> int:
    first = start if isinstance(start, datetime) else datetime.combine(start, datetime.min.time())
    text = _UNTIL.sub("", rule.to_ical().decode()).lstrip(";")
    until = (rule.get("UNTIL") or [None])[0]
    if until is not None:
        stop = min(stop, _naive(until, start))
    try:
        walked = 0
        for when in rrulestr(text, dtstart=first.replace(tzinfo=None)):
            if when > stop or walked > limit:
                break
            walked += 1
    except (ValueError, TypeError, OverflowError) as exc:
        raise InputError(SOURCE, f"line {line}: RRULE cannot be read ({exc})") from None
    return walked


def _naive(until: date, start: date) -> datetime:
    """UNTIL as a naive time comparable with the naive DTSTART the walk starts from."""
    if not isinstance(until, datetime):
        return datetime.combine(until, datetime.max.time())
    if until.tzinfo is not None and isinstance(start, datetime) and start.tzinfo is not None:
        until = until.astimezone(start.tzinfo)
    return until.replace(tzinfo=None)


def _ints(rule: Any, part: str) -> set[int]:
    return {int(v) for v in rule.get(part) or ()}


def _can_happen(rule: Any, freq: str) -> bool:
    """Whether some day passes the rule's day filters (ordinals of BYDAY within bounds)."""
    months, mdays = _ints(rule, "BYMONTH"), _ints(rule, "BYMONTHDAY")
    ydays, weeks = _ints(rule, "BYYEARDAY"), _ints(rule, "BYWEEKNO")
    days: set[int] = set()
    for value in rule.get("BYDAY") or ():
        text = str(value).upper()
        ordinal = text[:-2].lstrip("+")
        if ordinal and abs(int(ordinal)) > (5 if freq == "MONTHLY" else 53):
            return False
        if text[-2:] in _WEEKDAYS:
            days.add(_WEEKDAYS.index(text[-2:]))
    if any(not 1 <= abs(int(p)) <= 366 for p in rule.get("BYSETPOS") or ()):
        return False
    if not (months or mdays or ydays or weeks or days):
        return True
    for offset in range(_CYCLE_DAYS):
        day = _CYCLE_START + timedelta(days=offset)
        if _matches(day, months, mdays, ydays, weeks, days):
            return True
    return False


def _matches(day: date, months: set[int], mdays: set[int], ydays: set[int], weeks: set[int],
             days: set[int]) -> bool:
    if months and day.month not in months:
        return False
    if days and day.weekday() not in days:
        return False
    if mdays:
        length = calendar.monthrange(day.year, day.month)[1]
        if day.day not in mdays and day.day - length - 1 not in mdays:
            return False
    if ydays:
        yday, length = day.timetuple().tm_yday, 366 if calendar.isleap(day.year) else 365
        if yday not in ydays and yday - length - 1 not in ydays:
            return False
    if weeks:
        week, count = day.isocalendar()[1], date(day.year, 12, 28).isocalendar()[1]
        if week not in weeks and week - count - 1 not in weeks:
            return False
    return True
