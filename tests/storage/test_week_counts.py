"""The weekly counts kept by triggers (schema v2) always equal counting the actions."""

from __future__ import annotations

from pathlib import Path

from netrhythm.services.context import open_context
from netrhythm.storage import practices
from netrhythm.storage.tables import database
from tests.helpers import run_cli


def _both(db: Path, week_start: int) -> tuple[dict[int, dict[int, int]], dict[int, dict[int, int]]]:
    ctx = open_context(db)
    try:
        return practices.weekly_counts(week_start), practices._count_actions(week_start, None)
    finally:
        ctx.close()
        database.close()


def test_kept_counts_follow_logs_undo_deletes_and_week_start_changes(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    for day in ("2026-11-01", "2026-11-02", "2026-11-08", "2026-11-15", "2026-11-22", "today"):
        assert run_cli(db, "log", "reach-out", "--date", day).code == 0
    run_cli(db, "log", "give-value", "--date", "2026-11-10")
    kept, counted = _both(db, 0)
    assert kept == counted and sum(sum(w.values()) for w in kept.values()) == 7
    run_cli(db, "undo")
    kept, counted = _both(db, 0)
    assert kept == counted and sum(sum(w.values()) for w in kept.values()) == 6
    run_cli(db, "settings", "week-start", "sunday")
    kept, counted = _both(db, 6)
    assert kept == counted
    run_cli(db, "undo")
    kept, counted = _both(db, 0)
    assert kept == counted
    run_cli(db, "practices", "archive", "reach-out")
    kept, counted = _both(db, 0)
    assert kept == counted
