"""Every released schema version opens and migrates forward with every row intact.

tests/data/schema/vN.db is a database written by schema version N (made by
scripts/make_schema_fixture.py when that version was the newest, always from the same
commands). Migrated, an old one has the schema of a new database, every old value, and in
what the migrations added, the values the newest version writes.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from netrhythm.storage import db as storage_db
from netrhythm.storage.tables import database
from tests.helpers import run_cli

FIXTURES = sorted((Path(__file__).parent.parent / "data" / "schema").glob("v*.db"),
                  key=lambda p: int(p.stem[1:]))
OLDER = [p for p in FIXTURES if int(p.stem[1:]) < storage_db.LATEST_VERSION]
# every table but the migration history (which records when each migration ran)
SKIP = ("schema_migration", "sqlite_%", "contact_search_%")


def _query(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _tables(path: Path) -> list[str]:
    skip = " AND ".join(f"name NOT LIKE '{s}'" for s in SKIP)
    return [r[0] for r in _query(path, f"SELECT name FROM sqlite_master WHERE type = 'table' "
                                       f"AND {skip} ORDER BY name")]


def _rows(path: Path) -> dict[str, set[tuple[tuple[str, object], ...]]]:
    """Every row of every table as (column, value) pairs; the search index by its content."""
    out = {}
    for table in _tables(path):
        columns = [r[1] for r in _query(path, f'PRAGMA table_info("{table}")')]
        select = "SELECT rowid, * FROM" if table == "contact_search" else "SELECT * FROM"
        columns = (["rowid"] if table == "contact_search" else []) + columns
        out[table] = {tuple(zip(columns, row, strict=True))
                      for row in _query(path, f'{select} "{table}"')}
    return out


def _schema(path: Path) -> set[tuple[object, ...]]:
    return set(_query(path, "SELECT type, name, tbl_name, sql FROM sqlite_master "
                            "WHERE name NOT LIKE 'sqlite_%'"))


def _migrate(fixture: Path, folder: Path) -> Path:
    path = folder / fixture.name
    shutil.copy(fixture, path)
    storage_db.open_database(path, date(2026, 11, 23))
    try:
        assert database.execute_sql("PRAGMA user_version").fetchone()[0] == \
            storage_db.LATEST_VERSION
        assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        database.close()
    return path


def test_there_is_a_fixture_for_every_released_version() -> None:
    migrations = Path(storage_db.__file__).with_name("migrations").glob("[0-9]*.py")
    versions = sorted(int(p.name[:4]) for p in migrations)
    assert [int(p.stem[1:]) for p in FIXTURES] == versions
    assert versions[-1] == storage_db.LATEST_VERSION


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.name for p in FIXTURES])
def test_old_database_migrates_with_every_row_intact(fixture: Path, tmp_path: Path) -> None:
    before = _rows(fixture)
    assert sum(len(rows) for rows in before.values()) > 50
    assert before["change"] and before["contact_search"]  # undo history, search index
    path = _migrate(fixture, tmp_path)
    after = _rows(path)
    for table, rows in before.items():
        # a migration may add columns: every old column keeps its value in every row
        old_columns = {c for row in rows for c, _ in row}
        kept = {tuple(pair for pair in row if pair[0] in old_columns) for row in after[table]}
        assert kept == rows, table
    if fixture in OLDER:
        (backup,) = tmp_path.glob(f"{fixture.name}.pre-v*.bak")
        assert _rows(backup) == before


@pytest.mark.parametrize("fixture", OLDER, ids=[p.name for p in OLDER])
def test_migrated_database_is_what_the_newer_version_writes(fixture: Path,
                                                            tmp_path: Path) -> None:
    path = _migrate(fixture, tmp_path)
    storage_db.open_database(tmp_path / "new.db", date(2026, 11, 23))
    database.close()
    assert _schema(path) == _schema(tmp_path / "new.db")
    # What the migrations add (tables, columns) holds what the newest version writes for the
    # same commands; the old columns are compared with the old file above (the commands
    # themselves may write other values in a later version, as follow-up notes did).
    old, migrated, newest = _rows(fixture), _rows(path), _rows(FIXTURES[-1])
    for table, rows in newest.items():
        if table not in old:
            assert migrated[table] == rows, table
            continue
        had = {c for row in old[table] for c, _ in row} or \
            {r[1] for r in _query(fixture, f'PRAGMA table_info("{table}")')}
        added = {c for row in rows for c, _ in row} - had
        if added:
            assert _project(migrated[table], added) == _project(rows, added), table


def _project(rows: set[tuple[tuple[str, object], ...]],
             columns: set[str]) -> set[tuple[tuple[str, object], ...]]:
    """Rows cut down to their id and ``columns``."""
    return {tuple(p for p in row if p[0] in columns or p[0] in ("id", "rowid")) for row in rows}


@pytest.mark.parametrize("fixture", OLDER, ids=[p.name for p in OLDER])
def test_undo_and_search_work_after_a_migration(fixture: Path, tmp_path: Path) -> None:
    path = _migrate(fixture, tmp_path)
    found = run_cli(path, "search", "gardening")
    assert found.code == 0 and "Maria Chen" in found.out, found
    undone = run_cli(path, "undo")
    assert (undone.code, undone.out) == (0, "Undid: archived contact Old Friend.\n"), undone
    assert run_cli(path, "contacts", "show", "Old Friend").out.startswith("Old Friend\n")
