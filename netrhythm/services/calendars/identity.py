"""This database's id, which every UID it exports carries (``event-12.<id>@netrhythm``).

Two netrhythm databases exported into one calendar app must not share UIDs, and a re-import
must recognise only this database's events as its own. The id is made at random on the first
export and kept in the settings. It is not an undoable change: undoing it would give the next
export new UIDs, and calendar apps would show every event twice.
"""

from __future__ import annotations

import secrets

from netrhythm.storage import settings as store
from netrhythm.storage.db import write_transaction

DATABASE_ID = "database_id"


def read_database_id() -> str | None:
    """The id, or None before the first export (a query)."""
    value = store.get_setting(DATABASE_ID)
    return value if isinstance(value, str) and value else None


def database_id() -> str:
    """The id, made and saved on first use (12 hex digits); under the write lock, so two
    processes exporting for the first time at once agree on it."""
    found = read_database_id()
    if found is not None:
        return found
    with write_transaction():
        found = read_database_id()
        if found is None:
            found = secrets.token_hex(6)
            store.set_setting(DATABASE_ID, found)
    return found
