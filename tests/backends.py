"""The PostgreSQL leg: one throwaway server per test session (see ``server.py``), one database
per test. Without a server (or without psycopg) these tests are skipped LOUDLY: a banner at
the end of the run says so, and with ``NETRHYTHM_REQUIRE_POSTGRES=1`` (CI) they fail instead.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.postgres.parity import Scenario, run_on_both
from tests.postgres.server import REQUIRE, Server, Unavailable

BANNER = "PostgreSQL SUITE SKIPPED"


def _unavailable(why: str) -> None:
    if os.environ.get(REQUIRE):
        pytest.fail(f"PostgreSQL is required ({REQUIRE} is set) but unavailable: {why}",
                    pytrace=False)
    pytest.skip(f"{BANNER}: {why}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install -e '.[postgres]')")
    try:
        server = Server()
    except Unavailable as exc:
        _unavailable(str(exc))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_database(pg_server: Server, request: pytest.FixtureRequest) -> str:
    """A new, empty database on the session's server; its name (unique per test and worker)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = re.sub(r"\W", "_", f"nr_{worker}_{request.node.name}")[:60].lower()
    pg_server.create_database(name)
    return name


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """A banner when the PostgreSQL tests were skipped (found in the reports, so it works
    with xdist too, whose workers skip)."""
    reasons = {str(r.longrepr[-1]) for r in terminalreporter.stats.get("skipped", [])
               if isinstance(r.longrepr, tuple) and BANNER in str(r.longrepr[-1])}
    if reasons:
        terminalreporter.section(BANNER, sep="!", red=True, bold=True)
        for reason in sorted(reasons):
            terminalreporter.line(reason, red=True)
        terminalreporter.line(f"set {REQUIRE}=1 to make this a failure (CI does)", red=True)


@pytest.fixture
def on_both(tmp_path: Path, pg_server: Server,
            pg_database: str) -> Iterator[Callable[[Scenario], tuple[Any, Any]]]:
    """Run a scenario on the demo made on a SQLite file, then on PostgreSQL: both results."""
    from netrhythm.storage import db as storage_db
    from netrhythm.storage.tables import database, file_database

    try:
        yield lambda scenario: run_on_both(scenario, tmp_path, pg_server.url(pg_database))
    finally:
        if database.obj is not file_database:
            storage_db.close_database()
            database.initialize(file_database)
