"""The weekly counts of one practice (what ``log`` reads) are that practice's part of all."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from netrhythm.services.context import open_context
from netrhythm.storage import practices
from netrhythm.storage.tables import database
from tests.helpers import run_cli


def test_one_practice_counts_are_its_share_of_every_practice_counts(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    for practice, day in (("reach-out", "2026-11-01"), ("reach-out", "2026-11-02"),
                          ("give-value", "2026-11-10"), ("reach-out", "2026-11-17"),
                          ("follow-up", "2026-11-18"), ("reach-out", "today")):
        assert run_cli(db, "log", practice, "--date", day).code == 0
    ctx = open_context(db)
    try:
        ids = [p.id for p in practices.list_practices(include_archived=True)]
        # week start 0 is kept by the triggers; 6 is counted from the actions
        for week_start in (0, 6):
            for until in (None, date(2026, 11, 17), date(2026, 11, 30)):
                every = practices.weekly_counts(week_start, until)
                assert every
                for practice_id in ids:
                    mine = practices.weekly_counts(week_start, until, practice_id)
                    expected = {practice_id: every[practice_id]} if practice_id in every else {}
                    assert mine == expected, (week_start, until, practice_id)
    finally:
        ctx.close()
        database.close()
