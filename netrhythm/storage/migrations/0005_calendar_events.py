"""Schema version 5: events from calendars (times, zones, UIDs) and revisions for export.

An event is a day, as before (``held_on``: the local day it starts, so week queries do not
change), or a stretch of days (``last_day``, the last local day it covers; NULL: one day).
A timed event also has ``starts_at``/``ends_at`` (end exclusive, as DTEND is): ISO text in
UTC with a ``Z`` (``2026-03-12T18:30:00Z``), or a wall time without one for a time the
calendar gave without a zone (read in the user's zone). NULL ``starts_at``: no time of day,
an all-day event (every event typed by hand). ``tz`` is the zone the calendar named (an IANA
name or ``UTC``; ``''`` for times without a zone and for days).

``uid``/``recurrence_id`` say which calendar occurrence a row is (NULL uid: typed by hand;
``recurrence_id`` ``''`` for an event that does not repeat, so the unique index works: SQLite
treats NULLs as distinct). ``sequence`` is the SEQUENCE the calendar gave: a higher one
updates the row. ``cancelled``: the calendar cancelled it (or dropped it) while something here
links to it, so it is kept and shown as cancelled.

``revision`` (events and follow-ups) rises by one with every change a user makes (an edit,
an import that updates it; for a follow-up, also renaming its contact): exports write it as
SEQUENCE, so calendar apps take the newer copy. The triggers act only inside a journaled
change; ``undo`` (outside one) puts the old revision back exactly, with the rest of the row.

Every column is added in place with ``ALTER TABLE … ADD COLUMN``: SQLite does not rebuild the
table for that (Peewee's ``add_column`` with NOT NULL would, and a rebuild with foreign keys
on deletes every child row), so actions, contacts and follow-ups that point at events keep
their links. The runner wraps this file in ``migration_context()`` (one transaction).

Frozen SQL on purpose: later migrations change this schema, never this file.
"""

from __future__ import annotations

from typing import Any

_IN_CHANGE = "(SELECT change_id FROM journal_cursor WHERE id = 1) IS NOT NULL"
_EVENT_CONTENT = ("name", "held_on", "last_day", "starts_at", "ends_at", "tz", "location",
                  "url", "notes", "cancelled")
_FOLLOW_UP_CONTENT = ("contact_id", "due_on", "note", "done_on")


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)


SCHEMA = [
    "ALTER TABLE event ADD COLUMN last_day DATE",
    "ALTER TABLE event ADD COLUMN starts_at TEXT",
    "ALTER TABLE event ADD COLUMN ends_at TEXT",
    "ALTER TABLE event ADD COLUMN tz TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE event ADD COLUMN uid TEXT",
    "ALTER TABLE event ADD COLUMN recurrence_id TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE event ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE event ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE event ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE follow_up ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
    "CREATE UNIQUE INDEX event_uid ON event (uid, recurrence_id) WHERE uid IS NOT NULL",
    f"CREATE TRIGGER revision_event_au AFTER UPDATE ON event "
    f"WHEN NEW.revision = OLD.revision AND {_IN_CHANGE} AND ({_changed(_EVENT_CONTENT)}) "
    f"BEGIN UPDATE event SET revision = OLD.revision + 1 WHERE id = NEW.id; END",
    f"CREATE TRIGGER revision_follow_up_au AFTER UPDATE ON follow_up "
    f"WHEN NEW.revision = OLD.revision AND {_IN_CHANGE} AND ({_changed(_FOLLOW_UP_CONTENT)}) "
    f"BEGIN UPDATE follow_up SET revision = OLD.revision + 1 WHERE id = NEW.id; END",
    f"CREATE TRIGGER revision_contact_name_au AFTER UPDATE OF name ON contact "
    f"WHEN NEW.name IS NOT OLD.name AND {_IN_CHANGE} "
    f"BEGIN UPDATE follow_up SET revision = revision + 1 WHERE contact_id = NEW.id; END",
]


def up(migrator: Any, db: Any) -> None:
    for statement in SCHEMA:
        db.execute_sql(statement)
