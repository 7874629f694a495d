"""Everyday capture in the Log form, counted in keys: Enter in "With" takes the highlighted
name (a unique one saves at once), creates someone just met, and a comma starts a second
name; from a contact, ``l`` then Enter saves with the practice ``start_practice`` chooses."""

from __future__ import annotations

from textual.widgets import Input, Select

from netrhythm.services.contacts.manage import ContactForm, add_contact, set_archived
from netrhythm.services.context import Context
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.services.tracking.week_view import week_actions
from netrhythm.storage.journal import latest
from netrhythm.ui.app import NetrhythmApp
from netrhythm.ui.dialogs.log_action import LogDialog
from netrhythm.ui.screens.contacts import ContactsScreen
from netrhythm.ui.screens.week import WeekScreen
from netrhythm.ui.widgets.form_field import FormField
from tests.ui.helpers import settle

SIZE = (100, 30)
PEOPLE = ("Ana Ruiz", "Maria Chen", "Maria Lopez", "Maria Silva", "Tomás Okafor")


def add_people(ctx: Context) -> dict[str, int]:
    return {name: add_contact(ctx, ContactForm(name=name)).id for name in PEOPLE}


def logged(ctx: Context) -> list[tuple[str, tuple[str, ...]]]:
    return [(a.practice_name, a.contacts) for a in week_actions(ctx, ctx.read_current_week())]


async def test_from_launch_one_letters_enter_saves(app: NetrhythmApp, ctx: Context) -> None:
    add_people(ctx)
    keys = ("1", "t", "enter")  # practice 1, the letter that makes "Tomás" unique, Enter
    assert len(keys) == 1 + len("t") + 1
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*keys)  # at typing speed: no waiting for the form to load
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert logged(ctx) == [("Reach out", ("Tomás Okafor",))]


async def test_from_launch_on_the_demo_data_with_its_marias(demo_app: NetrhythmApp,
                                                            demo_ctx: Context) -> None:
    letters = "maria c"  # three Marias: "maria c" is Maria Chen alone
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = len(logged(demo_ctx))
        await pilot.press("1", *["space" if c == " " else c for c in letters], "enter")
        await settle(pilot)
        assert isinstance(demo_app.screen, WeekScreen)
        assert len(logged(demo_ctx)) == before + 1
        assert logged(demo_ctx)[0] == ("Reach out", ("Maria Chen",))


async def test_an_ambiguous_name_completes_to_the_highlighted_one_and_waits(
        app: NetrhythmApp, ctx: Context) -> None:
    add_people(ctx)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "m", "a", "r", "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, LogDialog)
        assert dialog.query_one("#contacts").value == "Maria Chen"  # the first: waits
        assert logged(ctx) == []
        await pilot.press("backspace", "backspace", "backspace", "backspace", "down",
                          "enter")  # "Maria " again, the second choice
        assert dialog.query_one("#contacts").value == "Maria Lopez"
        await pilot.press("enter")  # now complete: saves
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert logged(ctx) == [("Reach out", ("Maria Lopez",))]


async def test_a_new_name_is_created_with_the_action_in_one_undoable_change(
        app: NetrhythmApp, ctx: Context) -> None:
    add_people(ctx)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        await pilot.press(*"Lena", "space", *"Park")
        await settle(pilot)
        choices = app.screen.query_one("#with-choices")
        assert choices.display and choices.option_count == 1  # "Create Lena Park" only
        assert str(choices.get_option_at_index(0).prompt) == "Create Lena Park"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert logged(ctx) == [("Reach out", ("Lena Park",))]
        assert latest() == "logged Reach out with Lena Park (today); added Lena Park to contacts"
        await pilot.press("u")
        await settle(pilot)
        assert logged(ctx) == [] and latest() == "added contact Tomás Okafor"


async def test_a_comma_takes_the_name_and_starts_the_next(app: NetrhythmApp,
                                                          ctx: Context) -> None:
    add_people(ctx)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("t", "comma")
        assert app.screen.query_one("#contacts").value == "Tomás Okafor, "
        await pilot.press(*"lena", "enter")  # no one: "Create lena", taken by Enter
        await settle(pilot)
        assert logged(ctx) == [("Reach out", ("Tomás Okafor", "lena"))]


async def test_from_a_contact_page_l_enter_logs_their_usual_practice(
        app: NetrhythmApp, ctx: Context) -> None:
    ids = add_people(ctx)
    for _ in range(2):
        log_action(ctx, LogRequest("give-value", ["Ana Ruiz"], date="yesterday"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_open_contact(ids["Ana Ruiz"])
        await settle(pilot)
        await pilot.press("l", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, LogDialog)
        assert logged(ctx)[0] == ("Give value", ("Ana Ruiz",))


async def test_from_the_contacts_list_l_enter_logs_with_the_highlighted_contact(
        app: NetrhythmApp, ctx: Context) -> None:
    add_people(ctx)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        await pilot.press("l", "enter")  # Ana Ruiz, first by name; never contacted: reach out
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        assert logged(ctx) == [("Reach out", ("Ana Ruiz",))]


async def test_from_a_contact_page_a_due_follow_up_comes_first(app: NetrhythmApp,
                                                              ctx: Context) -> None:
    ids = add_people(ctx)
    for _ in range(2):
        log_action(ctx, LogRequest("give-value", ["Ana Ruiz"], date="yesterday"))
    log_action(ctx, LogRequest("reach-out", ["Ana Ruiz"], date="yesterday", follow_up_days=3))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_open_contact(ids["Ana Ruiz"])
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, LogDialog)
        assert dialog.query_one("#practice", Select).value == "follow-up"
        assert dialog.focused is dialog.query_one("#note")


async def test_saving_an_unknown_name_says_how_to_create_it(app: NetrhythmApp,
                                                           ctx: Context) -> None:
    add_people(ctx)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        await pilot.press(*"mraia", "ctrl+s")
        await settle(pilot)
        error = app.screen.query_one("#field-contacts", FormField).error
        assert error == ("no contact named 'mraia'; did you mean Maria Chen, Maria Lopez or "
                         "Maria Silva? To add them as a new contact, press Enter on "
                         "“Create …” in With.")
        assert logged(ctx) == []


async def test_creating_an_archived_contacts_name_is_refused(app: NetrhythmApp,
                                                            ctx: Context) -> None:
    """"Create Tomás Okafor" while Tomás is archived would make him twice: the form says to
    restore him, and nothing is saved."""
    add_people(ctx)
    set_archived(ctx, "Tomás Okafor")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        await pilot.press(*"Tomás", "space", *"Okafor")
        await settle(pilot)
        choices = app.screen.query_one("#with-choices")
        assert str(choices.get_option_at_index(0).prompt) == "Create Tomás Okafor"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LogDialog)
        error = app.screen.query_one("#field-contacts", FormField).error
        assert error == ("'Tomás Okafor' is an archived contact; restore them first, then log "
                         "with them")
        assert logged(ctx) == [] and latest() == "archived contact Tomás Okafor"


async def test_the_grey_completion_is_the_highlighted_choice(app: NetrhythmApp,
                                                             ctx: Context) -> None:
    """What shows after the cursor is what Enter takes: it follows ↑↓, and a choice that does
    not go on from the letters typed (a surname, "Create …") shows none."""
    add_people(ctx)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", *"Ana,mar")  # the comma takes "Ana Ruiz, "
        await settle(pilot)
        field = app.screen.query_one("#contacts", Input)

        def shown() -> str:
            return field.render_line(0).text.strip()

        assert shown() == "Ana Ruiz, maria Chen"  # the letters typed, then the rest
        await pilot.press("down")
        await settle(pilot)
        assert shown() == "Ana Ruiz, maria Lopez"
        await pilot.press("enter")
        await settle(pilot)
        assert field.value == "Ana Ruiz, Maria Lopez"
        await pilot.press(*",chen")
        await settle(pilot)
        assert shown() == "Ana Ruiz, Maria Lopez,chen"  # Maria Chen is a choice, no completion
        await pilot.press(*"x")
        await settle(pilot)
        assert shown() == "Ana Ruiz, Maria Lopez,chenx"  # only "Create chenx"
