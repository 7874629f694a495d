"""The themes `netrhythm settings theme` accepts are the ones the app offers."""

from __future__ import annotations

from textual.theme import BUILTIN_THEMES

from netrhythm.services.context import Context
from netrhythm.services.settings import THEMES, current, set_value


def test_the_command_line_knows_every_textual_theme_and_no_other() -> None:
    assert sorted(THEMES) == sorted(BUILTIN_THEMES)


def test_every_theme_can_be_set(ctx: Context) -> None:
    for name in THEMES:
        assert set_value(ctx, "theme", name) == f"Theme: {name}."
        assert current(ctx)["theme"] == name
