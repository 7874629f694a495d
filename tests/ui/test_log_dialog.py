"""The Log form: inline validation beside the field, nothing saved on bad input, Esc cancels."""

from __future__ import annotations

from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
from netrhythm.services.tracking.week_view import week_actions
from netrhythm.ui.app import NetrhythmApp
from netrhythm.ui.dialogs.log_action import LogDialog
from netrhythm.ui.screens.week import WeekScreen
from netrhythm.ui.widgets.form_field import FormField
from tests.ui.helpers import settle, type_text

SIZE = (100, 30)


def field(app: NetrhythmApp, name: str) -> FormField:
    return app.screen.query_one(f"#field-{name}", FormField)


async def clear(pilot: object) -> None:
    await pilot.press("end", "shift+home", "backspace")  # type: ignore[attr-defined]


async def test_bad_date_is_shown_beside_the_field_and_nothing_is_saved(
        app: NetrhythmApp, ctx: Context) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("shift+tab")  # from "With" back to "Date"
        await clear(pilot)
        await type_text(pilot, "someday")
        assert "'someday' is not a date" in field(app, "date").error
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LogDialog)
        assert "is not a date" in field(app, "date").error
        assert week_actions(ctx, ctx.read_current_week()) == []


async def test_future_date_and_unknown_contact_are_refused(app: NetrhythmApp,
                                                           ctx: Context) -> None:
    add_contact(ctx, ContactForm(name="Maria Chen"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        await type_text(pilot, "Nobody Here")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "no contact named 'Nobody Here'" in field(app, "contacts").error
        await pilot.press("shift+tab")
        await clear(pilot)
        await type_text(pilot, "2026-12-01")
        assert "is in the future" in field(app, "date").error
        assert week_actions(ctx, ctx.read_current_week()) == []


async def test_follow_up_without_a_contact_is_explained(app: NetrhythmApp,
                                                        ctx: Context) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        app.screen.query_one("#follow-up").focus()
        await type_text(pilot, "7")
        await pilot.press("enter")
        await settle(pilot)
        assert "needs a contact" in field(app, "follow-up").error
        assert week_actions(ctx, ctx.read_current_week()) == []


async def test_escape_cancels_and_saves_nothing(app: NetrhythmApp, ctx: Context) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LogDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert week_actions(ctx, ctx.read_current_week()) == []


async def test_log_with_several_contacts_an_event_note_and_follow_up(
        app: NetrhythmApp, ctx: Context) -> None:
    for name in ("Maria Chen", "Tomás Okafor"):
        add_contact(ctx, ContactForm(name=name))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        await type_text(pilot, "mar")
        await pilot.press("right")  # accept "Maria Chen"
        await type_text(pilot, ", tom")
        await pilot.press("right", "tab", "tab")  # to Note, past Event
        await type_text(pilot, "coffee [b]chat[/b]")
        await pilot.press("tab")
        await type_text(pilot, "7")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        (action,) = week_actions(ctx, ctx.read_current_week())
        assert action.contacts == ("Maria Chen", "Tomás Okafor")
        assert action.note == "coffee [b]chat[/b]"
