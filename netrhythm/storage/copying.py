"""Copying a whole database into an empty one: a SQLite file or a PostgreSQL server's
database, either way, every row of every table with its id, the undo journal included.

:func:`copy_into` reads every table of the database storage is using in one read transaction
(on PostgreSQL a repeatable-read one: one moment, whatever others write meanwhile), then
builds the target whole or not at all: a file in a temporary beside it, linked into place
(:func:`netrhythm.storage.db.build_file`); a server's database in one transaction holding
the schema lock (:func:`netrhythm.storage.server.build_server`). The target gets the newest
schema as a new database would, then the rows, parents first. What is derived is rebuilt
there, not copied: the contact search index (paused while loading, then rebuilt once), the
week counts (its triggers follow the rows written), on PostgreSQL each table's id sequence
(set past the largest id). The journal's old rows are turned into the target's shape
(:mod:`netrhythm.storage.journal_shapes`), so ``undo`` replays them there.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from netrhythm.paths import Location
from netrhythm.storage import journal_shapes
from netrhythm.storage.db import build_file, read_transaction
from netrhythm.storage.dialect import current
from netrhythm.storage.journal import set_search_sync
from netrhythm.storage.tables import MODELS, ChangeRow, database
from netrhythm.storage.transfer import stored
from netrhythm.storage.triggers import rebuild_search

# table -> (its columns, its rows in id order, as Python values)
Snapshot = dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]]


def copy_into(target: Location, today: date) -> dict[str, int]:
    """Copy the database in use into ``target``, which must be empty (else ``NotEmptyError``,
    or ``FileExistsError`` for a file made meanwhile); how many rows each table held."""
    rows = read_all()
    if target.path is not None:
        build_file(target.path, today, lambda: load(rows), replace_empty=True)
    else:
        from netrhythm.storage.server import build_server

        build_server(target, lambda: load(rows))
    return {table: len(found) for table, (_, found) in rows.items()}


def read_all() -> Snapshot:
    """Every row of every table of the database in use, read in one transaction."""
    out: Snapshot = {}
    with read_transaction():
        for model in MODELS:
            fields = model._meta.sorted_fields
            query: Any = model.select(*fields).order_by(model.id).tuples()
            out[model._meta.table_name] = (tuple(f.column_name for f in fields), list(query))
    return out


def load(snapshot: Snapshot) -> None:
    """Write ``snapshot`` into the new, empty database in use (in the caller's transaction)."""
    dialect = current()
    database.defer_foreign_keys()
    set_search_sync(False)
    for model in MODELS:
        table = model._meta.table_name
        columns, rows = snapshot[table]
        if model is ChangeRow:
            rows = _journal_rows(columns, rows, dialect.server)
        marks = ", ".join("?" * len(columns))
        names = ", ".join(f'"{c}"' for c in columns)
        if rows:
            database.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                                 [[stored(v, dialect.server) for v in row] for row in rows])
        if dialect.ids_taken:
            database.execute_sql(dialect.ids_taken.format(table))
    if dialect.server:
        database.execute_sql(journal_shapes.NORMALISE)
    rebuild_search(database)
    set_search_sync(True)


def _journal_rows(columns: tuple[str, ...], rows: list[tuple[Any, ...]],
                  server: bool) -> list[tuple[Any, ...]]:
    """The journal's rows with their old rows in the target's shape."""
    table_at, old_at = columns.index("tbl"), columns.index("old")
    order: dict[str, list[str]] = {}

    def reshaped(table: str, old: str) -> str:
        if server:
            return journal_shapes.for_server(table, old)
        if table not in order:
            info = database.execute_sql(f'PRAGMA table_info("{table}")').fetchall()
            order[table] = [row[1] for row in info]
        return journal_shapes.for_sqlite(table, old, order[table])

    return [row if row[old_at] is None else
            (*row[:old_at], reshaped(row[table_at], row[old_at]), *row[old_at + 1:])
            for row in rows]
