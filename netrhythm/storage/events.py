"""Events and who was met there."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from netrhythm.domain.records import EventRec
from netrhythm.storage.tables import Event, database

_MET = """
SELECT e_id, name FROM (
  SELECT c.met_at_id AS e_id, c.name AS name, c.id AS cid FROM contact c
  WHERE c.met_at_id IS NOT NULL
  UNION
  SELECT a.event_id, c.name, c.id FROM action a JOIN action_contact ac ON ac.action_id = a.id
  JOIN contact c ON c.id = ac.contact_id WHERE a.event_id IS NOT NULL)
ORDER BY name COLLATE NOCASE"""


def list_events() -> list[EventRec]:
    met: dict[int, list[str]] = defaultdict(list)
    for event_id, name in database.execute_sql(_MET):
        if name not in met[event_id]:
            met[event_id].append(name)
    return [
        EventRec(id=e.id, name=e.name, held_on=e.held_on, location=e.location, url=e.url,
                 notes=e.notes, contact_names=tuple(met[e.id]))
        for e in Event.select().order_by(Event.held_on.desc(), Event.id.desc())
    ]


def insert_event(**fields: Any) -> int:
    return int(Event.insert(**fields).execute())


def update_event(event_id: int, **fields: Any) -> None:
    Event.update(**fields).where(Event.id == event_id).execute()


def delete_event(event_id: int) -> None:
    Event.get_by_id(event_id).delete_instance()
