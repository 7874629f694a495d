"""Opening the database: file checks, pragmas, creation, migrations and the daily backup.

The data lives where a :class:`~netrhythm.paths.Location` says: a SQLite file, or a PostgreSQL
server's URL, which :mod:`netrhythm.storage.server` opens (``tables.database`` is a proxy
pointed at one or the other here). Everything else here that is about a file (the checks,
write-ahead logging, the copies, ``data_version``) is about a SQLite file.
A file that is not a regular file, empty, not SQLite, another application's SQLite file,
corrupt, or written by a newer netrhythm is reported (:mod:`netrhythm.storage.file_checks`)
and never modified. When today's backup cannot be written (a full disk, a read-only folder),
the database still opens and a warning says the backup was skipped.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from netrhythm.files.atomic import publish_new, publish_replacing, staged, sync_file
from netrhythm.files.space import write_failure
from netrhythm.paths import Location
from netrhythm.storage.backups import copy_database, daily_backup
from netrhythm.storage.connection import GuardedDatabase
from netrhythm.storage.dialect import current
from netrhythm.storage.errors import CorruptDatabaseError, DatabaseFileError
from netrhythm.storage.file_checks import (
    APPLICATION_ID,
    LATEST_VERSION,
    check_file,
    corrupt,
    is_corruption,
    newer,
)
from netrhythm.storage.tables import database, file_database

__all__ = ["APPLICATION_ID", "LATEST_VERSION", "corrupt", "is_corruption", "open_database"]
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 10_000,
    "synchronous": "normal",
    "cache_size": -256,
}
_MIGRATIONS = Path(__file__).with_name("migrations")
log = logging.getLogger("netrhythm")


def open_database(where: Location | Path, today: date) -> None:
    """Open (creating or migrating as needed) the netrhythm database ``where`` says."""
    location = Location.of(where)
    if location.path is None:
        from netrhythm.storage.server import open_server

        open_server(location, today)
        return
    path = location.path
    if not check_file(path):
        _create(path, today)
    _use_file(path)
    try:
        version = database.execute_sql("PRAGMA user_version").fetchone()[0]
        if version > LATEST_VERSION:
            raise newer(path, version)
        if version < LATEST_VERSION:
            _migrate(path, today)
        _backup(path, today)
    except sqlite3.DatabaseError as exc:
        database.close()
        if is_corruption(exc):
            raise corrupt(path, exc) from exc
        raise
    except Exception:
        database.close()
        raise


def _use_file(path: Path) -> None:
    file_database.init(str(path), pragmas=PRAGMAS, timeout=10)
    database.initialize(file_database)


def _backup(path: Path, today: date) -> None:
    """Today's backup, or a warning that it was skipped: a full disk or a folder that cannot
    be written must not stop the commands that only read (status, review, an export to
    another disk)."""
    try:
        daily_backup(path, today)
    except CorruptDatabaseError:
        raise
    except (OSError, sqlite3.Error) as exc:
        if is_corruption(exc):
            raise
        log.warning("today's backup was skipped: %s", write_failure(exc, path.parent))


def write_transaction() -> Any:
    """One write transaction, taking the write lock at once (``BEGIN IMMEDIATE``): a context
    manager; nested calls become savepoints."""
    return database.atomic("IMMEDIATE")


@contextmanager
def read_transaction() -> Iterator[None]:
    """One read transaction whose reads all see one moment, whatever others write meanwhile
    (SQLite's does from its first read on; a server's is made repeatable-read)."""
    with database.atomic():
        if current().snapshot:
            database.execute_sql(current().snapshot)
        yield


def data_version() -> int:
    """A number that changes whenever another connection commits a write: SQLite's
    ``data_version`` (a query), or for a server the changes its listener has counted."""
    if database.obj is not file_database:
        from netrhythm.storage.server_watch import changes

        return changes(database.obj)
    return int(database.execute_sql("PRAGMA data_version").fetchone()[0])


def close_database() -> None:
    """Close this thread's connection (another open reconnects)."""
    database.close()


def is_empty(where: Location | Path, field: str = "--db") -> bool:
    """Whether nothing is kept where ``where`` (given as ``field``) says yet: no file (or an
    empty one), or a server database without tables (a problem reaching it: a
    ``ServerError``)."""
    location = Location.of(where)
    if location.path is None:
        from netrhythm.storage.server import table_count

        return table_count(location, field) == 0
    return not location.path.exists() or (location.path.is_file()
                                           and location.path.stat().st_size == 0)


def peek_setting(where: Location | Path, key: str) -> Any:
    """A setting of the netrhythm database ``where`` says, read without opening it for use (and
    without writing); None when it is not one, cannot be read, or lacks the setting."""
    path = Location.of(where).path
    if path is None:
        return None
    try:
        check_file(path)
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        finally:
            conn.close()
        return json.loads(row[0]) if row else None
    except (DatabaseFileError, sqlite3.Error, OSError, ValueError):
        return None


def _create(path: Path, today: date) -> None:
    """Build a new database in a temporary file, then link it into place atomically."""
    from netrhythm.storage.seed import seed_practices

    try:
        build_file(path, today, lambda: seed_practices(today))
    except FileExistsError:
        pass  # another process created it first: use theirs


def build_file(path: Path, today: date, fill: Callable[[], None],
               replace_empty: bool = False) -> None:
    """A new database file at ``path`` (0600): the newest schema and the rows ``fill`` writes
    (storage pointed at it meanwhile), in one transaction, in a temporary file beside it that
    is then linked into place. An existing file is never replaced (``FileExistsError``),
    unless ``replace_empty`` and it is empty; on any failure the temporary is removed."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with staged(path) as tmp:
        new = GuardedDatabase(str(tmp), pragmas=PRAGMAS, timeout=10)
        before = database.obj
        database.initialize(new)
        try:
            with database.atomic("IMMEDIATE"):
                _run_migrations(today)
                fill()
            database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            new.close()
            database.initialize(before)
        sync_file(tmp)
        if replace_empty and path.is_file() and path.stat().st_size == 0:
            publish_replacing(tmp, path)
        else:
            publish_new(tmp, path)


def _run_migrations(today: date) -> None:
    import logging

    from playhouse.migrations import Runner

    from netrhythm.storage import triggers

    logging.getLogger("peewee.migrations").setLevel(logging.WARNING)
    applied = Runner(database, directory=str(_MIGRATIONS)).up()
    triggers.install(database)
    if any(name.endswith("_day_one_cadence") for name in applied):
        # Data steps that need today's date and live rules, run on the newest schema.
        from netrhythm.storage.cadence import restart_never_contacted

        restart_never_contacted(today)
    database.execute_sql(f"PRAGMA user_version = {LATEST_VERSION}")


def _migrate(path: Path, today: date) -> None:
    """Back up the file beside itself, then migrate in one transaction (FK checks at the end)."""
    database.execute_sql("PRAGMA foreign_keys = 0")
    try:
        with database.atomic("IMMEDIATE"):
            version = database.execute_sql("PRAGMA user_version").fetchone()[0]
            if version >= LATEST_VERSION:
                return
            # (Half a copy left by a process killed while copying is deleted by the next
            # copy into this folder: its writer is gone.)
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            copy_database(path, path.with_name(f"{path.name}.pre-v{LATEST_VERSION}-{stamp}.bak"))
            _run_migrations(today)
            problems = database.execute_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise CorruptDatabaseError(
                    f"migrating {path} would break {len(problems)} references; "
                    "nothing was changed."
                )
    finally:
        database.execute_sql("PRAGMA foreign_keys = 1")
