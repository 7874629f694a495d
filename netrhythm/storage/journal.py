"""The change journal: every user write is one change that ``undo`` can revert, also later and
from another machine.

``with change("Logged …") as entry:`` opens a write transaction and points the journal cursor
at a new change row (with the name of the machine making it); while the cursor points at a
change, the database records, per row written, what undo needs: the table, the row's id, what
happened to it and, for an update or a delete, the whole old row as JSON (``change_row``; on
SQLite the triggers of :mod:`netrhythm.storage.triggers` do it, on PostgreSQL those of
:mod:`netrhythm.storage.server_schema`). Nothing in the journal is SQL text:
:mod:`netrhythm.storage.replay` turns the rows back into writes through Peewee, newest first,
in one transaction.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any, NamedTuple

from peewee import Table

from netrhythm.storage.tables import Change, ChangeRow, database

KEEP_CHANGES = 200
_state = threading.local()
_cursor: Any = Table("journal_cursor", ("id", "change_id", "search_sync")).bind(database)


class Entry:
    """The change being written; its description may be refined inside the block.

    (A plain class: ``log`` starts quicker without importing ``dataclasses``.)"""

    __slots__ = ("description",)

    def __init__(self, description: str) -> None:
        self.description = description


class Reverted(NamedTuple):
    """A change undo reverted: what it was and the machine that made it ('' if unknown)."""

    description: str
    machine: str


def machine_name() -> str:
    """This machine's name for the journal: ``NETRHYTHM_MACHINE``, else the host name."""
    name = os.environ.get("NETRHYTHM_MACHINE", "").strip()
    if not name:
        if hasattr(os, "uname"):
            name = os.uname().nodename
        else:  # pragma: no cover - Windows
            import socket

            name = socket.gethostname()
    return "".join(ch for ch in name if ch.isprintable())[:64]


@contextmanager
def change(description: str, now: datetime | None = None) -> Iterator[Entry]:
    """One undoable change, in one transaction. Nested calls join the outer change."""
    entry = Entry(description)
    if getattr(_state, "depth", 0):
        _state.depth += 1
        try:
            yield entry
        finally:
            _state.depth -= 1
        return
    _state.depth = 1
    try:
        with database.atomic("IMMEDIATE"):
            row_id = Change.insert(description=description, created_at=now or datetime.now(),
                                   machine=machine_name()).execute()
            _set_cursor(row_id)
            yield entry
            _set_cursor(None)
            if not ChangeRow.select().where(ChangeRow.change == row_id).exists():
                Change.delete().where(Change.id == row_id).execute()
            else:
                Change.update(description=entry.description).where(Change.id == row_id).execute()
                Change.delete().where(Change.id <= row_id - KEEP_CHANGES).execute()
    finally:
        _state.depth = 0


def _set_cursor(change_id: int | None) -> None:
    _cursor.update(change_id=change_id).where(_cursor.id == 1).execute()


def open_change() -> int | None:
    """The id of the change the database is recording into, if any."""
    change_id: int | None = _cursor.select(_cursor.change_id).where(_cursor.id == 1).scalar()
    return change_id


@contextmanager
def unrecorded() -> Iterator[int | None]:
    """Inside a change, write rows that are not recorded one by one; yields the change's id,
    for :func:`record_bulk`. Only for rows whose inverse is recorded that way."""
    change_id = open_change()
    _set_cursor(None)
    yield change_id
    # Not in a ``finally``: after an error the whole change is rolled back, cursor included
    # (and after a disk-full error SQLite has already done so: nothing may be written then).
    _set_cursor(change_id)


def record_bulk(change_id: int | None, ops: Sequence[tuple[str, str, int | None, int | None]]
                ) -> None:
    """Record (op, table, first id, last id) rows for undo to replay in this order, before
    anything else of the change (undo replays newest first): ``insert`` (rows first..last
    were added: undo deletes them) or ``load`` (the table was empty: undo empties it)."""
    if change_id is None:
        return
    ChangeRow.insert_many(
        [(change_id, op, table, first, last, None) for op, table, first, last in reversed(ops)],
        fields=[ChangeRow.change, ChangeRow.op, ChangeRow.tbl, ChangeRow.row_id,
                ChangeRow.last_id, ChangeRow.old]).execute()


def latest() -> str | None:
    """The description of the change ``undo`` would revert, if any."""
    row = Change.select(Change.description).order_by(Change.id.desc()).first()
    return row.description if row else None


def undo() -> str | None:
    """Revert the latest change; return its description, or None when there is nothing to undo."""
    reverted = revert()
    return reverted.description if reverted else None


def revert() -> Reverted | None:
    """Revert the latest change; what it was and where it was made, or None when there is
    nothing to undo."""
    from netrhythm.storage.replay import replay

    with database.atomic("IMMEDIATE"):
        row = Change.select().order_by(Change.id.desc()).first()
        if row is None:
            return None
        database.defer_foreign_keys()
        ops: Any = (ChangeRow.select(ChangeRow.op, ChangeRow.tbl, ChangeRow.row_id,
                                ChangeRow.last_id, ChangeRow.old)
               .where(ChangeRow.change == row.id).order_by(ChangeRow.id.desc()).tuples())
        replay(ops)
        Change.delete().where(Change.id == row.id).execute()
        return Reverted(str(row.description), str(row.machine or ""))


def set_search_sync(on: bool) -> None:
    """Let the search index follow every write (on), or not (off, for bulk writes)."""
    _cursor.update(search_sync=int(on)).where(_cursor.id == 1).execute()


@contextmanager
def bulk_load() -> Iterator[None]:
    """Write many rows without journaling and with the search index rebuilt once at the end."""
    from netrhythm.storage.triggers import rebuild_search

    with database.atomic("IMMEDIATE"):
        set_search_sync(False)
        yield
        rebuild_search(database)
        set_search_sync(True)
