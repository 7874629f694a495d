"""What the app says, in the words a user reads: toasts without a title that repeats them,
refusals that name the field, settings by their label, dates as "Mon 30 Nov", help whose
descriptions wrap in their own column."""

from __future__ import annotations

from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
from netrhythm.services.settings import set_value
from netrhythm.services.undo import undo
from netrhythm.ui.app import NetrhythmApp
from netrhythm.ui.dialogs.contact_form import ContactFormDialog
from netrhythm.ui.dialogs.help import HelpDialog
from tests.ui.helpers import screen_text, settle, type_text

SMALL = (80, 24)


def toasts(app: NetrhythmApp) -> list[tuple[str, str]]:
    return [(n.title, str(n.message)) for n in app._notifications]


async def test_logged_toast_has_no_title_repeating_it_and_reads_the_follow_up_date(
        app: NetrhythmApp, ctx: Context) -> None:
    add_contact(ctx, ContactForm(name="Ana Ruiz"))
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        await type_text(pilot, "ana")
        await pilot.press("right", "tab", "tab", "tab")  # past Event and Note
        await type_text(pilot, "7")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert toasts(app)[-1] == (
            "", "Logged Reach out with Ana Ruiz (today); follow-up due Mon 30 Nov")
        await pilot.press("u")
        await settle(pilot)
        title, message = toasts(app)[-1]
        assert title == "" and message.startswith("Undid: logged Reach out")


async def test_not_saved_names_the_field(app: NetrhythmApp) -> None:
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ContactFormDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert toasts(app)[-1][1] == "Not saved: Name is empty; give a name."


def test_undo_names_a_nudge_setting_by_its_label(ctx: Context) -> None:
    set_value(ctx, "nudge.quiet-start", "22:00")
    set_value(ctx, "nudge.behind-pace", "no")
    assert undo() == "set “Behind pace” to off"
    assert undo() == "set “Quiet from” to 22:00"


async def test_help_descriptions_wrap_in_their_own_column(app: NetrhythmApp) -> None:
    async with app.run_test(size=(80, 90)) as pilot:  # 80 columns, all of it in view
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpDialog)
        lines = screen_text(pilot).splitlines()
        [at] = [n for n, line in enumerate(lines) if "Export the review as Markdown" in line]
        column = lines[at].index("Export")
        continued = lines[at + 1]
        assert continued[:column].strip("│ ") == "" and continued[column] != " "
