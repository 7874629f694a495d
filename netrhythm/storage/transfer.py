"""Bulk queries for imports, exports and backups: a few queries per table, never one per row.

Rows travel as dicts keyed by field name (foreign keys by their field: ``practice``, ``met_at``)
and are written with one prepared statement per table (``executemany``). Writes run inside the
caller's change (see :mod:`netrhythm.storage.journal`), so an import is one transaction that
``undo`` reverts as a whole. Rows that are new as a block (the contacts an import adds, a whole
backup loaded into an empty database) are journaled as one journal row per block ("ids 5-900
were added", "the table was empty") instead of one per row: undoing 10,000 contacts takes
under a second instead of 10-20 s.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from peewee import IntegrityError

from netrhythm.storage.db import read_transaction
from netrhythm.storage.dialect import current
from netrhythm.storage.journal import record_bulk, unrecorded
from netrhythm.storage.seed import DEFAULT_PRACTICES
from netrhythm.storage.tables import (
    Action,
    ActionContact,
    Contact,
    ContactTag,
    Event,
    FollowUp,
    NudgeLog,
    PausedWeek,
    Practice,
    Setting,
    Tag,
    WeekReview,
    database,
)

CONTACT_FIELDS = ("name", "company", "role", "email", "phone", "url", "how_met", "met_at",
                  "met_on", "notes", "cadence_days", "archived", "created_on", "connected_on",
                  "last_contact_on", "cadence_from", "first_due_on")
UPDATABLE = ("company", "role", "email", "phone", "url", "how_met", "met_on", "notes",
             "cadence_days", "connected_on", "last_contact_on")
TABLES: dict[str, tuple[Any, tuple[str, ...]]] = {
    "practices": (Practice, ("id", "name", "slug", "prompt", "target", "period_weeks",
                             "reciprocity", "position", "archived", "created_on")),
    "events": (Event, ("id", "name", "held_on", "location", "url", "notes", "created_on",
                       "last_day", "starts_at", "ends_at", "tz", "uid", "recurrence_id",
                       "sequence", "cancelled", "revision")),
    "contacts": (Contact, ("id", *CONTACT_FIELDS)),
    "tags": (Tag, ("id", "name", "cadence_days", "cadence_set_on")),
    "contact_tags": (ContactTag, ("contact", "tag")),
    "actions": (Action, ("id", "practice", "occurred_on", "occurred_at", "note", "event",
                         "created_at")),
    "follow_ups": (FollowUp, ("id", "contact", "due_on", "note", "done_on", "action", "event",
                              "created_on", "revision")),
    "reviews": (WeekReview, ("week_start", "reflection", "written_at")),
    "settings": (Setting, ("key", "value")),
    "paused_weeks": (PausedWeek, ("week_start",)),
    "nudge_log": (NudgeLog, ("key", "sent_at", "title", "message", "delivered_via")),
}


class RowRejected(Exception):
    """The database refused a row (a unique name twice, a target below 1 …)."""

    def __init__(self, table: str, problem: str) -> None:
        super().__init__(f"{table}: {problem}")
        self.table, self.problem = table, problem


def contacts_for_dedupe() -> list[tuple[int, dict[str, Any], list[str]]]:
    """(id, fields, tag names) of every contact, oldest first: two queries."""
    tags: dict[int, list[str]] = defaultdict(list)
    for contact_id, name in ContactTag.select(ContactTag.contact, Tag.name).join(Tag).tuples():
        tags[contact_id].append(name)
    fields = [getattr(Contact, f) for f in ("id", "name", *UPDATABLE)]
    query: Any = Contact.select(*fields).order_by(Contact.id)
    rows: list[dict[str, Any]] = list(query.dicts())
    return [(row["id"], row, tags[row["id"]]) for row in rows]


def _insert(model: Any, names: Sequence[str], rows: Sequence[Sequence[Any]],
            verb: str = "INSERT", tail: str = "") -> None:
    """One prepared INSERT run for every row (``executemany``): many times faster than
    generating SQL for each row, and every row still fires the journal triggers."""
    columns = ", ".join(f'"{model._meta.fields[n].column_name}"' for n in names)
    marks = ", ".join("?" * len(names))
    sql = f'{verb} INTO "{model._meta.table_name}" ({columns}) VALUES ({marks}){tail}'
    server = current().server
    _execute_many(sql, model._meta.table_name, [[stored(v, server) for v in row] for row in rows])
    ids_taken = current().ids_taken
    if rows and "id" in names and ids_taken:  # a server's id sequence moves past them
        database.execute_sql(ids_taken.format(model._meta.table_name))


def _execute_many(sql: str, table: str, rows: list[list[Any]]) -> None:
    if not rows:
        return
    try:
        database.executemany(sql, rows)
    except (sqlite3.IntegrityError, IntegrityError) as exc:
        raise RowRejected(table, _one_line(str(exc))) from None


def _one_line(problem: str) -> str:
    """The database's reason on one line (PostgreSQL adds a "DETAIL:" line naming the key)."""
    first, *rest = [line.strip() for line in problem.splitlines() if line.strip()]
    details = [line.removeprefix("DETAIL:").strip().rstrip(".") for line in rest
               if line.startswith("DETAIL:")]
    return ": ".join([first, *details])


def stored(value: Any, server: bool) -> Any:
    """A value as a bulk write passes it: on a file, days and times as Peewee writes them (ISO
    text, a space before the time); a server's driver takes them as they are (a time with
    this machine's offset, where text would be read in the server's time zone)."""
    return value if server or not isinstance(value, date) else str(value)


def _tag_ids(names: Sequence[str]) -> dict[str, int]:
    """Folded tag name → id for ``names``, creating the missing tags in one statement."""
    have = {name.casefold(): tag_id for tag_id, name in Tag.select(Tag.id, Tag.name).tuples()}
    missing = list({n.casefold(): n for n in names if n.casefold() not in have}.values())
    if missing:
        _insert(Tag, ["name"], [(n,) for n in missing])
        have = {n.casefold(): i for i, n in Tag.select(Tag.id, Tag.name).tuples()}
    return have


def _next_id(model: Any) -> int:
    """The first of the ids this transaction may give new rows of ``model`` (held until it
    commits: on a server, other machines' new rows wait, then take later ids)."""
    *hold, first = (sql.format(model._meta.table_name) for sql in current().ids_free)
    for statement in hold if database.in_transaction() else ():  # (outside one: a glance)
        database.execute_sql(statement)
    return int(database.execute_sql(first).fetchone()[0])


def write_contacts(new: Sequence[dict[str, Any]], updates: Sequence[dict[str, Any]],
                   links: Sequence[tuple[int, Sequence[str]]]) -> list[int]:
    """Insert ``new`` contacts (each with its ``tags``), fill fields of ``updates`` (each with
    its ``id``) and add tags to existing contacts; returns the new ids, in order.

    New contacts get the ids after the largest one, so their inverse is one range delete
    (their tags go by cascade); the rest is journaled row by row by the triggers."""
    first = _next_id(Contact)
    ids = list(range(first, first + len(new)))
    tag_map = _tag_ids([t for row in new for t in row["tags"]] + [t for _, ts in links for t in ts])
    numbered = list(zip(ids, new, strict=True))
    with unrecorded() as change_id:
        _insert(Contact, ["id", *CONTACT_FIELDS],
                [(cid, *(row.get(f) for f in CONTACT_FIELDS)) for cid, row in numbered])
        _link(tag_map, [(cid, row["tags"]) for cid, row in numbered])
    if updates:
        sets = ", ".join(f'"{f}" = ?' for f in UPDATABLE)
        server = current().server
        _execute_many(f"UPDATE contact SET {sets} WHERE id = ?", "contact",
                      [[stored(row[f], server) for f in UPDATABLE] + [row["id"]]
                       for row in updates])
    _link(tag_map, links)
    if ids:
        record_bulk(change_id, [("insert", "contact", ids[0], ids[-1])])
    return ids


def _link(tag_map: dict[str, int], wanted: Sequence[tuple[int, Sequence[str]]]) -> None:
    pairs = dict.fromkeys((cid, tag_map[t.casefold()]) for cid, tags in wanted for t in tags)
    d = current()
    _insert(ContactTag, ["contact", "tag"], list(pairs), verb=d.insert_or_ignore,
            tail=d.or_ignore)


def dump() -> dict[str, list[dict[str, Any]]]:
    """Every exported table as rows of Python values, in id order."""
    out: dict[str, list[dict[str, Any]]] = {}
    with read_transaction():  # a consistent export while others write
        _dump_into(out)
    return out


def _dump_into(out: dict[str, list[dict[str, Any]]]) -> None:
    for key, (model, names) in TABLES.items():
        query = model.select(*(getattr(model, n) for n in names)).order_by(model.id)
        rows: list[tuple[Any, ...]] = list(query.tuples())
        out[key] = [dict(zip(names, row, strict=True)) for row in rows]
    links: dict[int, list[int]] = defaultdict(list)
    for action_id, contact_id in ActionContact.select(
            ActionContact.action, ActionContact.contact).order_by(ActionContact.id).tuples():
        links[action_id].append(contact_id)
    for row in out["actions"]:
        row["contacts"] = links[row["id"]]


def non_empty() -> list[str]:
    """What makes the database not empty ("3 contacts", "changed practices"); [] when empty."""
    counts = [(model.select().count(), label) for label, model in (
        ("contacts", Contact), ("actions", Action), ("events", Event), ("tags", Tag),
        ("follow-ups", FollowUp), ("week reviews", WeekReview), ("paused weeks", PausedWeek))]
    found = [f"{n} {label if n != 1 else label[:-1]}" for n, label in counts if n]
    seeded = [(slug, name, target, period, kind, prompt, position, False)
              for position, (slug, name, target, period, kind, prompt)
              in enumerate(DEFAULT_PRACTICES)]
    query: Any = Practice.select(
        Practice.slug, Practice.name, Practice.target, Practice.period_weeks,
        Practice.reciprocity, Practice.prompt, Practice.position, Practice.archived,
    ).order_by(Practice.position, Practice.id)
    have: list[tuple[Any, ...]] = list(query.tuples())
    if [tuple(r[:7]) + (bool(r[7]),) for r in have] != seeded:
        found.append("changed practices")
    return found


_WIPE = [("load", table, None, None) for table in (
    "action_contact", "contact_tag", "follow_up", "action", "contact", "tag", "event",
    "week_review", "paused_week", "practice")]


def restore(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Load a backup into an empty database (inside a change), ids kept.

    The default practices and the settings change through the journal's triggers as usual.
    The backup's rows are not journaled one by one: the database held none of them before (see
    :func:`non_empty`), so "delete them all" (``_WIPE``) is their exact inverse, and undoing a
    ten-year backup takes seconds instead of minutes.
    """
    Practice.delete().execute()
    insert_tables({"settings": tables.get("settings") or []})
    with unrecorded() as change_id:
        insert_tables({k: rows for k, rows in tables.items() if k != "settings"})
    record_bulk(change_id, _WIPE)


def _upsert(model: Any) -> tuple[str, str]:
    """The verb and tail of ``model``'s INSERT: settings are replaced, nudges kept."""
    if model is Setting:
        return "INSERT", ' ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"'
    if model is NudgeLog:
        return current().insert_or_ignore, current().or_ignore
    return "INSERT", ""


def insert_tables(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Insert rows of every table, ids included, parents first; settings are upserted."""
    for key, (model, names) in TABLES.items():
        rows = tables.get(key) or []
        values = [tuple(row.get(n) for n in names) for row in rows]
        if model is Action:  # the day number is derived, so it is not in the export
            names = (*names, "day")
            values = [(*v, row["occurred_on"].toordinal())
                      for v, row in zip(values, rows, strict=True)]
        verb, tail = _upsert(model)
        _insert(model, names, values, verb, tail)
        if model is Action:
            _insert(ActionContact, ["action", "contact", "day"], [
                (row["id"], cid, row["occurred_on"].toordinal())
                for row in rows for cid in dict.fromkeys(row.get("contacts") or [])])


@dataclass
class MergeState:
    """What a merge import compares a backup with: the keys of everything already here."""

    next_ids: dict[str, int]
    practices: dict[str, int]  # slug → id
    events: list[tuple[int, str, date]]
    event_uids: dict[tuple[str, str], int]  # (uid, recurrence_id) → id, for calendar events
    tags: list[str]
    actions: list[tuple[int, int, date, str | None, str, int | None, frozenset[int]]]
    follow_ups: list[tuple[int, date, str]]  # contact, due on, note
    reviews: set[date]
    settings: set[str]
    paused: set[date]
    nudges: set[str]


_SIGNATURES = """SELECT a.id, a.practice_id, a.occurred_on, a.occurred_at, a.note, a.event_id,
{ids} FROM action a LEFT JOIN action_contact ac ON ac.action_id = a.id
GROUP BY a.id ORDER BY a.id"""


def merge_state() -> MergeState:
    def column(query: Any) -> set[Any]:
        return {value for (value,) in query.tuples()}

    events: Any = Event.select(Event.id, Event.name, Event.held_on).order_by(Event.id)
    follow_ups: Any = FollowUp.select(FollowUp.contact, FollowUp.due_on, FollowUp.note
                                      ).order_by(FollowUp.id)
    return MergeState(
        next_ids={key: _next_id(model) for key, (model, names) in TABLES.items()
                  if "id" in names},
        practices={slug: i for i, slug in Practice.select(Practice.id, Practice.slug).tuples()},
        events=list(events.tuples()),
        event_uids={(uid, rid): i for i, uid, rid in Event.select(
            Event.id, Event.uid, Event.recurrence_id).where(Event.uid.is_null(False)).tuples()},
        tags=[name for (name,) in Tag.select(Tag.name).order_by(Tag.id).tuples()],
        actions=[(i, p, date.fromisoformat(str(on)[:10]), at, note, ev,
                  frozenset(int(c) for c in (cs or "").split(",") if c))
                 for i, p, on, at, note, ev, cs in database.execute_sql(
                     _SIGNATURES.format(ids=current().join('ac.contact_id', 'ac.contact_id')))],
        follow_ups=list(follow_ups.tuples()),
        reviews=column(WeekReview.select(WeekReview.week_start)),
        settings=column(Setting.select(Setting.key)),
        paused=column(PausedWeek.select(PausedWeek.week_start)),
        nudges=column(NudgeLog.select(NudgeLog.key)),
    )
