"""Keys typed faster than the app draws (a paste, a fast typist) apply in the order typed."""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from netrhythm.ui.app import NetrhythmApp
from netrhythm.ui.dialogs.contact_form import ContactFormDialog
from tests.ui.helpers import settle


async def burst(pilot: Pilot, *keys: str) -> None:
    """Send ``keys`` all at once, as a terminal delivers a paste: no waiting between them."""
    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await settle(pilot)


async def test_a_burst_with_tab_fills_each_field_in_turn(app: NetrhythmApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c", "n")
        await settle(pilot)
        assert isinstance(app.screen, ContactFormDialog)
        await burst(pilot, "B", "o", "b", "tab", "C", "o", "r", "p")
        assert app.screen.query_one("#name", Input).value == "Bob"
        assert app.screen.query_one("#company", Input).value == "Corp"
