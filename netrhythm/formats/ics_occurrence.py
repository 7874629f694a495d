"""One occurrence, from either reading path, turned into a plain ``IcsEvent``.

The time zone rule: a time with a zone keeps it (``start`` is aware, ``tz`` names the zone);
a time without one is local, read in the caller's zone; an all-day event is a date and stays a
date. ``local_start``/``local_end`` are what the user sees: wall times in the caller's zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from typing import Any

from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from netrhythm.formats.ics_lines import Block
from netrhythm.formats.ics_records import IcsEvent
from netrhythm.formats.sanitize import Stripper

NO_TITLE = "(no title)"


@dataclass(frozen=True, slots=True)
class Timing:
    """When one occurrence happens, and which one it is (times as the file gave them)."""

    uid: str
    recurrence_id: str | None
    sequence: int
    start: date
    end: date
    tzid: str | None
    cancelled: bool

    @classmethod
    def of(cls, component: Any, *, recurring: bool) -> Timing:
        """The timing of an occurrence recurring-ical-events expanded."""
        rid = component.get("RECURRENCE-ID")
        return cls(uid=str(component["UID"]),
                   recurrence_id=recurrence_text(rid.dt) if recurring and rid else None,
                   sequence=sequence(component.get("SEQUENCE")),
                   start=component.start, end=component.end,
                   tzid=component["DTSTART"].params.get("TZID"),
                   cancelled=str(component.get("STATUS", "")).upper() == "CANCELLED")


@dataclass(frozen=True, slots=True)
class Texts:
    """The text of one VEVENT, cleaned once (an occurrence shares its VEVENT's text)."""

    name: str
    location: str
    url: str
    description: str

    @classmethod
    def of(cls, block: Block, text: Stripper) -> Texts:
        found = block.texts
        return cls(name=text.line(found.get("SUMMARY")) or NO_TITLE,
                   location=text.line(found.get("LOCATION")),
                   url=text.line(found.get("URL")),
                   description=text.text(found.get("DESCRIPTION")))


def to_record(timing: Timing, texts: Texts, *, zone: tzinfo, line: int) -> IcsEvent:
    """The occurrence as an IcsEvent, read in the local ``zone``."""
    start, end = timing.start, timing.end
    all_day = not isinstance(start, datetime)
    tz = zone_name(timing.tzid, start.tzinfo) if isinstance(start, datetime) else ""
    if not all_day:
        start, end = _aware(start, zone), _aware(end, zone)
    return IcsEvent(
        uid=timing.uid, recurrence_id=timing.recurrence_id, sequence=timing.sequence,
        name=texts.name, all_day=all_day, start=start, end=end, tz=tz,
        local_start=_local(start, zone), local_end=_local(end, zone),
        location=texts.location, url=texts.url, description=texts.description,
        cancelled=timing.cancelled, line=line,
    )


def zone_name(tzid: str | None, tz: tzinfo | None) -> str:
    """The IANA name of a time's zone where it has one (Windows names mapped), ``UTC``, the
    file's own TZID for a zone defined only in the file, or ``""`` for a time without a zone."""
    if tz is None:
        return ""
    key = getattr(tz, "key", None)
    if isinstance(key, str):
        return "UTC" if key in ("UTC", "Etc/UTC", "Etc/GMT", "GMT", "Z") else key
    if tzid:
        cleaned = tzid.strip().strip("/")
        return WINDOWS_TO_OLSON.get(cleaned, cleaned)
    return "UTC" if tz.utcoffset(None) is not None and not tz.utcoffset(None) else ""


def recurrence_text(value: date) -> str:
    """A RECURRENCE-ID as stable text: ``20260303T190000Z`` (UTC) for a time with a zone,
    without ``Z`` for a time without one, ``20260303`` for a date."""
    if not isinstance(value, datetime):
        return value.strftime("%Y%m%d")
    if value.tzinfo is None:
        return value.strftime("%Y%m%dT%H%M%S")
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def sequence(value: Any) -> int:
    """SEQUENCE as a whole number (0 when absent)."""
    return max(0, int(value or 0))


def _aware(value: date, zone: tzinfo) -> datetime:
    if not isinstance(value, datetime):
        raise TypeError("a timed event ends at a date")  # refused earlier by the checks
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def _local(value: date, zone: tzinfo) -> date:
    if isinstance(value, datetime):
        return value.astimezone(zone).replace(tzinfo=None)
    return value
