"""Shared fixtures for the calendar tests: a real database in Lisbon time on 1 March 2026,
the .ics fixture files, calendars written on the fly, and readers of the events table."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from netrhythm.domain.clock import FixedClock
from netrhythm.paths import Location
from netrhythm.services import settings
from netrhythm.services.context import Context, open_context
from tests.backends import server_location
from tests.helpers import query

DATA = Path(__file__).resolve().parents[1] / "data" / "ics"
NOW = datetime(2026, 3, 1, 10, 0)  # a Sunday; the import window is 2025-03-01 to 2027-03-01
COLUMNS = ("name", "held_on", "last_day", "starts_at", "ends_at", "tz", "location", "url",
           "uid", "recurrence_id", "sequence", "cancelled")


@pytest.fixture
def ctx(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Context]:
    """An empty database whose user lives in Lisbon, today 2026-03-01."""
    where = (server_location(request, "new", NOW) if backend == "postgres"
             else Location(tmp_path / "cal.db"))
    context = open_context(where, FixedClock(NOW))
    settings.set_value(context, "time-zone", "Europe/Lisbon")
    yield context
    context.close()


@pytest.fixture
def where(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A new database as ``--db`` takes it, made today (2026-03-01) as the commands here run
    (no time zone set)."""
    if backend == "postgres":
        return str(server_location(request, "new", NOW))
    return str(tmp_path / "cal.db")


def ics(name: str) -> Path:
    return DATA / name


def rows(db: Path | Location, where: str = "TRUE",
         columns: tuple[str, ...] = COLUMNS) -> list[tuple[object, ...]]:
    """Events as stored, by day, start and id."""
    return query(db, f"SELECT {', '.join(columns)} FROM event WHERE {where} "
                     "ORDER BY held_on, coalesce(starts_at, ''), id")


def calendar(*events: str, name: str = "") -> str:
    """A VCALENDAR around VEVENT bodies (the lines between BEGIN and END:VEVENT)."""
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//test//EN"]
    if name:
        head.append(f"X-WR-CALNAME:{name}")
    body = [f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT" for e in events]
    return "\r\n".join(head + body + ["END:VCALENDAR"]) + "\r\n"


def vevent(uid: str, start: str, summary: str, *, sequence: int = 0, extra: str = "",
           hours: int = 2) -> str:
    """One VEVENT body: a UTC start (``20260312T183000Z``), or a date for all day."""
    lines = [f"UID:{uid}", "DTSTAMP:20260201T120000Z", f"SUMMARY:{summary}",
             f"SEQUENCE:{sequence}"]
    if "T" in start:
        end = f"{start[:9]}{int(start[9:11]) + hours:02d}{start[11:]}"
        lines += [f"DTSTART:{start}", f"DTEND:{end}"]
    else:
        lines.append(f"DTSTART;VALUE=DATE:{start}")
    return "\r\n".join(lines + ([extra] if extra else []))


def write(folder: Path, text: str, name: str = "feed.ics") -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path
