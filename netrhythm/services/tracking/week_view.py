"""Everything the app's Week screen shows, computed in one call (run it off the UI thread)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from netrhythm.domain.records import ActionRec
from netrhythm.domain.weeks import week_first_day, week_last_day, weekday_span
from netrhythm.services.contacts.fresh import fresh_picks
from netrhythm.services.contacts.who_next import Suggestion, suggest
from netrhythm.services.context import Context
from netrhythm.services.first_steps import FirstSteps, first_steps
from netrhythm.services.tracking.status import Status, status
from netrhythm.storage import actions as action_store


class WeekView(NamedTuple):
    """A week's status with its actions, and who to reach out to next."""

    status: Status
    current_week: int
    today: date
    span: str  # "Mon–Sun": periods are calendar weeks, never rolling windows
    actions: list[ActionRec]  # the week's, newest first
    who_next: list[Suggestion]
    first_steps: FirstSteps  # what the welcome lists (nothing once done or hidden)

    @property
    def is_current(self) -> bool:
        return self.status.week == self.current_week

    @property
    def weeks_ago(self) -> int:
        return self.current_week - self.status.week


def week_actions(ctx: Context, week: int) -> list[ActionRec]:
    """The actions that happened in ``week``, newest first."""
    ws = ctx.read_week_start()
    found = action_store.actions_between(week_first_day(week, ws), week_last_day(week, ws))
    return list(reversed(found))


def week_view(ctx: Context, week: int | None = None, suggestions: int = 5) -> WeekView:
    """``week`` (default: the current one) with today's follow-ups, cold contacts and events."""
    current = ctx.read_current_week()
    week = current if week is None else min(week, current)
    st = status(ctx, week)
    today = ctx.today()
    return WeekView(
        status=st, current_week=current, today=today, span=weekday_span(ctx.read_week_start()),
        actions=week_actions(ctx, week),
        who_next=suggest(ctx, st.gone_cold, st.upcoming, suggestions,
                         fresh=fresh_picks(ctx)),
        first_steps=first_steps(ctx),
    )
