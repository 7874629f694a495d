"""What an import of a calendar changes: each occurrence matched with the events already here.

- An occurrence is matched by (UID, RECURRENCE-ID); an occurrence of an event this database
  exported (``event-12.<its id>@netrhythm``) is matched with event 12 itself (if deleted
  since, it comes back as a new event that keeps that UID, so a third import matches it).
- New: added (unless the calendar says it is cancelled: then there is nothing to add).
- Known: a higher SEQUENCE updates the name, days, times, zone, place and link (never the
  notes, which are the user's once the event is here); the same SEQUENCE changes nothing;
  a lower one is an older copy, skipped. For netrhythm's own events the revision it exported
  as SEQUENCE plays that part.
- Cancelled (STATUS:CANCELLED), or gone from a repeating event it still lists (a later
  EXDATE): the event is removed when nothing links to it (an action, a contact met there, a
  follow-up), else kept and marked cancelled. Only occurrences within the span read count
  as gone, and with ``--match`` only those whose name, place or notes contain the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any

from netrhythm.domain.dates import short_date
from netrhythm.domain.event_times import local
from netrhythm.formats.ics_records import IcsEvent, IcsRead, own_id
from netrhythm.services.calendars.rows import Fitter, event_fields, notes_of
from netrhythm.services.calendars.summary import CalendarSummary
from netrhythm.storage.calendar import StoredEvent


@dataclass
class Plan:
    """The rows to write, and the summary that describes them."""

    summary: CalendarSummary
    new: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    cancel: list[int] = field(default_factory=list)
    remove: list[int] = field(default_factory=list)


def make_plan(read: IcsRead, stored: list[StoredEvent], summary: CalendarSummary, *,
              database: str | None, zone: tzinfo, today: date, match: str = "") -> Plan:
    """Compare what was read with ``stored`` (every event from a calendar, and the ones the
    file's own UIDs name); fill ``summary`` in."""
    plan = Plan(summary)
    by_key = {(s.uid, s.recurrence_id): s for s in stored if s.uid is not None}
    by_id = {s.id: s for s in stored}
    fitter, seen = Fitter(), set()
    summary.read = len(read.events)
    for event in read.events:
        target = by_key.get((event.uid, event.recurrence_id or ""))
        own = own_id(event.uid, database) if database and target is None else None
        target = by_id.get(own) if own is not None else target
        what = f"line {event.line} {event.name} ({_when(event, zone)})"
        if target is None:
            if event.cancelled:
                summary.skipped.append((what, "cancelled in the calendar"))
            else:
                plan.new.append({**event_fields(event, fitter),
                                 "notes": notes_of(event, fitter), "created_on": today})
                summary.added.append(what)
            continue
        seen.add(target.id)
        here = target.revision if own is not None else target.sequence
        if event.sequence < here:
            summary.skipped.append((what, f"an older copy (SEQUENCE {event.sequence}; this "
                                          f"one is at {here})"))
        elif event.cancelled and not target.cancelled:
            _drop(plan, target, what)
        elif event.sequence > here and not event.cancelled:
            fields = event_fields(event, fitter)
            if own is not None:  # netrhythm's own: its calendar's SEQUENCE stays
                fields["sequence"] = target.sequence
            plan.updates.append({**fields, "id": target.id})
            summary.updated.append(what)
        else:
            summary.unchanged += 1
    _gone(plan, read, stored, seen, match)
    summary.shortened = fitter.shortened
    return plan


def _gone(plan: Plan, read: IcsRead, stored: list[StoredEvent], seen: set[int],
          match: str) -> None:
    """Occurrences of the file's events, in the span read, that the file no longer lists."""
    wanted = match.strip().casefold()
    for s in stored:
        if (s.uid in read.uids and s.id not in seen and not s.cancelled
                and s.held_on in read.window
                and (not wanted or any(wanted in text.casefold()
                                       for text in (s.name, s.location, s.notes)))):
            _drop(plan, s, f"{s.name} ({short_date(s.held_on, with_year=True)})",
                  gone=True)


def _drop(plan: Plan, target: StoredEvent, what: str, gone: bool = False) -> None:
    reason = "no longer in the calendar" if gone else "cancelled in the calendar"
    if target.linked:
        plan.cancel.append(target.id)
        plan.summary.cancelled.append(f"{what}: {reason}; kept, marked cancelled")
    else:
        plan.remove.append(target.id)
        plan.summary.removed.append(f"{what}: {reason}")


def _when(event: IcsEvent, zone: tzinfo) -> str:
    day = short_date(event.local_date, with_year=True)
    if event.all_day or not isinstance(event.start, datetime):
        return day
    return f"{day} {local(event.start, zone):%H:%M}"
