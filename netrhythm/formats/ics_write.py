"""Write events and follow-ups as an iCalendar file that calendar apps update, not duplicate.

- Events are timed VEVENTs (or all-day ones when their start is a date) in their own zone,
  with the VTIMEZONE each zone needs.
- Follow-ups due are all-day VEVENTs with ``TRANSP:TRANSPARENT`` (free time, no busy block):
  calendar apps that subscribe to or import a file ignore VTODO, so tasks would not show.
- UIDs are stable and name the database (``event-12.k3v9x2@netrhythm``,
  ``follow-up-7.k3v9x2@netrhythm``), and SEQUENCE comes from the caller, who raises it
  whenever the item changes: a re-import then updates in place.
- ``X-NETRHYTHM-KIND`` marks each item, so reading the file back skips the follow-ups.
- Notes go in DESCRIPTION only when the caller passes them (``notes=None`` leaves them out).

icalendar escapes text (``\\,`` ``\\;`` ``\\\\`` ``\\n``) and folds lines at 75 octets
without splitting a character; the tests check both on the bytes written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import icalendar

from netrhythm import __version__
from netrhythm.formats.ics_records import (
    EVENT_KIND,
    FOLLOW_UP_KIND,
    KIND_PROPERTY,
    event_uid,
    follow_up_uid,
)
from netrhythm.formats.sanitize import strip_unsafe

PRODID = f"-//netrhythm//netrhythm {__version__}//EN"


@dataclass(frozen=True, slots=True)
class EventOut:
    """An event to write: ``start``/``end`` aware datetimes, or dates for an all-day event
    (``end`` exclusive; None for none)."""

    id: int
    name: str
    start: datetime | date
    end: datetime | date | None = None
    sequence: int = 0
    location: str = ""
    url: str = ""
    notes: str | None = None
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class FollowUpOut:
    """A follow-up due on ``due_on`` with ``contact``."""

    id: int
    contact: str
    due_on: date
    sequence: int = 0
    note: str | None = None


def write_ics(events: Iterable[EventOut], follow_ups: Iterable[FollowUpOut] = (), *,
              stamp: datetime, database: str, name: str = "netrhythm") -> bytes:
    """The calendar as bytes (UTF-8, CRLF line ends); ``stamp`` (aware) becomes DTSTAMP and
    ``database`` (the writing database's id) goes into every UID."""
    if stamp.tzinfo is None:
        raise ValueError("stamp must be an aware datetime")
    calendar = icalendar.Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    calendar.add("X-WR-CALNAME", _line(name))
    stamp = stamp.astimezone(UTC)
    days: list[date] = []
    for event in events:
        calendar.add_component(_event(event, stamp, database))
        days.append(_day(event.start))
    for follow_up in follow_ups:
        calendar.add_component(_follow_up(follow_up, stamp, database))
    if days:  # VTIMEZONEs cover the events' years, not icalendar's default 1970-2038
        calendar.add_missing_timezones(date(min(days).year - 1, 1, 1),
                                       date(max(days).year + 2, 1, 1))
    # icalendar adds zones in set order (it varies between runs): sort them, so the same
    # events always give the same bytes
    zones = sorted((c for c in calendar.subcomponents if c.name == "VTIMEZONE"),
                   key=lambda zone: str(zone["TZID"]))
    calendar.subcomponents = zones + [c for c in calendar.subcomponents if c.name != "VTIMEZONE"]
    return calendar.to_ical()


def _event(event: EventOut, stamp: datetime, database: str) -> icalendar.Event:
    for moment in (event.start, event.end):
        if isinstance(moment, datetime) and moment.tzinfo is None:
            raise ValueError(f"event {event.id}: times must be aware datetimes")
    item = _item(event_uid(event.id, database), event.sequence, stamp, EVENT_KIND)
    item.add("SUMMARY", _line(event.name))
    item.add("DTSTART", event.start)
    if event.end is not None:
        item.add("DTEND", event.end)
    if event.location:
        item.add("LOCATION", _line(event.location))
    if event.url:
        item.add("URL", _line(event.url))
    if event.notes:
        item.add("DESCRIPTION", strip_unsafe(event.notes)[0])
    item.add("STATUS", "CANCELLED" if event.cancelled else "CONFIRMED")
    return item


def _follow_up(follow_up: FollowUpOut, stamp: datetime, database: str) -> icalendar.Event:
    item = _item(follow_up_uid(follow_up.id, database), follow_up.sequence, stamp,
                 FOLLOW_UP_KIND)
    item.add("SUMMARY", f"Follow up with {_line(follow_up.contact)}")
    item.add("DTSTART", follow_up.due_on)
    item.add("DTEND", follow_up.due_on + timedelta(days=1))
    item.add("TRANSP", "TRANSPARENT")
    if follow_up.note:
        item.add("DESCRIPTION", strip_unsafe(follow_up.note)[0])
    return item


def _item(uid: str, sequence: int, stamp: datetime, kind: str) -> icalendar.Event:
    item = icalendar.Event()
    item.add("UID", uid)
    item.add("DTSTAMP", stamp)
    item.add("SEQUENCE", max(0, sequence))
    item.add(KIND_PROPERTY, kind)
    return item


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _line(text: str) -> str:
    return strip_unsafe(text, one_line=True)[0]
