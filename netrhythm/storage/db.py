"""Opening the database: file checks, pragmas, creation, migrations and the daily backup.

A file that is empty, not SQLite, another application's SQLite file, corrupt, or written by a
newer netrhythm is reported with :mod:`netrhythm.storage.errors` and never modified.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

from netrhythm.paths import backups_dir
from netrhythm.storage.errors import (
    CorruptDatabaseError,
    DatabaseFileError,
    NewerSchemaError,
    NotNetrhythmError,
)
from netrhythm.storage.tables import database

LATEST_VERSION = 2  # the number of the newest file in migrations/
APPLICATION_ID = 0x4E52544D  # "NRTM", set by the first migration
KEEP_DAILY_BACKUPS = 7
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 10_000,
    "synchronous": "normal",
    "cache_size": -256,
}
_MIGRATIONS = Path(__file__).with_name("migrations")


def open_database(path: Path, today: date) -> None:
    """Open (creating or migrating as needed) the netrhythm database at ``path``."""
    if not path.exists():
        _create(path, today)
    else:
        check_file(path)
    database.init(str(path), pragmas=PRAGMAS, timeout=10)
    try:
        version = database.execute_sql("PRAGMA user_version").fetchone()[0]
        if version > LATEST_VERSION:
            raise NewerSchemaError(
                f"{path} was written by a newer netrhythm (schema {version}, this one knows "
                f"{LATEST_VERSION}); upgrade netrhythm to open it. Nothing was changed."
            )
        if version < LATEST_VERSION:
            _migrate(path)
        daily_backup(path, today)
    except sqlite3.DatabaseError as exc:
        database.close()
        if is_corruption(exc):
            raise corrupt(path, exc) from exc
        raise
    except Exception:
        database.close()
        raise


def write_transaction() -> Any:
    """One write transaction, taking the write lock at once (``BEGIN IMMEDIATE``): a context
    manager; nested calls become savepoints."""
    return database.atomic("IMMEDIATE")


def data_version() -> int:
    """A number that changes whenever another connection commits a write (a query)."""
    return int(database.execute_sql("PRAGMA data_version").fetchone()[0])


def close_database() -> None:
    """Close this thread's connection (another open reconnects)."""
    database.close()


def is_corruption(exc: BaseException) -> bool:
    """True when SQLite says the file is malformed or not a database."""
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


def corrupt(path: Path, exc: BaseException) -> CorruptDatabaseError:
    return CorruptDatabaseError(
        f"{path} is corrupt ({exc}). Nothing was changed; restore a copy from "
        f"{backups_dir(path)} or move the file away to start fresh."
    )


def check_file(path: Path) -> None:
    """Refuse, without writing, a file that is not a netrhythm database."""
    if path.is_dir():
        raise NotNetrhythmError(f"{path} is a folder, not a netrhythm database file.")
    with path.open("rb") as handle:
        header = handle.read(100)
    hint = "Nothing was changed; pass --db with another path."
    if not header:
        raise NotNetrhythmError(f"{path} is an empty file, not a netrhythm database. {hint}")
    if not header.startswith(b"SQLite format 3\x00"):
        raise NotNetrhythmError(f"{path} is not an SQLite database. {hint}")
    if len(header) < 100:
        raise corrupt(path, ValueError("truncated header"))
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise NotNetrhythmError(
            f"{path} is an SQLite database of another application, not netrhythm. {hint}"
        )


def peek_setting(path: Path, key: str) -> Any:
    """A setting of the netrhythm database at ``path``, read without opening it for use (and
    without writing); None when the file is not one, cannot be read, or lacks the setting."""
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


def _create_private(path: Path) -> None:
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def _create(path: Path, today: date) -> None:
    """Build a new database in a temporary file, then link it into place atomically."""
    from netrhythm.storage.seed import seed_practices

    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.new")
    _create_private(tmp)
    try:
        database.init(str(tmp), pragmas=PRAGMAS, timeout=10)
        with database.atomic("IMMEDIATE"):
            _run_migrations()
            seed_practices(today)
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process created it first: use theirs
    finally:
        database.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)


def _run_migrations() -> None:
    import logging

    from playhouse.migrations import Runner

    from netrhythm.storage import triggers

    logging.getLogger("peewee.migrations").setLevel(logging.WARNING)
    Runner(database, directory=str(_MIGRATIONS)).up()
    triggers.install(database)
    database.execute_sql(f"PRAGMA user_version = {LATEST_VERSION}")


def _migrate(path: Path) -> None:
    """Back up the file beside itself, then migrate in one transaction (FK checks at the end)."""
    database.execute_sql("PRAGMA foreign_keys = 0")
    try:
        with database.atomic("IMMEDIATE"):
            version = database.execute_sql("PRAGMA user_version").fetchone()[0]
            if version >= LATEST_VERSION:
                return
            # Half a copy left by a process killed while copying: only the holder of this
            # write lock copies, so any such file now is stale.
            import glob  # only here: a quick command opens without it

            for stale in path.parent.glob(f".{glob.escape(path.name)}.pre-v*.tmp"):
                stale.unlink(missing_ok=True)
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            copy_database(path, path.with_name(f"{path.name}.pre-v{LATEST_VERSION}-{stamp}.bak"))
            _run_migrations()
            problems = database.execute_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise CorruptDatabaseError(
                    f"migrating {path} would break {len(problems)} references; "
                    "nothing was changed."
                )
    finally:
        database.execute_sql("PRAGMA foreign_keys = 1")


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API, readable by the owner only."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    _create_private(tmp)
    try:
        src = sqlite3.connect(source, timeout=10)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = delete")
            status = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
            src.close()
        if status != "ok":
            raise corrupt(source, ValueError(status))
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def daily_backup(path: Path, today: date) -> Path | None:
    """Once a day, on first open: a backup copy in the backups folder; the last 7 are kept."""
    folder = backups_dir(path)
    target = folder / f"{path.stem}-{today.isoformat()}.db"
    if target.exists():
        return None
    folder.mkdir(mode=0o700, exist_ok=True)
    copy_database(path, target)
    backups = sorted(folder.glob(f"{path.stem}-????-??-??.db"))
    for old in backups[:-KEEP_DAILY_BACKUPS]:
        old.unlink(missing_ok=True)
    return target
