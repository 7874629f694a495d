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

SCRIPT = Path(sys.executable).with_name("netrhythm")
FROZEN_NOW = datetime(2026, 11, 23, 10, 0)  # the tests' today: a Monday, ISO week 2026-W48
NOW = FROZEN_NOW.isoformat()  # the same, for NETRHYTHM_NOW


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(db: Path, *args: str, now: str = NOW, env: dict[str, str] | None = None,
            timeout: float = 60) -> Result:
    """Run ``netrhythm --db DB ARGS`` in a subprocess, as a user would."""
    full_env = {**os.environ, "NETRHYTHM_NOW": now, **(env or {})}
    full_env.pop("NETRHYTHM_DEBUG", None)
    proc = subprocess.run(
        [str(SCRIPT), "--db", str(db), *args], capture_output=True, text=True,
        env=full_env, timeout=timeout, stdin=subprocess.DEVNULL,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def query(db: Path, sql: str) -> list[tuple[object, ...]]:
    """The rows ``sql`` returns, read through a connection of its own (which, after a crash,
    is the one that recovers the WAL)."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def dump(db: Path) -> list[str]:
    """Every row of every table, as SQL (the whole state of the database)."""
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
