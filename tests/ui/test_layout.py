"""Every screen at 80x24 and 160x48: nothing outside the screen, overlapping or cut off."""

from __future__ import annotations

import pytest

from netrhythm.services.context import Context
from netrhythm.ui.app import build_app
from tests.ui.helpers import layout_problems, settle

SIZES = [(80, 24), (160, 48)]
# (screen class, keys that open it, keys that leave it), in order, from the Week screen
TOUR = [
    ("WeekScreen", [], []),
    ("WeekScreen", ["left_square_bracket"], ["t"]),  # a past week
    ("LogDialog", ["1"], ["escape"]),
    ("HelpDialog", ["question_mark"], ["escape"]),
    ("ContactsScreen", ["c"], []),
    ("ContactDetailScreen", ["enter"], ["escape"]),
    ("ContactFormDialog", ["e"], ["escape"]),
    ("ConfirmDialog", ["d"], ["n"]),
    ("ContactFormDialog", ["n"], ["escape"]),  # a new contact
    ("ReviewScreen", ["v"], []),
    ("ReviewScreen", ["left_square_bracket"], ["t"]),  # an older week
    ("EventsScreen", ["E"], []),
    ("EventFormDialog", ["n"], ["escape"]),
    ("SettingsScreen", ["comma"], []),
    ("PracticeFormDialog", ["e"], ["escape"]),
    ("ConfirmDialog", ["d"], ["n"]),  # delete a practice
]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_screen_fits(demo_ctx: Context, size: tuple[int, int]) -> None:
    app = build_app(demo_ctx, cursor_blink=False)
    problems: dict[str, list[str]] = {}
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for step, (name, enter, leave) in enumerate(TOUR):
            for key in enter:
                await pilot.press(key)
                await settle(pilot)
            assert type(app.screen).__name__ == name, f"step {step}"
            problems[f"{step} {name}"] = layout_problems(pilot)
            for key in leave:
                await pilot.press(key)
                await settle(pilot)
    assert {name: found for name, found in problems.items() if found} == {}
