"""Every screen at 80x24 and 160x48: nothing outside the screen, overlapping or cut off."""

from __future__ import annotations

import pytest

from netrhythm.services.context import Context
from netrhythm.ui.app import build_app
from tests.ui.helpers import layout_problems, screen_text, settle

SIZES = [(80, 24), (160, 48)]
# (screen class, keys that open it, keys that leave it), in order, from the Week screen
TOUR = [
    ("WeekScreen", [], []),
    ("WeekScreen", ["left_square_bracket"], ["t"]),  # a past week
    ("LogDialog", ["1"], ["escape"]),
    ("HelpDialog", ["question_mark"], ["escape"]),
    ("ContactsScreen", ["c"], []),
    ("TagsDialog", ["t"], ["escape"]),
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


SCREEN_KEYS = {"WeekScreen": "w Week", "ContactsScreen": "c Contacts",
               "ReviewScreen": "v Review", "EventsScreen": "E Events",
               "SettingsScreen": ", Settings"}
# (screen class, keys that open it from the previous one, the screen key it hides)
SCREENS = [("WeekScreen", [], "WeekScreen"), ("ContactsScreen", ["c", "down"], "ContactsScreen"),
           ("ContactDetailScreen", ["enter"], "ContactsScreen"),
           ("ReviewScreen", ["escape", "v"], "ReviewScreen"),
           ("EventsScreen", ["E"], "EventsScreen"), ("SettingsScreen", ["comma"], "SettingsScreen")]


async def test_the_key_bar_names_every_other_screen_at_80_columns(demo_ctx: Context) -> None:
    app = build_app(demo_ctx, cursor_blink=False)
    missing: dict[str, list[str]] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for name, keys, current in SCREENS:
            for key in keys:
                await pilot.press(key)
                await settle(pilot)
            assert type(app.screen).__name__ == name
            bar = screen_text(pilot).splitlines()[-1]
            wanted = [label for screen, label in SCREEN_KEYS.items() if screen != current]
            missing[name] = [label for label in wanted + ["? Help"] if label not in bar]
    assert {name: labels for name, labels in missing.items() if labels} == {}


async def test_the_key_bar_shows_a_remapped_key(demo_ctx: Context) -> None:
    app = build_app(demo_ctx, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.set_keymap({"app.review": "R"})
        await settle(pilot)
        bar = screen_text(pilot).splitlines()[-1]
        assert "R Review" in bar and "v Review" not in bar
        await pilot.press("R")
        await settle(pilot)
        assert type(app.screen).__name__ == "ReviewScreen"


async def test_the_screens_own_keys_give_way_first_on_a_narrow_key_bar(
        demo_ctx: Context) -> None:
    app = build_app(demo_ctx, cursor_blink=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        wide = screen_text(pilot).splitlines()[-1]
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        narrow = screen_text(pilot).splitlines()[-1]
    assert "1-9 Log r Reach out y Draft [ ] Week c Contacts" in wide
    assert narrow.rstrip() == ("1-9 Log r Reach out c Contacts v Review E Events , Settings "
                               "u Undo ? Help q Quit")


EMPTY_TOUR = [("WeekScreen", []), ("ContactsScreen", ["c"]), ("EventsScreen", ["E"]),
              ("SettingsScreen", ["comma"]), ("WeekScreen", ["w", "x"])]  # without the welcome


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_screen_fits_on_an_empty_database(ctx: Context,
                                                      size: tuple[int, int]) -> None:
    app = build_app(ctx, cursor_blink=False)
    problems: dict[str, list[str]] = {}
    async with app.run_test(size=size) as pilot:
        for step, (name, keys) in enumerate(EMPTY_TOUR):
            for key in keys:
                await pilot.press(key)
                await settle(pilot)
            await settle(pilot)
            assert type(app.screen).__name__ == name, f"step {step}"
            problems[f"{step} {name}"] = layout_problems(pilot)
            if name != "SettingsScreen":  # whose hints end in "…" on purpose
                shown = screen_text(pilot).replace("notes, events…", "")
                assert "…" not in shown, f"step {step}: something is cut off"
    assert {name: found for name, found in problems.items() if found} == {}
