"""The themes `netrhythm settings theme` accepts are the ones the app offers; the ones not
offered (their text fails the contrast test) are refused with the reason, everywhere."""

from __future__ import annotations

import pytest
from textual.theme import BUILTIN_THEMES

from netrhythm.domain.errors import InputError
from netrhythm.services import settings
from netrhythm.services.context import Context
from netrhythm.services.settings import NOT_OFFERED, THEMES, current, set_value
from netrhythm.ui.app import NetrhythmApp
from tests.ui.helpers import screen_text, settle, type_text, wait_until


def test_every_textual_theme_is_offered_or_refused_with_a_reason() -> None:
    assert sorted([*THEMES, *NOT_OFFERED]) == sorted(BUILTIN_THEMES)
    assert not set(THEMES) & set(NOT_OFFERED)


def test_every_theme_offered_can_be_set(ctx: Context) -> None:
    for name in THEMES:
        assert set_value(ctx, "theme", name) == f"Theme: {name}."
        assert current(ctx)["theme"] == name


def test_a_theme_not_offered_is_refused_saying_why(ctx: Context) -> None:
    with pytest.raises(InputError) as refused:
        set_value(ctx, "theme", "ansi-dark")
    assert refused.value.field == "theme"
    assert refused.value.message.startswith("ansi-dark is not offered: it uses your terminal's")
    assert "use one of: atom-one-dark" in refused.value.message
    assert current(ctx)["theme"] == "textual-dark"


async def test_the_app_offers_only_the_legible_themes(app: NetrhythmApp) -> None:
    async with app.run_test():
        assert sorted(app.available_themes) == sorted(THEMES)


async def test_the_settings_theme_row_refuses_a_theme_not_offered(ctx: Context,
                                                                 app: NetrhythmApp) -> None:
    from netrhythm.storage import settings as store

    store.set_setting(settings.THEME, "ansi-light")  # saved by an older version
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        await pilot.press("comma")
        await settle(pilot)
        assert "Theme             not offered" in screen_text(pilot)
        await pilot.press("tab", "down", "down", "enter")  # Theme: a Select
        await settle(pilot)
        await type_text(pilot, "nord")
        await pilot.press("enter")
        await settle(pilot)
        assert app.theme == "nord"
        await wait_until(pilot, lambda: settings.theme() == "nord", what="nord saved")
