"""Files written whole or not at all: an export or a backup killed (SIGKILL) at any point leaves
either nothing or the whole file under its name, never a truncated one; the next write into
that folder deletes the killed writer's temporary; another process's live temporary is never
touched.

The kills come at exact points (tests/reliability/stop_child.py stops the command there) and,
for a backup of a large database, at a moment in the middle of SQLite's copy.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from netrhythm.files.stale import STALE_AFTER, remove_stale, temporary_for
from tests.helpers import NOW, SCRIPT, run_cli
from tests.reliability.test_crash import env, kill_when
from tests.transfer.vcard_gen import cards

HERE = Path(__file__).parent
EXPORTS = {"json": ["export"], "vcf": ["contacts", "export"],
           "csv": ["contacts", "export", "--format", "csv"]}


def temporaries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(".netrhythm-"))


def stopped_then_killed(db: Path, point: str, *args: str, now: str = NOW) -> None:
    """Run ``netrhythm --db DB ARGS`` until it stops at ``point``, then SIGKILL it."""
    proc = subprocess.Popen([sys.executable, str(HERE / "stop_child.py"), point, "--db",
                             str(db), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**env(), "NETRHYTHM_NOW": now})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        pid, status = os.waitpid(proc.pid, os.WUNTRACED | os.WNOHANG)
        if pid and os.WIFSTOPPED(status):
            proc.kill()
            proc.wait()
            return
        if pid:
            pytest.fail(f"ended before {point}: {proc.communicate()}")
        time.sleep(0.005)
    proc.kill()
    pytest.fail(f"never reached {point}")


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with 2,000 contacts (its exports are a few hundred kB)."""
    folder = tmp_path_factory.mktemp("filled")
    vcards = folder / "cards.vcf"
    vcards.write_text(cards(2000), "utf-8")
    db = folder / "n.db"
    assert run_cli(db, "contacts", "import", str(vcards), timeout=120).code == 0
    return db


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(EXPORTS))
@pytest.mark.parametrize("point", ["writing", "fsync", "link", "linked"])
def test_a_killed_export_leaves_nothing_or_the_whole_file(filled: Path, tmp_path: Path,
                                                          point: str, kind: str) -> None:
    target = tmp_path / f"out.{kind}"
    stopped_then_killed(filled, point, *EXPORTS[kind], "--output", str(target))
    assert len(temporaries(tmp_path)) == 1  # killed with its temporary there
    whole = tmp_path / f"whole.{kind}"
    assert run_cli(filled, *EXPORTS[kind], "--output", str(whole)).code == 0
    assert temporaries(tmp_path) == []  # the next export cleared the killed one's away
    if point == "linked":  # the whole file was in place before the kill
        assert target.read_bytes()[-200:] == whole.read_bytes()[-200:]
        assert target.stat().st_size == whole.stat().st_size
        again = run_cli(filled, *EXPORTS[kind], "--output", str(target))
        assert again.code == 2 and "already exists" in again.err
    else:
        assert not target.exists()  # never a truncated file under the name
        again = run_cli(filled, *EXPORTS[kind], "--output", str(target))
        assert again.code == 0, again.err  # nothing blocks the next export
    if kind == "json":
        assert json.loads(target.read_text("utf-8"))["format"] == "netrhythm-export"


def _backups(db: Path) -> Path:
    return db.parent / f"{db.name}-backups"


def _whole(copy: Path) -> bool:
    conn = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok" and \
            conn.execute("SELECT count(*) FROM contact").fetchone()[0] == 2000
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.parametrize("point", ["writing", "fsync", "replace", "replaced"])
def test_a_killed_backup_leaves_nothing_or_the_whole_copy(filled: Path, tmp_path: Path,
                                                         point: str) -> None:
    db = tmp_path / "n.db"
    db.write_bytes(filled.read_bytes())  # a checkpointed database: the file is all of it
    tomorrow = "2026-11-24T09:00:00"
    copy = _backups(db) / "n-2026-11-24.db"
    if point == "writing":  # SQLite writes the copy itself: kill it mid-way instead
        proc = subprocess.Popen([str(SCRIPT), "--db", str(db), "status"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env={**env(), "NETRHYTHM_NOW": tomorrow})
        kill_when(proc, lambda: any(p.stat().st_size > 0 for p in _temporaries_in(db)))
    else:
        stopped_then_killed(db, point, "status", now=tomorrow)
    assert temporaries(_backups(db)) or point == "replaced"
    if point == "replaced":
        assert _whole(copy)
    else:
        assert not copy.exists()  # no half copy passes for a backup
    result = run_cli(db, "status", now=tomorrow)
    assert (result.code, result.err) == (0, "")
    assert _whole(copy)
    assert temporaries(_backups(db)) == []


def _temporaries_in(db: Path) -> list[Path]:
    try:
        return temporaries(_backups(db))
    except FileNotFoundError:
        return []


@pytest.mark.slow
@pytest.mark.parametrize("point", ["fsync", "link"])
def test_a_database_killed_while_being_created_is_not_there_and_its_temporary_goes(
        tmp_path: Path, point: str) -> None:
    db = tmp_path / "new.db"
    stopped_then_killed(db, point, "status")
    assert not db.exists()
    assert len(temporaries(tmp_path)) == 1
    assert run_cli(db, "status").code == 0
    assert temporaries(tmp_path) == []


def test_stale_temporaries_go_and_live_ones_stay(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    mine = temporary_for(target)  # this process: alive
    mine.write_bytes(b"half")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = tmp_path / mine.name.replace(f"-{os.getpid()}-", f"-{sleeper.pid}-")
        live.write_bytes(b"half")
        dead_pid = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                                  capture_output=True, text=True).stdout.strip()
        dead = tmp_path / mine.name.replace(f"-{os.getpid()}-", f"-{dead_pid}-")
        dead.write_bytes(b"half")
        dead_journal = Path(f"{dead}-journal")
        dead_journal.write_bytes(b"j")
        old = tmp_path / mine.name.replace(f"-{os.getpid()}-", f"-{sleeper.pid}-").replace(
            "out.json", "older.json")
        old.write_bytes(b"half")
        day_ago = time.time() - STALE_AFTER - 60
        os.utime(old, (day_ago, day_ago))
        someone_elses = tmp_path / ".out.json.tmp"  # not netrhythm's naming: never touched
        someone_elses.write_bytes(b"x")
        removed = remove_stale(tmp_path)
        assert sorted(removed) == sorted([dead, dead_journal, old])
        assert mine.exists() and live.exists() and someone_elses.exists()
    finally:
        sleeper.send_signal(signal.SIGKILL)
        sleeper.wait()
