"""The PostgreSQL rows: the same data set on a throwaway local server, ``log`` and ``status``.

The server is the tests' throwaway cluster (``tests/postgres/server.py``: a temporary folder,
listening only on a Unix socket there, ``fsync`` off, run as the ``postgres`` user when root),
started for the run and stopped at its end, also after a failure or Ctrl-C. The data set is
generated into it by :func:`benchmarks.generate.generate` in a process of its own (the same
rows as the SQLite file; about 20 s for ``heavy``); it is not cached, a server's data lives
only as long as the run. Without PostgreSQL 15's programs or without psycopg the rows are
skipped, and the run says why.

``python -m benchmarks.postgres URL SIZE`` is that generating process.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import find_spec
from types import FrameType

from benchmarks.generate import HEAVY, TINY, Size

DATABASE = "netrhythm_bench"


def unavailable() -> str | None:
    """Why no PostgreSQL server can be started here, or None when one can be tried."""
    from tests.postgres import server

    if find_spec("psycopg") is None:
        return "psycopg is not installed (pip install -e '.[postgres]')"
    if not (server.BIN / "initdb").exists():
        return (f"no PostgreSQL at {server.BIN} (apt-get install postgresql, or set "
                "NETRHYTHM_PG_BIN)")
    return None


@contextmanager
def heavy_server(size: Size, env: dict[str, str]) -> Iterator[tuple[str, str]]:
    """A started server holding the data set ``size``: its database's URL and a line that
    describes it. Stopped on the way out, whatever happened (SIGTERM too)."""
    from benchmarks.timing import run_once
    from tests.postgres.server import Server

    def stop_on_term(number: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + number)

    previous = signal.signal(signal.SIGTERM, stop_on_term)
    server = Server()  # Unavailable when it cannot start: nothing to stop then
    try:
        server.create_database(DATABASE)
        url = server.url(DATABASE)
        sample, out = run_once([sys.executable, "-m", "benchmarks.postgres", url, size.name],
                               env)
        version, contacts, actions = out.split()
        yield url, (f"PostgreSQL {version} on a local Unix socket: the same data set "
                    f"({int(contacts):,} contacts, {int(actions):,} actions), generated in "
                    f"{sample.seconds:.0f} s")
    finally:
        server.stop()
        signal.signal(signal.SIGTERM, previous)


def _generate(url: str, size_name: str) -> None:
    """Fill the server's database, then analyze it (the planner's statistics, as autovacuum
    would make them soon after, but not in the middle of a measure); print the server's
    version and how many contacts and actions it holds."""
    from benchmarks.generate import NOW, generate
    from netrhythm.domain.clock import FixedClock
    from netrhythm.services.context import open_context
    from netrhythm.storage.tables import database

    generate(url, {s.name: s for s in (HEAVY, TINY)}[size_name])
    ctx = open_context(url, FixedClock(NOW))
    try:
        version = database.execute_sql("SHOW server_version").fetchone()[0]
        counts = [database.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("contact", "action")]
        database.execute_sql("VACUUM ANALYZE")
    finally:
        ctx.close()
    print(str(version).split()[0], *counts)


if __name__ == "__main__":
    _generate(sys.argv[1], sys.argv[2])
