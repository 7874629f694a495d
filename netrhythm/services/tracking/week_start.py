"""What changing the week start does to history, said before it is done.

Weeks are recounted from the actions under the new start, so streaks can grow or break (a
7-week streak can become 1): ``week_start_change`` gives each practice's current streak
under the start in use and under the one asked for, and ``change_text`` says it in words.
"""

from __future__ import annotations

from typing import NamedTuple

from netrhythm.domain.dates import WEEKDAY_NAMES
from netrhythm.domain.weeks import weekday_span
from netrhythm.services.context import Context
from netrhythm.services.tracking.progress import progress


class StreakChange(NamedTuple):
    """A practice's current streak (weeks) now and under the new week start."""

    practice: str
    before: int
    after: int


class WeekStartChange(NamedTuple):
    old_day: int
    new_day: int
    streaks: list[StreakChange]  # only those that change

    @property
    def changes_nothing(self) -> bool:
        return self.old_day == self.new_day


def week_start_change(ctx: Context, new_day: int) -> WeekStartChange:
    """The streaks that would change if weeks started on ``new_day`` (0 = Monday)."""
    old_day = ctx.read_week_start()
    if new_day == old_day:
        return WeekStartChange(old_day, new_day, [])
    before = progress(ctx).practices
    after = {p.practice.id: p.current_streak for p in progress(ctx, week_start=new_day)
             .practices}
    changed = [StreakChange(p.practice.name, p.current_streak, after[p.practice.id])
               for p in before if after.get(p.practice.id, p.current_streak) != p.current_streak]
    return WeekStartChange(old_day, new_day, changed)


def change_text(change: WeekStartChange) -> str:
    """``Weeks will run Sun–Sat. Every week is recounted from your actions: …``."""
    span = weekday_span(change.new_day)
    lines = [f"Weeks will start on {WEEKDAY_NAMES[change.new_day]} and run {span}. Every "
             "week, streak and score is recounted from your actions under the new weeks."]
    if change.streaks:
        lines.append("Current streaks that change:")
        lines += [f"  {s.practice}: {s.before} → {s.after} {'week' if s.after == 1 else 'weeks'}"
                  for s in change.streaks]
    else:
        lines.append("No current streak changes.")
    return "\n".join(lines)
