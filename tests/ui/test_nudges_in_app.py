"""While the app is open it runs the same nudge check as `netrhythm nudge`, shows a toast and
records the key, so neither the app nor a scheduler ever sends the same nudge twice."""

from __future__ import annotations

import asyncio

import pytest
from textual.pilot import Pilot

from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.storage.nudge_log import logged_keys
from netrhythm.ui.app import build_app
from tests.ui.helpers import settle


async def check_nudges(pilot: Pilot) -> None:
    """The open app's nudge check, run now (in its thread), with its toasts on show."""
    pilot.app.check_nudges()
    await asyncio.to_thread(pilot.app.nudge_thread.join, 30)
    await settle(pilot)


async def test_open_app_shows_a_due_follow_up_once(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "")  # no desktop here: the toast still shows
    add_contact(ctx, ContactForm(name="Ana [bold]Ruiz"))
    log_action(ctx, LogRequest(practice="reach-out", contacts=["Ana"], date="2026-11-20",
                               follow_up_days="2"))
    app = build_app(ctx, poll_seconds=60, cursor_blink=False, nudge_seconds=3600)
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        await check_nudges(pilot)
        shown = " ".join(f"{n.title} {n.message}" for n in app._notifications)
        assert "Follow up with Ana [bold]Ruiz" in shown
        assert len(app._notifications) == 1  # several nudges share one toast
        assert any(key.startswith("follow-up:") for key in logged_keys())
        shown = len(app._notifications)
        await check_nudges(pilot)
        assert len(app._notifications) == shown


async def test_several_nudges_at_once_share_one_toast(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "")
    for name in ("Ana Ruiz", "Bo Chen", "Cy Diaz"):
        add_contact(ctx, ContactForm(name=name))
        log_action(ctx, LogRequest(practice="reach-out", contacts=[name], date="2026-11-20",
                                   follow_up_days="2"))
    app = build_app(ctx, poll_seconds=60, cursor_blink=False, nudge_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await check_nudges(pilot)
        toasts = list(app._notifications)
        assert [t.title for t in toasts] == ["Nudges"]
        shown = toasts[0].message
        for name in ("Ana Ruiz", "Bo Chen", "Cy Diaz"):
            assert f"Follow up with {name}" in shown
        assert all(line.startswith("• ") for line in shown.splitlines())
