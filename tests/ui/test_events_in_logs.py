"""Events in what is logged: `f` follows up at the event, and the week names the event attended."""

from __future__ import annotations

from textual.widgets import Input, Select

from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
from netrhythm.services.events import EventForm, add_event, log_attended
from netrhythm.ui.app import NetrhythmApp
from netrhythm.ui.dialogs.log_action import LogDialog
from netrhythm.ui.screens.events import EventsScreen
from netrhythm.ui.widgets.panel import Panel
from tests.ui.helpers import settle, widget_text


async def test_f_on_someone_met_there_follows_up_at_that_event(app: NetrhythmApp,
                                                               ctx: Context) -> None:
    add_event(ctx, EventForm("Rust Meetup", "yesterday"))
    add_contact(ctx, ContactForm(name="Ana Ruiz", met_at="Rust Meetup"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)
        app.screen.query_one("#event-people", Panel).focus()
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, LogDialog)
        assert app.screen.query_one("#practice", Select).value == "follow-up"
        assert app.screen.query_one("#contacts", Input).value == "Ana Ruiz"
        assert app.screen.query_one("#event", Input).value == "Rust Meetup"


async def test_this_week_names_the_event_attended(app: NetrhythmApp, ctx: Context) -> None:
    event = add_event(ctx, EventForm("Rust Meetup", "today"))
    log_attended(ctx, event.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown = widget_text(app.screen.query_one("#week-actions", Panel))
        assert "Attend an event at Rust Meetup" in shown

