"""Helpers of the `copy` tests: every row of a SQLite file, and changes for undo to revert."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tests.helpers import run_cli

# Not data: the migrations a file went through (with when), and the search index's segments
# (its content is compared instead: the same text indexed in another order differs there).
SKIPPED = "name = 'schema_migration' OR name LIKE 'contact\\_search\\_%' ESCAPE '\\'"


def every_row(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of the file, by table, in key order; the search index by its
    content, per contact."""
    conn = sqlite3.connect(db)
    try:
        names = [name for (name,) in conn.execute(
            f"SELECT name FROM sqlite_master WHERE type = 'table' AND NOT ({SKIPPED})")]
        return {name: conn.execute(f'SELECT rowid, * FROM "{name}" ORDER BY rowid'
                                   if name == "contact_search" else
                                   f'SELECT * FROM "{name}" ORDER BY 1, 2').fetchall()
                for name in names}
    finally:
        conn.close()


CHANGES = (  # each an undoable change, and what undo says it was
    (("log", "reach-out", "--with", "Maria Chen", "--note", "coffee"),
     "logged Reach out with Maria Chen (today)"),
    (("contacts", "edit", "Maria Chen", "--company", "NewCo"), "edited contact Maria Chen"),
    (("practices", "archive", "follow-up"), "archived practice Follow up"),
    (("settings", "week-start", "sunday"), "set the week start to Sunday"),
    (("review", "--week", "2026-W47", "--reflect", "A good week.", "--replace"),
     "saved the reflection for 2026-11-15"),
)


def make_changes(where: Path | str, machine: str) -> None:
    """Make every change of :data:`CHANGES` in the database ``where`` (a file or a URL),
    from the machine named ``machine``."""
    for args, _ in CHANGES:
        done = run_cli(where, *args, env={"NETRHYTHM_MACHINE": machine})  # type: ignore[arg-type]
        assert done.code == 0, done.err


def demo_with_changes(folder: Path, demo_template: Path) -> Path:
    """A copy of the demo in ``folder`` with every change of :data:`CHANGES` made on the
    machine "desk" (undo has them to take back)."""
    path = folder / "source.db"
    shutil.copyfile(demo_template, path)
    make_changes(path, "desk")
    return path
