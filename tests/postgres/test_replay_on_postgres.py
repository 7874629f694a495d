"""The undo journal's rows are data, so they replay on PostgreSQL through the same Peewee
code as on SQLite: what the SQLite triggers record (``json_object`` of the old row: dates as
ISO text, flags as 0/1) writes back on a real PostgreSQL server, row by row.

This is the first piece of the PostgreSQL backend (issue 20); the backend itself (schema,
triggers, search) is not here yet."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from peewee import PostgresqlDatabase, Table

from netrhythm.storage.replay import _undo_row
from tests.postgres.server import Server

CONTACT = """CREATE TABLE contact (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, company TEXT NOT NULL DEFAULT '',
    met_on DATE, cadence_days INTEGER, archived INTEGER NOT NULL DEFAULT 0,
    created_on DATE NOT NULL)"""
MARIA = {"id": 1, "name": "Zoë O'Neil 🌱", "company": "Acme", "met_on": "2026-10-10",
         "cadence_days": 30, "archived": 0, "created_on": "2026-11-18"}


@pytest.fixture
def pg(pg_server: Server, pg_database: str) -> Iterator[Any]:
    db = PostgresqlDatabase(pg_database, **{k: v for k, v in
                                            pg_server.connect_kwargs(pg_database).items()
                                            if k != "dbname"})
    db.connect()
    db.execute_sql(CONTACT)
    yield db
    db.close()


def _rows(db: Any) -> list[tuple[Any, ...]]:
    return db.execute_sql("SELECT id, name, company, met_on::text, cadence_days, archived, "
                          "created_on::text FROM contact ORDER BY id").fetchall()


def test_each_kind_of_journal_row_replays_on_postgresql(pg: Any) -> None:
    contact = Table("contact").bind(pg)
    contact.insert({contact.c.id: 1, **{getattr(contact.c, k): v for k, v in MARIA.items()
                                         if k != "id"}}).execute()
    before = _rows(pg)
    old = json.dumps(MARIA, ensure_ascii=False, separators=(",", ":"))
    with pg.atomic():
        pg.execute_sql("UPDATE contact SET company = 'Initech', met_on = NULL, archived = 1")
        _undo_row(contact, "update", 1, None, old)
    assert _rows(pg) == before
    with pg.atomic():
        pg.execute_sql("DELETE FROM contact WHERE id = 1")
        _undo_row(contact, "delete", 1, None, old)
    assert _rows(pg) == before
    with pg.atomic():
        pg.execute_sql("INSERT INTO contact (id, name, created_on) VALUES (2, 'Ana', '2026-11-19')")
        _undo_row(contact, "insert", 2, None, None)
    assert _rows(pg) == before


def test_the_server_has_the_extensions_search_will_need(pg: Any) -> None:
    pg.execute_sql("CREATE EXTENSION unaccent")
    pg.execute_sql("CREATE EXTENSION pg_trgm")
    assert pg.execute_sql("SELECT unaccent('Zoë Ñúñez')").fetchone() == ("Zoe Nunez",)
