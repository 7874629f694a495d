"""Events and who was met there.

``list_events`` and ``upcoming_events`` give events with the names of the people met there;
``event_summaries`` gives every event with how many people were met and when attending it was
logged (one query); ``people_at`` and ``actions_at`` give one event's people (with their
follow-ups from it) and the actions logged there (one query each).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from netrhythm.domain.records import ActionRec, EventRec
from netrhythm.storage.dialect import Dialect, current
from netrhythm.storage.tables import Event, database


# Who was met at each event: contacts met there, and contacts of actions at the event.
# On SQLite, CROSS JOIN keeps the join order: from the few event rows to their links, never
# the reverse.
@lru_cache
def _met_sql(d: Dialect) -> str:
    return f"""
SELECT m.e_id, c.name FROM (
  SELECT met_at_id AS e_id, id AS cid FROM contact WHERE met_at_id {{events}}
  UNION
  SELECT a.event_id, ac.contact_id FROM action a
  {d.in_order} action_contact ac ON ac.action_id = a.id WHERE a.event_id {{events}}) AS m
{d.in_order} contact c ON c.id = m.cid
ORDER BY {d.by_name("c.name")}"""


_COLUMNS = "id, name, held_on, location, url, notes, last_day, starts_at, ends_at, cancelled"
_EVENTS = f"SELECT {_COLUMNS} FROM event "


def _met(event_ids: Sequence[int] | None) -> dict[int, list[str]]:
    """Names of the people met at each event (at the given events only, when given)."""
    events, params = "IS NOT NULL", []
    if event_ids is not None:
        events = f"IN ({','.join('?' * len(event_ids)) or 'NULL'})"  # never "IN ()"
        params = [*event_ids, *event_ids]
    met: dict[int, list[str]] = defaultdict(list)
    for event_id, name in database.execute_sql(_met_sql(current()).format(events=events),
                                                params):
        if name not in met[event_id]:
            met[event_id].append(name)
    return met


def _record(row: Sequence[Any], names: tuple[str, ...] = ()) -> EventRec:
    """An EventRec from the ``_COLUMNS`` of a row."""
    i, n, d, lo, u, no, last, starts, ends, cancelled = row
    if starts is not None:  # a timed event (imported): only then is the parser imported
        from netrhythm.domain.event_times import parse_moment

        starts, ends = parse_moment(starts), parse_moment(ends)
    return EventRec(id=i, name=n, held_on=_day(d), location=lo, url=u, notes=no,
                    contact_names=names, last_day=_maybe_day(last), starts_at=starts,
                    ends_at=ends, cancelled=bool(cancelled))


def _records(rows: Sequence[tuple[Any, ...]], met: dict[int, list[str]]) -> list[EventRec]:
    return [_record(row, tuple(met.get(row[0], ()))) for row in rows]


def list_events() -> list[EventRec]:
    """Every event, latest first, with the names of the people met there (two queries)."""
    rows = database.execute_sql(_EVENTS + "ORDER BY held_on DESC, coalesce(starts_at, '') DESC, "
                                          "id DESC").fetchall()
    return _records(rows, _met(None))


def upcoming_events(first_day: date, limit: int = 5) -> list[EventRec]:
    """The first ``limit`` events held on or after ``first_day``, soonest first, leaving out
    cancelled ones.

    The same as ``[e for e in reversed(list_events()) if e.held_on >= first_day and not
    e.cancelled][:limit]`` without reading every event and everyone met at them.
    """
    rows = database.execute_sql(_EVENTS + "WHERE held_on >= ? AND NOT cancelled "
                                "ORDER BY held_on, coalesce(starts_at, ''), id LIMIT ?",
                                [first_day.isoformat(), limit]).fetchall()
    return _records(rows, _met([row[0] for row in rows]))


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _maybe_day(value: object) -> date | None:
    return None if value is None else _day(value)


class EventSummary(NamedTuple):
    """An event as a list shows it."""

    event: EventRec
    people: int  # contacts met there, or seen there in an action logged at it
    attended_on: date | None  # the first action of the attending practice logged at it


# Every event with its number of people and the day attending it was logged: one query.
# The CTEs read only rows that name an event (the contact_met_at and action_event indexes).
_SUMMARIES = """
WITH met(e_id, cid) AS (
  SELECT met_at_id, id FROM contact WHERE met_at_id IS NOT NULL
  UNION
  SELECT a.event_id, ac.contact_id FROM action a
  {in_order} action_contact ac ON ac.action_id = a.id WHERE a.event_id IS NOT NULL),
counts(e_id, n) AS (SELECT e_id, count(*) FROM met GROUP BY e_id),
attended(e_id, day) AS (
  SELECT event_id, min(occurred_on) FROM action
  WHERE event_id IS NOT NULL AND practice_id = ? GROUP BY event_id)
SELECT e.id, e.name, e.held_on, e.location, e.url, e.notes, e.last_day, e.starts_at,
  e.ends_at, e.cancelled, coalesce(c.n, 0), t.day
FROM event e LEFT JOIN counts c ON c.e_id = e.id LEFT JOIN attended t ON t.e_id = e.id
ORDER BY e.held_on DESC, coalesce(e.starts_at, '') DESC, e.id DESC"""


def event_summaries(attend_practice_id: int | None) -> list[EventSummary]:
    """Every event, latest first; ``attended_on`` counts actions of the given practice."""
    rows = database.execute_sql(_SUMMARIES.format(in_order=current().in_order),
                                [attend_practice_id or -1]).fetchall()
    return [EventSummary(_record(row[:10]), row[10], _maybe_day(row[11])) for row in rows]


def get_event(event_id: int) -> EventRec | None:
    row = database.execute_sql(_EVENTS + "WHERE id = ?", [event_id]).fetchone()
    return _records([row], {})[0] if row else None


def event_choices() -> list[tuple[int, str, date]]:
    """(id, name, day held) of every event, for picking one by name."""
    return [(i, n, _day(d)) for i, n, d in
            database.execute_sql("SELECT id, name, held_on FROM event ORDER BY id")]


def held_on(event_id: int) -> date:
    """The day an event is (was) held."""
    return _day(database.execute_sql("SELECT held_on FROM event WHERE id = ?",
                                     [event_id]).fetchone()[0])


def events_named(name: str) -> list[tuple[int, date]]:
    """(id, day) of the events of that name, in any case."""
    d = current()
    return [(i, _day(d)) for i, d in database.execute_sql(
        f"SELECT id, held_on FROM event WHERE {d.by_name('name')} = {d.by_name('?')}", [name])]


class MetPerson(NamedTuple):
    """Someone met at an event, and the follow-up that meeting them there scheduled."""

    contact_id: int
    name: str
    company: str
    archived: bool
    met_here: bool  # their contact record says they were met there (else: seen in an action)
    follow_up_due: date | None  # the earliest open follow-up from the event
    followed_up_on: date | None  # the latest done follow-up from the event


@lru_cache
def _people(d: Dialect) -> str:
    return f"""
SELECT c.id, c.name, c.company, c.archived, max(m.met),
  (SELECT min(f.due_on) FROM follow_up f
   WHERE f.contact_id = c.id AND f.event_id = ? AND {d.unindexed.format("f.done_on")} IS NULL),
  (SELECT max(f.done_on) FROM follow_up f WHERE f.contact_id = c.id AND f.event_id = ?)
FROM (SELECT id AS cid, 1 AS met FROM contact WHERE met_at_id = ?
      UNION ALL
      SELECT ac.contact_id, 0 FROM action a {d.in_order} action_contact ac
      ON ac.action_id = a.id WHERE a.event_id = ?) AS m
{d.in_order} contact c ON c.id = m.cid
GROUP BY c.id ORDER BY {d.by_name("c.name")}, c.id"""


def people_at(event_id: int) -> list[MetPerson]:
    """The people met or seen at an event, by name (one query)."""
    rows = database.execute_sql(_people(current()), [event_id] * 4)
    return [MetPerson(i, n, co, bool(ar), bool(met), _maybe_day(due), _maybe_day(done))
            for i, n, co, ar, met, due, done in rows]


@lru_cache
def _actions(d: Dialect) -> str:
    return f"""
SELECT a.id, p.id, p.name, a.occurred_on, a.note, e.name, p.reciprocity,
  (SELECT {d.join_names("c.name", "ac.contact_id")} FROM action_contact ac
   JOIN contact c ON c.id = ac.contact_id WHERE ac.action_id = a.id)
FROM action a JOIN practice p ON p.id = a.practice_id JOIN event e ON e.id = a.event_id
WHERE a.event_id = ? ORDER BY a.day DESC, a.id DESC"""


def actions_at(event_id: int) -> list[ActionRec]:
    """The actions logged at an event, newest first, with their contacts' names (one query)."""
    return [ActionRec(id=i, practice_id=p, practice_name=pn, occurred_on=_day(on), note=note,
                      event=ev, contacts=tuple(names.split("\x1f")) if names else (),
                      reciprocity=rc)
            for i, p, pn, on, note, ev, rc, names in database.execute_sql(_actions(current()),
                                                                          [event_id])]


def insert_event(**fields: Any) -> int:
    return int(Event.insert(**fields).execute())


def update_event(event_id: int, **fields: Any) -> None:
    Event.update(**fields).where(Event.id == event_id).execute()


def delete_event(event_id: int) -> None:
    Event.get_by_id(event_id).delete_instance()
