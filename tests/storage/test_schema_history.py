"""Every released schema version opens and migrates forward with every row intact.

tests/data/schema/vN.db is a database written by schema version N (made by
scripts/make_schema_fixture.py when that version was the newest, always from the same
commands). Migrated, an old one has the schema of a new database and exactly the rows the
next version's fixture has: the migration gives what that version would have written.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from netrhythm.storage import db as storage_db
from netrhythm.storage.tables import database
from tests.helpers import query, run_cli

FIXTURES = sorted((Path(__file__).parent.parent / "data" / "schema").glob("v*.db"))
OLDER = [p for p in FIXTURES if int(p.stem[1:]) < storage_db.LATEST_VERSION]
# every table but the migration history (which records when each migration ran)
SKIP = ("schema_migration", "sqlite_%", "contact_search_%")
# Tables a migration converted into another (the undo journal of SQL text, schema 6), and
# columns an old version could not know (the machine that made a change: "" before schema 6).
CONVERTED = {"change_op": "change_row"}
UNKNOWN = {("change", "machine"): ""}
# Rows kept as they were when written (the journal's old rows have the columns of their
# time): only the version right before the one that added them says what they must be.
HISTORICAL = ("change_row",)



def _tables(path: Path) -> list[str]:
    skip = " AND ".join(f"name NOT LIKE '{s}'" for s in SKIP)
    return [r[0] for r in query(path, f"SELECT name FROM sqlite_master WHERE type = 'table' "
                                       f"AND {skip} ORDER BY name")]


def _rows(path: Path) -> dict[str, set[tuple[tuple[str, object], ...]]]:
    """Every row of every table as (column, value) pairs; the search index by its content."""
    out = {}
    for table in _tables(path):
        columns = [r[1] for r in query(path, f'PRAGMA table_info("{table}")')]
        select = "SELECT rowid, * FROM" if table == "contact_search" else "SELECT * FROM"
        columns = (["rowid"] if table == "contact_search" else []) + columns
        out[table] = {tuple(zip(columns, row, strict=True))
                      for row in query(path, f'{select} "{table}"')}
    return out


def _schema(path: Path) -> set[tuple[object, ...]]:
    return set(query(path, "SELECT type, name, tbl_name, sql FROM sqlite_master "
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
    assert [int(p.stem[1:]) for p in FIXTURES] == \
        list(range(1, storage_db.LATEST_VERSION + 1))


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.name for p in FIXTURES])
def test_old_database_migrates_with_every_row_intact(fixture: Path, tmp_path: Path) -> None:
    before = _rows(fixture)
    assert sum(len(rows) for rows in before.values()) > 50
    assert before["change"] and before["contact_search"]  # undo history, search index
    path = _migrate(fixture, tmp_path)
    after = _rows(path)
    for table, rows in before.items():
        if table in CONVERTED:  # the rows live on, converted (checked by the next test)
            assert table not in after and len(after[CONVERTED[table]]) >= len(rows) > 0
            continue
        # a migration may add columns: every old column keeps its value in every row
        old_columns = {c for row in rows for c, _ in row}
        kept = {tuple(pair for pair in row if pair[0] in old_columns) for row in after[table]}
        assert kept == rows, table
    if fixture in OLDER:
        (backup,) = tmp_path.glob(f"{fixture.name}.pre-v*.bak")
        assert _rows(backup) == before


def _added(older: Path, newer: Path) -> dict[str, tuple[str, ...]]:
    """The columns (id first) of the tables and columns that ``newer`` has and ``older`` not."""
    old_tables = set(_tables(older))
    out = {}
    for table in _tables(newer):
        columns = [r[1] for r in query(newer, f'PRAGMA table_info("{table}")')]
        old = {r[1] for r in query(older, f'PRAGMA table_info("{table}")')}
        new = [c for c in columns if table not in old_tables or c not in old]
        if new:
            out[table] = tuple(dict.fromkeys(["id", *new] if "id" in columns else new))
    return out


def _project(rows: set[tuple[tuple[str, object], ...]],
             columns: tuple[str, ...]) -> set[tuple[object, ...]]:
    return {tuple(dict(row)[c] for c in columns) for row in rows}


@pytest.mark.parametrize("fixture", OLDER, ids=[p.name for p in OLDER])
def test_migrated_database_is_what_the_newer_version_writes(fixture: Path,
                                                            tmp_path: Path) -> None:
    """Each migration fills the tables and columns it adds with what the next version wrote
    from the same commands. (Old columns keep their values: the test above. Commands whose
    output changed between versions, such as an event follow-up's note, are no migration's
    business.)"""
    path = _migrate(fixture, tmp_path)
    storage_db.open_database(tmp_path / "new.db", date(2026, 11, 23))
    database.close()
    assert _schema(path) == _schema(tmp_path / "new.db")
    newer = FIXTURES[FIXTURES.index(fixture) + 1]
    (tmp_path / "next").mkdir()
    newer_migrated = _migrate(newer, tmp_path / "next")
    migrated, expected = _rows(path), _rows(newer_migrated)
    checked = 0
    for step in FIXTURES[FIXTURES.index(fixture):-1]:
        following = FIXTURES[FIXTURES.index(step) + 1]
        for table, columns in _added(step, following).items():
            if table in HISTORICAL and step != fixture:
                continue
            unknown = {c: v for (t, c), v in UNKNOWN.items() if t == table}
            assert {dict(row)[c] for row in migrated[table] for c in unknown} <= \
                set(unknown.values())
            columns = tuple(c for c in columns if c not in unknown)
            assert _project(migrated[table], columns) == \
                _project(expected[table], columns), (following.name, table)
            checked += len(expected[table])
    assert checked > 0


@pytest.mark.parametrize("fixture", OLDER, ids=[p.name for p in OLDER])
def test_undo_and_search_work_after_a_migration(fixture: Path, tmp_path: Path) -> None:
    path = _migrate(fixture, tmp_path)
    found = run_cli(path, "search", "gardening")
    assert found.code == 0 and "Maria Chen" in found.out, found
    undone = run_cli(path, "undo")
    assert (undone.code, undone.out) == (0, "Undid: archived contact Old Friend.\n"), undone
    assert run_cli(path, "contacts", "show", "Old Friend").out.startswith("Old Friend\n")
