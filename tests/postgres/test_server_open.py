"""Opening a PostgreSQL database through storage: an empty one gets the newest schema (version
recorded in the database, times as timestamptz, days as dates, the default practices), once
even when several machines start at the same moment; a newer schema and another
application's tables are refused untouched. The command line works on it and exports the
data once a day."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from netrhythm.storage import db
from netrhythm.storage.errors import NewerSchemaError, NotNetrhythmError
from netrhythm.storage.file_checks import LATEST_VERSION
from netrhythm.storage.seed import DEFAULT_PRACTICES
from netrhythm.storage.server import LOCK
from netrhythm.storage.tables import Practice, database, file_database
from tests.postgres.server import Server

TODAY = date(2026, 11, 23)


@pytest.fixture
def url(pg_server: Server, pg_database: str) -> Iterator[str]:
    yield pg_server.url(pg_database)
    if database.obj is not file_database:
        db.close_database()
        database.initialize(file_database)


def _psql(server: Server, name: str, sql: str) -> list[tuple[object, ...]]:
    import psycopg

    with psycopg.connect(**server.connect_kwargs(name), autocommit=True) as conn:
        cursor = conn.execute(sql)
        return cursor.fetchall() if cursor.description else []


def test_an_empty_database_gets_the_newest_schema_and_the_default_practices(
        url: str, pg_server: Server, pg_database: str) -> None:
    db.open_database(url, TODAY)
    assert sorted(p.slug for p in Practice.select()) == sorted(p[0] for p in DEFAULT_PRACTICES)
    assert {str(p.created_on) for p in Practice.select()} == {"2026-11-23"}
    db.close_database()
    types = dict(((t, c), k) for t, c, k in _psql(
        pg_server, pg_database, "SELECT table_name, column_name, data_type "
        "FROM information_schema.columns WHERE table_schema = 'public'"))
    assert types["change", "created_at"] == "timestamp with time zone"
    assert types["action", "occurred_on"] == "date"
    assert types["contact", "archived"] == "boolean"
    assert _psql(pg_server, pg_database, "SELECT version FROM netrhythm_schema") == [
        (LATEST_VERSION,)]
    assert _psql(pg_server, pg_database, "SELECT count(*) FROM pg_constraint "
                 "WHERE contype = 'f' AND NOT condeferrable") == [(0,)]
    db.open_database(url, date(2026, 12, 1))  # opened again: nothing created twice
    assert Practice.select().count() == len(DEFAULT_PRACTICES)


def test_a_newer_schema_is_refused_untouched(url: str, pg_server: Server,
                                             pg_database: str) -> None:
    db.open_database(url, TODAY)
    db.close_database()
    _psql(pg_server, pg_database, f"UPDATE netrhythm_schema SET version = {LATEST_VERSION + 1}")
    before = _psql(pg_server, pg_database, "SELECT id, slug, name FROM practice ORDER BY id")
    with pytest.raises(NewerSchemaError) as refused:
        db.open_database(url, TODAY)
    assert str(refused.value) == (
        f"postgresql://postgres@/{pg_database}?host={pg_server.folder} was written by a newer "
        f"netrhythm (schema {LATEST_VERSION + 1}, this one knows {LATEST_VERSION}); upgrade "
        "netrhythm to open it. Nothing was changed.")
    assert _psql(pg_server, pg_database, "SELECT version FROM netrhythm_schema") == [
        (LATEST_VERSION + 1,)]
    assert _psql(pg_server, pg_database, "SELECT id, slug, name FROM practice ORDER BY id"
                 ) == before


def test_another_applications_tables_are_refused_untouched(url: str, pg_server: Server,
                                                           pg_database: str) -> None:
    _psql(pg_server, pg_database, "CREATE TABLE invoices (id integer)")
    with pytest.raises(NotNetrhythmError, match="already holds 1 tables that are not"):
        db.open_database(url, TODAY)
    assert _psql(pg_server, pg_database, "SELECT tablename FROM pg_tables "
                 "WHERE schemaname = 'public'") == [("invoices",)]


OPEN = """
import sys
from datetime import date
from netrhythm.storage import db
from netrhythm.storage.tables import Practice
db.open_database(sys.argv[1], date(2026, 11, 23))
print(Practice.select().count())
"""


def test_machines_starting_at_once_create_the_schema_once(url: str, pg_server: Server,
                                                         pg_database: str) -> None:
    """Each creates under the advisory lock: four machines held at the lock until all wait,
    then let go at once, create the schema once (the others find it made)."""
    import psycopg

    root = Path(__file__).parents[2]
    with psycopg.connect(**pg_server.connect_kwargs(pg_database), autocommit=True) as held:
        held.execute("SELECT pg_advisory_lock(%s)", (LOCK,))
        procs = [subprocess.Popen([sys.executable, "-c", OPEN, url], cwd=root, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for _ in range(4)]
        deadline = time.monotonic() + 30
        waiting = 0
        while waiting < 4 and time.monotonic() < deadline:
            time.sleep(0.05)
            waiting = held.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                   "AND NOT granted").fetchone()[0]  # type: ignore[index]
        held.execute("SELECT pg_advisory_unlock(%s)", (LOCK,))
    results = [p.communicate(timeout=60) for p in procs]
    assert waiting == 4, "the machines did not wait for the schema lock"
    assert [(p.returncode, out, err) for p, (out, err) in zip(procs, results, strict=True)] \
        == [(0, f"{len(DEFAULT_PRACTICES)}\n", "")] * 4


def test_the_command_line_uses_a_server_and_exports_it_daily(url: str, pg_database: str,
                                                              tmp_path: Path) -> None:
    """A command on a server writes there (nothing beside it on this machine but today's JSON
    export, 0600 in a 0700 folder of the user data folder)."""
    script = Path(sys.executable).with_name("netrhythm")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "NETRHYTHM_DB": url,
           "NETRHYTHM_NOW": "2026-11-23T10:00"}
    for args in (["log", "reach-out", "--with", "Ana", "--new"], ["status"]):
        done = subprocess.run([str(script), *args], capture_output=True, text=True,
                              timeout=60, env=env, cwd=tmp_path)
        assert done.returncode == 0, done
    assert "Reach out        █" in done.stdout and "1/3" in done.stdout
    folder = tmp_path / "netrhythm" / "server-backups"
    exports = list(folder.iterdir())
    assert [p.name for p in exports] == [f"{pg_database}-2026-11-23.json"]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(exports[0].stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["netrhythm"]
