"""A calendar occurrence as the fields of an event row, within netrhythm's limits.

Names and places longer than 200 characters and descriptions longer than 20,000 are cut
to the limit with "…" (and counted): a long SUMMARY should not refuse a whole calendar. A link
longer than 200 characters is left out (a cut link leads nowhere), and counted too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from netrhythm.domain.event_times import moment_text
from netrhythm.domain.validate import MAX_NAME, MAX_TEXT
from netrhythm.formats.ics_records import IcsEvent

ELLIPSIS = "…"


@dataclass
class Fitter:
    """Cuts text to the limits and counts what it cut or left out."""

    shortened: int = 0

    def fit(self, text: str, limit: int) -> str:
        if len(text) <= limit:
            return text
        self.shortened += 1
        return text[:limit - 1].rstrip() + ELLIPSIS

    def link(self, url: str) -> str:
        if len(url) <= MAX_NAME:
            return url
        self.shortened += 1
        return ""


def event_fields(event: IcsEvent, fitter: Fitter) -> dict[str, Any]:
    """What an occurrence sets on an event: name, days, times, zone, place, link (not its
    notes: ``notes_of``), UID, RECURRENCE-ID, SEQUENCE."""
    if event.all_day:
        starts = ends = None
    elif event.tz:  # a moment: kept in UTC, shown in the user's zone
        starts, ends = moment_text(_aware(event.start)), moment_text(_aware(event.end))
    else:  # a time without a zone: the wall time, wherever the user is
        starts, ends = moment_text(_wall(event.local_start)), moment_text(_wall(event.local_end))
    last_day = event.last_day
    return {
        "name": fitter.fit(event.name, MAX_NAME),
        "held_on": event.local_date,
        "last_day": last_day if last_day > event.local_date else None,
        "starts_at": starts,
        "ends_at": ends,
        "tz": event.tz if not event.all_day else "",
        "location": fitter.fit(event.location, MAX_NAME),
        "url": fitter.link(event.url),
        "uid": event.uid,
        "recurrence_id": event.recurrence_id or "",
        "sequence": event.sequence,
        "cancelled": False,
    }


def notes_of(event: IcsEvent, fitter: Fitter) -> str:
    """The description, which becomes a new event's notes."""
    return fitter.fit(event.description, MAX_TEXT)


def _aware(value: date) -> datetime:
    assert isinstance(value, datetime) and value.tzinfo is not None
    return value


def _wall(value: date) -> datetime:
    assert isinstance(value, datetime)
    return value.replace(tzinfo=None)
