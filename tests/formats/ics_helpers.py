"""Shared helpers for the .ics tests: the fixture files, a fixed today and two zones."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from netrhythm.formats.ics_read import read_ics
from netrhythm.formats.ics_records import IcsEvent, IcsRead, Window

DATA = Path(__file__).resolve().parents[1] / "data" / "ics"
TODAY = date(2026, 3, 1)  # the window is 2025-03-01 to 2027-03-01
LISBON = ZoneInfo("Europe/Lisbon")
NEW_YORK = ZoneInfo("America/New_York")


def read(name: str, zone: ZoneInfo = LISBON, today: date = TODAY, match: str = "",
         dates: Window | None = None) -> IcsRead:
    """The fixture ``name`` read in ``zone`` with the import window around ``today``."""
    return read_ics((DATA / name).read_bytes(), zone=zone, window=Window.around(today),
                    match=match, dates=dates)


def when(event: IcsEvent) -> tuple[str, str]:
    """Local start and end as the user sees them: ``2026-03-12 18:30`` or ``2026-11-10``."""
    return (_text(event.local_start), _text(event.local_end))


def _text(value: date) -> str:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    return value.isoformat()


def shown(result: IcsRead) -> list[tuple[str, str, str]]:
    """(name, local start, local end) for every occurrence, in order."""
    return [(e.name, *when(e)) for e in result.events]
