"""The command palette reaches the Review and Events screens' main actions."""

from __future__ import annotations

from pathlib import Path

import pytest

from netrhythm.services.context import Context
from netrhythm.services.events import event_list
from netrhythm.ui.app import build_app
from netrhythm.ui.dialogs.event_form import EventFormDialog
from netrhythm.ui.screens.events import EventsScreen
from netrhythm.ui.screens.review import ReviewScreen
from tests.ui.helpers import screen_text, settle, type_text, wait_until

SIZE = (120, 36)


async def run_command(pilot, query: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await type_text(pilot, query)
    await settle(pilot)
    assert expected in screen_text(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_palette_exports_the_review_as_markdown(
        demo_ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETRHYTHM_EXPORT_DIR", str(tmp_path / "out"))
    app = build_app(demo_ctx, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await run_command(pilot, "export review", "Export the review as Markdown")
        assert isinstance(app.screen, ReviewScreen)
        await wait_until(pilot, lambda: any((tmp_path / "out").glob("*.md")),
                         what="the Markdown file")
        [written] = (tmp_path / "out").glob("*.md")
        assert written.name == "netrhythm-review-2026-W47.md"
        assert "2026-W47" in written.read_text(encoding="utf-8")


async def test_palette_logs_attending_a_past_event(demo_ctx: Context) -> None:
    unlogged = [s.event for s in event_list(demo_ctx).past if not s.attended_on]
    assert unlogged, "the demo has past events without attendance logged"
    event = unlogged[0]
    app = build_app(demo_ctx, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await run_command(pilot, f"log attended {event.name.split()[0]}",
                          f"Log attended {event.name}")
        assert isinstance(app.screen, EventsScreen)
        await wait_until(pilot, lambda: any(
            s.event.id == event.id and s.attended_on for s in event_list(demo_ctx).past),
            what="attending to be logged")


async def test_palette_adds_an_event(demo_ctx: Context) -> None:
    app = build_app(demo_ctx, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await run_command(pilot, "add an event", "Add an event")
        assert isinstance(app.screen, EventFormDialog)
