"""A throwaway PostgreSQL server for the tests: a cluster in a temporary folder, listening only
on a Unix socket in that folder, started in about 2 s and stopped (by its data folder, never
by process name) at the end of the session.

PostgreSQL refuses to run as root, so as root the server runs as the ``postgres`` system user
(``runuser``); otherwise as the current user. ``fsync=off`` and its friends are for test speed
only. Nothing here is netrhythm: it is test infrastructure, which the benchmark command's
PostgreSQL rows use too (``benchmarks/postgres.py``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

BIN = Path(os.environ.get("NETRHYTHM_PG_BIN", "/usr/lib/postgresql/15/bin"))
REQUIRE = "NETRHYTHM_REQUIRE_POSTGRES"  # set (CI): an unavailable server fails, never skips


class Unavailable(Exception):
    """No PostgreSQL server could be started here; the message says why."""


class Server:
    """A running throwaway cluster; ``url(db)`` is the address of one of its databases."""

    def __init__(self) -> None:
        if not (BIN / "initdb").exists():
            raise Unavailable(f"no PostgreSQL at {BIN} (apt-get install postgresql "
                              "postgresql-contrib, or set NETRHYTHM_PG_BIN)")
        self.folder = Path(tempfile.mkdtemp(prefix="nr-pg-"))
        self._as: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            self._as = ["runuser", "-u", "postgres", "--"]
        self.data = self.folder / "data"
        self._run(str(BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "--no-sync", "-E", "UTF8")
        options = (f"-k {self.folder} -c listen_addresses='' -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"),
                  "-w", "-o", options, "start")

    def _run(self, *argv: str) -> None:
        done = subprocess.run([*self._as, *argv], capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            self.stop()
            raise Unavailable(f"{Path(argv[0]).name} failed: {done.stderr.strip()[-500:]}")

    def url(self, database: str) -> str:
        return f"postgresql://postgres@/{database}?host={self.folder}"

    def connect_kwargs(self, database: str) -> dict[str, str]:
        return {"host": str(self.folder), "user": "postgres", "dbname": database}

    def create_database(self, name: str, template: str = "template1") -> None:
        """A new database ``name`` (dropped first if it exists), a copy of ``template``."""
        import psycopg

        with psycopg.connect(**self.connect_kwargs("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run([*self._as, str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast",
                            "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)
