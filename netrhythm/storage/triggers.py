"""SQL triggers that keep the change journal and the contact search index in step with every write.

While a change is open (``journal_cursor`` holds its id) every insert, update and delete on a
journaled table records a row of data in ``change_row``: the operation, the table, the row's id
and, for an update or a delete, the old row as JSON (``json_object``). Undo replays those rows
through Peewee (:mod:`netrhythm.storage.replay`), not SQL text, so the journal is the same on
any database. Triggers are generated from the live table definitions, so they are re-installed
after every migration. This module is the SQLite side of the journal and of the search index
(:func:`rebuild_search` and :func:`unindex` also serve PostgreSQL's, :mod:`.server_search`).

The search index ``contact_search`` (FTS5, rowid = contact id) holds, per contact, the name,
company/role/email, tags, notes/how-met, and its history: the day connected ("connected
2024-03-12"), the event where met, and the events and action notes of its actions.
"""

from __future__ import annotations

from typing import Any

from netrhythm.storage.dialect import current

JOURNALED = (
    "practice", "event", "contact", "tag", "contact_tag", "action", "action_contact",
    "follow_up", "week_review", "setting", "paused_week",
)

_OPEN = "(SELECT change_id FROM journal_cursor WHERE id = 1) IS NOT NULL"
_SYNC = "(SELECT search_sync FROM journal_cursor WHERE id = 1) = 1"

_UNINDEX = "DELETE FROM contact_search WHERE rowid IN ({ids});"
_INDEX = """
INSERT INTO contact_search (rowid, name, org, tags, notes, history)
SELECT c.id, c.name, c.company || ' ' || c.role || ' ' || c.email,
  coalesce((SELECT group_concat(t.name, ' ') FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id
            WHERE ct.contact_id = c.id), ''),
  c.notes || ' ' || c.how_met,
  CASE WHEN c.connected_on IS NULL THEN '' ELSE 'connected ' || c.connected_on || ' ' END ||
  coalesce((SELECT e.name FROM event e WHERE e.id = c.met_at_id), '') || ' ' ||
  coalesce((SELECT group_concat(a.note || ' ' || coalesce(e.name, ''), ' ')
            FROM action_contact ac JOIN action a ON a.id = ac.action_id
            LEFT JOIN event e ON e.id = a.event_id WHERE ac.contact_id = c.id), '')
FROM contact c WHERE c.id IN ({ids});"""
_REFRESH = _UNINDEX + _INDEX

# (trigger name, event, contact ids affected)
_SEARCH = (
    ("contact_ai", "AFTER INSERT ON contact", "NEW.id"),
    ("contact_au", "AFTER UPDATE ON contact", "NEW.id"),
    ("contact_tag_ai", "AFTER INSERT ON contact_tag", "NEW.contact_id"),
    ("contact_tag_ad", "AFTER DELETE ON contact_tag", "OLD.contact_id"),
    ("tag_au", "AFTER UPDATE OF name ON tag",
     "SELECT contact_id FROM contact_tag WHERE tag_id = NEW.id"),
    ("action_contact_ai", "AFTER INSERT ON action_contact", "NEW.contact_id"),
    ("action_contact_ad", "AFTER DELETE ON action_contact", "OLD.contact_id"),
    ("action_au", "AFTER UPDATE OF note, event_id ON action",
     "SELECT contact_id FROM action_contact WHERE action_id = NEW.id"),
    ("event_au", "AFTER UPDATE OF name ON event",
     "SELECT id FROM contact WHERE met_at_id = NEW.id UNION "
     "SELECT ac.contact_id FROM action_contact ac JOIN action a ON a.id = ac.action_id "
     "WHERE a.event_id = NEW.id"),
)


def _columns(db: Any, table: str) -> list[str]:
    return [row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()]


def _journal_triggers(table: str, columns: list[str]) -> list[str]:
    record = ("INSERT INTO change_row (change_id, op, tbl, row_id, old) SELECT change_id, "
              "'{op}', '{table}', {key}, {old} FROM journal_cursor WHERE id = 1;")
    row = "json_object(" + ", ".join(f"'{c}', OLD.\"{c}\"" for c in columns) + ")"
    out = []
    for kind, key, old in (("insert", "NEW.id", "NULL"), ("update", "OLD.id", row),
                           ("delete", "OLD.id", row)):
        sql = record.format(op=kind, table=table, key=key, old=old)
        out.append(
            f'CREATE TRIGGER "journal_{table}_{kind}" AFTER {kind.upper()} ON "{table}" '
            f"WHEN {_OPEN} BEGIN {sql} END"
        )
    return out


def _search_triggers() -> list[str]:
    out = [
        f'CREATE TRIGGER "search_contact_ad" AFTER DELETE ON contact WHEN {_SYNC} '
        "BEGIN DELETE FROM contact_search WHERE rowid = OLD.id; END"
    ]
    for name, event, ids in _SEARCH:
        out.append(
            f'CREATE TRIGGER "search_{name}" {event} WHEN {_SYNC} BEGIN '
            f"{_REFRESH.format(ids=ids)} END"
        )
    return out


def install(db: Any) -> None:
    """Drop and re-create every journal and search trigger from the current schema."""
    existing = db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' "
        "AND (name LIKE 'journal\\_%' ESCAPE '\\' OR name LIKE 'search\\_%' ESCAPE '\\')"
    ).fetchall()
    for (name,) in existing:
        db.execute_sql(f'DROP TRIGGER "{name}"')
    for table in JOURNALED:
        for statement in _journal_triggers(table, _columns(db, table)):
            db.execute_sql(statement)
    for statement in _search_triggers():
        db.execute_sql(statement)


def rebuild_search(db: Any) -> None:
    """Rebuild the whole contact search index (after a bulk load with search sync off)."""
    if current().server:
        from netrhythm.storage.server_search import rebuild

        return rebuild(db)
    db.execute_sql("DELETE FROM contact_search")
    db.execute_sql(_INDEX.format(ids="SELECT id FROM contact"))


def unindex(db: Any, table: str, first: int | None, last: int | None) -> None:
    """Drop contacts ``first``..``last`` (None: all) from the search index, after a bulk delete
    made with the index paused; nothing for other tables."""
    if table != "contact":
        return
    if current().server:
        from netrhythm.storage.server_search import unindex as server_unindex

        return server_unindex(db, first, last)
    if first is None:
        db.execute_sql("DELETE FROM contact_search")
    else:
        db.execute_sql("DELETE FROM contact_search WHERE rowid BETWEEN ? AND ?",
                       (first, last))
