"""The draft dialog (``y``): from Who next to a logged reach-out with the edited draft as its
note in a few keys; ``y`` from Contacts and a contact's page; Escape changes nothing."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Select, TextArea

from netrhythm.services.context import Context
from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.tracking.week_view import week_actions
from netrhythm.ui.app import NetrhythmApp
from netrhythm.ui.dialogs.draft import DraftDialog
from netrhythm.ui.screens.contact_detail import ContactDetailScreen
from netrhythm.ui.screens.week import WeekScreen
from netrhythm.ui.widgets.panel import Panel
from tests.ui.helpers import screen_text, settle

SIZE = (100, 32)


class Counted:
    """Presses keys through the pilot, counting them."""

    def __init__(self, pilot: Pilot) -> None:
        self.pilot = pilot
        self.count = 0

    async def press(self, *keys: str) -> None:
        self.count += len(keys)
        await self.pilot.press(*keys)
        await settle(self.pilot)


def draft_area(app: NetrhythmApp) -> TextArea:
    assert isinstance(app.screen, DraftDialog), f"the draft dialog is not open: {app.screen}"
    return app.screen.query_one("#draft-text", TextArea)


def practice_of(app: NetrhythmApp) -> object:
    return app.screen.query_one("#draft-practice", Select).value


async def test_who_next_draft_edited_copied_and_logged_in_five_keys(
        demo_app: NetrhythmApp, demo_ctx: Context) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        week = demo_app.screen
        assert isinstance(week, WeekScreen) and week.view is not None
        first = week.view.who_next[0]
        before = week_actions(demo_ctx, demo_ctx.read_current_week())
        keys = Counted(pilot)
        await keys.press("y")
        area = draft_area(demo_app)
        assert area.has_focus
        draft = area.text
        first_name = first.name.split()[0]
        assert first_name in draft and 2 <= draft.count(". ") + 1 <= 6
        assert practice_of(demo_app) == "reach-out"
        assert "OSC 52" in screen_text(pilot) \
            and "some terminals ignore" in screen_text(pilot)
        # edit a word (not counted): the greeting's first word becomes "Hello"
        greeting = draft.split()[0]
        area.move_cursor((0, 0))
        await pilot.press("ctrl+shift+right", *"Hello")
        await settle(pilot)
        edited = "Hello" + draft[len(greeting):]
        assert area.text == edited
        await keys.press("ctrl+c")
        assert demo_app.clipboard == edited
        await keys.press("ctrl+s")
        assert isinstance(demo_app.screen, WeekScreen)
        assert keys.count <= 5
        after = week_actions(demo_ctx, demo_ctx.read_current_week())
        new = [a for a in after if a not in before]
        assert len(new) == 1
        assert new[0].note == edited
        assert new[0].contacts == (first.name,)
        assert new[0].practice_name == "Reach out"
