"""Killed part way (SIGKILL: no clean-up runs) and nothing is lost or half-done.

An import of 10,000 contacts is killed while it reads the file, while its transaction is being
written, and late in that write: afterwards the database passes ``PRAGMA integrity_check`` and
holds either none or all of the contacts. A migration is killed at several points of its
transaction: the backup copy beside the file exists and is whole, and the original opens,
unmigrated, and migrates with every row once opened again.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from netrhythm.storage.db import LATEST_VERSION
from tests.helpers import NOW, SCRIPT, query, run_cli
from tests.transfer.vcard_gen import cards

HERE = Path(__file__).parent
V1 = HERE.parent / "data" / "schema" / "v1.db"
CONTACTS = 10_000


def env() -> dict[str, str]:
    return {**os.environ, "NETRHYTHM_NOW": NOW, "DBUS_SESSION_BUS_ADDRESS": "",
            "PYTHONPATH": str(HERE.parents[1])}


def size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return -1


def kill_when(proc: subprocess.Popen[str], condition: Callable[[], bool],
              timeout: float = 180) -> None:
    """SIGKILL ``proc`` as soon as ``condition`` holds; fails if it ends first."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        if condition():
            proc.kill()
            proc.wait()
            return
        time.sleep(0.001)
    out = proc.communicate()[0] if proc.poll() is not None else ""
    proc.kill()
    pytest.fail(f"the process ended (or hung) before the moment to kill it came: {out[-500:]}")



def tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (the journal and the search index's content included)."""
    names = [r[0] for r in query(path, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'contact_search_%' ORDER BY name")]
    return {name: sorted(query(path, f'SELECT * FROM "{name}"'), key=repr) for name in names}


# ---------------------------------------------------------------- an import killed part way

@pytest.fixture(scope="module")
def vcards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cards") / "cards.vcf"
    path.write_text(cards(CONTACTS), encoding="utf-8", newline="")
    return path


def reading(wal: Path) -> bool:
    """The import has opened the database (its WAL exists) and is reading the file."""
    if size(wal) < 0:
        return False
    time.sleep(0.3)
    return True


POINTS: dict[str, Callable[[Path], bool]] = {
    # while it reads and checks the file: nothing written yet
    "reading": reading,
    # while its one transaction is being written: pages in the WAL, no commit yet
    "writing": lambda wal: size(wal) > 64 * 1024,
    # late in that write, near or at the commit
    "late": lambda wal: size(wal) > 4 * 1024 * 1024,
}


@pytest.mark.slow
@pytest.mark.parametrize("point", list(POINTS))
def test_import_killed_part_way_leaves_none_or_all(tmp_path: Path, vcards: Path,
                                                   point: str) -> None:
    db = tmp_path / "n.db"
    assert run_cli(db, "contacts", "add", "Maria Chen").code == 0
    wal = Path(f"{db}-wal")
    proc = subprocess.Popen([str(SCRIPT), "--db", str(db), "contacts", "import", str(vcards)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=env())
    kill_when(proc, lambda: POINTS[point](wal))
    assert proc.returncode == -9
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    contacts = query(db, "SELECT count(*) FROM contact")[0][0]
    allowed = {1} if point != "late" else {1, CONTACTS + 1}  # before a commit: none
    assert contacts in allowed, contacts
    assert query(db, "SELECT count(*) FROM contact_search")[0][0] == contacts
    imports = query(db, "SELECT count(*) FROM change WHERE description LIKE 'imported%'")
    assert imports == [(int(contacts > 1),)]
    listed = run_cli(db, "contacts", "list", "--json", "--all")
    assert listed.code == 0, listed.err
    if point == "writing":  # and it is usable: the same import now completes
        again = run_cli(db, "contacts", "import", str(vcards), timeout=180)
        assert again.code == 0, again.err
        assert query(db, "SELECT count(*) FROM contact") == [(CONTACTS + 1,)]
        assert query(db, "PRAGMA integrity_check") == [("ok",)]


# ---------------------------------------------------------------- a migration killed part way

def backups(db: Path) -> list[Path]:
    return sorted(db.parent.glob(f"{db.name}.pre-v*.bak"))


def assert_recovers(db: Path, rows: dict[str, list[tuple[object, ...]]]) -> None:
    """The backup beside the file holds it as it was; the file opens, then migrates whole."""
    (backup,) = backups(db)
    assert query(backup, "PRAGMA integrity_check") == [("ok",)]
    assert query(backup, "PRAGMA user_version") == [(1,)]
    assert tables(backup) == rows
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    version = query(db, "PRAGMA user_version")[0][0]
    if version == 1:
        assert tables(db) == rows
    opened = run_cli(db, "contacts", "list", "--json", "--all")
    assert opened.code == 0, opened.err
    assert query(db, "PRAGMA user_version") == [(LATEST_VERSION,)]
    after = tables(db)
    for name, before in rows.items():  # later versions add tables and columns (at the end of
        if name == "change_op":  # a row); the old ones keep every row and value, but for the
            # undo journal of SQL text, converted by schema 6 into row data, one row each
            assert len(after["change_row"]) == len(before)
        elif name != "schema_migration":
            width = len(before[0]) if before else 0
            assert sorted((row[:width] for row in after[name]), key=repr) == before, name
    assert not list(db.parent.glob(".*.tmp"))  # no half copy left behind

STATEMENTS = {
    "counts filled": "INSERT INTO week_count",
    "last trigger made": "CREATE TRIGGER week_count_setting_ad",
    "version set": "PRAGMA user_version",
}


@pytest.mark.slow
@pytest.mark.parametrize("point", list(STATEMENTS))
def test_migration_killed_inside_its_transaction_changes_nothing(tmp_path: Path,
                                                                 point: str) -> None:
    db = tmp_path / "old.db"
    shutil.copyfile(V1, db)
    rows = tables(db)
    proc = subprocess.Popen([sys.executable, str(HERE / "migrate_child.py"), str(db),
                             STATEMENTS[point]], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env())
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line == "paused\n", line + proc.communicate(timeout=60)[0]
    proc.kill()
    proc.wait()
    assert query(db, "PRAGMA user_version") == [(1,)]  # killed before its commit
    assert_recovers(db, rows)


@pytest.fixture(scope="module")
def big_v1(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The v1 fixture with 150,000 more actions and 10,000 more contacts (about 25 MB):
    copying and migrating it takes long enough to kill it on the way, with no hooks."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    shutil.copyfile(V1, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE journal_cursor SET search_sync = 0")
    conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
                 "INSERT INTO contact (name, company, notes, cadence_days, created_on) "
                 "SELECT 'Person ' || i, 'Company ' || (i % 300), 'met at ' || i, "
                 "CASE WHEN i % 3 = 0 THEN 30 END, '2020-01-01' FROM n")
    conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150000) "
                 "INSERT INTO action (practice_id, occurred_on, day, note, created_at) "
                 "SELECT 1 + i % 4, date('2016-01-01', '+' || (i % 3800) || ' days'), "
                 "735964 + (i % 3800), 'bulk ' || i, '2026-01-01 10:00:00' FROM n")
    conn.execute("INSERT INTO action_contact (action_id, contact_id, day) "
                 "SELECT id, 4 + id % 10000, day FROM action WHERE id > 3")
    conn.execute("UPDATE journal_cursor SET search_sync = 1")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


@pytest.mark.slow
@pytest.mark.parametrize("point", ["copying", "migrating"])
def test_large_migration_killed_on_the_way_keeps_everything(tmp_path: Path, big_v1: Path,
                                                            point: str) -> None:
    """The real command, killed while it copies the file aside, or the moment the copy is in
    place (in the migration or just after its commit: either way nothing may be lost)."""
    db = tmp_path / "old.db"
    shutil.copyfile(big_v1, db)
    rows = tables(db)
    before = db.read_bytes()
    proc = subprocess.Popen([str(SCRIPT), "--db", str(db), "status"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env())
    copying = lambda: any(size(p) > 0 for p in tmp_path.glob(".netrhythm-*.tmp"))  # noqa: E731
    kill_when(proc, copying if point == "copying" else lambda: bool(backups(db)))
    if point == "copying":
        assert backups(db) == []  # no half copy passes for a backup
        assert db.read_bytes() == before  # not migrated, not touched
        assert query(db, "PRAGMA integrity_check") == [("ok",)]
        opened = run_cli(db, "status")
        assert opened.code == 0, opened.err
        assert len(backups(db)) == 1
        assert not list(tmp_path.glob(".*.tmp"))  # the half copy was cleared away
    else:
        assert_recovers(db, rows)
