"""``log`` and ``status`` talk to the database a fixed number of times, on a SQLite file and on
a PostgreSQL server, whatever the data's size.

On a server every exchange is a round trip over the network, which a local Unix socket hides:
the count must stay small and must not grow with the data. Each command runs through the
command line's entry point (``main``), in this process, on a fresh database holding one
contact and on the demo data (a year of it), after one untimed run that opens the day (the
daily backup or export). Counted:

- statements: what Peewee's query log shows (``execute_sql``; on a file, all there is to count;
  Peewee's own ``BEGIN``/``COMMIT`` are not logged);
- on PostgreSQL, round trips: every time the client sends the server something and waits for
  its answer, read from libpq's trace of the connection (``BEGIN`` and ``COMMIT`` included;
  connecting is one more, not counted: the trace starts after it).

README's Performance section gives the same numbers.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from netrhythm.cli.main import main
from netrhythm.domain.clock import FixedClock
from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import open_context
from tests.helpers import FROZEN_NOW, NOW
from tests.postgres.server import Server

LOG = ("log", "reach-out", "--with", "Maria Chen", "--note", "coffee")
STATUS = ("status",)
# (statements, round trips) each command makes, by backend; README, Performance. A server
# checks the schema's version in two statements (a file: ``PRAGMA user_version``, one), and
# ``log``'s transaction adds its ``BEGIN`` and ``COMMIT``.
EXPECTED: dict[str, dict[tuple[str, ...], tuple[int, int | None]]] = {
    "sqlite": {STATUS: (11, None), LOG: (20, None)},
    "postgresql": {STATUS: (12, 12), LOG: (21, 23)},
}


class Counter(logging.Handler):
    """Counts the statements Peewee logs."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.n = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.n += 1


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NETRHYTHM_NOW", NOW)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # a server's daily export
    monkeypatch.delenv("NETRHYTHM_DB", raising=False)


@pytest.fixture
def counted(environment: None) -> Iterator[Counter]:
    logger = logging.getLogger("peewee")
    counter = Counter()
    level = logger.level
    logger.addHandler(counter)
    logger.setLevel(logging.DEBUG)
    try:
        yield counter
    finally:
        logger.removeHandler(counter)
        logger.setLevel(level)


class Traces:
    """libpq's trace of every server connection opened meanwhile, one file each."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.conns: list[tuple[Any, Any]] = []

    def start(self, conn: Any) -> None:
        from psycopg import pq

        out = open(self.folder / f"trace-{len(self.conns)}", "w")  # noqa: SIM115
        conn.pgconn.trace(out.fileno())
        conn.pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS | pq.Trace.REGRESS_MODE)
        self.conns.append((conn, out))

    def round_trips(self) -> int:
        """Round trips since the last call: runs of messages the client sent, each followed
        by the server's answer (``F`` lines, then ``B`` lines)."""
        total = 0
        for conn, out in self.conns:
            if not conn.closed:
                conn.pgconn.untrace()  # flushes it
            out.close()
            kinds = [line[0] for line in Path(out.name).read_text().splitlines()
                     if line[:2] in ("F\t", "B\t")]  # not a statement's further lines
            total += sum(1 for a, b in zip(kinds, kinds[1:], strict=False)
                         if a == "F" and b == "B")
        self.conns.clear()
        return total


def run(argv: list[str]) -> None:
    code = main(argv)
    assert code == 0, argv


def measure(where: str, args: tuple[str, ...], counter: Counter,
            traces: Traces | None) -> tuple[int, int | None]:
    run(["--db", where, *args])  # opens the day; counted again next
    if traces:
        traces.round_trips()
    counter.n = 0
    run(["--db", where, *args])
    return counter.n, traces.round_trips() if traces else None


def fill(where: str, demo: bool) -> None:
    ctx = open_context(where, FixedClock(FROZEN_NOW))
    try:
        if demo:
            from netrhythm.services.demo.create import create_demo

            create_demo(ctx)
        else:
            add_contact(ctx, ContactForm(name="Maria Chen"))
    finally:
        ctx.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def databases(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
            environment: None) -> Iterator[tuple[str, list[str], Traces | None]]:
    """The backend's name, a fresh database with one contact and one with the demo data (a
    file or a URL each), and the traces of server connections (None for files)."""
    from netrhythm.storage import db as storage_db
    from netrhythm.storage.tables import database, file_database

    if request.param == "sqlite":
        places = [str(tmp_path / "small.db"), str(tmp_path / "demo.db")]
        shutil.copyfile(request.getfixturevalue("demo_template"), places[1])
        fill(places[0], demo=False)
        yield request.param, places, None
        return
    server: Server = request.getfixturevalue("pg_server")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    places = []
    for suffix in ("small", "demo"):
        name = f"nr_{worker}_round_trips_{uuid.uuid4().hex[:8]}_{suffix}"
        server.create_database(name)
        places.append(server.url(name))
    traces = Traces(tmp_path)
    from netrhythm.storage.server import ServerDatabase

    connect = ServerDatabase._connect

    def traced(self: ServerDatabase) -> Any:
        conn = connect(self)
        traces.start(conn)
        return conn

    try:
        fill(places[0], demo=False)
        fill(places[1], demo=True)
        monkeypatch.setattr(ServerDatabase, "_connect", traced)
        yield request.param, places, traces
    finally:
        traces.round_trips()  # closes the trace files
        if database.obj is not file_database:
            storage_db.close_database()
            database.initialize(file_database)


@pytest.mark.parametrize("args", [STATUS, LOG], ids=["status", "log"])
def test_log_and_status_talk_to_the_database_a_fixed_number_of_times(
        databases: tuple[str, list[str], Traces | None], counted: Counter,
        args: tuple[str, ...]) -> None:
    name, places, traces = databases
    counts = [measure(where, args, counted, traces) for where in places]
    assert counts == [EXPECTED[name][args]] * 2, (name, args, counts)
