"""When an event happens, as stored and as the user sees it (the time zone rule).

The rule: a time with a zone is one moment, stored in UTC (``2026-03-12T18:30:00Z``) and shown
in the user's zone; a time its calendar gave without a zone is local wherever the user is,
stored and shown as that wall time (``2026-03-12T19:00:00``); an all-day event is a date (or
a run of dates), never midnight UTC. Ends are exclusive, as iCalendar's DTEND is.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo

from netrhythm.domain.dates import short_date
from netrhythm.domain.records import EventRec


def moment_text(value: datetime) -> str:
    """How a start or end is stored: UTC with ``Z`` for an aware time, else the wall time."""
    if value.tzinfo is None:
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_moment(text: object) -> datetime | None:
    """The stored text back as a datetime: aware (UTC) with ``Z``, naive without; None."""
    if text is None or text == "":
        return None
    value = str(text)
    if value.endswith("Z"):
        return datetime.fromisoformat(value[:-1]).replace(tzinfo=UTC)
    return datetime.fromisoformat(value)


def local(moment: datetime, zone: tzinfo) -> datetime:
    """``moment`` as a wall time in ``zone`` (a wall time stays as it is)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(zone).replace(tzinfo=None)


def days_covered(start: datetime, end: datetime) -> tuple[date, date | None]:
    """The local day a timed event starts on and the last day it covers (None: the same
    day); ``end`` is exclusive: an event that ends at midnight does not cover the next day."""
    first = start.date()
    last = (end - timedelta(microseconds=1)).date() if end > start else first
    return first, (last if last > first else None)


def local_span(event: EventRec, zone: tzinfo) -> tuple[datetime, datetime] | None:
    """A timed event's start and end as wall times in ``zone``; None for a day."""
    if event.starts_at is None:
        return None
    end = event.ends_at if event.ends_at is not None else event.starts_at
    return local(event.starts_at, zone), local(end, zone)


def time_label(event: EventRec, zone: tzinfo) -> str:
    """The hours of an event in ``zone``: ``18:30–20:30``, ``18:30``, ``09:00 – Fri 14 Mar
    17:00`` over several days, ``until Sat 14 Mar`` for all-day days, ``""`` for one day."""
    span = local_span(event, zone)
    if span is None:
        if event.last_day is not None and event.last_day > event.held_on:
            return f"until {short_date(event.last_day)}"
        return ""
    start, end = span
    if end <= start:
        return f"{start:%H:%M}"
    if (end - timedelta(microseconds=1)).date() > start.date():
        return f"{start:%H:%M} – {short_date(end.date())} {end:%H:%M}"
    return f"{start:%H:%M}–{end:%H:%M}"


def shift_days(moment: datetime, days: int, zone: tzinfo) -> datetime:
    """``moment`` moved by whole days on the wall clock of ``zone`` (the same local time on
    another day, across daylight-saving changes); a wall time moves as it is."""
    if moment.tzinfo is None:
        return moment + timedelta(days=days)
    wall = moment.astimezone(zone).replace(tzinfo=None) + timedelta(days=days)
    return wall.replace(tzinfo=zone).astimezone(UTC)
