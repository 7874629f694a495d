"""The draft dialog (``y``): from Who next to a logged reach-out with the edited draft as its
note in a few keys; ``y`` from Contacts and a contact's page; Escape changes nothing."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Select, TextArea

from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
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


async def test_follow_ups_due_row_drafts_the_follow_up_and_undo_takes_the_log_back(
        demo_app: NetrhythmApp, demo_ctx: Context) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        week = demo_app.screen
        assert isinstance(week, WeekScreen) and week.view is not None
        due = week.view.status.follow_ups_due[0]
        panel = week.query_one("#follow-ups", Panel)
        panel.focus()
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        area = draft_area(demo_app)
        assert practice_of(demo_app) == "follow-up"
        assert due.contact_name.split()[0] in area.text
        before = week_actions(demo_ctx, demo_ctx.read_current_week())
        await pilot.press("ctrl+s")
        await settle(pilot)
        logged = week_actions(demo_ctx, demo_ctx.read_current_week())
        assert len(logged) == len(before) + 1 and logged[0].practice_name == "Follow up"
        said = " ".join(str(n.message) for n in demo_app._notifications)
        assert "Logged Follow up with" in said and "the draft kept as its note" in said
        await pilot.press("u")
        await settle(pilot)
        assert week_actions(demo_ctx, demo_ctx.read_current_week()) == before


async def test_y_on_contacts_then_escape_changes_nothing(app: NetrhythmApp,
                                                         ctx: Context) -> None:
    add_contact(ctx, ContactForm(name="Maria Chen", how_met="PyCon 2024"))
    version = ctx.read_data_version()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        area = draft_area(app)
        assert area.text.startswith("Hi Maria,")
        assert practice_of(app) == "reach-out"
        await pilot.press(*"Extra words")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, DraftDialog)
        assert week_actions(ctx, ctx.read_current_week()) == []
        assert app.clipboard == ""
    assert ctx.read_data_version() == version


async def test_y_on_a_contact_page_switches_practice_and_logs_it(app: NetrhythmApp,
                                                                 ctx: Context) -> None:
    add_contact(ctx, ContactForm(name="Maria Chen", how_met="LinkedIn", tags="rust"))
    add_contact(ctx, ContactForm(name="Ana Lima", tags="rust"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactDetailScreen)
        name = app.screen.detail.contact.name if app.screen.detail else ""
        await pilot.press("y")
        await settle(pilot)
        area = draft_area(app)
        reach_out = area.text
        assert reach_out.startswith(f"Hi {name.split()[0]},")
        await pilot.press("tab")
        assert app.screen.query_one("#draft-practice", Select).has_focus
        await pilot.press("enter", "down", "enter")  # the next practice: Give value
        await settle(pilot)
        assert practice_of(app) == "give-value"
        give = area.text
        assert give != reach_out and give.startswith(f"Hi {name.split()[0]},")
        assert not any("replaced" in str(n.message) for n in app._notifications)  # untouched
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ContactDetailScreen)
        [action] = week_actions(ctx, ctx.read_current_week())
        assert action.practice_name == "Give value" and action.note == give
        assert action.contacts == (name,)


async def test_a_name_that_looks_like_markup_is_shown_as_typed(app: NetrhythmApp,
                                                               ctx: Context) -> None:
    add_contact(ctx, ContactForm(name="[b]Bo[/b] Chen"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "y")
        await settle(pilot)
        draft_area(app)
        assert "Draft to [b]Bo[/b] Chen" in screen_text(pilot)


async def test_another_practice_replaces_edited_text_and_ctrl_z_brings_it_back(
        app: NetrhythmApp, ctx: Context) -> None:
    """Typed text is never lost silently: the new practice's draft replaces it as one edit,
    a toast says so, and ctrl+z in the text brings the typed text back."""
    add_contact(ctx, ContactForm(name="Maria Chen", how_met="LinkedIn", tags="rust"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "y")
        await settle(pilot)
        area = draft_area(app)
        await pilot.press(*" See you at RustConf!")
        typed = area.text
        assert typed.endswith("See you at RustConf!")
        await pilot.press("tab", "enter", "down", "enter")  # Give value
        await settle(pilot)
        assert practice_of(app) == "give-value"
        assert area.text != typed and "RustConf" not in area.text
        assert "The draft for Give value replaced your text; ctrl+z brings it back." in \
            [str(n.message) for n in app._notifications]
        area.focus()
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert area.text == typed
