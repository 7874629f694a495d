"""Schema v5: events keep their links through the migration; revisions rise only with a
user's change and undo puts them back; a calendar occurrence is stored once."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from netrhythm.storage import db as storage_db
from netrhythm.storage.journal import change, undo
from netrhythm.storage.tables import database

V2 = Path(__file__).parent.parent / "data" / "schema" / "v2.db"
LINKS = ("SELECT (SELECT count(*) FROM action WHERE event_id IS NOT NULL), "
         "(SELECT count(*) FROM contact WHERE met_at_id IS NOT NULL), "
         "(SELECT count(*) FROM follow_up WHERE event_id IS NOT NULL)")


def _one(path: Path, sql: str) -> tuple[object, ...]:
    conn = sqlite3.connect(path)
    try:
        return tuple(conn.execute(sql).fetchone())
    finally:
        conn.close()


def test_migrating_keeps_every_link_to_events(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    shutil.copy(V2, path)
    links = _one(path, LINKS)
    assert links == (1, 1, 1)  # an action, a contact met there, a follow-up from it
    storage_db.open_database(path, date(2026, 11, 23))
    database.close()
    assert _one(path, LINKS) == links
    assert _one(path, "SELECT held_on, last_day, starts_at, tz, uid, recurrence_id, sequence, "
                      "cancelled, revision FROM event") == \
        ("2026-10-10", None, None, "", None, "", 0, 0, 0)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "s.db"
    storage_db.open_database(path, date(2026, 11, 23))
    database.execute_sql("INSERT INTO event (id, name, held_on, created_on) "
                         "VALUES (1, 'Meetup', '2026-12-01', '2026-11-23')")
    yield path
    database.close()


def _revision() -> int:
    return int(database.execute_sql("SELECT revision FROM event WHERE id = 1").fetchone()[0])


def test_revision_rises_with_a_change_of_content_inside_a_change(fresh: Path) -> None:
    database.execute_sql("UPDATE event SET name = 'Outside' WHERE id = 1")
    assert _revision() == 0  # not a user's change (undo, a bulk load): untouched
    with change("rename"):
        database.execute_sql("UPDATE event SET name = 'Meetup 2' WHERE id = 1")
    with change("same"):
        database.execute_sql("UPDATE event SET name = 'Meetup 2' WHERE id = 1")
    assert _revision() == 1
    with change("move"):
        database.execute_sql("UPDATE event SET held_on = '2026-12-02', notes = 'x' WHERE id = 1")
    assert _revision() == 2
    assert undo() == "move"
    assert _revision() == 1
    row = database.execute_sql("SELECT name, held_on, notes FROM event WHERE id = 1").fetchone()
    assert tuple(row) == ("Meetup 2", "2026-12-01", "")


def test_a_follow_up_revision_rises_when_its_contact_is_renamed(fresh: Path) -> None:
    database.execute_sql("INSERT INTO contact (id, name, created_on) VALUES (1, 'Ana', "
                         "'2026-11-23')")
    database.execute_sql("INSERT INTO follow_up (id, contact_id, due_on, created_on) "
                         "VALUES (1, 1, '2026-11-30', '2026-11-23')")
    with change("rename"):
        database.execute_sql("UPDATE contact SET name = 'Ana Ruiz' WHERE id = 1")
    with change("note"):
        database.execute_sql("UPDATE follow_up SET note = 'deck' WHERE id = 1")
    assert database.execute_sql("SELECT revision FROM follow_up").fetchone()[0] == 2


def test_a_calendar_occurrence_is_stored_once(fresh: Path) -> None:
    insert = ("INSERT INTO event (name, held_on, created_on, uid, recurrence_id) "
              "VALUES ('x', '2026-12-01', '2026-11-23', ?, ?)")
    database.execute_sql(insert, ("a@x", ""))
    database.execute_sql(insert, ("a@x", "20261208"))
    database.execute_sql(insert, (None, ""))
    database.execute_sql(insert, (None, ""))  # typed by hand: no UID, no limit
    with pytest.raises(Exception, match="UNIQUE"):
        database.execute_sql(insert, ("a@x", ""))
