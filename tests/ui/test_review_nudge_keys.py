"""The review nudge's keys do what it says: they open the reflection of the week it means."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from netrhythm.domain.clock import FixedClock
from netrhythm.services.context import open_context
from netrhythm.services.nudges.facts import plan
from netrhythm.ui.app import build_app
from netrhythm.ui.screens.review import ReviewScreen
from tests.ui.helpers import settle


@pytest.mark.parametrize(("made", "now", "week"), [
    # Sunday evening: this week ends today (made that day: no target nudges crowd it out)
    (datetime(2026, 11, 29, 17, 0), datetime(2026, 11, 29, 18, 0), "2026-W48"),
    # Monday: last week is over (made during it: a database made on the Monday is asked no
    # review of the week before it)
    (datetime(2026, 11, 29, 17, 0), datetime(2026, 11, 30, 9, 0), "2026-W48"),
])
async def test_the_keys_in_the_review_nudge_open_that_weeks_reflection(
    tmp_path: Path, made: datetime, now: datetime, week: str
) -> None:
    open_context(tmp_path / "r.db", FixedClock(made)).close()
    ctx = open_context(tmp_path / "r.db", FixedClock(now))
    try:
        [nudge] = [n for n in plan(ctx).to_send if n.rule == "review"]
        assert f"--week {week} " in nudge.message
        keys = nudge.message.split("Press ", 1)[1].split(" in the app", 1)[0].split()
        app = build_app(ctx, cursor_blink=False)
        async with app.run_test(size=(110, 36)) as pilot:
            await settle(pilot)
            await pilot.press("v")  # the Review screen remembers no week yet: press t anyway
            await settle(pilot)
            await pilot.press("right_square_bracket")  # wander off to another week first
            await settle(pilot)
            await pilot.press("v")
            for key in keys[1:]:
                await pilot.press({"]": "right_square_bracket"}.get(key, key))
                await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ReviewScreen) and screen.loaded is not None
            assert screen.loaded.review.name == week
            assert app.focused is screen.reflection.area
    finally:
        ctx.close()
