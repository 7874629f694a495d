"""Spreading first due dates: a cadence that starts for many people at once makes at most a
few of them due in any one week.

Each person has an earliest due day (a cadence after the start, or after their last contact,
never before the start itself). In the given order (oldest connection first), each goes to
the first week, from the one holding their earliest day, in which fewer than ``cap`` people
are due, counting those already due then; they are due on their earliest day when that week
has room, else on the first day of the week that has. 1,000 people given a 90-day cadence
today: 5 due in the week 90 days from now, 5 in the week after, and so on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from datetime import date
from typing import Generic, NamedTuple, TypeVar

from netrhythm.domain.cadence import natural_first_due
from netrhythm.domain.weeks import week_first_day, week_index

WEEKLY_CAP = 5  # at most this many people become due in any one week through a spread
K = TypeVar("K", bound=Hashable)


class Start(NamedTuple, Generic[K]):
    """Someone whose cadence starts: their cadence, last contact and connection day (the day
    met, else connected on LinkedIn, else added), which orders the spread: oldest first."""

    key: K
    cadence_days: int
    last_contact: date | None
    connected: date


def first_due_days(starts: Iterable[Start[K]], today: date, *, spread_out: bool,
                   taken: Mapping[int, int] | None = None,
                   week_start: int = 0) -> dict[K, date]:
    """The first due day of each cadence starting ``today``: a cadence after the last contact
    (else after today); with ``spread_out``, never before today and at most ``WEEKLY_CAP``
    due a week with ``taken`` (oldest connection first, ties in the order given)."""
    items = list(starts)
    natural = {s.key: natural_first_due(s.last_contact, s.cadence_days, today) for s in items}
    if not spread_out:
        return natural
    ordered = sorted(items, key=lambda s: s.connected)
    return spread([(s.key, max(natural[s.key], today)) for s in ordered], taken or {},
                  week_start)


def spread(earliest: Sequence[tuple[K, date]], taken: Mapping[int, int],
           week_start: int, cap: int = WEEKLY_CAP) -> dict[K, date]:
    """First due day per key of ``earliest`` ((key, earliest day), in the order to serve them),
    given ``taken``: how many people are already due in each week (by ``week_index``)."""
    counts = Counter(taken)
    full_until: dict[int, int] = {}  # a week found full: the first week after it with room
    out: dict[K, date] = {}
    for key, day in earliest:
        first = week_index(day, week_start)
        week = first
        skipped = []
        while counts[week] >= cap:
            skipped.append(week)
            week = full_until.get(week, week + 1)
        for full in skipped:
            full_until[full] = week
        counts[week] += 1
        out[key] = day if week == first else week_first_day(week, week_start)
    return out


def due_per_week(days: Iterable[date], week_start: int) -> Counter[int]:
    """How many of ``days`` fall in each week (by ``week_index``)."""
    return Counter(week_index(day, week_start) for day in days)
