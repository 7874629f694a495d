"""The journal's old rows in the shape each database writes them, for copying a journal across.

A journal row (``change_row.old``) holds the whole old row as JSON, which undo writes back
unchanged (:mod:`netrhythm.storage.replay`), so it must be in the shape of the database it
is replayed on. SQLite's triggers write it with ``json_object``: flags as 0/1, times as this
machine's naive local time ("2026-11-23 10:00:00"), keys in the table's column order, no
spaces. PostgreSQL's write ``to_jsonb(OLD)::text``: flags as true/false, times with their UTC
offset ("2026-11-23T10:00:00+00:00"), and ``jsonb``'s own key order and spacing (which the
server gives them once they are loaded: ``old::jsonb::text``). Either shape goes in here and
the one asked for comes out; days ("2026-11-23") and everything else are the same in both.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from peewee import BooleanField, DateTimeField

from netrhythm.storage.tables import MODELS

# table -> (its flag columns, its time columns)
_KINDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    model._meta.table_name: (
        frozenset(f.column_name for f in model._meta.sorted_fields
                  if isinstance(f, BooleanField)),
        frozenset(f.column_name for f in model._meta.sorted_fields
                  if isinstance(f, DateTimeField)))
    for model in MODELS
}
NORMALISE = "UPDATE change_row SET old = old::jsonb::text WHERE old IS NOT NULL"


def _reshaped(table: str, old: str, flag: Callable[[Any], Any],
              time: Callable[[datetime], str]) -> dict[str, Any]:
    """``old``'s values, each flag given by ``flag`` and each time by ``time``."""
    flags, times = _KINDS.get(table, (frozenset(), frozenset()))
    values: dict[str, Any] = json.loads(old)
    for key in flags & values.keys():
        if values[key] is not None:
            values[key] = flag(values[key])
    for key in times & values.keys():
        if isinstance(values[key], str):
            values[key] = time(datetime.fromisoformat(values[key]))
    return values


def for_sqlite(table: str, old: str, columns: Sequence[str]) -> str:
    """``old`` as SQLite's triggers write it; ``columns``: the table's, in SQLite's order."""
    values = _reshaped(table, old, lambda flag: int(bool(flag)), lambda moment: str(
        moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment))
    rank = {name: i for i, name in enumerate(columns)}
    ordered = dict(sorted(values.items(), key=lambda item: rank.get(item[0], len(rank))))
    return json.dumps(ordered, ensure_ascii=False, separators=(",", ":"))


def for_server(table: str, old: str) -> str:
    """``old`` as PostgreSQL's triggers write it, but for the key order and spacing (loaded,
    :data:`NORMALISE` gives it the server's)."""
    values = _reshaped(table, old, bool, lambda moment: (
        moment if moment.tzinfo else moment.astimezone()).isoformat())
    return json.dumps(values, ensure_ascii=False)
