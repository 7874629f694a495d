"""A database opened for the first time sends no nudge that same day (nothing could be done)."""

from __future__ import annotations

from datetime import datetime

from netrhythm.domain.clock import FixedClock
from netrhythm.services.context import Context
from netrhythm.services.nudges.facts import plan


def test_a_new_database_sends_no_nudge_on_its_first_day(ctx: Context) -> None:
    # Monday 10:00: last week's review would be due, were there a last week.
    assert [n.key for n in plan(ctx).to_send] == []
    thursday_noon = FixedClock(datetime(2026, 11, 26, 12, 0))
    later = ctx._replace(clock=thursday_noon)
    assert "behind-pace:reach-out:2026-W48" in [n.key for n in plan(later).to_send]
