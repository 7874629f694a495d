"""The Settings screen edits ``nudge.show-minutes`` and refuses a bad value, naming it."""

from __future__ import annotations

from netrhythm.services import settings
from netrhythm.services.context import Context
from netrhythm.ui.app import NetrhythmApp
from netrhythm.ui.widgets.settings_list import SettingsList
from tests.ui.helpers import screen_text, settle, type_text


async def test_the_settings_screen_edits_it(app: NetrhythmApp, ctx: Context) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await settle(pilot)
        await pilot.press("tab", "tab", "tab")  # practices → General → Paused weeks → Nudges
        nudges = app.screen.query_one("#nudges", SettingsList)
        assert nudges.has_focus
        assert "Show each for" in screen_text(pilot) and "60 minutes" in screen_text(pilot)
        await pilot.press(*["down"] * 11, "enter")
        await settle(pilot)
        row = nudges.row("nudge.show-minutes")
        assert row is not None and row.editing
        await pilot.press(*["backspace"] * 3)
        await type_text(pilot, "0")
        await pilot.press("enter")
        await settle(pilot)
        assert row.error == "Show each for: must be between 1 and 1440, not 0"
        await pilot.press("backspace")
        await type_text(pilot, "15")
        await pilot.press("enter")
        await settle(pilot)
        assert settings.current(ctx)["nudge.show-minutes"] == "15"
        assert "15 minutes" in screen_text(pilot)


async def test_a_reload_while_saving_still_shows_the_new_value(app: NetrhythmApp,
                                                               ctx: Context) -> None:
    """The app's poll can reload the screen after the value is stored but before its editor
    closes: the row then shows the stored value, not the one from before the edit."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await settle(pilot)
        await pilot.press("tab", "tab", "tab")
        nudges = app.screen.query_one("#nudges", SettingsList)
        await pilot.press(*["down"] * 11, "enter")
        await settle(pilot)
        row = nudges.row("nudge.show-minutes")
        assert row is not None and row.editing
        settings.set_value(ctx, "nudge.show-minutes", "15")  # stored; the editor is still open
        app.reload_screens()  # what the poll does when it sees the commit first
        await settle(pilot)
        assert row.editing  # a reload never closes an editor
        nudges.finish("nudge.show-minutes")
        await settle(pilot)
        assert "15 minutes" in screen_text(pilot) and "60 minutes" not in screen_text(pilot)
