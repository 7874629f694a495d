"""Every released schema version opens and migrates forward with every row intact.

tests/data/schema/vN.db is a database written by schema version N (made by
scripts/make_schema_fixture.py when that version was the newest).
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from netrhythm.storage import db as storage_db
from netrhythm.storage.tables import database

FIXTURES = sorted((Path(__file__).parent.parent / "data" / "schema").glob("v*.db"))
USER_TABLES = ("practice", "event", "contact", "tag", "contact_tag", "action", "action_contact",
               "follow_up", "week_review", "setting", "paused_week", "nudge_log")


def _rows(path: Path) -> dict[str, set[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table in USER_TABLES:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            out[table] = {tuple(zip(columns, row, strict=True))
                          for row in conn.execute(f'SELECT * FROM "{table}"')}
        return out
    finally:
        conn.close()


def test_there_is_a_fixture_for_every_released_version() -> None:
    versions = {int(p.stem[1:]) for p in FIXTURES}
    assert versions >= {1}
    assert max(versions) <= storage_db.LATEST_VERSION


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.name for p in FIXTURES])
def test_old_database_migrates_with_every_row_intact(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    before = _rows(path)
    assert sum(len(rows) for rows in before.values()) > 20
    storage_db.open_database(path, date(2026, 11, 23))
    try:
        version = database.execute_sql("PRAGMA user_version").fetchone()[0]
        integrity = database.execute_sql("PRAGMA integrity_check").fetchone()[0]
    finally:
        database.close()
    assert version == storage_db.LATEST_VERSION
    assert integrity == "ok"
    after = _rows(path)
    for table, rows in before.items():
        # a migration may add columns: every old column keeps its value in every row
        kept = {tuple(pair for pair in row if pair[0] in {c for c, _ in next(iter(rows))})
                for row in after[table]} if rows else set()
        assert kept == rows, table
    if int(fixture.stem[1:]) < storage_db.LATEST_VERSION:
        assert list(tmp_path.glob(f"{fixture.name}.pre-v*.bak"))
