"""Read an .ics file into the occurrences of its events within a window of local dates.

``read_ics`` is the one entry point: bytes in, an ``IcsRead`` out, or an ``InputError`` naming
the line of the first problem (nothing is half-read). Steps: decode and check the shape, split
off text (``ics_lines``); parse zones and repeating events (icalendar), check them
(``ics_check``), repair Google's X-WR-TIMEZONE exports (x-wr-timezone) and expand them within
the window (recurring-ical-events); read one-off events directly (``ics_simple``); skip the
follow-ups netrhythm exported itself; filter by date range and text; keep one occurrence per
(UID, RECURRENCE-ID), the highest SEQUENCE.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
import x_wr_timezone

from netrhythm.domain.errors import InputError
from netrhythm.formats.ics_check import check_event
from netrhythm.formats.ics_lines import BLOCK_PROPERTY, SOURCE, Block, Lines, decode, split
from netrhythm.formats.ics_occurrence import Texts, Timing, to_record
from netrhythm.formats.ics_records import (
    FOLLOW_UP_KIND,
    KIND_PROPERTY,
    IcsEvent,
    IcsRead,
    Window,
    is_netrhythm_uid,
)
from netrhythm.formats.ics_rules import Budget
from netrhythm.formats.ics_simple import read_once
from netrhythm.formats.sanitize import Stripper

_BROKEN = (ValueError, TypeError, KeyError, AttributeError, OverflowError)


def read_ics(data: bytes | str, *, zone: tzinfo, window: Window, dates: Window | None = None,
             match: str = "", source: str = SOURCE) -> IcsRead:
    """The occurrences in ``data`` whose local start date is in ``window`` (and in ``dates``
    when given), read in the local ``zone``; ``match`` keeps those whose name, location or
    description contains it, ignoring case. Errors name ``source`` (the file's name)."""
    span = window.intersect(dates)
    if span is None:
        raise InputError("date range", f"is outside the import window {window.first} to "
                                       f"{window.last}; choose dates within it")
    try:
        lines = split(decode(data.encode("utf-8") if isinstance(data, str) else data))
        reading = _Reading(lines, zone, span, match)
        reading.run()
    except InputError as exc:
        if exc.field != SOURCE:
            raise
        raise InputError(source, exc.message) from None
    return IcsRead(events=tuple(sorted(reading.found.values(), key=_order)), window=span,
                   uids=frozenset(reading.lines_of), calendar_name=reading.calendar_name(),
                   stripped=reading.text.removed, own_skipped=reading.own,
                   unmatched=reading.unmatched)


class _Reading:
    """One read: per-VEVENT text cleaned once, UIDs seen, kept occurrences, counts."""

    def __init__(self, lines: Lines, zone: tzinfo, span: Window, match: str) -> None:
        self.lines, self.zone, self.span = lines, zone, span
        self.match = match.strip().casefold()
        self.text, self.budget = Stripper(), Budget()
        self.uids: dict[int, str] = {}  # block index -> its clean UID
        self.texts: dict[int, Texts] = {}
        self.lines_of: dict[str, int] = {}  # UID -> the line its first VEVENT begins on
        self.repeating: set[str] = set()
        self.found: dict[tuple[str, str | None], IcsEvent] = {}
        self.own = self.unmatched = 0

    def run(self) -> None:
        blocks = self.lines.events
        for index, block in enumerate(blocks):
            self.uids[index] = uid = self.text.line(block.uid)
            if _is_own_follow_up(block, uid):
                self.own += 1
                continue
            self.lines_of.setdefault(uid, block.line)
            if block.repeats:
                self.repeating.add(uid)
        try:  # zones (cached by icalendar for the one-off events too) and repeating events
            calendars = icalendar.Calendar.from_ical(self.lines.text.encode(), multiple=True)
        except _BROKEN as exc:
            raise InputError(SOURCE, f"cannot be read as iCalendar ({exc})") from None
        zones = [_calendar_zone(headers) for headers in self.lines.headers]
        for index, block in enumerate(blocks):
            uid = self.uids[index]
            if uid in self.lines_of and uid not in self.repeating:
                self.add(read_once(block, uid, zones[block.calendar]), index)
        for calendar in calendars:
            for component in self.expand(calendar):
                index = int(component[BLOCK_PROPERTY])
                self.add(Timing.of(component, recurring=True), index)

    def expand(self, calendar: Any) -> Iterable[Any]:
        """The occurrences of the repeating events of ``calendar`` near the window (a day's
        margin each side: zones differ), after checking them and their rules."""
        stop = datetime.combine(self.span.last + timedelta(days=2), time.min)
        own: set[int] = set()
        for event in calendar.walk("VEVENT"):
            index = int(event[BLOCK_PROPERTY])
            check_event(event, self.lines.events[index], stop, self.budget)
            event["UID"] = self.uids[index]
            if self.uids[index] not in self.lines_of:
                own.add(id(event))
        calendar.subcomponents = [c for c in calendar.subcomponents if id(c) not in own]
        first = datetime.combine(self.span.first - timedelta(days=1), time.min, self.zone)
        last = datetime.combine(self.span.last + timedelta(days=2), time.min, self.zone)
        try:
            query = recurring_ical_events.of(x_wr_timezone.to_standard(calendar))
        except _BROKEN as exc:
            raise InputError(SOURCE, f"its events cannot be expanded ({exc})") from None
        for series in query.series:
            try:
                occurrences = [o.as_component(False) for o in series.between(first, last)]
            except _BROKEN as exc:
                line = self.lines_of.get(str(series.uid), 0)
                raise InputError(SOURCE, f"line {line}: the event {str(series.uid)!r} cannot "
                                         f"be expanded ({exc})") from None
            yield from occurrences

    def add(self, timing: Timing, index: int) -> None:
        """Keep one occurrence if it starts in the window and contains the match text."""
        block = self.lines.events[index]
        if index not in self.texts:
            self.texts[index] = Texts.of(block, self.text)
        event = to_record(timing, self.texts[index], zone=self.zone, line=block.line)
        if event.local_date not in self.span:
            return
        if self.match and not any(self.match in field.casefold()
                                  for field in (event.name, event.location, event.description)):
            self.unmatched += 1
            return
        kept = self.found.get(event.key)
        if kept is None or event.sequence >= kept.sequence:
            self.found[event.key] = event

    def calendar_name(self) -> str:
        headers = self.lines.headers[0] if self.lines.headers else {}
        return self.text.line(headers.get("X-WR-CALNAME", ("", 0))[0])


def _calendar_zone(headers: dict[str, tuple[str, int]]) -> tzinfo | None:
    """The zone X-WR-TIMEZONE names (Google exports), refused clearly when unknown."""
    name, line = headers.get("X-WR-TIMEZONE", ("", 0))
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        raise InputError(SOURCE, f"line {line}: X-WR-TIMEZONE {name[:40]!r} is not a known "
                                 "time zone") from None


def _is_own_follow_up(block: Block, uid: str) -> bool:
    kind = block.texts.get(KIND_PROPERTY, "").strip().lower()
    return kind == FOLLOW_UP_KIND or is_netrhythm_uid(uid, FOLLOW_UP_KIND)


def _order(event: IcsEvent) -> tuple[datetime, str, str]:
    start = event.local_start
    when = start if isinstance(start, datetime) else datetime.combine(start, time.min)
    return (when, event.uid, event.recurrence_id or "")
