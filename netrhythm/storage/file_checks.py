"""Checks on an existing database file, made before anything can write to it.

Opening a file for use switches it to write-ahead logging, which rewrites its header: a file
that turns out to be newer, another application's or corrupt must be refused before that.
So the file is first read as bytes (a regular file? SQLite? netrhythm's application id? a
schema version this netrhythm knows, from the header's ``user_version``?), and when it is in
rollback-journal mode (netrhythm's own backup copies are, as is any file that has never been
opened by netrhythm) it is opened read-only (``mode=ro``) for an integrity check. A file
already in write-ahead mode has been opened by netrhythm before and opens as it is; its
version is checked again once open, since the header may lag behind the write-ahead log.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from netrhythm.domain.errors import InputError
from netrhythm.files.special import NotRegularFile, check_regular, kind_of
from netrhythm.paths import backups_dir
from netrhythm.storage.errors import CorruptDatabaseError, NewerSchemaError, NotNetrhythmError

LATEST_VERSION = 6  # the number of the newest file in migrations/
APPLICATION_ID = 0x4E52544D  # "NRTM", set by the first migration
_HINT = "Nothing was changed; pass --db with another path."


def is_corruption(exc: BaseException) -> bool:
    """True when SQLite says the file is malformed or not a database."""
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


def existing_backups(path: Path) -> list[Path]:
    """The copies of ``path`` on disk, oldest first: the daily backups and the copies made
    before a migration."""
    daily = backups_dir(path)
    found = list(daily.glob(f"{path.stem}-????-??-??.db")) if daily.is_dir() else []
    found += path.parent.glob(f"{path.name}.pre-v*.bak")
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))


def corrupt(path: Path, exc: BaseException) -> CorruptDatabaseError:
    """The one-line error for a corrupt file, naming its newest backup (or saying there is
    none, rather than pointing to an empty folder)."""
    reason = " ".join(str(exc).split())
    copies = existing_backups(path)
    if copies:
        where = f"the newest backup is {copies[-1]}; copy it over the file to restore it"
    else:
        where = "there is no backup of it; move it away to start a new database"
    return CorruptDatabaseError(f"{path} is corrupt ({reason}). Nothing was changed; {where}.")


def newer(path: Path, version: int) -> NewerSchemaError:
    return NewerSchemaError(
        f"{path} was written by a newer netrhythm (schema {version}, this one knows "
        f"{LATEST_VERSION}); upgrade netrhythm to open it. Nothing was changed."
    )


def check_file(path: Path) -> bool:
    """Refuse, without writing, a file that is not a netrhythm database this netrhythm can
    open. True when the file exists (and passed), False when nothing is there."""
    try:
        if not check_regular(path):
            return False
    except NotRegularFile as exc:
        raise InputError("--db", f"{path} is {exc.kind}, not a database file; give the path "
                                 "of a netrhythm database (or of a new one)") from None
    header = _header(path)
    if not header:
        raise NotNetrhythmError(f"{path} is an empty file, not a netrhythm database. {_HINT}")
    if not header.startswith(b"SQLite format 3\x00"):
        raise NotNetrhythmError(f"{path} is not an SQLite database. {_HINT}")
    if len(header) < 100:
        raise corrupt(path, ValueError("truncated header"))
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise NotNetrhythmError(
            f"{path} is an SQLite database of another application, not netrhythm. {_HINT}")
    version = int.from_bytes(header[60:64], "big")
    if version > LATEST_VERSION:
        raise newer(path, version)
    if header[18:20] != b"\x02\x02":  # rollback-journal mode: never opened by netrhythm
        _check_read_only(path)
    return True


def _header(path: Path) -> bytes:
    """The first 100 bytes, read without blocking (the file was regular when checked; if it
    has been swapped for a pipe since, this does not wait for a writer)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        kind = kind_of(os.fstat(fd).st_mode)
        if kind is not None:
            raise InputError("--db", f"{path} is {kind}, not a database file")
        return os.read(fd, 100)
    finally:
        os.close(fd)


def _check_read_only(path: Path) -> None:
    """Integrity and version, read through a read-only connection (nothing can be written)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error:
        return  # cannot be read this way: the normal open reports what is wrong
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > LATEST_VERSION:
            raise newer(path, version)
        status = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if status != "ok":
            raise corrupt(path, ValueError(status))
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            raise corrupt(path, exc) from exc
        # anything else (a journal left by a crash, which a read-only connection may not roll
        # back): the normal open deals with it
    finally:
        conn.close()
