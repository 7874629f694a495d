"""Contacts are personal data: every file netrhythm writes is readable by the owner only (0600),
also under a permissive umask. (The database and its daily backups:
tests/storage/test_open_files.py.)"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from netrhythm.domain.clock import FixedClock
from netrhythm.services.context import open_context
from tests.helpers import FROZEN_NOW, run_cli

V1 = Path(__file__).parents[1] / "data" / "schema" / "v1.db"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def permissive() -> Iterator[None]:
    old = os.umask(0o000)  # the commands run below inherit it
    try:
        yield
    finally:
        os.umask(old)


def test_exports_are_private_under_a_permissive_umask(tmp_path: Path, permissive: None) -> None:
    db = tmp_path / "n.db"
    assert run_cli(db, "contacts", "add", "Maria Chen", "--email", "maria@x.org").code == 0
    files = {name: tmp_path / name for name in ("all.json", "contacts.vcf", "contacts.csv")}
    for args in (["export", "--output", str(files["all.json"])],
                 ["contacts", "export", "--output", str(files["contacts.vcf"])],
                 ["contacts", "export", "--format", "csv", "--output",
                  str(files["contacts.csv"])]):
        result = run_cli(db, *args)
        assert result.code == 0, result.err
    assert {name: mode(path) for name, path in files.items()} == dict.fromkeys(files, 0o600)
    assert "Maria Chen" in files["contacts.csv"].read_text("utf-8")


def test_migration_backup_and_write_ahead_log_are_private(tmp_path: Path,
                                                          permissive: None) -> None:
    db = tmp_path / "old.db"
    shutil.copyfile(V1, db)
    db.chmod(0o600)
    ctx = open_context(db, FixedClock(FROZEN_NOW))
    try:  # while it is open, the write-ahead log and its index hold personal data too
        opened = [Path(f"{db}{suffix}") for suffix in ("-wal", "-shm")]
        assert {p.name: mode(p) for p in opened} == {p.name: 0o600 for p in opened}
    finally:
        ctx.close()
    (backup,) = tmp_path.glob("old.db.pre-v*.bak")
    assert mode(backup) == 0o600
    folder = tmp_path / "old.db-backups"
    assert mode(folder) == 0o700
    assert all(mode(p) == 0o600 for p in folder.iterdir())
