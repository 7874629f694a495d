"""Events and who was met there."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from netrhythm.domain.records import EventRec
from netrhythm.storage.tables import Event, database

# Who was met at each event: contacts met there, and contacts of actions at the event.
# CROSS JOIN keeps the join order: from the few event rows to their links, never the reverse.
_MET = """
SELECT m.e_id, c.name FROM (
  SELECT met_at_id AS e_id, id AS cid FROM contact WHERE met_at_id {events}
  UNION
  SELECT a.event_id, ac.contact_id FROM action a
  CROSS JOIN action_contact ac ON ac.action_id = a.id WHERE a.event_id {events}) AS m
CROSS JOIN contact c ON c.id = m.cid
ORDER BY c.name COLLATE NOCASE"""

_EVENTS = "SELECT id, name, held_on, location, url, notes FROM event "


def _met(event_ids: Sequence[int] | None) -> dict[int, list[str]]:
    """Names of the people met at each event (at the given events only, when given)."""
    events, params = "IS NOT NULL", []
    if event_ids is not None:
        events = f"IN ({','.join('?' * len(event_ids))})"
        params = [*event_ids, *event_ids]
    met: dict[int, list[str]] = defaultdict(list)
    for event_id, name in database.execute_sql(_MET.format(events=events), params):
        if name not in met[event_id]:
            met[event_id].append(name)
    return met


def _records(rows: Sequence[tuple[Any, ...]], met: dict[int, list[str]]) -> list[EventRec]:
    return [EventRec(id=i, name=n, held_on=_day(d), location=lo, url=u, notes=no,
                     contact_names=tuple(met.get(i, ())))
            for i, n, d, lo, u, no in rows]


def list_events() -> list[EventRec]:
    """Every event, latest first, with the names of the people met there (two queries)."""
    rows = database.execute_sql(_EVENTS + "ORDER BY held_on DESC, id DESC").fetchall()
    return _records(rows, _met(None))


def upcoming_events(first_day: date, limit: int = 5) -> list[EventRec]:
    """The first ``limit`` events held on or after ``first_day``, soonest first.

    The same as ``[e for e in reversed(list_events()) if e.held_on >= first_day][:limit]``
    without reading every event and everyone met at them.
    """
    rows = database.execute_sql(_EVENTS + "WHERE held_on >= ? ORDER BY held_on, id LIMIT ?",
                                [first_day.isoformat(), limit]).fetchall()
    return _records(rows, _met([row[0] for row in rows]))


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def insert_event(**fields: Any) -> int:
    return int(Event.insert(**fields).execute())


def update_event(event_id: int, **fields: Any) -> None:
    Event.update(**fields).where(Event.id == event_id).execute()


def delete_event(event_id: int) -> None:
    Event.get_by_id(event_id).delete_instance()
