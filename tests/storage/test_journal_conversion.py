"""Schema 6 converts the undo history of SQL text (schema 5 and before) into row data: every
shape netrhythm ever wrote, and what happens to a history that cannot be read."""

from __future__ import annotations

import importlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import run_cli

V5 = Path(__file__).parent.parent / "data" / "schema" / "v5.db"
convert = importlib.import_module("netrhythm.storage.migrations.0006_row_journal").convert


def test_each_statement_shape_becomes_its_row() -> None:
    assert convert('DELETE FROM "contact" WHERE rowid = 7') == ("insert", "contact", 7, None, None)
    assert convert("DELETE FROM contact WHERE id BETWEEN 4 AND 9") == \
        ("insert", "contact", 4, 9, None)
    assert convert('DELETE FROM "practice"') == ("load", "practice", None, None, None)
    for steering in ("UPDATE journal_cursor SET search_sync = 0 WHERE id = 1",
                     "DELETE FROM contact_search WHERE rowid BETWEEN 4 AND 9",
                     'DELETE FROM "contact_search"'):
        assert convert(steering) is None
    tricky = "it''s, \"quoted\", WHERE rowid = 3"
    op, table, key, last, old = convert(
        f'UPDATE "contact" SET "id" = 3, "name" = \'{tricky}\', "met_on" = NULL, '
        f'"cadence_days" = -14, "score" = 1.5 WHERE rowid = 3')
    assert (op, table, key, last) == ("update", "contact", 3, None)
    assert json.loads(old or "") == {"id": 3, "name": tricky.replace("''", "'"), "met_on": None,
                                     "cadence_days": -14, "score": 1.5}
    op, table, key, last, old = convert(
        'INSERT INTO "tag" (rowid, "id", "name", "cadence_days") VALUES (2, 2, \'ml, ai\', NULL)')
    assert (op, table, key, old) == ("delete", "tag", 2, '{"id":2,"name":"ml, ai",'
                                                         '"cadence_days":null}')


@pytest.mark.parametrize("statement", [
    "VACUUM", 'UPDATE "contact" SET "name" = X\'00\' WHERE rowid = 1',
    'INSERT INTO "tag" (rowid, "id") VALUES (2, 2, 3)', 'UPDATE "tag" SET "id" = 1'])
def test_a_statement_netrhythm_never_wrote_is_refused(statement: str) -> None:
    with pytest.raises(ValueError):
        convert(statement)


def _legacy_import(db: Path, names: list[str], extra: str | None = None) -> None:
    """What schema 5 recorded for an import adding ``names`` as new contacts (a block of ids
    and the statements that steer the search index); ``extra``: a statement of its own."""
    conn = sqlite3.connect(db)
    first = conn.execute("SELECT max(id) + 1 FROM contact").fetchone()[0]
    conn.executemany("INSERT INTO contact (id, name, notes, created_on) "
                     "VALUES (?, ?, 'beekeeping', '2026-11-18')",
                     [(first + i, n) for i, n in enumerate(names)])
    change = conn.execute("INSERT INTO change (description, created_at) VALUES "
                          "('imported 2 contacts from old.vcf', '2026-11-18 11:00:00')").lastrowid
    span = f"BETWEEN {first} AND {first + len(names) - 1}"
    ordered = ["UPDATE journal_cursor SET search_sync = 0 WHERE id = 1",
               f"DELETE FROM contact WHERE id {span}",
               f"DELETE FROM contact_search WHERE rowid {span}",
               "UPDATE journal_cursor SET search_sync = 1 WHERE id = 1"]
    conn.executemany("INSERT INTO change_op (change_id, statement) VALUES (?, ?)",
                     [(change, s) for s in reversed(ordered + ([extra] if extra else []))])
    conn.commit()
    conn.close()


def test_an_old_import_stays_undoable_after_the_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "v5.db"
    shutil.copyfile(V5, db)
    _legacy_import(db, ["Lee Park", "Sam Roe"])
    assert "Lee Park" in run_cli(db, "search", "beekeeping").out  # migrates on opening
    undone = run_cli(db, "undo")
    assert undone.out == "Undid: imported 2 contacts from old.vcf.\n"  # made before machines
    assert "Lee Park" not in run_cli(db, "search", "beekeeping").out
    assert "Old Friend" in run_cli(db, "undo").out  # the fixture's own history follows


def test_a_history_that_cannot_be_read_ends_there_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "v5.db"
    shutil.copyfile(V5, db)
    _legacy_import(db, ["Lee Park", "Sam Roe"], extra="DROP TABLE contact")
    _legacy_import(db, ["Kim Lo"])
    opened = run_cli(db, "search", "beekeeping")
    assert opened.code == 0 and "Lee Park" in opened.out and "Kim Lo" in opened.out
    assert "undo can no longer revert the 13 oldest changes" in opened.err
    assert run_cli(db, "undo").out == "Undid: imported 2 contacts from old.vcf.\n"
    assert "Kim Lo" not in run_cli(db, "search", "beekeeping").out
    assert run_cli(db, "undo").out == "Nothing to undo.\n"
    assert "Lee Park" in run_cli(db, "search", "beekeeping").out  # data never lost
