"""Events that come from calendars and go to them: what an import compares with, its writes,
what an export reads, and the days of timed events when the user's zone changes.

Imports write inside the caller's change (:mod:`netrhythm.storage.journal`): new events get
the ids after the largest one, so their inverse is one range delete (as contact imports do);
updates and removals are journaled row by row by the triggers. Every function here is a few
queries, never one per event.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from netrhythm.storage.journal import record_bulk, unrecorded
from netrhythm.storage.tables import Event, database
from netrhythm.storage.transfer import _execute_many, _insert, _next_id

# What an import writes into a new event, in this order.
NEW_FIELDS = ("name", "held_on", "last_day", "starts_at", "ends_at", "tz", "location", "url",
              "notes", "uid", "recurrence_id", "sequence", "cancelled", "created_on")
# What an update from the calendar changes (notes stay the user's).
UPDATE_FIELDS = ("name", "held_on", "last_day", "starts_at", "ends_at", "tz", "location",
                 "url", "sequence", "cancelled")


class StoredEvent(NamedTuple):
    """An event as an import compares it with the calendar."""

    id: int
    uid: str | None
    recurrence_id: str
    sequence: int
    revision: int
    cancelled: bool
    held_on: date
    name: str
    location: str
    notes: str
    linked: bool  # an action, a contact met there or a follow-up points at it


_STORED = """
SELECT id, uid, recurrence_id, sequence, revision, cancelled, held_on, name, location, notes
FROM event WHERE {where}"""
_LINKED = """
SELECT event_id FROM action WHERE event_id IS NOT NULL
UNION SELECT met_at_id FROM contact WHERE met_at_id IS NOT NULL
UNION SELECT event_id FROM follow_up WHERE event_id IS NOT NULL"""


def stored_events(ids: Sequence[int]) -> list[StoredEvent]:
    """Every event that came from a calendar, and the events ``ids`` (three queries)."""
    linked = {row[0] for row in database.execute_sql(_LINKED)}
    rows = database.execute_sql(_STORED.format(where="uid IS NOT NULL")).fetchall()
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        rows += database.execute_sql(
            _STORED.format(where=f"uid IS NULL AND id IN ({','.join('?' * len(chunk))})"),
            chunk).fetchall()
    return [StoredEvent(i, uid, rid, seq, rev, bool(cancelled), _day(held), name, location,
                        notes, i in linked)
            for i, uid, rid, seq, rev, cancelled, held, name, location, notes in rows]


def write_events(new: Sequence[dict[str, Any]], updates: Sequence[dict[str, Any]],
                 cancel: Sequence[int], remove: Sequence[int]) -> list[int]:
    """Insert ``new`` events, update ``updates`` (each with its ``id``), mark ``cancel``
    cancelled and delete ``remove``; returns the new ids, in order."""
    first = _next_id(Event)
    ids = list(range(first, first + len(new)))
    with unrecorded() as change_id:
        _insert(Event, ["id", *NEW_FIELDS],
                [(i, *(row[f] for f in NEW_FIELDS)) for i, row in zip(ids, new, strict=True)])
    sets = ", ".join(f'"{f}" = ?' for f in UPDATE_FIELDS)
    _execute_many(f"UPDATE event SET {sets} WHERE id = ?", "event",
                  [[_text(row[f]) for f in UPDATE_FIELDS] + [row["id"]] for row in updates])
    _execute_many("UPDATE event SET cancelled = TRUE WHERE id = ?", "event",
                  [[i] for i in cancel])
    _execute_many("DELETE FROM event WHERE id = ?", "event", [[i] for i in remove])
    if ids:
        record_bulk(change_id, [("insert", "event", ids[0], ids[-1])])
    return ids


class ExportEvent(NamedTuple):
    id: int
    name: str
    held_on: date
    last_day: date | None
    starts_at: str | None
    ends_at: str | None
    tz: str
    location: str
    url: str
    notes: str
    cancelled: bool
    revision: int


def events_from(first_day: date) -> list[ExportEvent]:
    """Events that cover ``first_day`` or a later day, soonest first (one query)."""
    rows = database.execute_sql(
        "SELECT id, name, held_on, last_day, starts_at, ends_at, tz, location, url, notes, "
        "cancelled, revision FROM event WHERE coalesce(last_day, held_on) >= ? "
        "ORDER BY held_on, coalesce(starts_at, ''), id", [first_day.isoformat()])
    return [ExportEvent(i, n, _day(h), None if last is None else _day(last), s, e, tz, lo, u,
                        no, bool(c), rev)
            for i, n, h, last, s, e, tz, lo, u, no, c, rev in rows]


class ExportFollowUp(NamedTuple):
    id: int
    contact: str
    due_on: date
    note: str
    revision: int


def open_follow_ups() -> list[ExportFollowUp]:
    """Follow-ups not done yet, soonest first, with their contact's name (one query)."""
    rows = database.execute_sql(
        "SELECT f.id, c.name, f.due_on, f.note, f.revision FROM follow_up f "
        "JOIN contact c ON c.id = f.contact_id WHERE f.done_on IS NULL "
        "ORDER BY f.due_on, f.id")
    return [ExportFollowUp(i, name, _day(due), note, rev) for i, name, due, note, rev in rows]


def zoned_events() -> list[tuple[int, str, str | None, date, date | None]]:
    """(id, starts_at, ends_at, held_on, last_day) of the events with a time in UTC: the
    ones whose local days depend on the user's zone (one query)."""
    rows = database.execute_sql(
        "SELECT id, starts_at, ends_at, held_on, last_day FROM event "
        "WHERE starts_at LIKE '%Z'")
    return [(i, s, e, _day(h), None if last is None else _day(last))
            for i, s, e, h, last in rows]


def set_days(days: Sequence[tuple[int, date, date | None]]) -> None:
    """Set (id, held_on, last_day) of events."""
    _execute_many("UPDATE event SET held_on = ?, last_day = ? WHERE id = ?", "event",
                  [[_text(h), _text(last), i] for i, h, last in days])


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _text(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
