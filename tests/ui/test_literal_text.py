"""User text is shown exactly as typed, never read as markup: ``[bold]x`` stays ``[bold]x``."""

from __future__ import annotations

from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.ui.app import build_app
from netrhythm.ui.screens.contact_detail import ContactDetailScreen
from netrhythm.ui.widgets.contact_table import ContactTable
from tests.ui.helpers import screen_text, settle, type_text, widget_text

NAMES = ("[bold]x", "[link=http://x]y")


async def test_markup_like_names_show_literally_everywhere(ctx: Context) -> None:
    for n, name in enumerate(NAMES):
        add_contact(ctx, ContactForm(name=name, company="[red]Acme[/red]", tags=["[i]t"],
                                     notes="[$accent]z", cadence_days="1"))
        log_action(ctx, LogRequest("reach-out", [f"#{n + 1}"], note="[b]note[/b]",
                                   date="2026-11-01"))
    app = build_app(ctx, cursor_blink=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        week = screen_text(pilot)
        for name in NAMES:
            assert name in week  # "who next", "gone cold"
        await pilot.press("c")
        await settle(pilot)
        table = widget_text(app.screen.query_one(ContactTable))
        for name in NAMES:
            assert name in table
        assert "[red]Acme[/red]" in table and "[i]t" in table
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactDetailScreen)
        detail = screen_text(pilot)
        assert "[bold]x" in detail and "[$accent]z" in detail and "[b]note[/b]" in detail
        await pilot.press("escape", "slash")
        await type_text(pilot, "bold")
        await settle(pilot)
        assert "[bold]x" in widget_text(app.screen.query_one(ContactTable))
        await pilot.press("escape", "l")
        await settle(pilot)
        await type_text(pilot, "[li")
        await settle(pilot)
        assert "[link=http://x]y" in screen_text(pilot)  # the match hint under the field


async def test_every_script_and_a_long_note_show_exactly(ctx: Context) -> None:
    """Emoji, combining characters and right-to-left names read back from the table and the
    detail view exactly; a 10,000-character note is there in full (wrapped, not cut)."""
    from tests.reliability.test_exact_text import LONG, NAMES

    for key, name in NAMES.items():
        add_contact(ctx, ContactForm(name=name, company=f"{name} & Co", notes=LONG,
                                     email=f"{key}@example.org"))
    log_action(ctx, LogRequest("give-value", [NAMES["arabic"]], note=LONG, date="2026-11-20"))
    app = build_app(ctx, cursor_blink=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        table = widget_text(app.screen.query_one(ContactTable))
        for name in NAMES.values():
            assert name in table
            assert f"{name} & Co" in table
        for row in range(len(NAMES)):
            await pilot.press("home", *["down"] * row, "enter")
            await settle(pilot)
            assert isinstance(app.screen, ContactDetailScreen)
            title = widget_text(app.screen.query_one("#contact-title"))
            name = next(n for n in NAMES.values() if title.startswith(n))
            fields = widget_text(app.screen.query_one("#fields"))
            assert f"{name} & Co" in fields
            assert "".join(fields.split()).endswith("".join(("Notes" + LONG).split()))
            if name == NAMES["arabic"]:
                timeline = widget_text(app.screen.query_one("#timeline"))
                assert "".join(LONG.split()) in "".join(timeline.split())
            await pilot.press("escape")
            await settle(pilot)
