"""Copies of the database: the daily backup, and the copy saved before a migration.

A copy is made with SQLite's backup API into a private temporary file beside its target
(:func:`netrhythm.files.atomic.staged`), switched to rollback-journal mode so that it is one
self-contained file, checked (``quick_check``), fsynced and renamed into place: a kill or a
full disk never leaves half a copy under a backup's name, and a killed copy's temporary is
deleted by the next one.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from netrhythm.files.atomic import publish_replacing, staged, sync_file
from netrhythm.files.stale import remove_stale
from netrhythm.paths import backups_dir
from netrhythm.storage.file_checks import corrupt

KEEP_DAILY_BACKUPS = 7


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of ``source`` at ``target`` (replaced if there), owner-only."""
    with staged(target) as tmp:
        src = sqlite3.connect(source, timeout=10)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = delete")
            status = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
            src.close()
        if status != "ok":
            raise corrupt(source, ValueError(status))
        sync_file(tmp)
        publish_replacing(tmp, target)


def daily_backup(path: Path, today: date) -> Path | None:
    """Once a day, on first open: a backup copy in the backups folder; the last 7 are kept.
    A folder made for a copy that then failed is removed again. Temporaries that killed
    writers left beside the database are deleted then too (those in the backups folder go
    with the next copy into it)."""
    folder = backups_dir(path)
    target = folder / f"{path.stem}-{today.isoformat()}.db"
    if target.exists():
        return None
    remove_stale(path.parent)  # a database creation or migration copy killed there
    made = not folder.exists()
    folder.mkdir(mode=0o700, exist_ok=True)
    try:
        copy_database(path, target)
    except BaseException:
        if made:
            try:
                folder.rmdir()
            except OSError:
                pass
        raise
    backups = sorted(folder.glob(f"{path.stem}-????-??-??.db"))
    for old in backups[:-KEEP_DAILY_BACKUPS]:
        old.unlink(missing_ok=True)
    return target
