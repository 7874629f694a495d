"""The app as a whole: undo, writes from another process, help, the command palette."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
from netrhythm.ui.app import NetrhythmApp, build_app
from netrhythm.ui.dialogs.help import HelpDialog
from netrhythm.ui.dialogs.log_action import LogDialog
from netrhythm.ui.screens.contact_detail import ContactDetailScreen
from netrhythm.ui.screens.week import WeekScreen
from netrhythm.ui.widgets.practice_row import PracticeRow
from tests.helpers import FROZEN_NOW
from tests.ui.helpers import screen_text, settle, type_text, wait_until

SIZE = (110, 32)


def first_row(app: NetrhythmApp) -> str:
    return app.screen.query(PracticeRow).first().render().plain


async def test_screen_keys_come_back_to_the_same_week_screen(app: NetrhythmApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        week = app.screen
        assert isinstance(week, WeekScreen) and app.current_mode == "week"
        for key, mode in (("c", "contacts"), ("w", "week"), ("v", "review"), ("w", "week"),
                          ("E", "events"), ("comma", "settings"), ("w", "week")):
            await pilot.press(key)
            await settle(pilot)
            assert app.current_mode == mode
            assert (app.screen is week) == (mode == "week")

async def test_u_undoes_the_latest_change_and_says_what(app: NetrhythmApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "ctrl+s")
        await settle(pilot)
        assert "1/3" in first_row(app)
        await pilot.press("u")
        await settle(pilot)
        assert "0/3" in first_row(app)
        messages = [n.message for n in app._notifications]
        assert "Undid: logged Reach out (today)." in messages
        await pilot.press("u")
        await settle(pilot)
        assert "Nothing to undo." in [n.message for n in app._notifications]


@pytest.mark.slow
async def test_a_log_from_another_process_appears_without_a_restart(
        app: NetrhythmApp, db_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "0/3" in first_row(app)
        env = {**os.environ, "NETRHYTHM_NOW": FROZEN_NOW.isoformat()}
        subprocess.run(
            [sys.executable, "-m", "netrhythm", "--db", str(db_path), "log", "reach-out",
             "--date", FROZEN_NOW.date().isoformat(), "--note", "from the shell"],
            check=True, env=env, capture_output=True, timeout=60)
        took = await wait_until(pilot, lambda: "1/3" in first_row(app), timeout=10,
                                what="the other process's action to show")
        assert took < 5
        assert "from the shell" in screen_text(pilot)


async def test_the_apps_own_write_reloads_once_when_the_poll_sees_it_first(
        ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    from netrhythm.ui.dialogs import log_action as log_dialog

    committed, gate = threading.Event(), threading.Event()
    log = log_dialog.log_action

    def log_then_wait(*args: Any, **kwargs: Any) -> Any:  # the save's callback comes late
        logged = log(*args, **kwargs)
        committed.set()
        gate.wait(10)
        return logged

    monkeypatch.setattr(log_dialog, "log_action", log_then_wait)
    app = build_app(ctx, poll_seconds=3600, cursor_blink=False)  # the test runs the poll
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        reloads = app.generation
        await pilot.press("ctrl+s")
        for _ in range(200):
            if committed.is_set():
                break
            await pilot.pause(0.05)
        app.check_outside_writes()  # the poll, between the write and its callback
        assert app.generation == reloads + 1
        gate.set()
        await settle(pilot)
        app.check_outside_writes()  # and after it
        assert app.generation == reloads + 1
        assert "1/3" in first_row(app)


async def test_question_mark_opens_help_and_escape_closes_it(app: NetrhythmApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpDialog)
        assert "Networking is a verb" in screen_text(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)


async def test_palette_logs_a_practice_with_a_contact(app: NetrhythmApp, ctx: Context) -> None:
    add_contact(ctx, ContactForm(name="Maria Chen", company="Acme"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "log reach maria")
        await settle(pilot)
        assert "Log Reach out with Maria Chen" in screen_text(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LogDialog)
        assert app.screen.query_one("#practice").value == "reach-out"
        assert app.screen.query_one("#contacts").value == "Maria Chen"


async def test_palette_opens_a_contact_and_goes_to_screens(app: NetrhythmApp,
                                                           ctx: Context) -> None:
    add_contact(ctx, ContactForm(name="Maria Chen"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "open maria")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactDetailScreen)
        assert "Maria Chen" in screen_text(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "go to week")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
