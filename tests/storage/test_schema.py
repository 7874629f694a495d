"""The schema the migrations build matches the models, and migrations back up first."""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path

from netrhythm.storage import db as storage_db
from netrhythm.storage.tables import MODELS, database


def test_latest_version_is_the_newest_migration() -> None:
    files = sorted(Path(storage_db.__file__).with_name("migrations").glob("[0-9]*.py"))
    assert int(re.match(r"\d+", files[-1].name).group()) == storage_db.LATEST_VERSION


def test_models_match_the_migrated_schema(tmp_path: Path) -> None:
    storage_db.open_database(tmp_path / "s.db", date(2026, 11, 23))
    try:
        for model in MODELS:
            table = model._meta.table_name
            columns = {row[1] for row in database.execute_sql(f'PRAGMA table_info("{table}")')}
            fields = {f.column_name for f in model._meta.sorted_fields}
            assert fields == columns, table
        assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000
    finally:
        database.close()


def test_hot_queries_use_indexes(tmp_path: Path) -> None:
    storage_db.open_database(tmp_path / "q.db", date(2026, 11, 23))
    try:
        plans = {
            "last contact": "SELECT contact_id, max(day) FROM action_contact "
                            "WHERE contact_id = 1",
            "week range": "SELECT count(*) FROM action WHERE day BETWEEN 1 AND 7",
            "practice weeks": "SELECT practice_id, day FROM action WHERE practice_id = 1",
        }
        for name, sql in plans.items():
            plan = " ".join(str(r[-1]) for r in database.execute_sql("EXPLAIN QUERY PLAN " + sql))
            assert "USING" in plan and "INDEX" in plan, (name, plan)
    finally:
        database.close()


def test_migration_from_an_older_version_backs_up_first(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    storage_db.open_database(path, date(2026, 11, 23))
    database.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")  # pretend the file predates the latest migration
    conn.commit()
    conn.close()
    storage_db.open_database(path, date(2026, 11, 23))
    try:
        assert database.execute_sql("PRAGMA user_version").fetchone()[0] == \
            storage_db.LATEST_VERSION
    finally:
        database.close()
    backups = list(tmp_path.glob("old.db.pre-v*.bak"))
    assert len(backups) == 1
    assert backups[0].stat().st_mode & 0o777 == 0o600
    check = sqlite3.connect(backups[0])
    assert check.execute("SELECT count(*) FROM practice").fetchone()[0] == 4
    check.close()
