"""The clock: "now" is always injected, never read directly by domain code."""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple, Protocol


class Clock(Protocol):
    """Something that says what time it is (local, naive)."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real local time."""

    def now(self) -> datetime:
        return datetime.now()


class FixedClock(NamedTuple):
    """A clock stopped at one moment, for tests, screenshots and benchmarks."""

    moment: datetime

    def now(self) -> datetime:
        return self.moment


def today(clock: Clock) -> date:
    """The local date according to ``clock``."""
    return clock.now().date()
