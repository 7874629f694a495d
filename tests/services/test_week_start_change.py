"""Changing the week start recounts history: what changes is said before and after."""

from __future__ import annotations

from netrhythm.services import settings
from netrhythm.services.context import Context
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.services.tracking.week_start import StreakChange, change_text, week_start_change


def sat_and_sun(ctx: Context) -> None:
    """Sat 21 and Sun 22 Nov: one Monday-start week (W47), two Sunday-start weeks."""
    for day in ["2026-11-21"] * 3 + ["2026-11-22"] * 3:
        log_action(ctx, LogRequest("reach-out", date=day))


def test_the_change_names_each_streak_it_breaks_or_grows(ctx: Context) -> None:
    sat_and_sun(ctx)
    change = week_start_change(ctx, 6)
    assert change.streaks == [StreakChange("Reach out", 1, 2)]
    text = change_text(change)
    assert "run Sun–Sat" in text and "Reach out: 1 → 2 weeks" in text
    assert ctx.read_week_start() == 0  # asking changes nothing


def test_the_same_day_changes_nothing(ctx: Context) -> None:
    sat_and_sun(ctx)
    assert week_start_change(ctx, 0).changes_nothing
    assert week_start_change(ctx, 0).streaks == []


def test_the_command_line_says_which_streaks_were_recounted(ctx: Context) -> None:
    sat_and_sun(ctx)
    assert settings.set_value(ctx, "week-start", "sunday") == (
        "Weeks now start on Sunday. Reach out streak: 1 → 2 weeks.")
