"""A contact's page: deleting from it, and how its dates read."""

from __future__ import annotations

from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
from netrhythm.ui.app import NetrhythmApp
from netrhythm.ui.dialogs.confirm import ConfirmDialog
from netrhythm.ui.screens.contact_detail import ContactDetailScreen
from netrhythm.ui.screens.contacts import ContactsScreen
from tests.ui.helpers import screen_text, settle

SIZE = (110, 32)


def toasts(app: NetrhythmApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_deleting_from_the_contact_page_says_deleted_and_nothing_else(
        app: NetrhythmApp, ctx: Context) -> None:
    add_contact(ctx, ContactForm(name="Ada Lovelace"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactDetailScreen)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        assert toasts(app) == ["Deleted Ada Lovelace. Press u to undo."]


async def test_the_contact_page_reads_its_dates_as_every_screen_does(
        app: NetrhythmApp, ctx: Context) -> None:
    """"Added Mon 23 Nov", "Met on Fri 13 Nov": never an ISO date the rest of the app avoids."""
    add_contact(ctx, ContactForm(name="Ada Lovelace", met_on="2026-11-13"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        lines = screen_text(pilot).splitlines()
        added = next(line for line in lines if "Added" in line)
        met = next(line for line in lines if "Met on" in line)
        assert "today" in added and "2026-11-23" not in added
        assert "Fri 13 Nov" in met and "2026-11-13" not in met
