"""The tests' way of waiting for the app: a load that a newer one superseded is no failure."""

from __future__ import annotations

import pytest

from netrhythm.ui.app import NetrhythmApp
from netrhythm.ui.screens import week
from netrhythm.ui.screens.week import WeekScreen
from tests.ui.helpers import held_back, settle


async def test_settle_waits_past_a_load_that_a_newer_one_cancelled(
        app: NetrhythmApp, monkeypatch: pytest.MonkeyPatch) -> None:
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, WeekScreen) and screen.view is not None
        this_week = screen.view.status.week
        gate = held_back(monkeypatch, week, "week_view")
        screen.action_move(-1)  # a load, held back
        # while settle waits for it, a newer load of the same group cancels it
        app.set_timer(0.1, lambda: screen.action_move(-1))
        app.set_timer(0.3, gate.set)
        await settle(pilot)
        assert screen.view.status.week == this_week - 1
        assert not any(worker.is_running for worker in app.workers)
