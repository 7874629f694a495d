"""Queries for "who next"'s never-contacted people: who they are, and the recent activity
they are matched with (``services.contacts.fresh`` decides).

Days are day numbers (``date.toordinal()``); ``since`` and ``until`` bound the recent
activity (``since <= day < until``), ``until`` being the first day of the current week.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from netrhythm.storage.tables import database


class FreshRow(NamedTuple):
    """A contact never contacted before the week began."""

    id: int
    name: str
    company: str
    met_at_id: int | None
    connected: date  # the day met, else connected on LinkedIn, else added
    how: str  # which of those: "met", "connected" or "added"
    tag_ids: tuple[int, ...]
    contacted: bool  # talked to since the week began


_FRESH = """
SELECT c.id, c.name, c.company, c.met_at_id, coalesce(c.met_on, c.connected_on, c.created_on),
       CASE WHEN c.met_on IS NOT NULL THEN 'met' WHEN c.connected_on IS NOT NULL
            THEN 'connected' ELSE 'added' END,
       (SELECT group_concat(ct.tag_id) FROM contact_tag ct WHERE ct.contact_id = c.id),
       c.last_contact_on IS NOT NULL OR EXISTS (SELECT 1 FROM action_contact ac
                                                WHERE ac.contact_id = c.id AND ac.day >= ?1)
FROM contact c
WHERE c.archived = 0 AND (c.last_contact_on IS NULL OR c.last_contact_on >= ?2)
  AND NOT EXISTS (SELECT 1 FROM action_contact ac WHERE ac.contact_id = c.id AND ac.day < ?1)"""


def never_contacted(until: int) -> list[FreshRow]:
    """Active contacts with no contact before day ``until``."""
    rows = database.execute_sql(_FRESH, [until, date.fromordinal(until).isoformat()])
    return [FreshRow(i, n, co, met, date.fromisoformat(str(on)[:10]), how,
                     tuple(int(t) for t in tags.split(",")) if tags else (), bool(now))
            for i, n, co, met, on, how, tags, now in rows]


_PEOPLE = """
SELECT ac.contact_id, c.name, c.company, max(a.day)
FROM action a JOIN action_contact ac ON ac.action_id = a.id JOIN contact c ON c.id = ac.contact_id
WHERE a.day >= ?1 AND a.day < ?2 GROUP BY ac.contact_id"""


def recent_people(since: int, until: int) -> list[tuple[int, str, str, int]]:
    """(id, name, company, latest day) of the contacts of actions in the window."""
    return database.execute_sql(_PEOPLE, [since, until]).fetchall()


_EVENTS = """
SELECT a.event_id, e.name, max(a.day) FROM action a JOIN event e ON e.id = a.event_id
WHERE a.day >= ?1 AND a.day < ?2 GROUP BY a.event_id"""


def recent_events(since: int, until: int) -> list[tuple[int, str, int]]:
    """(id, name, latest day) of the events of actions in the window."""
    return database.execute_sql(_EVENTS, [since, until]).fetchall()


_TAGS = """
SELECT ct.contact_id, t.id, t.name,
       (SELECT count(*) FROM contact_tag x WHERE x.tag_id = t.id)
FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id
WHERE ct.contact_id IN (SELECT value FROM json_each(?1))"""


def tags_of(contact_ids: list[int]) -> list[tuple[int, int, str, int]]:
    """(contact id, tag id, tag name, how many contacts hold the tag) of those contacts."""
    import json

    return database.execute_sql(_TAGS, [json.dumps(contact_ids)]).fetchall()


def active_count() -> int:
    return int(database.execute_sql(
        "SELECT count(*) FROM contact WHERE archived = 0").fetchone()[0])
