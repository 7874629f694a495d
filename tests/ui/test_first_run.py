"""The first hour on an empty database: the Week screen's welcome, its keys, and empty panels
that say which key fills them, whole at 80 columns."""

from __future__ import annotations

from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
from netrhythm.services.first_steps import first_steps
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.ui.app import NetrhythmApp, build_app
from netrhythm.ui.dialogs.contact_form import ContactFormDialog
from netrhythm.ui.dialogs.import_file import ImportDialog
from netrhythm.ui.screens.contacts import ContactsScreen
from netrhythm.ui.screens.settings import SettingsScreen
from netrhythm.ui.screens.week import WeekScreen
from netrhythm.ui.widgets.panel import Panel
from tests.ui.helpers import screen_text, settle, type_text, widget_text

SMALL = (80, 24)


def welcome_shown(app: NetrhythmApp) -> str | None:
    """The welcome's text, or None when it is not on screen."""
    panel = app.screen.query_one("#welcome", Panel)
    return widget_text(panel) if panel.display and panel.region.area else None


def by_name(ctx: Context) -> list[str]:
    from netrhythm.services.contacts.contact_list import contact_lines

    return [line.name for line in contact_lines(ctx)]


async def test_keyboard_only_the_welcome_leads_to_a_contact_and_an_action_with_someone_new(
        app: NetrhythmApp, ctx: Context) -> None:
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        shown = welcome_shown(app)
        assert shown is not None
        for line in ("n   Add a contact, or i to import a file",
                     ",   Adjust practices and weekly targets",
                     "1-9 Log a first action: 1 for Reach out"):
            assert line in shown
        await pilot.press("n")  # the first step, from the Week screen
        await settle(pilot)
        assert isinstance(app.screen, ContactFormDialog)
        await type_text(pilot, "Ana Ruiz")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        shown = welcome_shown(app)
        assert shown is not None and "Add a contact" not in shown and "Adjust" not in shown
        assert "Ana Ruiz" in widget_text(app.screen.query_one("#who-next", Panel))
        await pilot.press("1")  # the step left: a coffee with someone met today
        await settle(pilot)
        await type_text(pilot, "Lena Park")
        await pilot.press("enter")  # no one has that name: "Create Lena Park", then saved
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert welcome_shown(app) is None
        assert "Reach out · Lena Park" in widget_text(app.screen.query_one("#week-actions", Panel))
    assert sorted(by_name(ctx)) == ["Ana Ruiz", "Lena Park"]


async def test_each_step_runs_with_enter_too(app: NetrhythmApp) -> None:
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        app.screen.query_one("#welcome", Panel).focus()
        await pilot.press("down", "enter")  # "Adjust practices"
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("w", "i")
        await settle(pilot)
        assert isinstance(app.screen, ImportDialog)


async def test_with_contacts_but_nothing_logged_only_the_step_left_shows(
        app: NetrhythmApp, ctx: Context) -> None:
    add_contact(ctx, ContactForm(name="Ana Ruiz"))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        shown = welcome_shown(app)
        assert shown is not None
        assert [line.strip() for line in shown.splitlines() if line.strip()] == [
            "1-9 Log a first action: 1 for Reach out"]


async def test_the_welcome_never_hides_a_contact_gone_cold(app: NetrhythmApp,
                                                         ctx: Context) -> None:
    add_contact(ctx, ContactForm(name="Ana Ruiz", cadence_days=30, last_contact="2026-01-05"))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert welcome_shown(app) is not None  # in place of the empty This week
        assert "Ana Ruiz" in widget_text(app.screen.query_one("#gone-cold", Panel))
        assert "This week" not in screen_text(pilot)


async def test_no_welcome_once_there_are_contacts_and_actions(app: NetrhythmApp,
                                                              ctx: Context) -> None:
    contact = add_contact(ctx, ContactForm(name="Ana Ruiz"))
    log_action(ctx, LogRequest(practice="reach-out", contacts=[f"#{contact.id}"]))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert welcome_shown(app) is None
        assert "Follow-ups due" in screen_text(pilot)


async def test_x_hides_the_welcome_for_good_and_u_brings_it_back(app: NetrhythmApp,
                                                                  ctx: Context) -> None:
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert welcome_shown(app) is None
        assert "Follow-ups due" in screen_text(pilot)
    assert first_steps(ctx).hidden
    again = build_app(ctx, cursor_blink=False)
    async with again.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert welcome_shown(again) is None
        await pilot.press("u")
        await settle(pilot)
        assert welcome_shown(again) is not None
    assert not first_steps(ctx).hidden


async def test_empty_panels_name_their_key_and_are_whole_at_80_columns(
        app: NetrhythmApp) -> None:
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        week = screen_text(pilot)
        for line in ("No contacts yet:", "n adds one,", "i imports a file.",
                     "No upcoming events.", "E, then n adds one.",
                     "Nothing logged yet.", "Press 1-9 to log."):
            assert line in week
        assert "…" not in week
        await pilot.press("x")  # the panels the welcome stood in for
        await settle(pilot)
        week = screen_text(pilot)
        for line in ("Nothing due.", "Promises kept.", "Nobody has gone cold."):
            assert line in week
        assert "…" not in week
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        assert "No contacts yet: press n to add one or i to import a file." in screen_text(pilot)
        await pilot.press("E")
        await settle(pilot)
        assert "No events yet: press n to add one." in screen_text(pilot)


async def test_who_next_after_its_only_contact_was_contacted(app: NetrhythmApp,
                                                              ctx: Context) -> None:
    contact = add_contact(ctx, ContactForm(name="Ana Ruiz"))
    log_action(ctx, LogRequest(practice="reach-out", contacts=[f"#{contact.id}"]))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        shown = widget_text(app.screen.query_one("#who-next", Panel))
        assert "No contacts yet" not in shown
        assert "Nobody to suggest now:" in shown and "n adds a contact." in shown
