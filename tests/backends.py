"""Both backends: a test that opens its data through the ``ctx``, ``demo_ctx`` or ``where``
fixture runs on a SQLite file and again on a PostgreSQL database (its ``backend`` parameter),
when it lives in a suite of :data:`BOTH` (or carries ``@pytest.mark.both_backends``) and does
not ask for the file itself (``db_path``, ``demo_template``) or carry
``@pytest.mark.sqlite_only``. ``NETRHYTHM_PG_LEG=0`` keeps the
suites to SQLite (CI runs the PostgreSQL leg on one Python only).

PostgreSQL: one throwaway server per test session (see ``postgres/server.py``), one database
per test, made from a template (the new database, or the demo) built once per worker. Without
a server (or without psycopg) these tests are skipped LOUDLY: a banner at the end of the run
says so, and with ``NETRHYTHM_REQUIRE_POSTGRES=1`` (CI) they fail instead.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from netrhythm.domain.clock import FixedClock
from netrhythm.paths import Location
from tests.helpers import FROZEN_NOW
from tests.postgres.parity import Scenario, run_on_both
from tests.postgres.server import REQUIRE, Server, Unavailable

BANNER = "PostgreSQL SUITE SKIPPED"
BOTH = {"storage", "services", "cli", "transfer", "nudge", "calendars"}  # suites run on both
FILE_FIXTURES = {"db_path", "demo_template"}  # a test asking for these is about the file
TESTS = Path(__file__).resolve().parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only(why): the test is about the SQLite file "
                                       "(its bytes, pragmas, copies); no PostgreSQL leg")
    config.addinivalue_line("markers", "both_backends: run on PostgreSQL too, in a suite that "
                                       "otherwise runs on SQLite only")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``backend``: sqlite, and postgres too where both backends are tested."""
    if "backend" not in metafunc.fixturenames:
        return
    suite = metafunc.definition.path.relative_to(TESTS).parts[0]
    chosen = metafunc.definition.get_closest_marker("both_backends") is not None
    both = ((suite in BOTH or chosen) and os.environ.get("NETRHYTHM_PG_LEG", "1") != "0"
            and not FILE_FIXTURES & set(metafunc.fixturenames)
            and metafunc.definition.get_closest_marker("sqlite_only") is None)
    metafunc.parametrize("backend", ["sqlite", "postgres"] if both else ["sqlite"])


@pytest.fixture
def backend() -> str:
    """Where a test's data lives: "sqlite" or "postgres" (``tests/backends.py`` parametrizes
    it)."""
    return "sqlite"


@pytest.fixture
def location(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Location:
    """A new database: the file ``db_path`` names, or a PostgreSQL database as ``open_context``
    makes it with the frozen clock."""
    if backend == "postgres":
        return server_location(request, "new")
    return Location(tmp_path / "netrhythm.db")


@pytest.fixture
def where(location: Location) -> str:
    """The new database as ``--db`` takes it (a path or a URL)."""
    return str(location)


@pytest.fixture
def unopened(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A database nothing has opened yet, as ``--db`` takes it: a file not made yet, or an
    empty PostgreSQL database."""
    if backend == "postgres":
        request.addfinalizer(back_to_sqlite)
        server: Server = request.getfixturevalue("pg_server")
        return server.url(request.getfixturevalue("pg_database"))
    return str(tmp_path / "unopened.db")


@pytest.fixture
def demo_location(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Location:
    """A private copy of the demo data: a file, or a PostgreSQL database."""
    if backend == "postgres":
        return server_location(request, "demo")
    path = tmp_path / "demo.db"
    shutil.copyfile(request.getfixturevalue("demo_template"), path)
    return Location(path)


def back_to_sqlite() -> None:
    """Storage pointed at SQLite again (after a test that opened a server)."""
    from netrhythm.storage import db as storage_db
    from netrhythm.storage.tables import database, file_database

    if database.obj is not file_database:
        storage_db.close_database()
        database.initialize(file_database)


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


@pytest.fixture(autouse=True, scope="session")
def private_data_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The user data folder of the whole session (and of the commands it runs): a temporary
    one, never the real one (a server's daily export, the demo, the default file go there)."""
    patch = pytest.MonkeyPatch()
    folder = tmp_path_factory.mktemp("data-home")
    patch.setenv("XDG_DATA_HOME", str(folder))
    yield folder
    patch.undo()


@pytest.fixture(scope="session")
def pg_templates(pg_server: Server) -> dict[str, str]:
    """Database names of this worker's templates, built on first use: ``new`` (a database as
    ``open_context`` makes it today) and ``demo`` (the demo data)."""
    return {}


def _template(server: Server, made: dict[str, str], kind: str, now: datetime) -> str:
    key = f"{kind}_{now:%Y%m%d%H%M}"
    if key in made:
        return made[key]
    from netrhythm.services.context import open_context
    from netrhythm.services.demo.create import create_demo

    name = f"nr_template_{key}_{_worker()}"
    server.create_database(name)
    context = open_context(server.url(name), FixedClock(now))
    try:
        if kind == "demo":
            create_demo(context)
    finally:
        context.close()
    made[key] = name
    return name


def server_location(request: pytest.FixtureRequest, kind: str,
                    now: datetime = FROZEN_NOW) -> Location:
    """A new database on the session's server holding a copy of the ``kind`` template made at
    ``now`` (storage points at SQLite again after the test)."""
    request.addfinalizer(back_to_sqlite)
    server: Server = request.getfixturevalue("pg_server")
    name = _own_name(request, kind)
    template = _template(server, request.getfixturevalue("pg_templates"), kind, now)
    server.create_database(name, template=template)
    return Location(None, server.url(name))


def _own_name(request: pytest.FixtureRequest, kind: str) -> str:
    """The test's database for ``kind``: ``pg_database`` for a new one, a name of its own for
    each other kind (a test may ask for ``location`` and ``demo_location`` both)."""
    name = _database_name(request)
    return name if kind == "new" else name.replace("nr_", f"nr{kind[0]}_", 1)


def copy_of_built(request: pytest.FixtureRequest, key: str, build: Callable[[Location], Any],
                  now: datetime = FROZEN_NOW) -> tuple[Location, Any]:
    """A private copy of a database that ``build`` fills, built once per worker and backend
    (from a new database made at ``now`` on a server, from no file at all on SQLite): its
    location, and what ``build`` returned. For a module's costly data, which its tests read
    or change."""
    backend: str = request.getfixturevalue("backend")
    built: dict[tuple[str, str], tuple[Location, Any]] = request.getfixturevalue(
        "built_databases")
    tmp_path: Path = request.getfixturevalue("tmp_path")
    if backend == "postgres":
        request.addfinalizer(back_to_sqlite)
        server: Server = request.getfixturevalue("pg_server")
        source = "nr_built_" + re.sub(r"\W", "_", key).lower() + "_" + _worker()
        if (backend, key) not in built:
            template = _template(server, request.getfixturevalue("pg_templates"), "new", now)
            server.create_database(source, template=template)
            result = build(Location(None, server.url(source)))
            back_to_sqlite()  # nothing in this process holds it (a template must be free)
            built[backend, key] = (Location(None, server.url(source)), result)
        name = _own_name(request, "built")
        server.create_database(name, template=source)
        return Location(None, server.url(name)), built[backend, key][1]
    if (backend, key) not in built:
        file = request.getfixturevalue("tmp_path_factory").mktemp("built") / f"{key}.db"
        built[backend, key] = (Location(file), build(Location(file)))
    source_file, result = built[backend, key]
    copy = tmp_path / f"{key}.db"
    shutil.copyfile(source_file.file, copy)
    return Location(copy), result


@pytest.fixture(scope="session")
def built_databases() -> dict[tuple[str, str], tuple[Location, Any]]:
    """``copy_of_built``'s databases, by backend and key."""
    return {}


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
    name = _database_name(request)
    pg_server.create_database(name)
    return name


def _database_name(request: pytest.FixtureRequest) -> str:
    """The test's own database name, unique per test and worker (made from a template by
    ``server_location``, or empty by ``pg_database``: once, not both)."""
    import hashlib

    digest = hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:10]
    name = re.sub(r"\W", "_", f"nr_{_worker()}_{request.node.name}")[:48].lower()
    return f"{name}_{digest}"


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
    try:
        yield lambda scenario: run_on_both(scenario, tmp_path, pg_server.url(pg_database))
    finally:
        back_to_sqlite()
