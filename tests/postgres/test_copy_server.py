"""`netrhythm copy --to` with a PostgreSQL server on one side: the demo (with changes in its
journal) copied from a file to the server and back is the same file, row for row, journal and
search index included; undo goes on after a move either way and names the machine; the id
sequences continue past the copied rows; a server database that holds tables is refused
untouched; a copy that fails leaves the server database empty.

The command runs in a zone other than UTC (``TZ``), as the server's is: times cross as
moments, and the journal's come back as the same local times."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from netrhythm.domain.clock import FixedClock
from netrhythm.paths import Location
from netrhythm.services.transfer.copying import copy_database
from netrhythm.storage import copying
from netrhythm.storage import db as storage_db
from netrhythm.storage.tables import MODELS, database, file_database
from tests.helpers import FROZEN_NOW, Result, run_cli
from tests.postgres.server import Server
from tests.transfer.copies import CHANGES, demo_with_changes, every_row, make_changes

ZONE = {"TZ": "America/New_York"}


@pytest.fixture
def url(pg_server: Server, pg_database: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An empty database on the server; a server's daily export goes under ``tmp_path``."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    yield pg_server.url(pg_database)
    if database.obj is not file_database:
        storage_db.close_database()
        database.initialize(file_database)


@pytest.fixture
def source(tmp_path: Path, demo_template: Path) -> Path:
    """A copy of the demo with a few undoable changes made on the machine "desk"."""
    return demo_with_changes(tmp_path, demo_template)


def _cli(where: Path | str, *args: str) -> Result:
    """The command run on the machine "laptop" (the changes were made on "desk")."""
    return run_cli(where, *args, env={**ZONE, "NETRHYTHM_MACHINE": "laptop"})  # type: ignore[arg-type]


def _psql(server: Server, name: str, sql: str) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(**server.connect_kwargs(name), autocommit=True) as conn:
        cursor = conn.execute(sql)
        return cursor.fetchall() if cursor.description else []


def test_a_file_copied_to_a_server_and_back_is_the_same_file(
        source: Path, url: str, tmp_path: Path, pg_server: Server, pg_database: str) -> None:
    before = every_row(source)
    there = _cli(source, "copy", "--to", url)
    assert there.code == 0, there.err
    assert f"{len(CHANGES)} changes undo can take back from {source} to {url}." in there.out
    assert f"export NETRHYTHM_DB='{url}'" in there.out
    back = tmp_path / "back.db"
    again = _cli(url, "copy", "--to", str(back))
    assert again.code == 0, again.err
    assert every_row(back) == before
    assert every_row(source) == before
    # Each table's id sequence goes on after the largest id copied.
    for model in MODELS:
        table = model._meta.table_name
        (largest, following), = _psql(pg_server, pg_database, (
            f"SELECT (SELECT coalesce(max(id), 0) FROM {table}), "
            f"nextval(pg_get_serial_sequence('{table}', 'id'))"))
        assert following == largest + 1, table


def test_undo_goes_on_on_the_server_after_a_move(
        source: Path, url: str, tmp_path: Path, pg_server: Server, pg_database: str,
        demo_template: Path) -> None:
    assert _cli(source, "copy", "--to", url).code == 0
    for _, said in reversed(CHANGES):
        undone = _cli(url, "undo")
        assert undone.out.strip() == f"Undid: {said}, made on desk.", undone.err
    assert _psql(pg_server, pg_database, "SELECT company FROM contact WHERE id = 1") == [
        ("Redwood Clinic",)]
    assert _psql(pg_server, pg_database, "SELECT archived FROM practice WHERE slug = "
                                         "'follow-up'") == [(False,)]
    assert _cli(url, "undo").out.strip() == "Nothing to undo."
    back = tmp_path / "back.db"
    assert _cli(url, "copy", "--to", str(back)).code == 0
    assert every_row(back) == every_row(demo_template)  # undone there as it would be here
    added = _cli(url, "contacts", "add", "Zed Newcomer")
    assert added.code == 0, added.err
    assert "Zed Newcomer" in _cli(url, "search", "newcomer").out


def test_a_server_copied_to_a_file_keeps_its_journal_for_undo(
        url: str, tmp_path: Path, pg_server: Server, pg_database: str) -> None:
    made = _cli(url, "demo", "--db", url, "--no-app")
    assert made.code == 0, made.err
    make_changes(url, "desk")
    target = tmp_path / "copy.db"
    done = _cli(url, "copy", "--to", str(target))
    assert done.code == 0, done.err
    assert done.out.startswith("Copied 140 contacts, 366 actions")
    for _, said in reversed(CHANGES):
        assert _cli(target, "undo").out.strip() == f"Undid: {said}, made on desk."
    assert _cli(url, "search", "gardening").out == _cli(target, "search",
                                                                     "gardening").out
    assert _psql(pg_server, pg_database, "SELECT count(*) FROM change") == [(len(CHANGES),)]


def test_a_server_database_that_holds_tables_is_refused_untouched(
        source: Path, url: str, tmp_path: Path, pg_server: Server, pg_database: str) -> None:
    _psql(pg_server, pg_database, "CREATE TABLE notes (id integer); INSERT INTO notes VALUES (1)")
    done = _cli(source, "copy", "--to", url)
    assert done.code == 2
    assert done.err.strip() == (
        f"netrhythm: error: --to: {url} already holds data; a copy goes into an empty "
        "database only: give a new file, or an empty database on a server (createdb NAME). "
        "Nothing was changed.")
    assert _psql(pg_server, pg_database, "SELECT tablename FROM pg_tables WHERE schemaname = "
                                         "'public'") == [("notes",)]
    same = _cli(url, "copy", "--to", url)
    assert same.code == 2 and "is the database in use" in same.err


def test_a_server_that_cannot_be_used_is_one_line(source: Path, pg_server: Server,
                                                   tmp_path: Path) -> None:
    missing = pg_server.url("no_such_database")
    done = _cli(source, "copy", "--to", missing)
    assert done.code == 1
    assert done.err.strip() == (
        f"netrhythm: {missing}: the server has no database no_such_database; create it first "
        "(createdb no_such_database, as the user that will own it). Nothing was changed.")


def test_a_failed_copy_leaves_the_server_database_empty(
        source: Path, url: str, pg_server: Server, pg_database: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(db: object) -> None:
        raise RuntimeError("cut off")

    monkeypatch.setattr(copying, "rebuild_search", broken)
    with pytest.raises(RuntimeError, match="cut off"):
        copy_database(Location(source), Location.of(url), FixedClock(FROZEN_NOW))
    assert database.obj is file_database
    assert storage_db.is_empty(url)
