"""Schema version 6: the undo journal holds row data, not SQL text, and names the machine.

Until schema 5, every write inside a change recorded the SQLite statement that reverts it
(``change_op.statement``, built with ``quote()`` and ``rowid``). From schema 6 it records
data (``change_row``): the operation (``insert``, ``update``, ``delete``; ``load`` for a table
filled from a backup while empty), the table, the row's id (``row_id``; ``last_id`` for a
block of new ids) and, for an update or a delete, the whole old row as JSON (``old``). Undo
replays those through Peewee, so the same journal can live on another database.
``change.machine`` is the name of the machine that made the change ("" when unknown).

Existing undo history is converted, not dropped: every statement ever written to
``change_op`` came from netrhythm's own triggers or bulk imports, in the few shapes parsed
below, so each becomes the row that means the same (a converted journal is what schema 6
would have written, except ``machine``, unknown before: ""). Statements that only steered
the search index (``search_sync``, ``contact_search``) are implied by the bulk rows. Should a
statement not parse (a journal edited by hand), that change and every older one leave the
undo history, the newer ones stay undoable, and a warning says so: undo never replays part of
a change. The file as it was is kept beside it (``*.pre-v6-*.bak``), as before every migration.

Frozen SQL and parsing on purpose: later migrations change this schema, never this file.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

SCHEMA = [
    "ALTER TABLE change ADD COLUMN machine TEXT NOT NULL DEFAULT ''",
    """CREATE TABLE change_row (
        id INTEGER PRIMARY KEY,
        change_id INTEGER NOT NULL REFERENCES change (id) ON DELETE CASCADE,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'load')),
        tbl TEXT NOT NULL,
        row_id INTEGER,
        last_id INTEGER,
        old TEXT)""",
    "CREATE INDEX change_row_change ON change_row (change_id)",
]

Row = tuple[str, str, "int | None", "int | None", "str | None"]  # op, table, id, last, old
_LITERAL = re.compile(r"NULL|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|'(?:[^']|'')*'", re.IGNORECASE)
_NAME = re.compile(r'"(\w+)"')
_SKIP = re.compile(r"UPDATE journal_cursor SET search_sync = [01] WHERE id = 1|"
                   r'DELETE FROM "?contact_search"?( WHERE rowid BETWEEN \d+ AND \d+)?')
_SIMPLE = [
    (re.compile(r'DELETE FROM "(\w+)" WHERE rowid = (\d+)'), "insert"),
    (re.compile(r'DELETE FROM "?(\w+)"? WHERE id BETWEEN (\d+) AND (\d+)'), "insert"),
    (re.compile(r'DELETE FROM "(\w+)"'), "load"),
]
log = logging.getLogger("netrhythm")


def _value(text: str) -> Any:
    if text.upper() == "NULL":
        return None
    if text.startswith("'"):
        return text[1:-1].replace("''", "'")
    return float(text) if any(c in text for c in ".eE") else int(text)


def _pairs(text: str, pos: int, named: bool) -> tuple[list[tuple[str, Any]], int]:
    """``"a" = 1, "b" = 'x'`` (named) or ``1, 'x'`` from ``pos``; the pairs and the end."""
    out: list[tuple[str, Any]] = []
    while True:
        name = ""
        if named:
            m = _NAME.match(text, pos)
            if not m or not text.startswith(" = ", m.end()):
                raise ValueError(text)
            name, pos = m.group(1), m.end() + 3
        literal = _LITERAL.match(text, pos)
        if not literal:
            raise ValueError(text)
        out.append((name, _value(literal.group())))
        pos = literal.end()
        if not text.startswith(", ", pos):
            return out, pos
        pos += 2


def _as_json(pairs: list[tuple[str, Any]]) -> str:
    return json.dumps(dict(pairs), ensure_ascii=False, separators=(",", ":"))


def convert(statement: str) -> Row | None:
    """The journal row meaning ``statement`` (None: nothing to record); ValueError if unknown."""
    if _SKIP.fullmatch(statement):
        return None
    for pattern, op in _SIMPLE:
        m = pattern.fullmatch(statement)
        if m:
            ids = [int(g) for g in m.groups()[1:]]
            first, last = (ids + [None, None])[:2] if op == "insert" else (None, None)
            return op, m.group(1), first, last, None
    m = re.match(r'UPDATE "(\w+)" SET ', statement)
    if m:
        pairs, end = _pairs(statement, m.end(), named=True)
        tail = re.fullmatch(r" WHERE rowid = (\d+)", statement[end:])
        if tail:
            return "update", m.group(1), int(tail.group(1)), None, _as_json(pairs)
    m = re.match(r'INSERT INTO "(\w+)" \(rowid, ((?:"\w+"(?:, )?)+)\) VALUES \(', statement)
    if m:
        names = _NAME.findall(m.group(2))
        values, end = _pairs(statement, m.end(), named=False)
        if statement[end:] == ")" and len(values) == len(names) + 1:
            row = [(n, v) for n, (_, v) in zip(names, values[1:], strict=True)]
            return "delete", m.group(1), int(values[0][1]), None, _as_json(row)
    raise ValueError(statement)


def _convert_all(db: Any) -> None:
    rows: list[tuple[int, Row]] = []
    broken = 0
    for change_id, statement in db.execute_sql(
            "SELECT change_id, statement FROM change_op ORDER BY id").fetchall():
        try:
            row = convert(statement)
        except ValueError:
            broken = max(broken, change_id)
            continue
        if row is not None:
            rows.append((change_id, row))
    if broken:
        (dropped,) = db.execute_sql("SELECT count(*) FROM change WHERE id <= ?",
                                    (broken,)).fetchone()
        db.execute_sql("DELETE FROM change WHERE id <= ?", (broken,))
        log.warning("undo can no longer revert the %d oldest changes: their history could not "
                    "be read (your data is untouched); later changes can still be undone",
                    dropped)
    db.cursor().executemany(
        "INSERT INTO change_row (change_id, op, tbl, row_id, last_id, old) "
        "VALUES (?, ?, ?, ?, ?, ?)", [(c, *row) for c, row in rows if c > broken])


def up(migrator: Any, db: Any) -> None:
    for statement in SCHEMA:
        db.execute_sql(statement)
    _convert_all(db)
    db.execute_sql("DROP TABLE change_op")
