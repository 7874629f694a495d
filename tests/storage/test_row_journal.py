"""The undo journal holds row data (table, id, old row as JSON) and the machine of each change;
undo replays it through Peewee and says when another machine made what it reverted."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import query, run_cli


def test_a_change_records_rows_as_data_and_its_machine(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    desktop = {"NETRHYTHM_MACHINE": "desktop"}
    assert run_cli(db, "contacts", "add", "Maria Chen", "--company", "Acme", env=desktop).code == 0
    assert run_cli(db, "contacts", "edit", "Maria", "--company", "Initech", env=desktop).code == 0
    (change_id, machine), *_ = query(db, "SELECT id, machine FROM change ORDER BY id DESC")
    assert machine == "desktop"
    rows = query(db, f"SELECT op, tbl, row_id, last_id, old FROM change_row "
                      f"WHERE change_id = {change_id}")
    (op, table, row_id, last_id, old), = [r for r in rows if r[1] == "contact"]
    assert (op, table, row_id, last_id) == ("update", "contact", 1, None)
    assert isinstance(old, str) and json.loads(old)["company"] == "Acme"
    assert not query(db, "SELECT name FROM sqlite_master WHERE name = 'change_op'")


def test_undo_names_the_machine_that_made_the_change_when_it_was_another(
        tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    laptop, desktop = {"NETRHYTHM_MACHINE": "laptop"}, {"NETRHYTHM_MACHINE": "desktop"}
    run_cli(db, "contacts", "add", "Maria Chen", env=laptop)
    run_cli(db, "log", "reach-out", "--with", "Maria", env=desktop)
    undone = run_cli(db, "undo", env=laptop)
    assert (undone.code, undone.out) == (
        0, "Undid: logged Reach out with Maria Chen (today), made on desktop.\n")
    assert run_cli(db, "undo", env=laptop).out == "Undid: added contact Maria Chen.\n"
    assert "Maria" not in run_cli(db, "contacts", "list", env=laptop).out


def test_an_unreadable_machine_name_is_kept_printable(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    run_cli(db, "contacts", "add", "Ana", env={"NETRHYTHM_MACHINE": "evil\x1b[31m\x07box"})
    assert query(db, "SELECT machine FROM change") == [("evil[31mbox",)]
    undone = run_cli(db, "undo", env={"NETRHYTHM_MACHINE": "other"})
    assert undone.out == "Undid: added contact Ana, made on evil[31mbox.\n"
