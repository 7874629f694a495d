"""The Events screen: the list (upcoming, then past), add, edit, attended in one key, people met.

Real key presses on a real SQLite file; the clock is frozen on Monday 23 November 2026.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select

from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
from netrhythm.services.events import EventForm, add_event, list_events
from netrhythm.services.practices import PracticeForm, edit_practice, set_archived
from netrhythm.storage import actions as action_store
from netrhythm.storage import followups as followup_store
from netrhythm.storage.tables import Action, Event, Practice
from netrhythm.ui.app import NetrhythmApp, build_app
from netrhythm.ui.dialogs.event_form import EventFormDialog
from netrhythm.ui.dialogs.log_action import LogDialog
from netrhythm.ui.screens.contact_detail import ContactDetailScreen
from netrhythm.ui.screens.events import EventsScreen, show_events
from netrhythm.ui.screens.week import WeekScreen
from netrhythm.ui.widgets.event_list import EventList
from netrhythm.ui.widgets.form_field import FormField
from netrhythm.ui.widgets.practice_row import PracticeRow
from tests.helpers import dump
from tests.ui.helpers import (
    held_back,
    layout_problems,
    screen_text,
    settle,
    type_text,
    typing_replaces_loaded_name,
    widget_text,
)

SIZE = (120, 40)
TODAY = date(2026, 11, 23)


def shown_ids(app: NetrhythmApp) -> list[int]:
    return [s.event.id for s in app.screen.query_one(EventList).summaries]


async def open_events(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("E")
    await settle(pilot)
    assert isinstance(pilot.app.screen, EventsScreen)


async def highlight(pilot: Pilot[Any], event_id: int) -> None:
    pilot.app.screen.query_one(EventList).select(event_id)
    await settle(pilot)


async def test_list_shows_upcoming_soonest_first_then_past_newest_first(
        demo_app: NetrhythmApp, demo_ctx: Context) -> None:
    upcoming, past = list_events(demo_ctx)
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_events(pilot)
        assert shown_ids(demo_app) == [e.id for e in upcoming + past]
        held = [demo_app.screen.query_one(EventList).summaries[i].event.held_on
                for i in range(len(upcoming) + len(past))]
        assert held[:len(upcoming)] == sorted(held[:len(upcoming)])
        assert all(day >= TODAY for day in held[:len(upcoming)])
        assert held[len(upcoming):] == sorted(held[len(upcoming):], reverse=True)
        rows = widget_text(demo_app.screen.query_one(EventList)).splitlines()
        heads = [n for n, row in enumerate(rows) if row.startswith(("Upcoming", "Past"))]
        assert [rows[n].split()[0] for n in heads] == ["Upcoming", "Past"]
        assert upcoming[0].name in rows[heads[0] + 1]
        assert f"{len(upcoming)} upcoming · {len(past)} past" in screen_text(pilot)


async def test_add_an_event_through_the_form(app: NetrhythmApp, ctx: Context) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_events(pilot)
        assert "No events yet" in screen_text(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, EventFormDialog)
        await type_text(pilot, "PyCon Lisbon")
        await pilot.press("tab")
        await type_text(pilot, "2026-12-05")
        await settle(pilot)
        assert "Sat 5 Dec 2026 · in 12 days" in screen_text(pilot)  # what the date means
        await pilot.press("tab")
        await type_text(pilot, "Lisbon")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)
        upcoming, past = list_events(ctx)
        assert [(e.name, e.held_on, e.location) for e in upcoming] == [
            ("PyCon Lisbon", date(2026, 12, 5), "Lisbon")]
        assert shown_ids(app) == [upcoming[0].id]
        assert "PyCon Lisbon" in screen_text(pilot)
        assert "Not yet held" in screen_text(pilot)


async def test_edit_an_event(app: NetrhythmApp, ctx: Context) -> None:
    event = add_event(ctx, EventForm("Rust Meetup", "2026-11-20", "c-base"))
    async with app.run_test(size=SIZE) as pilot:
        await open_events(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, EventFormDialog)
        await type_text(pilot, "Rust Meetup Berlin")  # the name is selected: typing replaces it
        await pilot.press("tab", "tab")
        await type_text(pilot, "c-base, Rungestraße")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)
        stored = Event.get_by_id(event.id)
        assert (stored.name, stored.location) == ("Rust Meetup Berlin", "c-base, Rungestraße")
        assert stored.held_on == date(2026, 11, 20)
        assert "Rust Meetup Berlin" in screen_text(pilot)


async def test_edit_form_selects_the_name_loaded_after_it_was_focused(
        app: NetrhythmApp, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    # The form focuses the name at once and loads the event in a worker: hold the load until
    # the empty name has been focused, then typing must still replace the loaded name.
    from netrhythm.ui.dialogs import event_form

    add_event(ctx, EventForm("Rust Meetup", "2026-11-20", "c-base"))
    gate = held_back(monkeypatch, event_form, "get_event")
    async with app.run_test(size=SIZE) as pilot:
        await open_events(pilot)
        await pilot.press("e")
        await typing_replaces_loaded_name(pilot, gate, "Rust Meetup", "Rust Berlin")


async def test_attended_in_one_key_logs_the_practice_at_the_event(
        app: NetrhythmApp, ctx: Context) -> None:
    event = add_event(ctx, EventForm("Founders' Coffee", "today", "Café Oberholz"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = app.screen.query_one("#practice-4", PracticeRow)
        assert "0/1" in widget_text(row)
        await pilot.press("E", "a")
        await settle(pilot)
        action = action_store.latest_action()
        assert action is not None
        stored = Action.get_by_id(action.id)
        assert stored.event_id == event.id and stored.occurred_on == TODAY
        assert Practice.get_by_id(stored.practice_id).slug == "attend-event"
        assert "✓ Attended" in screen_text(pilot)
        await pilot.press("a")  # a second press does not log it twice
        await settle(pilot)
        assert Action.select().count() == 1
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert "1/1" in widget_text(app.screen.query_one("#practice-4", PracticeRow))
        await pilot.press("u")  # undo takes it back
        await settle(pilot)
        assert Action.select().count() == 0


async def test_attended_refuses_an_upcoming_event_and_a_missing_practice_clearly(
        app: NetrhythmApp, ctx: Context) -> None:
    add_event(ctx, EventForm("Next week", "2026-11-30"))
    async with app.run_test(size=SIZE) as pilot:
        await open_events(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert "log attending once it has happened" in " ".join(
            str(n.message) for n in app._notifications)
        assert Action.select().count() == 0
    set_archived(ctx, "attend-event")
    add_event(ctx, EventForm("Last night", "yesterday"))
    app = build_app(ctx, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_events(pilot)
        await highlight(pilot, Event.get(Event.name == "Last night").id)
        assert "No active practice counts attending events" in screen_text(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)
        assert "press l to choose a practice" in " ".join(
            str(n.message) for n in app._notifications)
        assert Action.select().count() == 0


async def test_a_renamed_attend_practice_still_counts(app: NetrhythmApp, ctx: Context) -> None:
    edit_practice(ctx, "attend-event", PracticeForm(name="Go to events", slug="events"))
    add_event(ctx, EventForm("Meetup", "today"))
    async with app.run_test(size=SIZE) as pilot:
        await open_events(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert Practice.get_by_id(Action.get().practice_id).slug == "events"


@pytest.mark.parametrize(("field", "keys", "message"), [
    ("date", ["tab", "2026-02-30"], "2026-02-30 does not exist"),
    ("date", ["tab", "next friday"], "is not a date"),
    ("name", ["   ", "tab", "2026-12-01"], "is empty"),
])
async def test_bad_input_keeps_the_database_unchanged_and_names_the_field(
        app: NetrhythmApp, ctx: Context, field: str, keys: list[str], message: str) -> None:
    before = dump(ctx.db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_events(pilot)
        await pilot.press("n")
        await settle(pilot)
        await type_text(pilot, "Meetup" if keys[0] == "tab" else "")
        for key in keys:
            await (pilot.press(key) if key == "tab" else type_text(pilot, key))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EventFormDialog)
        assert message in app.screen.query_one(f"#field-{field}", FormField).error
        await pilot.press("escape")
        await settle(pilot)
    assert dump(ctx.db_path) == before


async def test_met_someone_schedules_a_follow_up_that_names_the_event(
        app: NetrhythmApp, ctx: Context) -> None:
    event = add_event(ctx, EventForm("Rust Meetup", "yesterday"))
    add_event(ctx, EventForm("Rust Meetup", "2026-10-20"))  # the same name, another month
    async with app.run_test(size=SIZE) as pilot:
        await open_events(pilot)
        await highlight(pilot, event.id)
        await pilot.press("m")
        await settle(pilot)
        assert "Someone you met at Rust Meetup" in screen_text(pilot)
        await type_text(pilot, "Ana Ruiz")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)
        (follow_up,) = followup_store.open_follow_ups()
        assert follow_up.contact_name == "Ana Ruiz" and follow_up.event == "Rust Meetup"
        assert follow_up.due_on == date(2026, 11, 26)  # within 3 days
        assert "Ana Ruiz" in widget_text(app.screen.query_one("#event-people"))
        assert "follow up by Thu 26 Nov" in widget_text(app.screen.query_one("#event-people"))


async def test_an_event_named_like_markup_shows_literally(app: NetrhythmApp,
                                                          ctx: Context) -> None:
    add_event(ctx, EventForm("[bold]x", "today", "[$accent]y", notes="[red]z[/red]"))
    async with app.run_test(size=SIZE) as pilot:
        await open_events(pilot)
        text = screen_text(pilot)
        assert text.count("[bold]x") >= 2  # the list and the detail's title
        assert "[$accent]y" in text and "[red]z[/red]" in text


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_screen_and_its_dialogs_fit(demo_ctx: Context, size: tuple[int, int]) -> None:
    app = build_app(demo_ctx, cursor_blink=False)
    problems: dict[str, list[str]] = {}
    async with app.run_test(size=size) as pilot:
        await open_events(pilot)
        problems["screen"] = layout_problems(pilot)
        for name, key in (("edit", "e"), ("new", "n"), ("met", "m"), ("delete", "d")):
            await pilot.press(key)
            await settle(pilot)
            problems[name] = layout_problems(pilot)
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, EventsScreen)
    assert {name: found for name, found in problems.items() if found} == {}


async def test_log_here_opens_the_log_form_at_the_event(app: NetrhythmApp, ctx: Context) -> None:
    event = add_event(ctx, EventForm("Rust Meetup", "2026-11-20"))
    add_contact(ctx, ContactForm("Ana Ruiz"))
    async with app.run_test(size=SIZE) as pilot:
        await open_events(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LogDialog)
        assert app.screen.query_one("#practice", Select).value == "attend-event"
        assert app.screen.query_one("#event", Input).value == "Rust Meetup"
        assert app.screen.query_one("#date", Input).value == "2026-11-20"  # the day it was
        await type_text(pilot, "Ana Ruiz")  # focus is on "With"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)
        stored = Action.get()
        assert (stored.event_id, stored.occurred_on) == (event.id, date(2026, 11, 20))
        assert "Ana Ruiz" in widget_text(app.screen.query_one("#event-people"))
        assert "✓ Attended" in screen_text(pilot)


async def test_enter_on_a_person_opens_them_and_escape_comes_back(
        demo_app: NetrhythmApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_events(pilot)
        events = demo_app.screen.query_one(EventList)
        busy = max(events.summaries, key=lambda s: s.people)
        await highlight(pilot, busy.event.id)
        await pilot.press("enter")  # to the people met there
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, EventsScreen) and screen.detail is not None
        first = screen.detail.people[0]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(demo_app.screen, ContactDetailScreen)
        assert demo_app.screen.contact_id == first.contact_id
        assert first.name in screen_text(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(demo_app.screen, EventsScreen)


async def test_delete_after_confirming_and_undo(app: NetrhythmApp, ctx: Context) -> None:
    event = add_event(ctx, EventForm("Rust Meetup", "yesterday"))
    async with app.run_test(size=SIZE) as pilot:
        await open_events(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert "Delete Rust Meetup" in screen_text(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert Event.select().count() == 0
        assert "No events yet" in screen_text(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert shown_ids(app) == [event.id]


async def test_palette_helper_opens_the_screen_on_an_event_and_logs_it(
        app: NetrhythmApp, ctx: Context) -> None:
    add_event(ctx, EventForm("Other", "yesterday"))
    event = add_event(ctx, EventForm("Meetup", "2026-11-20"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        show_events(app, event.id).action_attended(event.id)
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)
        assert Action.get().event_id == event.id
        assert app.screen.query_one(EventList).current.event.id == event.id
