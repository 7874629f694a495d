"""The change journal: every user write is one change that ``undo`` can revert, also later.

``with change("Logged …") as entry:`` opens an immediate write transaction and points the
journal cursor at a new change row; the triggers of :mod:`netrhythm.storage.triggers` then record
the inverse of every row written. Undo replays those inverses newest first in one transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from netrhythm.storage.tables import Change, ChangeOp, database

KEEP_CHANGES = 200
_state = threading.local()


class Entry:
    """The change being written; its description may be refined inside the block.

    (A plain class: ``log`` starts quicker without importing ``dataclasses``.)"""

    __slots__ = ("description",)

    def __init__(self, description: str) -> None:
        self.description = description


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
            row_id = Change.insert(
                description=description, created_at=now or datetime.now()
            ).execute()
            _set_cursor(row_id)
            yield entry
            _set_cursor(None)
            if not ChangeOp.select().where(ChangeOp.change == row_id).exists():
                Change.delete().where(Change.id == row_id).execute()
            else:
                Change.update(description=entry.description).where(Change.id == row_id).execute()
                Change.delete().where(Change.id <= row_id - KEEP_CHANGES).execute()
    finally:
        _state.depth = 0


def _set_cursor(change_id: int | None) -> None:
    database.execute_sql("UPDATE journal_cursor SET change_id = ? WHERE id = 1", (change_id,))


def latest() -> str | None:
    """The description of the change ``undo`` would revert, if any."""
    row = Change.select(Change.description).order_by(Change.id.desc()).first()
    return row.description if row else None


def undo() -> str | None:
    """Revert the latest change; return its description, or None when there is nothing to undo."""
    with database.atomic("IMMEDIATE"):
        row = Change.select().order_by(Change.id.desc()).first()
        if row is None:
            return None
        database.execute_sql("PRAGMA defer_foreign_keys = ON")
        ops = (ChangeOp.select(ChangeOp.statement).where(ChangeOp.change == row.id)
               .order_by(ChangeOp.id.desc()))
        for op in ops:
            database.execute_sql(op.statement)
        Change.delete().where(Change.id == row.id).execute()
        return str(row.description)


@contextmanager
def bulk_load() -> Iterator[None]:
    """Write many rows without journaling and with the search index rebuilt once at the end."""
    from netrhythm.storage.triggers import rebuild_search

    with database.atomic("IMMEDIATE"):
        database.execute_sql("UPDATE journal_cursor SET search_sync = 0 WHERE id = 1")
        yield
        rebuild_search(database)
        database.execute_sql("UPDATE journal_cursor SET search_sync = 1 WHERE id = 1")
