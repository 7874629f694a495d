"""Undo's replay: the journal's rows (:mod:`netrhythm.storage.journal`) turned back into writes
through Peewee's query builder, so the same journal replays on any database Peewee speaks to.

Each journal row says what happened to a row, and undo does the opposite, newest first:
``insert`` (rows ``row_id``..``last_id`` were added; ``last_id`` NULL: one row) deletes them,
``update`` writes the old row back, ``delete`` inserts the old row again (same id), and
``load`` (a table filled from a backup while it was empty) empties the table. Bulk rows
(``load`` and id ranges) run with the search index paused and then drop those contacts from
it at once, so undoing a ten-year import takes seconds, not minutes; the index follows
row by row otherwise, as it does for every write.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from peewee import Column, Table

from netrhythm.storage.errors import CorruptDatabaseError
from netrhythm.storage.journal import set_search_sync
from netrhythm.storage.tables import database
from netrhythm.storage.triggers import JOURNALED, unindex

JournalRow = tuple[str, str, "int | None", "int | None", "str | None"]


def replay(rows: Iterable[JournalRow]) -> None:
    """Undo each journal row in the order given (newest first), in the caller's transaction."""
    paused = False
    for op, table, first, last, old in rows:
        if table not in JOURNALED:
            raise CorruptDatabaseError(
                f"the undo history names a table netrhythm does not keep ({table!r}); "
                "nothing was changed.")
        bulk = op == "load" or last is not None
        if bulk != paused:
            set_search_sync(not bulk)
            paused = bulk
        _undo_row(Table(table).bind(database), op, first, last, old)
    if paused:
        set_search_sync(True)


def _undo_row(t: Any, op: str, first: int | None, last: int | None, old: str | None) -> None:
    if op == "insert":
        t.delete().where(Column(t, "id").between(first, first if last is None else last)).execute()
        if last is not None:
            unindex(database, t.__name__, first, last)
    elif op == "load":
        t.delete().execute()
        unindex(database, t.__name__, None, None)
    elif op in ("update", "delete") and old is not None:
        values: dict[str, Any] = json.loads(old)
        if op == "update":
            t.update({Column(t, k): v for k, v in values.items() if k != "id"}) \
                .where(Column(t, "id") == first).execute()
        else:
            t.insert({Column(t, k): v for k, v in values.items()}).execute()
    else:
        raise CorruptDatabaseError(
            f"the undo history holds a step netrhythm cannot replay ({op!r} on {t.__name__}); "
            "nothing was changed.")
