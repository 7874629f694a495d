"""What an .ics file is read into and written from: plain frozen records, no library types.

``IcsEvent`` is one occurrence of one calendar event, as the database will keep it; its key
``(uid, recurrence_id)`` is unique within a read, so importing the same feed twice can match
every occurrence to the row it made the first time.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

MAX_ICS_BYTES = 20_000_000  # "20 MB": larger calendar files are refused before parsing
KIND_PROPERTY = "X-NETRHYTHM-KIND"  # "event" or "follow-up" on what netrhythm exports
FOLLOW_UP_KIND = "follow-up"
EVENT_KIND = "event"
UID_DOMAIN = "netrhythm"
# ``event-12.k3v9x2@netrhythm``: kind, id, and the id of the database that wrote it
_OWN_UID = re.compile(r"^(event|follow-up)-(\d+)\.([0-9a-z]{1,32})@netrhythm$")
DATABASE_ID = re.compile(r"^[0-9a-z]{1,32}$")


def event_uid(event_id: int, database: str) -> str:
    """The stable UID an exported event carries: ``event-12.k3v9x2@netrhythm``, where
    ``database`` (letters and digits) names the database, so that two netrhythm databases
    exported into one calendar never share a UID."""
    return f"event-{event_id}.{_checked(database)}@{UID_DOMAIN}"


def follow_up_uid(follow_up_id: int, database: str) -> str:
    """The stable UID an exported follow-up carries: ``follow-up-7.k3v9x2@netrhythm``."""
    return f"follow-up-{follow_up_id}.{_checked(database)}@{UID_DOMAIN}"


def own_id(uid: str, database: str, kind: str = EVENT_KIND) -> int | None:
    """The id in a UID that the database ``database`` wrote (``event-12.k3v9x2@netrhythm``
    -> 12 for ``k3v9x2``), else None: another database's UIDs are not its own."""
    found = _OWN_UID.match(uid)
    if found and found.group(1) == kind and found.group(3) == database:
        return int(found.group(2))
    return None


def is_netrhythm_uid(uid: str, kind: str) -> bool:
    """True for a UID of that kind written by any netrhythm database."""
    found = _OWN_UID.match(uid)
    return bool(found and found.group(1) == kind)


def _checked(database: str) -> str:
    if not DATABASE_ID.match(database):
        raise ValueError(f"a database id is 1-32 lowercase letters and digits, not {database!r}")
    return database


@dataclass(frozen=True, slots=True)
class Window:
    """Local dates from ``first`` to ``last``, both included."""

    first: date
    last: date

    @classmethod
    def around(cls, today: date, months: int = 12) -> Window:
        """From ``months`` before ``today`` to ``months`` after it (the import window)."""
        return cls(_add_months(today, -months), _add_months(today, months))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= _day(day) <= self.last

    def intersect(self, other: Window | None) -> Window | None:
        """The days in both windows, or None when they do not overlap."""
        if other is None:
            return self
        first, last = max(self.first, other.first), min(self.last, other.last)
        return Window(first, last) if first <= last else None


@dataclass(frozen=True, slots=True)
class IcsEvent:
    """One occurrence read from a calendar file.

    ``start``/``end`` are aware datetimes, or dates when ``all_day`` (an all-day event is a
    date, never midnight UTC); ``end`` is exclusive, as DTEND is. ``local_start``/``local_end``
    are the same moments as naive wall times in the zone the caller reads in (dates stay
    dates). ``tz`` names the zone the file gave: an IANA name, ``UTC``, or ``""`` for times
    without a zone, which are read as local. ``recurrence_id`` is None for a one-off event,
    else the occurrence's original start as iCalendar text (``20260303T190000Z``, UTC for
    zoned times; ``20260303`` for dates; no ``Z`` for floating times). ``line`` is where the
    VEVENT it came from begins in the file.
    """

    uid: str
    recurrence_id: str | None
    sequence: int
    name: str
    all_day: bool
    start: datetime | date
    end: datetime | date
    tz: str
    local_start: datetime | date
    local_end: datetime | date
    location: str = ""
    url: str = ""
    description: str = ""
    cancelled: bool = False
    line: int = 0

    @property
    def key(self) -> tuple[str, str | None]:
        """What identifies this occurrence across imports: (UID, RECURRENCE-ID)."""
        return (self.uid, self.recurrence_id)

    @property
    def local_date(self) -> date:
        """The local day it starts on."""
        return _day(self.local_start)

    @property
    def last_day(self) -> date:
        """The last local day it covers (DTEND is exclusive: an event ending at midnight or
        an all-day event ending on the 4th covers up to the 3rd)."""
        if isinstance(self.local_end, datetime):
            end = self.local_end - timedelta(microseconds=1)
            return max(end.date(), self.local_date)
        return max(self.local_end - timedelta(days=1), self.local_date)


@dataclass(frozen=True, slots=True)
class IcsRead:
    """Everything a read found: occurrences (sorted by start) and what was left out.

    ``window`` is the span that was read (the expansion window narrowed by the date filter):
    an occurrence of one of ``uids`` that is in the database, in this window, and not among
    ``events`` was removed from the feed (EXDATE, deleted), unless a ``match`` filter left it
    out. ``stripped`` counts control characters and bidi overrides removed from text;
    ``own_skipped`` the follow-ups netrhythm itself exported; ``unmatched`` the occurrences
    the ``match`` text left out.
    """

    events: tuple[IcsEvent, ...]
    window: Window
    uids: frozenset[str]
    calendar_name: str = ""
    stripped: int = 0
    own_skipped: int = 0
    unmatched: int = 0


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _add_months(day: date, months: int) -> date:
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))
