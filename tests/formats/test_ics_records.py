"""The records a read gives back: the import window, the last day an occurrence covers, and a
generated calendar of 5,000 events (the benchmark's) read in full."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from benchmarks.ics import write_calendar
from netrhythm.formats.ics_read import read_ics
from netrhythm.formats.ics_records import IcsEvent, Window
from tests.formats.ics_helpers import LISBON


def test_window_around_today_is_twelve_months_either_side() -> None:
    assert Window.around(date(2026, 11, 23)) == Window(date(2025, 11, 23), date(2027, 11, 23))
    assert Window.around(date(2024, 2, 29)) == Window(date(2023, 2, 28), date(2025, 2, 28))
    assert Window.around(date(2026, 3, 31), months=1) == \
        Window(date(2026, 2, 28), date(2026, 4, 30))
    assert date(2026, 1, 1) in Window(date(2026, 1, 1), date(2026, 1, 1))
    assert datetime(2026, 1, 1, 23, 59) in Window(date(2026, 1, 1), date(2026, 1, 1))
    assert "2026-01-01" not in Window(date(2026, 1, 1), date(2026, 1, 1))


def test_window_intersection() -> None:
    year = Window(date(2026, 1, 1), date(2026, 12, 31))
    assert year.intersect(None) == year
    assert year.intersect(Window(date(2025, 6, 1), date(2026, 2, 1))) == \
        Window(date(2026, 1, 1), date(2026, 2, 1))
    assert year.intersect(Window(date(2027, 1, 1), date(2027, 2, 1))) is None


def _timed(start: datetime, end: datetime) -> IcsEvent:
    return IcsEvent(uid="u", recurrence_id=None, sequence=0, name="n", all_day=False,
                    start=start.replace(tzinfo=LISBON), end=end.replace(tzinfo=LISBON),
                    tz="Europe/Lisbon", local_start=start, local_end=end)


def test_last_day_treats_the_end_as_exclusive() -> None:
    assert _timed(datetime(2026, 5, 1, 20), datetime(2026, 5, 2, 0)).last_day == date(2026, 5, 1)
    assert _timed(datetime(2026, 5, 1, 20), datetime(2026, 5, 2, 1)).last_day == date(2026, 5, 2)
    assert _timed(datetime(2026, 5, 1, 9), datetime(2026, 5, 1, 9)).last_day == date(2026, 5, 1)
    assert _timed(datetime(2026, 5, 1, 9), datetime(2026, 5, 1, 9)).key == ("u", None)


def test_generated_calendar_of_5000_events_reads_in_full(tmp_path: Path) -> None:
    path = write_calendar(tmp_path / "big.ics", 5_000, today=date(2026, 11, 23))
    result = read_ics(path.read_bytes(), zone=LISBON, window=Window.around(date(2026, 11, 23)))
    # 4,900 one-off events and 100 weekly series of 10 less one EXDATE (5,800), less the 46
    # weeks of series that run past the window's end
    assert len(result.events) == 5_754
    assert len({e.key for e in result.events}) == len(result.events)
    assert sum(e.all_day for e in result.events) == 250
    assert len(result.uids) == 5_000
