"""The same data gives the same answers on both backends: storage's queries, hand-written SQL
from the dialect module included, are asked the same questions (tests/postgres/parity.py) of
the demo made on a SQLite file and on a PostgreSQL database, and must answer alike; and the
demo exported from the file restores on the server with the same answers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from netrhythm.domain.clock import FixedClock
from netrhythm.paths import Location
from netrhythm.services.context import Context
from netrhythm.services.demo.create import create_demo
from netrhythm.services.transfer.exchange import export_json, import_json
from netrhythm.storage import db as storage_db
from netrhythm.storage import journal
from netrhythm.storage.tables import database, file_database
from tests.helpers import FROZEN_NOW
from tests.postgres.parity import TODAY, Scenario
from tests.postgres.parity import answers as _answers
from tests.postgres.server import Server


def test_storage_answers_alike_on_sqlite_and_postgresql(
        on_both: Callable[[Scenario], tuple[Any, Any]]) -> None:
    on_file, on_server = on_both(lambda ctx, folder: _answers())
    assert on_file["contact_lines"] and on_file["actions_between"] and on_file["overdue"]
    differing = [name for name in on_file if on_file[name] != on_server[name]]
    assert not differing, {name: (on_file[name], on_server[name]) for name in differing[:3]}


def test_a_files_export_restores_on_a_server_with_the_same_answers(
        tmp_path: Path, pg_server: Server, pg_database: str) -> None:
    """The demo exported from a SQLite file and imported into an empty PostgreSQL database
    (the bulk ``load`` path) answers every question alike; undo empties it again."""
    clock = FixedClock(FROZEN_NOW)
    file = Location(tmp_path / "demo.db")
    server = Location.of(pg_server.url(pg_database))
    try:
        storage_db.open_database(file, TODAY)
        create_demo(Context(file, clock))
        on_file = _answers()
        backup_file = tmp_path / "backup.json"
        backup_file.write_text(export_json(Context(file, clock)))
        storage_db.close_database()
        storage_db.open_database(server, TODAY)
        empty = _answers()
        import_json(Context(server, clock), backup_file)
        on_server = _answers()
        assert journal.undo() == "imported backup.json (140 contacts, 365 actions)"
        after_undo = _answers()
    finally:
        storage_db.close_database()
        database.initialize(file_database)
    differing = [k for k in on_file if on_file[k] != on_server[k]]
    assert not differing, {k: (on_file[k], on_server[k]) for k in differing[:2]}
    assert after_undo == empty
