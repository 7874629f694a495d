"""Shared helpers for the import/export tests (the ``ctx`` fixture is tests/conftest.py's):
the fixture files, readers of what a database holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from netrhythm.domain.records import ContactRec
from netrhythm.paths import Location
from netrhythm.storage.contacts import load_contacts
from tests.helpers import dump

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


def state(db: Path | Location) -> list[str]:
    """Every row of every table, the search index by its content (its internal segments
    differ after an undo even when it indexes the same text)."""
    if isinstance(db, Location) and db.path is None:
        return dump(db)
    db = Location.of(db).file
    lines = [line for line in dump(db) if not line.startswith('INSERT INTO "contact_search_')]
    conn = sqlite3.connect(db)
    try:
        index = conn.execute("SELECT rowid, * FROM contact_search ORDER BY rowid").fetchall()
    finally:
        conn.close()
    return lines + [repr(row) for row in index]


def data(name: str) -> Path:
    return DATA / name


def by_name(include_archived: bool = True) -> dict[str, ContactRec]:
    """Every contact by name (the tests use unique names)."""
    found = load_contacts(include_archived=include_archived)
    assert len({c.name for c in found}) == len(found), "duplicate contacts"
    return {c.name: c for c in found}


def fields(contact: ContactRec) -> dict[str, object]:
    """What an import sets, for exact comparisons."""
    return {
        "company": contact.company, "role": contact.role, "email": contact.email,
        "phone": contact.phone, "url": contact.url, "how_met": contact.how_met,
        "met_on": contact.met_on, "notes": contact.notes, "cadence_days": contact.cadence_days,
        "tags": contact.tags,
    }
