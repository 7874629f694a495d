"""SQL and Python agree on the week of every day: at both ends of the supported date range,
for every week start, and for negative day numbers (where SQLite's ``/`` truncates toward
zero and Python's ``//`` floors)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from netrhythm.domain.clock import FixedClock
from netrhythm.domain.dates import FIRST_DAY, LAST_DAY
from netrhythm.domain.weeks import week_index
from netrhythm.services.context import open_context
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.storage import practices
from netrhythm.storage.tables import database

ENDS = [FIRST_DAY + timedelta(days=n) for n in range(15)] + \
    [LAST_DAY - timedelta(days=n) for n in range(15)]


def test_the_sql_week_formula_floors_like_python_also_below_zero() -> None:
    conn = sqlite3.connect(":memory:")
    days = [*range(-30, 30), *(d.toordinal() for d in ENDS)]
    for start in range(7):
        sql = f"SELECT {practices.week_of('?', str(start))}"
        got = [conn.execute(sql, (day, day)).fetchone()[0] for day in days]
        assert got == [(day - 1 - start) // 7 for day in days], start


def _weeks(counts: dict[int, dict[int, int]]) -> set[int]:
    return {week for by_week in counts.values() for week in by_week}


def _set_week_start(start: int) -> None:
    with database.atomic():
        database.execute_sql(
            "INSERT INTO setting (key, value) VALUES ('week_start', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(start),))


def test_actions_at_both_ends_of_the_range_count_in_their_python_week(tmp_path: Path) -> None:
    """Logged through the service (the triggers keep ``week_count``) and counted from the
    actions: both give Python's week index, whatever the week start."""
    ctx = open_context(tmp_path / "w.db", FixedClock(datetime(2199, 12, 31, 12)))
    try:
        for day in ENDS:
            log_action(ctx, LogRequest("reach-out", date=day.isoformat()))
        for start in range(7):
            _set_week_start(start)  # the triggers rebuild the kept counts for it
            expected = {week_index(day, start) for day in ENDS}
            assert _weeks(practices.weekly_counts(start)) == expected, start
            assert _weeks(practices._count_actions(start, None)) == expected, start
    finally:
        ctx.close()


@pytest.mark.parametrize("start", range(7))
def test_counting_days_before_the_first_week_start_floors(tmp_path: Path, start: int) -> None:
    """Rows another program wrote with day numbers 1 to 7 (0001-01-01 …): netrhythm never
    writes them (dates start in 1900), but its counting query still agrees with Python."""
    ctx = open_context(tmp_path / "w.db", FixedClock(datetime(2026, 11, 23, 10)))
    try:
        with database.atomic():
            for ordinal in range(1, 8):
                database.execute_sql(
                    "INSERT INTO action (practice_id, occurred_on, day, note, created_at) "
                    "VALUES (1, ?, ?, '', '2026-11-23 10:00:00')",
                    (date.fromordinal(ordinal).isoformat(), ordinal))
        expected = {(ordinal - 1 - start) // 7 for ordinal in range(1, 8)}
        assert _weeks(practices._count_actions(start, None)) == expected
    finally:
        ctx.close()
