"""Queries for "who next"'s never-contacted people (``services.contacts.fresh`` decides).

Days are day numbers (``date.toordinal()``); the recent activity is ``since <= day < until``,
``until`` being the first day of the current week. ``ranked`` ranks every contact never
contacted before ``until`` in SQL and returns only the first few: on the benchmark's 5,000
contacts (833 never contacted), reading them all into Python to rank them took 35 ms where
this takes about 8.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from netrhythm.storage.dialect import Dialect, current
from netrhythm.storage.tables import database


class FreshRow(NamedTuple):
    """A contact never contacted before the week began, as ``ranked`` found them."""

    id: int
    name: str
    company: str
    met_at_id: int | None
    connected: date  # the day met, else connected on LinkedIn, else added
    how: str  # which of those: "met", "connected" or "added"
    tag_ids: tuple[int, ...]
    contacted: bool  # talked to since the week began
    kind: int  # 0 met at a recent event, 1 at a recent company, 2 a recent tag, 3 none


# ?1 the week's first day number, ?2 that day as text, ?3 [recent event ids], ?4 [recent
# company keys], ?5 [recent tag ids], ?6 how many. One pass over the contacts (an index seek
# each: never contacted before ?1?); each such contact is matched with the few recent events,
# companies and tags (lists SQLite indexes on the fly), and they are ranked by the best kind
# of match (0 event, 1 company, 2 tag, 3 none), then the oldest connection.
@lru_cache
def _ranked(d: Dialect) -> str:
    return f"""
WITH fresh AS (
  SELECT c.id, coalesce(c.met_on, c.connected_on, c.created_on) AS connected,
         CASE WHEN c.met_at_id IN ({d.int_list('?3')}) THEN 0
              WHEN {d.lower_ascii.format('c.company')} IN ({d.text_list('?4')}) THEN 1
              WHEN EXISTS (SELECT 1 FROM contact_tag ct WHERE ct.contact_id = c.id
                           AND +ct.tag_id IN ({d.int_list('?5')})) THEN 2
              ELSE 3 END AS kind
  FROM contact c
  WHERE NOT c.archived AND (c.last_contact_on IS NULL OR c.last_contact_on >= ?2)
    AND NOT EXISTS (SELECT 1 FROM action_contact ac WHERE ac.contact_id = c.id AND ac.day < ?1)
  ORDER BY kind, connected, c.id LIMIT ?6)
SELECT f.id, c.name, c.company, c.met_at_id, f.connected,
       CASE WHEN c.met_on IS NOT NULL THEN 'met' WHEN c.connected_on IS NOT NULL
            THEN 'connected' ELSE 'added' END,
       (SELECT {d.join('ct.tag_id', 'ct.tag_id')} FROM contact_tag ct WHERE ct.contact_id = f.id),
       (c.last_contact_on IS NOT NULL OR EXISTS (SELECT 1 FROM action_contact ac
                                                WHERE ac.contact_id = f.id AND ac.day >= ?1)),
       f.kind
FROM fresh f JOIN contact c ON c.id = f.id ORDER BY f.kind, f.connected, f.id"""


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def company_key(company: str) -> str:
    """A company as ``ranked`` matches it: SQLite's ``lower()``, which lowers ASCII only."""
    return company.translate(_ASCII_LOWER)


def ranked(until: int, events: Collection[int], companies: Collection[str],
           tags: Collection[int], limit: int) -> list[FreshRow]:
    """The first ``limit`` active contacts with no contact before day ``until``, ranked
    against recent ``events``, ``companies`` (by ``company_key``) and ``tags``."""
    params = [until, date.fromordinal(until).isoformat(), json.dumps(sorted(events)),
              json.dumps(sorted(companies)), json.dumps(sorted(tags)), limit]
    return [FreshRow(i, n, co, met, date.fromisoformat(str(on)[:10]), how,
                     tuple(int(t) for t in tag_ids.split(",")) if tag_ids else (), bool(now),
                     kind)
            for i, n, co, met, on, how, tag_ids, now, kind
            in database.execute_sql(_ranked(current()), params)]


_PEOPLE = """
SELECT c.id, c.name, c.company, max(a.day)
FROM action a JOIN action_contact ac ON ac.action_id = a.id JOIN contact c ON c.id = ac.contact_id
WHERE a.day >= ?1 AND a.day < ?2 GROUP BY c.id"""


def recent_people(since: int, until: int) -> list[tuple[int, str, str, int]]:
    """(id, name, company, latest day) of the contacts of actions in the window."""
    return database.execute_sql(_PEOPLE, [since, until]).fetchall()


_EVENTS = """
SELECT e.id, e.name, max(a.day) FROM action a JOIN event e ON e.id = a.event_id
WHERE a.day >= ?1 AND a.day < ?2 GROUP BY e.id"""


def recent_events(since: int, until: int) -> list[tuple[int, str, int]]:
    """(id, name, latest day) of the events of actions in the window."""
    return database.execute_sql(_EVENTS, [since, until]).fetchall()


_TAGS = """
SELECT ct.contact_id, t.id, t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id
WHERE ct.contact_id IN ({ids})"""
_SIZES = """
SELECT tag_id, count(*) FROM contact_tag WHERE tag_id IN ({ids})
GROUP BY tag_id"""


def tags_of(contact_ids: list[int]) -> list[tuple[int, int, str]]:
    """(contact id, tag id, tag name) of those contacts' tags."""
    return database.execute_sql(
        _TAGS.format(ids=current().int_list('?1')), [json.dumps(contact_ids)]).fetchall()


def tag_sizes(tag_ids: list[int]) -> dict[int, int]:
    """How many contacts hold each of those tags."""
    return dict(database.execute_sql(
        _SIZES.format(ids=current().int_list('?1')), [json.dumps(tag_ids)]).fetchall())


def active_count() -> int:
    return int(database.execute_sql(
        "SELECT count(*) FROM contact WHERE NOT archived").fetchone()[0])
