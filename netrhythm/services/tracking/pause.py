"""Paused weeks (holidays): they neither break nor extend a streak."""

from __future__ import annotations

from dataclasses import dataclass

from netrhythm.domain.weeks import (
    parse_week,
    week_first_day,
    week_index,
    week_label,
    week_last_day,
    week_name,
    weeks_from,
)
from netrhythm.services.context import Context
from netrhythm.storage import settings as store
from netrhythm.storage.journal import change


@dataclass(frozen=True)
class PauseLine:
    """A week as the Settings screen lists it: this week and next, and every paused one."""

    week: int
    name: str  # 2026-W48, or the first day with a week start other than Monday
    label: str  # Mon 23 Nov – Sun 29 Nov 2026
    when: str  # this week, next week, 3 weeks ago, in 5 weeks
    paused: bool


def set_paused(ctx: Context, week: int, paused: bool = True) -> bool:
    """Pause or resume ``week``; False when it already was so."""
    ws = ctx.read_week_start()
    verb = "paused" if paused else "resumed"
    with change(f"{verb} week {week_name(week, ws)}", ctx.now()):
        return store.set_paused(week_first_day(week, ws), week_last_day(week, ws), paused)


def paused_week_names(ctx: Context) -> list[str]:
    ws = ctx.read_week_start()
    return sorted({week_name(week_index(d, ws), ws) for d in store.paused_days()})


def parse_pause_week(ctx: Context, text: str, field: str = "week") -> int:
    """The week ``text`` names (``next``, ``2026-W52``, a date); future weeks are fine."""
    return parse_week(text, ctx.read_week_start(), ctx.today(), field, allow_future=True)


def pause_lines(ctx: Context) -> list[PauseLine]:
    """This week and next (paused or not), later paused weeks, then earlier ones, newest first."""
    ws = ctx.read_week_start()
    current = ctx.read_current_week()
    paused = {week_index(d, ws) for d in store.paused_days()}
    later = sorted(w for w in paused if w > current + 1)
    earlier = sorted((w for w in paused if w < current), reverse=True)
    return [PauseLine(w, week_name(w, ws), week_label(w, ws), weeks_from(w, current), w in paused)
            for w in [current, current + 1, *later, *earlier]]
