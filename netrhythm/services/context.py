"""The open database and the clock that every service works with."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from netrhythm.domain.clock import Clock, SystemClock
from netrhythm.domain.tuples import NamedTuple
from netrhythm.domain.weeks import week_index
from netrhythm.storage import settings as store
from netrhythm.storage.db import open_database
from netrhythm.storage.tables import database

WEEK_START = "week_start"
FOLLOW_UP_AFTER_EVENT = "follow_up_after_event_days"
DEFAULT_FOLLOW_UP_AFTER_EVENT = 3


class Context(NamedTuple):
    """What services need: where the database is and what time it is."""

    db_path: Path
    clock: Clock

    def now(self) -> datetime:
        return self.clock.now()

    def today(self) -> date:
        return self.clock.now().date()

    @property
    def week_start(self) -> int:
        """0 = Monday … 6 = Sunday."""
        return int(store.get_setting(WEEK_START, 0))

    @property
    def follow_up_after_event(self) -> int:
        """Days within which to follow up with someone met at an event (a setting)."""
        return int(store.get_setting(FOLLOW_UP_AFTER_EVENT, DEFAULT_FOLLOW_UP_AFTER_EVENT))

    def current_week(self) -> int:
        return week_index(self.today(), self.week_start)

    def data_version(self) -> int:
        """Changes whenever another connection commits a write (``PRAGMA data_version``)."""
        return int(database.execute_sql("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        database.close()


def clock_from_env() -> Clock:
    """The system clock, or a fixed one when ``NETRHYTHM_NOW`` holds an ISO date-time.

    ``NETRHYTHM_NOW`` exists for reproducible tests, demos and screenshots.
    """
    import os

    from netrhythm.domain.clock import FixedClock

    value = os.environ.get("NETRHYTHM_NOW", "").strip()
    if value:
        return FixedClock(datetime.fromisoformat(value))
    return SystemClock()


def open_context(db_path: Path, clock: Clock | None = None) -> Context:
    """Open (create, migrate, back up as needed) the database and return a context for it."""
    clock = clock or clock_from_env()
    open_database(db_path, clock.now().date())
    return Context(db_path=db_path, clock=clock)
