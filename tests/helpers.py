"""Helpers shared by tests: the frozen time, run the real console script, query and dump a
database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from netrhythm.paths import Location

SCRIPT = Path(sys.executable).with_name("netrhythm")
FROZEN_NOW = datetime(2026, 11, 23, 10, 0)  # the tests' today: a Monday, ISO week 2026-W48
NOW = FROZEN_NOW.isoformat()  # the same, for NETRHYTHM_NOW


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(db: Path | str, *args: str, now: str = NOW, env: dict[str, str] | None = None,
            timeout: float = 60) -> Result:
    """Run ``netrhythm --db DB ARGS`` in a subprocess, as a user would."""
    full_env = {**os.environ, "NETRHYTHM_NOW": now, **(env or {})}
    full_env.pop("NETRHYTHM_DEBUG", None)
    proc = subprocess.run(
        [str(SCRIPT), "--db", str(db), *args], capture_output=True, text=True,
        env=full_env, timeout=timeout, stdin=subprocess.DEVNULL,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def query(db: Path | Location | str, sql: str,
          params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """The rows ``sql`` returns (``?`` placeholders), read through a connection of its own
    (which, for a file after a crash, is the one that recovers the WAL); ``db`` is a file or
    a PostgreSQL database's location."""
    url = _url(db)
    if url is not None:
        import psycopg

        from netrhythm.storage.dialect import to_server

        with psycopg.connect(url, autocommit=True) as server:
            _values_as_sqlite(server)
            text, values = to_server(sql, params)
            cursor = server.execute(text, values)
            return cursor.fetchall() if cursor.description else []  # type: ignore[arg-type]
    conn = sqlite3.connect(_path(db))
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def execute(db: Path | Location | str, sql: str, params: tuple[object, ...] = ()) -> None:
    """Run one statement that writes (``?`` placeholders) and commit it, as another program
    would: on a file or a PostgreSQL database's location."""
    if _url(db) is not None:
        query(db, sql, params)
        return
    conn = sqlite3.connect(_path(db))
    try:
        with conn:
            conn.execute(sql, params)
    finally:
        conn.close()


def dump(db: Path | Location | str) -> list[str]:
    """Every row of every table (the whole state of the database): SQL for a file, each
    table's rows in order for a PostgreSQL database."""
    url = _url(db)
    if url is not None:
        tables = query(url, "SELECT tablename FROM pg_tables WHERE schemaname = "
                            "current_schema() ORDER BY tablename")
        return [f"{table}: {row!r}" for (table,) in tables
                for row in sorted(query(url, f'SELECT * FROM "{table}"'), key=repr)]
    conn = sqlite3.connect(_path(db))
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _values_as_sqlite(server: Any) -> None:
    """Days and times read from a server as the SQLite file keeps them: ISO text, times in
    this machine's zone without an offset."""
    from psycopg.types.datetime import TimestamptzLoader
    from psycopg.types.string import TextLoader

    class LocalText(TimestamptzLoader):
        def load(self, data: Any) -> str:  # type: ignore[override]
            return str(super().load(data).astimezone().replace(tzinfo=None))

    server.adapters.register_loader("date", TextLoader)
    server.adapters.register_loader("timestamptz", LocalText)


def _url(db: Path | Location | str) -> str | None:
    return None if isinstance(db, Path) else Location.of(db).url


def _path(db: Path | Location | str) -> Path:
    return db if isinstance(db, Path) else Location.of(db).file
