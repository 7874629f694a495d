"""The few facts a draft needs about one contact, each in one indexed query.

Nothing here reads a contact's notes or an action's notes: drafts never quote them. The one
text of the user's a draft may use is a due follow-up's note (its task).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from netrhythm.storage.dialect import Dialect, current
from netrhythm.storage.tables import database


class ContactFacts(NamedTuple):
    name: str
    how_met: str
    event: str | None  # the event where you met
    met_on: date | None  # the day you met, else that event's day
    archived: bool


class LastAction(NamedTuple):
    slug: str
    reciprocity: str
    day: date
    event: str | None


class DueFollowUp(NamedTuple):
    task: str
    due_on: date
    event: str | None


class Peer(NamedTuple):
    name: str
    shared: tuple[str, ...]  # the interests they share, by name


def contact_facts(contact_id: int) -> ContactFacts | None:
    row = database.execute_sql(
        "SELECT c.name, c.how_met, e.name, coalesce(c.met_on, e.held_on), c.archived "
        "FROM contact c LEFT JOIN event e ON e.id = c.met_at_id WHERE c.id = ?",
        [contact_id]).fetchone()
    if row is None:
        return None
    name, how_met, event, met_on, archived = row
    return ContactFacts(name, how_met, event, _maybe_day(met_on), bool(archived))


def tags_of(contact_id: int) -> list[tuple[int, str, int | None]]:
    """(id, name, keep-in-touch cadence) of the contact's tags, by name."""
    return database.execute_sql(
        "SELECT t.id, t.name, t.cadence_days FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
        f"WHERE ct.contact_id = ? ORDER BY {current().by_name('t.name')}", [contact_id]
    ).fetchall()


def last_action(contact_id: int, as_of: date) -> LastAction | None:
    """The latest action with the contact on or before ``as_of`` (index action_contact_contact)."""
    row = database.execute_sql(
        "SELECT p.slug, p.reciprocity, ac.day, e.name FROM action_contact ac "
        "JOIN action a ON a.id = ac.action_id JOIN practice p ON p.id = a.practice_id "
        "LEFT JOIN event e ON e.id = a.event_id "
        "WHERE ac.contact_id = ? AND ac.day <= ? ORDER BY ac.day DESC, a.id DESC LIMIT 1",
        [contact_id, as_of.toordinal()]).fetchone()
    if row is None:
        return None
    slug, reciprocity, day, event = row
    return LastAction(slug, reciprocity, date.fromordinal(day), event)


def open_follow_ups(contact_id: int, due_by: date) -> list[DueFollowUp]:
    """The contact's follow-ups not done and due on or before ``due_by``, soonest first."""
    rows = database.execute_sql(
        "SELECT f.note, f.due_on, e.name FROM follow_up f LEFT JOIN event e ON e.id = f.event_id "
        "WHERE f.contact_id = ? AND f.done_on IS NULL AND f.due_on <= ? ORDER BY f.due_on, f.id",
        [contact_id, due_by.isoformat()]).fetchall()
    return [DueFollowUp(note, _day(due), event) for note, due, event in rows]


# Active contacts holding any of the tags (?2, a JSON list), other than the contact itself
# (?1): those in touch first (the latest contact up to day ?3 first), then those sharing most.
@lru_cache
def _peers(d: Dialect) -> str:
    return f"""
SELECT id, name, tags, shared, last FROM (
  SELECT c.id, c.name, {d.join_names("t.name", "t.id")} AS tags, count(*) AS shared,
         (SELECT max(ac.day) FROM action_contact ac
          WHERE ac.contact_id = c.id AND ac.day <= ?3) AS last
  FROM contact_tag ct {d.in_order} contact c ON c.id = ct.contact_id
  JOIN tag t ON t.id = ct.tag_id
  WHERE ct.tag_id IN ({d.int_list("?2")}) AND ct.contact_id != ?1 AND NOT c.archived
  GROUP BY c.id) AS p
ORDER BY last IS NULL, last DESC, shared DESC, {d.by_name("name")}, id
LIMIT ?4"""


def peers(contact_id: int, tag_ids: Sequence[int], as_of: date, limit: int = 3) -> list[Peer]:
    """Up to ``limit`` other active contacts who share one of ``tag_ids``."""
    if not tag_ids:
        return []
    rows = database.execute_sql(_peers(current()), [contact_id, json.dumps(list(tag_ids)),
                                         as_of.toordinal(), limit])
    return [Peer(name, tuple(sorted(tags.split("\x1f"), key=str.casefold)))
            for _, name, tags, _, _ in rows]


def events_between(first: date, last: date) -> list[tuple[str, date, str]]:
    """(name, day, name + location + notes) of the events held between two days, soonest
    first, leaving out cancelled ones: what says which interests an event is about."""
    rows = database.execute_sql(
        "SELECT name, held_on, location, notes FROM event WHERE held_on BETWEEN ? AND ? "
        "AND NOT cancelled ORDER BY held_on, id", [first.isoformat(), last.isoformat()])
    return [(name, _day(day), " ".join((name, location, notes)))
            for name, day, location, notes in rows]


def practice_use(contact_id: int) -> list[int]:
    """Ids of the practices logged with the contact, the most used first (then the latest)."""
    rows = database.execute_sql(
        "SELECT a.practice_id FROM action_contact ac JOIN action a ON a.id = ac.action_id "
        "WHERE ac.contact_id = ? GROUP BY a.practice_id ORDER BY count(*) DESC, max(ac.day) DESC, "
        "a.practice_id", [contact_id])
    return [practice_id for (practice_id,) in rows]


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _maybe_day(value: object) -> date | None:
    return None if value is None else _day(value)
