"""The Contacts screen: filter as you type, sort, details, add, edit, archive, delete."""

from __future__ import annotations

import threading

import pytest

from netrhythm.services.contacts.contact_list import contact_lines
from netrhythm.services.contacts.search import matching_ids
from netrhythm.services.context import Context
from netrhythm.ui.app import NetrhythmApp
from netrhythm.ui.dialogs.confirm import ConfirmDialog
from netrhythm.ui.dialogs.contact_form import ContactFormDialog
from netrhythm.ui.screens.contact_detail import ContactDetailScreen
from netrhythm.ui.screens.contacts import ContactsScreen
from netrhythm.ui.widgets.contact_table import ContactTable
from netrhythm.ui.widgets.form_field import FormField
from tests.ui.helpers import (
    held_back,
    screen_text,
    settle,
    type_text,
    typing_replaces_loaded_name,
    widget_text,
)

SIZE = (110, 32)


def table(app: NetrhythmApp) -> ContactTable:
    return app.screen.query_one(ContactTable)


def names(app: NetrhythmApp) -> list[str]:
    return [line.name for line in table(app).lines]


async def test_filter_narrows_the_table_as_you_type(demo_app: NetrhythmApp,
                                                    demo_ctx: Context) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert len(names(demo_app)) == 138  # two of the 140 are archived
        await pilot.press("slash")
        await type_text(pilot, "ru")
        await settle(pilot)
        after_two = set(line.id for line in table(demo_app).lines)
        await type_text(pilot, "st")
        await settle(pilot)
        shown = [line.id for line in table(demo_app).lines]
        active = {x.id for x in contact_lines(demo_ctx)}
        assert shown and set(shown) == set(matching_ids("rust")) & active
        assert set(shown) <= after_two  # typing more only narrows
        assert f"{len(shown)} of 138" in screen_text(pilot)
        await pilot.press("escape")  # clears the filter
        await settle(pilot)
        assert len(names(demo_app)) == 138


async def test_the_list_loads_and_filters_without_a_worker_thread(
        demo_app: NetrhythmApp) -> None:
    """A worker thread would keep its own SQLite connection (page cache, schema) for the rest
    of the session; the list is read and searched on the UI thread, in a few milliseconds."""
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        threads = set(threading.enumerate())
        await pilot.press("c")
        await pilot.pause()
        assert len(names(demo_app)) == 138  # with the screen's first frame
        await pilot.press("slash")
        await type_text(pilot, "rust")
        await pilot.pause()
        assert 0 < len(names(demo_app)) < 138
        assert not list(demo_app.workers)
        assert set(threading.enumerate()) <= threads


async def test_filter_searches_notes_events_and_action_notes(demo_app: NetrhythmApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "slash")
        await type_text(pilot, "bsides")  # an event's name: people met or seen there
        await settle(pilot)
        shown = {line.id for line in table(demo_app).lines}
        assert shown and shown <= set(matching_ids("bsides"))
        # nobody's name, company or tags say "bsides": they were met or seen at the event
        assert all("bsides" not in f"{x.name} {x.company} {x.tags}".casefold()
                   for x in table(demo_app).lines)
        await pilot.press("escape")
        await pilot.press("slash")
        await type_text(pilot, "zzqx")
        await settle(pilot)
        assert names(demo_app) == []
        assert "0 of 138" in screen_text(pilot)


async def test_sort_by_days_overdue_marks_overdue_and_due_soon(demo_app: NetrhythmApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "s")
        await settle(pilot)
        lines = table(demo_app).lines
        overdue = [x.due.days_overdue for x in lines if x.due.due_on is not None]
        assert overdue == sorted(overdue, reverse=True)
        assert "by days overdue" in screen_text(pilot)
        rows = widget_text(table(demo_app)).splitlines()
        assert rows[1].lstrip().startswith("● " + lines[0].name[:8])  # most overdue, marked
        soon = next(n for n, x in enumerate(lines) if x.due.state == "due soon")
        table(demo_app).cursor = soon  # scrolls it into view
        await pilot.pause()
        assert any(row.lstrip().startswith("◐ " + lines[soon].name[:8])
                   for row in widget_text(table(demo_app)).splitlines())


async def test_detail_shows_fields_tags_timeline_follow_ups_and_balance(
        demo_app: NetrhythmApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c", "slash")
        await type_text(pilot, "maria chen")
        await pilot.press("enter")  # to the table
        await pilot.press("enter")  # open
        await settle(pilot)
        assert isinstance(demo_app.screen, ContactDetailScreen)
        text = screen_text(pilot)
        for expected in ("Maria Chen", "Redwood Clinic", "Tags", "Keep in touch",
                         "Give/ask", "Follow-ups", "Timeline"):
            assert expected in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(demo_app.screen, ContactsScreen)


async def test_add_edit_archive_and_delete_a_contact_with_the_keyboard(
        app: NetrhythmApp, ctx: Context) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "n")
        await settle(pilot)
        assert isinstance(app.screen, ContactFormDialog)
        await type_text(pilot, "Ada")
        await pilot.press("tab")
        await type_text(pilot, "Acme")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert names(app) == ["Ada"]
        assert table(app).lines[0].company == "Acme"

        await pilot.press("e")
        await settle(pilot)
        assert app.screen.query_one("#company").value == "Acme"
        await pilot.press("tab", "end", "shift+home", "backspace")
        await type_text(pilot, "Initech")
        await pilot.press("enter")
        await settle(pilot)
        assert table(app).lines[0].company == "Initech"

        await pilot.press("a")  # archive: hidden from the list
        await settle(pilot)
        assert names(app) == []
        await pilot.press("u")  # undo brings it back
        await settle(pilot)
        assert names(app) == ["Ada"]

        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert names(app) == []
        assert contact_lines(ctx, include_archived=True) == []


async def test_contact_form_shows_errors_beside_fields_and_saves_nothing(
        app: NetrhythmApp, ctx: Context) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "n")
        await settle(pilot)
        await pilot.press("ctrl+s")  # no name
        await settle(pilot)
        assert "is empty" in app.screen.query_one("#field-name", FormField).error
        await type_text(pilot, "Bo")
        app.screen.query_one("#met-on").focus()
        await type_text(pilot, "2027-01-01")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "is in the future" in app.screen.query_one("#field-met-on", FormField).error
        assert isinstance(app.screen, ContactFormDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert contact_lines(ctx, include_archived=True) == []


async def test_i_opens_the_import_dialog_when_it_exists(app: NetrhythmApp) -> None:
    from netrhythm.ui.contact_actions import import_available

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "i")
        await settle(pilot)
        expected = "ImportDialog" if import_available() else "ContactsScreen"
        assert type(app.screen).__name__ == expected


async def test_edit_form_selects_the_name_loaded_after_it_was_focused(
        app: NetrhythmApp, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    # The form focuses the name at once and loads the contact in a worker: hold the load
    # until the empty name has been focused, then typing must still replace the loaded name.
    from netrhythm.services.contacts.manage import ContactForm, add_contact
    from netrhythm.ui.dialogs import contact_form

    add_contact(ctx, ContactForm(name="Ada Lovelace"))
    gate = held_back(monkeypatch, contact_form, "get_contact")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("e")
        await typing_replaces_loaded_name(pilot, gate, "Ada Lovelace", "Ada King")
