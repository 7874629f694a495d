"""Settings, Drafts: your name (the sign-off), the tone, and the templates, edited by keys; a
template with an unknown placeholder is refused and named, nothing saved; ``u`` undoes."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import TextArea

from netrhythm.services import settings
from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
from netrhythm.services.drafts import templates as draft_settings
from netrhythm.services.drafts.compose import draft_named
from netrhythm.ui.app import NetrhythmApp
from netrhythm.ui.dialogs.draft_templates import TemplatesDialog
from netrhythm.ui.widgets.form_field import FormField
from netrhythm.ui.widgets.settings_list import SettingsList
from tests.ui.helpers import screen_text, settle, type_text

SIZE = (120, 40)


async def to_drafts(pilot: Pilot) -> SettingsList:
    await pilot.press("comma")
    await settle(pilot)
    await pilot.press("tab", "tab", "tab", "tab")  # practices → General → Paused → Nudges → Drafts
    drafts = pilot.app.screen.query_one("#drafts", SettingsList)
    assert drafts.has_focus
    return drafts


async def test_your_name_and_the_tone(app: NetrhythmApp, ctx: Context) -> None:
    add_contact(ctx, ContactForm(name="Maria Chen"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        drafts = await to_drafts(pilot)
        assert "Your name" in screen_text(pilot) and "not set" in screen_text(pilot)
        await pilot.press("enter")
        await type_text(pilot, "Ana Lima")
        await pilot.press("enter")
        await settle(pilot)
        assert settings.current(ctx)["my-name"] == "Ana Lima"
        assert draft_named(ctx, "maria").text.endswith("Ana Lima")
        await pilot.press("down", "enter")  # Tone: a Select
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert settings.current(ctx)["draft-tone"] == "brief"
        row = drafts.row("draft-tone")
        assert row is not None and not row.editing
        await pilot.press("u")
        await settle(pilot)
        assert settings.current(ctx)["draft-tone"] == "warm"


async def test_templates_refuse_an_unknown_placeholder_then_save(app: NetrhythmApp,
                                                                  ctx: Context) -> None:
    add_contact(ctx, ContactForm(name="Maria Chen"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        drafts = await to_drafts(pilot)
        await pilot.press("down", "down", "enter")  # Templates
        await settle(pilot)
        assert isinstance(app.screen, TemplatesDialog)
        area = app.screen.query_one("#template", TextArea)
        assert area.has_focus and area.text == draft_settings.template_text("reach-out")[0]
        area.clear()
        await type_text(pilot, "Hello from {nowhere}. ")
        await pilot.press("ctrl+s")
        await settle(pilot)
        field = app.screen.query_one("#field-template", FormField)
        assert "{nowhere}" in field.error
        assert draft_settings.template_text("reach-out")[1] is False
        area.clear()
        await type_text(pilot, "Good to see your name here. Let us talk soon.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, TemplatesDialog)
        assert draft_settings.template_text("reach-out") == (
            "Good to see your name here. Let us talk soon.", True)
        assert "Let us talk soon." in draft_named(ctx, "maria", "reach-out").text
        row = drafts.row("templates")
        assert row is not None and "1 of yours" in screen_text(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert draft_settings.template_text("reach-out")[1] is False


async def test_ctrl_r_puts_the_default_template_back(app: NetrhythmApp, ctx: Context) -> None:
    draft_settings.set_template(ctx, "follow-up", "Thanks for {event}. Talk soon.")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_drafts(pilot)
        assert "1 of yours" in screen_text(pilot)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TemplatesDialog)
        await pilot.press("shift+tab", "enter", "up", "enter")  # Kind: Follow up
        await settle(pilot)
        area = app.screen.query_one("#template", TextArea)
        assert area.text == "Thanks for {event}. Talk soon."
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert not isinstance(app.screen, TemplatesDialog)
        assert draft_settings.template_text("follow-up")[1] is False
        assert "the defaults" in screen_text(pilot)
