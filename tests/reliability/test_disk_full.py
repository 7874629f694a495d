"""A full disk, on a real (small) file system: one clear line, exit 1, and nothing half-done.

A write that fails with SQLITE_FULL leaves the database byte for byte as it was (the file, and
its write-ahead log after a checkpoint), the journal cursor pointing nowhere and undo working;
an export to the full disk leaves no file; when today's backup cannot be written, the commands
that only read still work and say the backup was skipped.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import query, run_cli
from tests.reliability.small_disk import SmallDisk
from tests.transfer.vcard_gen import cards

FULL = re.compile(r"^netrhythm: the disk is full \(([\d,]+) kB free at (.+)\)$")


def checkpointed(db: Path) -> bytes:
    """The database file's bytes once its write-ahead log is checkpointed (and emptied)."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    wal = Path(f"{db}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    return db.read_bytes()



def assert_disk_full(err: str, disk: SmallDisk) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    found = FULL.match(lines[0])
    assert found, lines[0]
    assert Path(found.group(2)) == disk.path


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.startswith(".netrhythm-")]


def _database_with_a_change(disk: SmallDisk) -> Path:
    db = disk.path / "n.db"
    added = run_cli(db, "contacts", "add", "Ana Ruiz", "--company", "Acme")
    assert added.code == 0, added.err
    return db


def test_import_on_a_full_disk_changes_nothing_and_undo_still_works(
        small_disk: SmallDisk, tmp_path: Path) -> None:
    db = _database_with_a_change(small_disk)
    vcards = tmp_path / "cards.vcf"  # on another disk
    vcards.write_text(cards(3000), "utf-8")
    before = checkpointed(db)
    small_disk.fill_to(200 * 1024)
    result = run_cli(db, "contacts", "import", str(vcards), timeout=120)
    assert result.code == 1, result
    assert_disk_full(result.err, small_disk)
    assert "rollback" not in result.err
    small_disk.unfill()
    assert checkpointed(db) == before
    assert query(db, "SELECT change_id FROM journal_cursor") == [(None,)]
    undone = run_cli(db, "undo")
    assert (undone.code, undone.out) == (0, "Undid: added contact Ana Ruiz.\n"), undone
    again = run_cli(db, "contacts", "import", str(vcards), timeout=120)  # room again: it works
    assert again.code == 0, again.err
    assert query(db, "SELECT count(*) FROM contact") == [(3000,)]


def test_restoring_a_backup_on_a_full_disk_changes_nothing(small_disk: SmallDisk,
                                                          tmp_path: Path) -> None:
    source = tmp_path / "source.db"
    assert run_cli(source, "contacts", "import", str(_cards(tmp_path)), timeout=120).code == 0
    backup = tmp_path / "all.json"
    assert run_cli(source, "export", "--output", str(backup)).code == 0
    db = small_disk.path / "empty.db"
    assert run_cli(db, "status").code == 0
    before = checkpointed(db)
    small_disk.fill_to(150 * 1024)
    result = run_cli(db, "import", str(backup), timeout=120)
    assert result.code == 1, result
    assert_disk_full(result.err, small_disk)
    small_disk.unfill()
    assert checkpointed(db) == before
    assert query(db, "SELECT change_id FROM journal_cursor") == [(None,)]
    assert query(db, "SELECT count(*) FROM change") == [(0,)]
    assert run_cli(db, "import", str(backup), timeout=120).code == 0


def _cards(tmp_path: Path, count: int = 3000) -> Path:
    path = tmp_path / "cards.vcf"
    path.write_text(cards(count), "utf-8")
    return path


def test_an_export_to_a_full_disk_fails_and_leaves_no_file(small_disk: SmallDisk,
                                                          tmp_path: Path) -> None:
    db = tmp_path / "n.db"  # the database has room; the output's disk has not
    assert run_cli(db, "contacts", "import", str(_cards(tmp_path)), timeout=120).code == 0
    small_disk.fill_to(64 * 1024)
    for args in (["export"], ["contacts", "export"], ["contacts", "export", "--format", "csv"]):
        target = small_disk.path / "out.data"
        result = run_cli(db, *args, "--output", str(target), timeout=120)
        assert result.code == 1, (args, result)
        assert_disk_full(result.err, small_disk)
        assert not target.exists()
        assert temporaries(small_disk.path) == []


@pytest.mark.parametrize("small_disk", [2048], indirect=True)
def test_when_the_backup_cannot_be_written_reading_commands_still_work(
        small_disk: SmallDisk, tmp_path: Path) -> None:
    db = _database_with_a_change(small_disk)
    assert run_cli(db, "contacts", "import", str(_cards(tmp_path, 500)), timeout=120).code == 0
    checkpointed(db)
    small_disk.fill_to(96 * 1024)  # room to read, not for a copy of the database
    tomorrow = {"now": "2026-11-24T09:00:00"}
    skipped = re.compile(r"^netrhythm: warning: today's backup was skipped: the disk is full "
                         r"\([\d,]+ kB free at (.+)\)$")
    for args in (["status"], ["review"], ["contacts", "list"],
                 ["export", "--output", str(tmp_path / "elsewhere.json")]):
        result = run_cli(db, *args, **tomorrow)
        assert result.code == 0, (args, result)
        (line,) = result.err.strip().splitlines()[:1]
        assert skipped.match(line), line
    assert (tmp_path / "elsewhere.json").stat().st_size > 50_000
    backups = db.parent / "n.db-backups"
    assert sorted(p.name for p in backups.iterdir()) == ["n-2026-11-23.db"]
    assert temporaries(small_disk.path) == []
    small_disk.unfill()
    result = run_cli(db, "status", **tomorrow)  # room again: the backup is made, silently
    assert (result.code, result.err) == (0, "")
    assert (backups / "n-2026-11-24.db").exists()
