"""Files that are not a usable netrhythm database are reported and never modified."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from netrhythm.storage import db as storage_db
from netrhythm.storage.tables import database
from tests.helpers import run_cli


def _make_netrhythm_db(path: Path) -> None:
    assert run_cli(path, "contacts", "add", "Maria Chen").code == 0


def _corrupt(path: Path) -> None:
    _make_netrhythm_db(path)
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page, min(len(data), 6 * page)):
        data[offset] = 0xFF
    path.write_bytes(bytes(data))


def _other_app(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('not ours')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(("make", "words"), [
    (lambda p: p.write_bytes(b""), "is an empty file, not a netrhythm database"),
    (lambda p: p.write_text("name,email\nMaria,m@x.org\n"), "is not an SQLite database"),
    (_other_app, "is an SQLite database of another application"),
    (_corrupt, "is corrupt"),
], ids=["empty", "text", "other-app", "corrupt"])
@pytest.mark.parametrize("command", [["status"], ["log", "reach-out"]])
def test_unusable_file_is_reported_and_left_untouched(
    tmp_path: Path, make: object, words: str, command: list[str]
) -> None:
    path = tmp_path / "file.db"
    make(path)  # type: ignore[operator]
    before = path.read_bytes()
    result = run_cli(path, *command, env={"NETRHYTHM_NOW": "2031-01-01T10:00:00"})
    assert result.code == 1, result
    assert words in result.err
    assert "Nothing was changed" in result.err
    assert "Traceback" not in result.err
    assert path.read_bytes() == before


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    _make_netrhythm_db(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    result = run_cli(path, "status")
    assert result.code == 1
    assert "newer netrhythm (schema 99" in result.err
    assert path.read_bytes() == before


def test_new_database_and_backups_are_private_under_a_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        path = tmp_path / "private" / "n.db"
        storage_db.open_database(path, date(2026, 11, 23))
        database.close()
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o600
    backups = list((tmp_path / "private" / "n.db-backups").iterdir())
    assert backups and all(b.stat().st_mode & 0o777 == 0o600 for b in backups)


def test_daily_backup_once_a_day_keeping_seven(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    start = date(2026, 11, 1)
    for offset in range(10):
        for _ in range(2):  # the second open the same day makes no new copy
            storage_db.open_database(path, start + timedelta(days=offset))
            database.close()
    names = sorted(p.name for p in (tmp_path / "n.db-backups").iterdir())
    assert names == [f"n-{(start + timedelta(days=d)).isoformat()}.db" for d in range(3, 10)]
    conn = sqlite3.connect(tmp_path / "n.db-backups" / names[-1])
    assert conn.execute("SELECT count(*) FROM practice").fetchone()[0] == 4
    conn.close()


def test_concurrent_first_runs_create_one_database(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "race.db"
    script = Path(sys.executable).with_name("netrhythm")
    procs = [subprocess.Popen([str(script), "--db", str(path), "log", "reach-out"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(4)]
    results = [p.communicate(timeout=60) + (p.returncode,) for p in procs]
    assert all(code == 0 for _, _, code in results), results
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM action").fetchone()[0] == 4
    assert conn.execute("SELECT count(*) FROM practice").fetchone()[0] == 4
    conn.close()
    assert not list(tmp_path.glob(".race.db.*"))
