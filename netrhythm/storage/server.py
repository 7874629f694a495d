"""Opening a PostgreSQL server's database: the connection, the schema version and creation.

:class:`ServerDatabase` is Peewee's PostgreSQL database (psycopg 3) made to read and write
what storage's SQLite code does: statements written with SQLite's placeholders are turned into
psycopg's (:func:`netrhythm.storage.dialect.to_server`); dates come back as ISO text and times
as naive local datetimes, as they do from the SQLite file; SQLite's ``BEGIN IMMEDIATE`` is a
plain ``BEGIN`` (PostgreSQL locks the rows written).

:func:`open_server` creates the newest schema in an empty database (or checks the version of
an existing one) in one transaction holding an advisory lock, so machines starting at once
create it once. The version lives in the database (``netrhythm_schema``); a newer one is
refused untouched, as for a SQLite file. The schema itself: :mod:`netrhythm.storage.server_schema`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from peewee import IntegrityError, InterfaceError, OperationalError, PostgresqlDatabase

from netrhythm.domain.errors import InputError
from netrhythm.paths import Location, url_stem
from netrhythm.storage.dialect import to_server
from netrhythm.storage.errors import (
    CorruptDatabaseError,
    NewerSchemaError,
    NotEmptyError,
    NotNetrhythmError,
)
from netrhythm.storage.file_checks import APPLICATION_ID, LATEST_VERSION
from netrhythm.storage.server_errors import server_problem, unencrypted_warning
from netrhythm.storage.server_watch import KEEPALIVES
from netrhythm.storage.tables import database

log = logging.getLogger("netrhythm")
LOCK = APPLICATION_ID  # the advisory lock taken while the schema is created or migrated
_TABLES = "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"


class ServerDatabase(PostgresqlDatabase):
    """Peewee's ``PostgresqlDatabase`` speaking storage's SQLite-shaped SQL and values."""

    # Ids are 64-bit, as SQLite's are (a JSON backup or a SQLite file may hold large ones).
    field_types = {**PostgresqlDatabase.field_types, "DATETIME": "TIMESTAMPTZ",
                   "AUTO": "BIGSERIAL", "INT": "BIGINT"}

    def begin(self, *lock_type: Any) -> None:  # type: ignore[override]
        # "IMMEDIATE" is SQLite's write lock; rows are locked as written here.
        self._once_more(lambda: PostgresqlDatabase.begin(self))

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        # Storage's own SQL (SQLite's "?"; or no parameters, where a "%" is literal) is
        # translated; Peewee's queries come with psycopg's "%s" and their parameters.
        if "?" in sql or ("%" in sql and not params):
            sql, params = to_server(sql, params)
        if self.in_transaction() or not sql.lstrip()[:6].upper() == "SELECT":
            return super().execute_sql(sql, params)
        return self._once_more(lambda: PostgresqlDatabase.execute_sql(self, sql, params))

    def _once_more(self, run: Callable[[], Any]) -> Any:
        """``run``, and once more on a new connection when the connection broke before it (a
        server restarted, a laptop woke up): only a read or the start of a transaction, where
        nothing can have been half-done. Inside a transaction a broken connection is an error
        (the command is one line: nothing of it was written)."""
        try:
            return run()
        except (OperationalError, InterfaceError):
            if self.is_closed() or self.is_connection_usable():
                raise
            log.info("the connection to the server broke; connecting again")
            self.close()
            return run()

    def executemany(self, sql: str, rows: list[Any]) -> None:
        """One statement run for every row (psycopg pipelines them); errors as Peewee's."""
        import psycopg

        try:
            self.cursor().executemany(to_server(sql, None)[0], rows)
        except psycopg.IntegrityError as exc:
            raise IntegrityError(*exc.args) from exc

    def defer_foreign_keys(self) -> None:
        """Check references at the commit of this transaction (every key is DEFERRABLE)."""
        self.execute_sql("SET CONSTRAINTS ALL DEFERRED")

    def _connect(self) -> Any:
        conn = super()._connect()
        _same_values_as_sqlite(conn)
        return conn


def _same_values_as_sqlite(conn: Any) -> None:
    """Dates as ISO text, times as naive local datetimes: what storage gets from SQLite.
    A naive time written is this machine's local time, whatever the server's time zone."""
    from psycopg.types.datetime import DatetimeDumper, TimestamptzLoader
    from psycopg.types.string import TextLoader

    class LocalTime(TimestamptzLoader):
        def load(self, data: Any) -> datetime:
            return super().load(data).astimezone().replace(tzinfo=None)

    class AsLocalTime(DatetimeDumper):
        def get_key(self, obj: datetime, fmt: Any) -> Any:
            return self.cls  # naive ones too: no downgrade to "timestamp"

        def upgrade(self, obj: datetime, fmt: Any) -> Any:
            return self

        def dump(self, obj: datetime) -> Any:
            return super().dump(obj if obj.tzinfo else obj.astimezone())

    conn.adapters.register_loader("date", TextLoader)
    conn.adapters.register_loader("timestamptz", LocalTime)
    conn.adapters.register_dumper(datetime, AsLocalTime)


def open_server(location: Location, today: date) -> None:
    """Point storage at the server's database, creating the newest schema when it is empty.
    A server that cannot be reached or refuses us is one :class:`ServerError` line; without
    psycopg installed, an ``InputError`` says what to install."""
    database.initialize(_server(location))
    try:
        with plainly(location):
            _open(location, today)
    except Exception:
        database.close()
        raise


def _open(location: Location, today: date) -> None:
    """Check the schema version; create or upgrade the schema under the lock when needed."""
    version = _version()
    if version != LATEST_VERSION:
        with database.atomic():
            database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (LOCK,))
            version = _version()  # another machine may have created it meanwhile
            if version is None:
                _create(location, today)
            elif version < LATEST_VERSION:
                _upgrade(location, version)
    _check_version(location, version)


@contextmanager
def plainly(location: Location) -> Iterator[None]:
    """The driver's failures to reach or keep the server as one :class:`ServerError` line
    (others as they are)."""
    try:
        yield
    except Exception as exc:
        problem = server_problem(exc, location)
        if problem is not None:
            raise problem from exc
        raise


def build_server(location: Location, fill: Callable[[], None]) -> None:
    """Fill the server's empty database: the newest schema and the rows ``fill`` writes
    (storage pointed at it meanwhile), in one transaction holding the schema lock, on a
    connection of its own. A database that holds tables is left alone (``NotEmptyError``);
    a problem reaching the server is one :class:`ServerError` line; on any failure nothing
    is written."""
    from netrhythm.storage.server_schema import create_schema

    server = _server(location, "--to")
    before = database.obj
    database.initialize(server)
    try:
        with plainly(location), database.atomic():
            database.execute_sql("SELECT pg_advisory_xact_lock(?)", (LOCK,))
            taken = database.execute_sql(_TABLES).fetchone()[0]
            if taken:
                raise NotEmptyError(f"{location} holds {taken} tables now (another program "
                                    "wrote there meanwhile); nothing was changed.")
            create_schema(database)
            database.execute_sql("INSERT INTO netrhythm_schema (version) VALUES (?)",
                                 (LATEST_VERSION,))
            fill()
    finally:
        server.close()
        database.initialize(before)


def table_count(location: Location, field: str = "--db") -> int:
    """How many tables the server's database (given as ``field``) holds, netrhythm's or not
    (0: empty), read on a connection of its own; a problem reaching it is one
    :class:`ServerError` line."""
    server = _server(location, field, warn=False)
    try:
        with plainly(location):
            return int(server.execute_sql(_TABLES).fetchone()[0])
    finally:
        server.close()


def _server(location: Location, field: str = "--db", warn: bool = True) -> ServerDatabase:
    """The server's database (not connected yet), given as ``field``: psycopg must be
    installed; a remote server without required encryption is warned of (``warn``)."""
    _require_driver(field)
    warning = unencrypted_warning(location.url or "") if warn else None
    if warning:
        log.warning("%s", warning)
    return ServerDatabase(location.url, prefer_psycopg3=True, **KEEPALIVES)


def _require_driver(field: str = "--db") -> None:
    """An ``InputError`` on ``field`` saying what to install when psycopg is missing."""
    from importlib.util import find_spec

    if find_spec("psycopg") is None:
        raise InputError(field, "a PostgreSQL server needs the postgres extra: pip install "
                                 "'netrhythm[postgres]' (or use a SQLite file)")


def _version() -> int | None:
    """The schema version the database records; None when it records none."""
    if database.execute_sql("SELECT to_regclass('netrhythm_schema')").fetchone()[0] is None:
        return None
    row = database.execute_sql("SELECT version FROM netrhythm_schema").fetchone()
    return int(row[0]) if row else None


# Upgrades of a server's schema: the step from version N to N + 1, run in the transaction that
# holds the schema lock, after the rows are saved. Schema 6 is the first a server has; whoever
# raises LATEST_VERSION adds the server's step here beside the file's migration.
SERVER_STEPS: dict[int, Callable[[Any], None]] = {}


def _upgrade(location: Location, version: int) -> None:
    """Save every row beside the daily exports, then upgrade the schema step by step (one
    transaction: a failure leaves the database as it was). Several machines starting at once
    wait for the lock; the first upgrades, the others find it done."""
    missing = [v for v in range(version, LATEST_VERSION) if v not in SERVER_STEPS]
    if missing:
        raise CorruptDatabaseError(
            f"{location} has schema {version}, which this netrhythm cannot upgrade (no step "
            f"from {missing[0]}); open it with the netrhythm that wrote it. Nothing was changed.")
    saved = _save_rows(location, version)
    log.info("saved every row of %s in %s before upgrading its schema", location, saved)
    for step in range(version, LATEST_VERSION):
        SERVER_STEPS[step](database)
    database.execute_sql("UPDATE netrhythm_schema SET version = ?", (LATEST_VERSION,))


def _save_rows(location: Location, version: int) -> Path:
    """Every row of every table as JSON (``{table: [row, …]}``), read in the upgrade's
    transaction, written whole, readable by the owner only, in the backups folder."""
    import json

    from netrhythm.files.atomic import write_new

    tables = [name for (name,) in database.execute_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")]
    rows = {name: database.execute_sql(
        f'SELECT coalesce(json_agg(t ORDER BY t), \'[]\') FROM "{name}" t').fetchone()[0]
        for name in tables}
    folder = location.backups
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{url_stem(str(location))}-pre-v{LATEST_VERSION}-from-v{version}-{stamp}.json"
    target = folder / name
    write_new(target, json.dumps({"schema_version": version, "tables": rows},
                                 ensure_ascii=False, default=str).encode("utf-8"))
    return target


def _check_version(location: Location, version: int | None) -> None:
    if version is not None and version > LATEST_VERSION:
        raise NewerSchemaError(
            f"{location} was written by a newer netrhythm (schema {version}, this one knows "
            f"{LATEST_VERSION}); upgrade netrhythm to open it. Nothing was changed.")


def _create(location: Location, today: date) -> None:
    """The newest schema and the default practices, in the caller's transaction."""
    from netrhythm.storage.seed import seed_practices
    from netrhythm.storage.server_schema import create_schema
    from netrhythm.storage.server_search import MissingExtensionError

    taken = database.execute_sql(_TABLES).fetchone()[0]
    if taken:
        raise NotNetrhythmError(
            f"{location} already holds {taken} tables that are not netrhythm's. Nothing was "
            "changed; give --db an empty database (or one netrhythm created).")
    try:
        create_schema(database)
    except MissingExtensionError as exc:
        raise MissingExtensionError(f"{location}: {exc}") from exc
    seed_practices(today)
    database.execute_sql("INSERT INTO netrhythm_schema (version) VALUES (%s)", (LATEST_VERSION,))
