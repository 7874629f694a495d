"""`netrhythm copy --to` between SQLite files: every row of every table arrives with its id,
the journal too (undo goes on in the copy, naming the machine that made the change); a target
that is not empty, the database in use, a folder and a typed password are refused with
nothing changed; a copy that fails leaves no file and no temporary behind. (Copies to and
from a server: tests/postgres/test_copy_server.py.)"""

from __future__ import annotations

import json
import shutil
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from netrhythm.domain.clock import FixedClock
from netrhythm.paths import Location
from netrhythm.services.transfer.copying import copy_database
from netrhythm.storage import copying, journal_shapes
from netrhythm.storage.tables import database, file_database
from tests.helpers import FROZEN_NOW, run_cli
from tests.transfer.copies import CHANGES, demo_with_changes, every_row


@pytest.fixture
def source(tmp_path: Path, demo_template: Path) -> Path:
    """A copy of the demo with a few undoable changes made on the machine "desk"."""
    return demo_with_changes(tmp_path, demo_template)


def test_a_copy_holds_every_row_and_undo_goes_on_there(source: Path, tmp_path: Path,
                                                        demo_template: Path) -> None:
    target = tmp_path / "sub" / "copy.db"
    before = every_row(source)
    done = run_cli(source, "copy", "--to", str(target))
    assert done.code == 0, done.err
    assert done.out.splitlines()[0] == (
        f"Copied 140 contacts, 366 actions, 30 events, 45 follow-ups, 37 reflections and "
        f"{len(CHANGES)} changes undo can take back from {source} to {target}.")
    assert f"export NETRHYTHM_DB={target}" in done.out
    assert every_row(target) == before
    assert every_row(source) == before  # only read
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    for _, said in reversed(CHANGES):
        undone = run_cli(target, "undo", env={"NETRHYTHM_MACHINE": "laptop"})
        assert undone.out.strip() == f"Undid: {said}, made on desk."
    assert every_row(target) == every_row(demo_template)
    assert every_row(source) == before


def test_an_empty_file_is_a_target_too(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "empty.db"
    target.touch()
    assert run_cli(source, "copy", "--to", str(target)).code == 0
    assert every_row(target) == every_row(source)


@pytest.mark.parametrize("kind", ["database", "other file"])
def test_a_target_that_holds_something_is_refused_unchanged(
        source: Path, tmp_path: Path, demo_template: Path, kind: str) -> None:
    target = tmp_path / "taken"
    if kind == "database":
        shutil.copyfile(demo_template, target)
    else:
        target.write_text("my notes\n")
    content = target.read_bytes()
    done = run_cli(source, "copy", "--to", str(target))
    assert done.code == 2
    assert done.err.strip() == (
        f"netrhythm: error: --to: {target} already holds data; a copy goes into an empty "
        "database only: give a new file, or an empty database on a server (createdb NAME). "
        "Nothing was changed.")
    assert target.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["source.db", "source.db-backups",
                                                          "taken"]


def test_the_database_in_use_is_refused(source: Path) -> None:
    before = source.read_bytes()
    for spelling in (str(source), f"{source.parent}/./{source.name}"):
        done = run_cli(source, "copy", "--to", spelling)
        assert done.code == 2
        assert done.err.startswith(f"netrhythm: error: --to: {source} is the database in use")
    assert source.read_bytes() == before


def test_a_folder_and_a_missing_source_are_refused(source: Path, tmp_path: Path) -> None:
    done = run_cli(source, "copy", "--to", str(tmp_path))
    assert (done.code, done.err.split(":")[:3]) == (2, ["netrhythm", " error", " --to"])
    missing = tmp_path / "nothing.db"
    done = run_cli(missing, "copy", "--to", str(tmp_path / "new.db"))
    assert done.code == 2
    assert done.err.startswith(f"netrhythm: error: --db: {missing} holds no netrhythm database")
    assert not missing.exists() and not (tmp_path / "new.db").exists()


def test_a_password_typed_in_to_is_refused(source: Path, tmp_path: Path) -> None:
    done = run_cli(source, "copy", "--to", "postgresql://me:secret@db.example/nr")
    assert done.code == 2
    assert done.err.startswith("netrhythm: error: --to: a password typed on the command line")
    assert "secret" not in done.err + done.out
    assert "--to" in run_cli(source, "copy", "--help").out


def test_a_failed_copy_leaves_nothing(source: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(db: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(copying, "rebuild_search", broken)
    target = tmp_path / "copy.db"
    with pytest.raises(RuntimeError, match="disk gone"):
        copy_database(Location(source), Location(target), FixedClock(FROZEN_NOW))
    assert database.obj is file_database
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".netrhythm-")]


def test_the_journal_takes_the_shape_of_each_database() -> None:
    sqlite = ('{"id":3,"name":"Zoë \\"Z\\"\\n","archived":1,"created_on":"2025-12-01",'
              '"written_at":"2026-11-23 10:00:00.250000"}')
    columns = ["id", "name", "archived", "created_on", "written_at"]
    server = journal_shapes.for_server("practice", sqlite)
    assert json.loads(server)["archived"] is True
    assert journal_shapes.for_sqlite("practice", server, columns) == sqlite
    review = journal_shapes.for_server("week_review", sqlite)
    moment = json.loads(review)["written_at"]
    assert moment.startswith("2026-11-23T") and moment[-6] in "+-"
    assert journal_shapes.for_sqlite("week_review", review, columns) == sqlite
    utc = '{"written_at": "2026-11-23T10:00:00+00:00", "id": 1}'
    local = datetime(2026, 11, 23, 10, tzinfo=UTC).astimezone().replace(tzinfo=None)
    assert journal_shapes.for_sqlite("week_review", utc, ["id", "written_at"]) == (
        f'{{"id":1,"written_at":"{local}"}}')


def test_a_server_target_lets_the_driver_load() -> None:
    from netrhythm.cli.main import _other_databases
    from netrhythm.cli.parser import build_parser

    argv = ["copy", "--to", "postgresql://me@db.example/nr"]
    assert _other_databases(build_parser(argv).parse_args(argv)) == [argv[2]]
