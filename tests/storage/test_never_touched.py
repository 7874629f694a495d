"""A file netrhythm refuses is never touched: checked read-only before anything can switch it
to write-ahead logging. netrhythm's own backup copies are in rollback-journal mode, as is any
SQLite file netrhythm has never opened; opening one for use rewrites its header.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.helpers import run_cli

LATER = "2026-11-30T10:00:00"  # a later day: a command would make that day's backup


def _netrhythm_db(path: Path) -> None:
    assert run_cli(path, "contacts", "add", "Maria Chen").code == 0


def _rollback_mode(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = delete")
    conn.close()
    assert path.read_bytes()[18:20] == b"\x01\x01"


def _corrupt_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, min(len(data), 6 * 4096)):
        data[offset] = 0xFF
    path.write_bytes(bytes(data))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _refused(path: Path, words: str) -> str:
    before = _files(path.parent)
    result = run_cli(path, "status", env={"NETRHYTHM_NOW": LATER})
    assert result.code == 1, result
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert words in lines[0] and "Nothing was changed" in lines[0], lines[0]
    assert _files(path.parent) == before  # every byte, and no new file (no -wal, no backup)
    return lines[0]


def test_a_newer_file_in_rollback_mode_keeps_every_byte(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    _netrhythm_db(path)
    _rollback_mode(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    _refused(path, "was written by a newer netrhythm (schema 99")


def test_a_corrupt_backup_copy_keeps_every_byte_and_names_the_newest_backup(
        tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    _netrhythm_db(path)  # made today's backup, in rollback-journal mode like every backup
    (backup,) = (tmp_path / "n.db-backups").iterdir()
    assert backup.read_bytes()[18:20] == b"\x01\x01"
    path.unlink()
    path.write_bytes(backup.read_bytes())  # the backup copied back, then damaged
    _corrupt_pages(path)
    line = _refused(path, "is corrupt")
    assert line.endswith(f"the newest backup is {backup}; copy it over the file to restore it.")


def test_a_corrupt_file_without_backups_says_so_and_makes_no_folder(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    _netrhythm_db(path)
    for copy in (tmp_path / "n.db-backups").iterdir():
        copy.unlink()
    (tmp_path / "n.db-backups").rmdir()
    _rollback_mode(path)
    _corrupt_pages(path)
    line = _refused(path, "is corrupt")
    assert line.endswith("there is no backup of it; move it away to start a new database.")
    assert not (tmp_path / "n.db-backups").exists()


def test_another_applications_file_in_rollback_mode_keeps_every_byte(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    conn = sqlite3.connect(path)  # rollback-journal mode, SQLite's default
    conn.execute("CREATE TABLE note (body TEXT)")
    conn.commit()
    conn.close()
    _refused(path, "is an SQLite database of another application")


def test_a_sound_backup_copy_opens_for_use(tmp_path: Path) -> None:
    """Refusing is for files that are wrong: a backup copy passed with --db is used (and
    switched to write-ahead logging then)."""
    path = tmp_path / "n.db"
    _netrhythm_db(path)
    (backup,) = (tmp_path / "n.db-backups").iterdir()
    restored = tmp_path / "restored.db"
    restored.write_bytes(backup.read_bytes())
    result = run_cli(restored, "contacts", "add", "Ana Ruiz")  # (backed up before Maria came)
    assert (result.code, result.err) == (0, ""), result
    assert restored.read_bytes()[18:20] == b"\x02\x02"
