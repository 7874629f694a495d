"""Paused weeks (holidays): they neither break nor extend a streak."""

from __future__ import annotations

from netrhythm.domain.weeks import week_first_day, week_last_day, week_name
from netrhythm.services.context import Context
from netrhythm.storage import settings as store
from netrhythm.storage.journal import change


def set_paused(ctx: Context, week: int, paused: bool = True) -> bool:
    """Pause or resume ``week``; False when it already was so."""
    ws = ctx.week_start
    verb = "paused" if paused else "resumed"
    with change(f"{verb} week {week_name(week, ws)}", ctx.now()):
        return store.set_paused(week_first_day(week, ws), week_last_day(week, ws), paused)


def paused_week_names(ctx: Context) -> list[str]:
    from netrhythm.domain.weeks import week_index

    ws = ctx.week_start
    return sorted({week_name(week_index(d, ws), ws) for d in store.paused_days()})
