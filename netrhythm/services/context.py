"""The open database and the clock that every service works with."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from netrhythm.domain.clock import Clock, SystemClock
from netrhythm.domain.weeks import week_index
from netrhythm.paths import Location
from netrhythm.storage import db
from netrhythm.storage import settings as store

WEEK_START = "week_start"
FOLLOW_UP_AFTER_EVENT = "follow_up_after_event_days"
DEFAULT_FOLLOW_UP_AFTER_EVENT = 3


class Context(NamedTuple):
    """What services need: where the data lives and what time it is."""

    location: Location
    clock: Clock

    @property
    def db_path(self) -> Path:
        """The SQLite file (for what only a file has; ``ValueError`` for a server)."""
        return self.location.file

    def now(self) -> datetime:
        return self.clock.now()

    def today(self) -> date:
        return self.clock.now().date()

    # The ``read_`` methods run a query each time: the settings may change in another process
    # while the app is open, so they are never cached. Read once per call that needs them.

    def read_week_start(self) -> int:
        """The weekday weeks start on: 0 = Monday … 6 = Sunday (a query)."""
        return int(store.get_setting(WEEK_START, 0))

    def read_follow_up_window(self) -> int:
        """Days within which to follow up with someone met at an event (a query)."""
        return int(store.get_setting(FOLLOW_UP_AFTER_EVENT, DEFAULT_FOLLOW_UP_AFTER_EVENT))

    def read_current_week(self) -> int:
        """Today's week index under the stored week start (a query)."""
        return week_index(self.today(), self.read_week_start())

    def read_data_version(self) -> int:
        """A number that changes whenever another connection commits a write (a query)."""
        return db.data_version()

    def close(self) -> None:
        db.close_database()


def clock_from_env() -> Clock:
    """The system clock, or a fixed one when ``NETRHYTHM_NOW`` holds an ISO date-time.

    ``NETRHYTHM_NOW`` exists for reproducible tests, demos and screenshots.
    """
    import os

    from netrhythm.domain.clock import FixedClock

    value = os.environ.get("NETRHYTHM_NOW", "").strip()
    if not value:
        return SystemClock()
    from netrhythm.domain.dates import check_supported, quote
    from netrhythm.domain.errors import InputError

    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InputError("NETRHYTHM_NOW", f"{quote(value)} is not a date and time like "
                                          "2026-11-23T10:00; set it so, or unset it") from None
    check_supported(moment.date(), "NETRHYTHM_NOW")
    return FixedClock(moment.replace(tzinfo=None))


def open_context(where: Location | Path, clock: Clock | None = None) -> Context:
    """Open (create, migrate, back up as needed) the database and return a context for it."""
    clock = clock or clock_from_env()
    location = Location.of(where)
    db.open_database(location, clock.now().date())
    ctx = Context(location=location, clock=clock)
    if location.path is None:
        _daily_server_export(ctx)
    return ctx


def _daily_server_export(ctx: Context) -> None:
    """Today's JSON export of a server's data, or a warning that it was skipped (a file is
    backed up by copying it, in storage, when it is opened)."""
    from netrhythm.services.transfer.daily_json import daily_export

    folder = ctx.location.backups
    try:
        daily_export(ctx, folder)
    except OSError as exc:
        import logging

        from netrhythm.files.space import write_failure

        logging.getLogger("netrhythm").warning("today's export of the server's data was "
                                               "skipped: %s", write_failure(exc, folder))
