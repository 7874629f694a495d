"""Each VEVENT checked before it is read: every problem becomes an InputError naming its line.

icalendar is forgiving inside events: a value it cannot read is kept as "broken" and noted in
``component.errors``, and a time zone it does not know silently becomes a time without a zone.
Here those become clear refusals for the properties netrhythm reads; properties it does not
read (ATTENDEE, GEO, X-...) never reach icalendar, so one odd field elsewhere in a big export
does not block the import.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from netrhythm.domain.errors import InputError
from netrhythm.formats.ics_lines import SOURCE, TIMES, Block
from netrhythm.formats.ics_rules import Budget, check_rule

_ZONED = ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE")


def check_event(event: Any, block: Block, stop: datetime, budget: Budget) -> None:
    """Refuse ``event`` (an icalendar VEVENT that repeats) when netrhythm cannot read it as it
    is meant, or its rules would take too long to expand."""
    for name, message in event.errors:
        if name is None or name.upper() in TIMES:
            what = f"{name.upper()} cannot be read" if name else "a line cannot be read"
            raise InputError(SOURCE, f"line {line_of(block, name)}: {what} ({message})")
    if "DTSTART" not in event:
        refuse_no_start(block)
    for name in _ZONED:
        values = event.get(name)
        for value in values if isinstance(values, list) else [values] if values else []:
            times = [v.dt for v in value.dts] if hasattr(value, "dts") else [value.dt]
            check_zone(name, value.params.get("TZID"), times, block)
    duration = event["DURATION"].dt if "DURATION" in event else None
    start = event["DTSTART"].dt
    check_times(start, event["DTEND"].dt if "DTEND" in event else None, duration, block)
    for rule in event.rrules if "RRULE" in event else ():
        check_rule(rule, start, stop, line_of(block, "RRULE"), budget)


def check_zone(name: str, tzid: str | None, times: Iterable[date], block: Block) -> None:
    """Refuse times that name a zone icalendar could not find (they came back without one)."""
    if tzid and any(isinstance(t, datetime) and t.tzinfo is None for t in times):
        raise InputError(SOURCE, f"line {line_of(block, name)}: {name} is in the time zone "
                                 f"{tzid!r}, which the file does not define (no VTIMEZONE) "
                                 "and netrhythm does not know")


def check_times(start: date, end: date | None, duration: timedelta | None,
                block: Block) -> None:
    """Refuse an end of another kind than the start, an end before it, a negative duration."""
    if duration is not None and duration < timedelta(0):
        raise InputError(SOURCE, f"line {line_of(block, 'DURATION')}: DURATION is negative")
    if end is None:
        return
    line = line_of(block, "DTEND")
    if isinstance(start, datetime) != isinstance(end, datetime):
        raise InputError(SOURCE, f"line {line}: DTEND and DTSTART must both be dates or both "
                                 "be date-times")
    if isinstance(start, datetime) and isinstance(end, datetime) \
            and (start.tzinfo is None) != (end.tzinfo is None):
        start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
    if end < start:
        raise InputError(SOURCE, f"line {line}: DTEND ({end.isoformat()}) is before DTSTART "
                                 f"({start.isoformat()})")


def refuse_no_start(block: Block) -> None:
    raise InputError(SOURCE, f"line {block.line}: the event has no DTSTART; every event "
                             "needs a start date or time")


def line_of(block: Block, name: str | None) -> int:
    """The line a property of ``block`` is on (the VEVENT's first line when unknown)."""
    return block.props.get(name.upper(), block.line) if name else block.line
