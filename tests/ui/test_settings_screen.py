"""The Settings screen, driven by keys: practices, week start, paused weeks, nudges, theme."""

from __future__ import annotations

import asyncio

import pytest
from textual.pilot import Pilot

from netrhythm.services import settings
from netrhythm.services.choices import practices
from netrhythm.services.context import Context
from netrhythm.services.practices import practice_lines
from netrhythm.services.review.build import review
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.services.tracking.pause import paused_week_names
from netrhythm.ui.app import NetrhythmApp, build_app
from netrhythm.ui.dialogs.confirm import ConfirmDialog
from netrhythm.ui.dialogs.practice_form import PracticeFormDialog
from netrhythm.ui.screens.settings import SettingsScreen
from netrhythm.ui.screens.week import WeekScreen
from netrhythm.ui.widgets.form_field import FormField
from netrhythm.ui.widgets.practice_row import PracticeRow
from netrhythm.ui.widgets.settings_list import SettingsList
from netrhythm.ui.widgets.settings_practices import PracticeTable
from tests.ui.helpers import layout_problems, screen_text, settle, type_text, wait_until

SIZE = (120, 40)


async def open_settings(pilot: Pilot[int]) -> SettingsScreen:
    await settle(pilot)
    await pilot.press("comma")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


def week_rows(app: NetrhythmApp) -> dict[str, str]:
    return {row.progress.practice.name: row.render().plain
            for row in app.screen.query(PracticeRow)}


def box(app: NetrhythmApp, box_id: str) -> SettingsList:
    return app.screen.query_one(f"#{box_id}", SettingsList)


def notes(app: NetrhythmApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_week_start_sunday_recomputes_weeks_and_streaks(ctx: Context) -> None:
    # Sat 21 and Sun 22 Nov: one Monday-start week (W47), two Sunday-start weeks.
    for day in ["2026-11-21"] * 3 + ["2026-11-22"] * 3:
        log_action(ctx, LogRequest("reach-out", date=day))
    app = build_app(ctx, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Mon 23 Nov – Sun 29 Nov 2026" in screen_text(pilot)
        reach = week_rows(app)["Reach out"]
        assert "0/3" in reach and "streak  1 wk" in reach
        await open_settings(pilot)
        await pilot.press("tab")  # the General box; its first row is the week start
        assert box(app, "general").has_focus
        await pilot.press("enter")  # a Select opens on Monday
        await settle(pilot)
        await pilot.press("end", "enter")  # Sunday
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)  # first says what will change
        question = str(app.screen.query_one("#confirm-question").content)
        assert "run Sun–Sat" in question and "Reach out: 1 → 2 weeks" in question
        assert "u afterwards to undo" in question
        assert ctx.read_week_start() == 0  # nothing changed yet
        await pilot.press("y")
        await settle(pilot)
        assert settings.current(ctx)["week-start"] == "sunday"
        assert ctx.read_week_start() == 6
        assert "Weeks start on: Sunday. Press u to undo." in notes(app)
        row = box(app, "general").row("week-start")
        assert row is not None and "Sunday" in screen_text(pilot)
        assert row.row.hint.startswith("weeks run Sun–Sat")  # shown where there is room
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert "Sun 22 Nov – Sat 28 Nov 2026" in screen_text(pilot)
        reach = week_rows(app)["Reach out"]
        assert "3/3" in reach and "streak  2 wk" in reach
        await pilot.press("u")  # undo: Monday again
        await settle(pilot)
        assert "Mon 23 Nov – Sun 29 Nov 2026" in screen_text(pilot)
        assert "streak  1 wk" in week_rows(app)["Reach out"]


async def test_week_start_change_answered_no_changes_nothing(ctx: Context) -> None:
    log_action(ctx, LogRequest("reach-out", date="2026-11-22"))
    app = build_app(ctx, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_settings(pilot)
        await pilot.press("tab", "enter")
        await settle(pilot)
        await pilot.press("end", "enter")  # Sunday
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "No current streak changes." in str(
            app.screen.query_one("#confirm-question").content)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert ctx.read_week_start() == 0
        assert "Monday" in screen_text(pilot)


async def test_archived_practice_leaves_the_week_but_keeps_its_review(
        demo_app: NetrhythmApp, demo_ctx: Context) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        table = screen.query_one(PracticeTable)
        assert table.has_focus
        await pilot.press("down")  # Give value
        assert table.current is not None and table.current.practice.name == "Give value"
        assert "Archive" in screen_text(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert any(n.startswith("Archived Give value") for n in notes(demo_app))
        line = table.current
        assert line is not None and line.practice.archived  # still listed, to restore
        assert "Restore" in screen_text(pilot)  # the footer offers the other way now
        await pilot.press("w")
        await settle(pilot)
        assert "Give value" not in week_rows(demo_app)
        assert "Give value" in [p.practice.name for p in review(demo_ctx).practices]
        await pilot.press("comma")
        await settle(pilot)
        await pilot.press("a")  # restore it
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert list(week_rows(demo_app)) == ["Reach out", "Give value", "Follow up",
                                             "Attend an event"]


async def test_add_edit_reorder_and_delete_a_practice(app: NetrhythmApp, ctx: Context) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        table = screen.query_one(PracticeTable)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, PracticeFormDialog)
        await type_text(pilot, "Coffee [b]chats")
        await pilot.press("tab")
        await type_text(pilot, "2")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        added = practices()[-1]
        assert (added.name, added.slug, added.target) == ("Coffee [b]chats", "coffee-b-chats", 2)
        assert table.current is not None and table.current.practice.id == added.id
        assert "Coffee [b]chats" in screen_text(pilot)  # literally, never markup

        await pilot.press("e")  # edit: the target is focused, its text selected
        await settle(pilot)
        await type_text(pilot, "0")
        await pilot.press("enter")
        await settle(pilot)
        field = app.screen.query_one("#field-target", FormField)
        assert "between 1 and 100" in field.error
        assert practices()[-1].target == 2  # nothing saved
        await pilot.press("backspace")
        await type_text(pilot, "4")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen and practices()[-1].target == 4

        await pilot.press("K")  # up one
        await settle(pilot)
        await pilot.press("ctrl+up")  # and another
        await settle(pilot)
        names = [p.name for p in practices()]
        assert names.index("Coffee [b]chats") == 2
        assert table.current is not None and table.current.practice.id == added.id
        await pilot.press("J")
        await settle(pilot)
        assert [p.name for p in practices()].index("Coffee [b]chats") == 3

        for _ in range(2):  # on another connection, as another process would
            await asyncio.to_thread(log_action, ctx, LogRequest("coffee-b-chats"))
        app.data_changed()
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "Delete Coffee [b]chats and its 2 logged actions?" in screen_text(pilot)
        await pilot.press("n")  # cancel keeps it
        await settle(pilot)
        assert "Coffee [b]chats" in [p.name for p in practices()]
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert "Coffee [b]chats" not in [p.name for p in practices(include_archived=True)]
        assert "Deleted Coffee [b]chats and 2 actions. Press u to undo." in notes(app)
        await pilot.press("u")
        await settle(pilot)
        restored = [x for x in practice_lines() if x.practice.name == "Coffee [b]chats"]
        assert len(restored) == 1 and restored[0].actions == 2


async def test_nudge_settings_change_and_bad_input_changes_nothing(
        app: NetrhythmApp, ctx: Context) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_settings(pilot)
        await pilot.press("tab", "tab", "tab")  # practices → General → Paused weeks → Nudges
        nudges = box(app, "nudges")
        assert nudges.has_focus
        await pilot.press("space")  # Behind pace: on → off
        await settle(pilot)
        assert settings.current(ctx)["nudge.behind-pace"] == "off"

        await pilot.press(*["down"] * 6, "enter")  # Pace check hour
        await settle(pilot)
        row = nudges.row("nudge.pace-hour")
        assert row is not None and row.editing
        await type_text(pilot, "25")
        await pilot.press("enter")
        await settle(pilot)
        assert row.error == "Pace check hour: must be an hour from 0 to 23, got 25"
        assert "Pace check hour: must be an hour" in screen_text(pilot)
        assert settings.current(ctx)["nudge.pace-hour"] == "10"
        await pilot.press("backspace", "backspace")
        await type_text(pilot, "11")
        await pilot.press("enter")
        await settle(pilot)
        assert settings.current(ctx)["nudge.pace-hour"] == "11"
        assert not row.editing and row.error == ""
        assert "11:00" in screen_text(pilot)

        await pilot.press("down", "down", "enter")  # Quiet from
        await type_text(pilot, "22:30")
        await pilot.press("enter")
        await settle(pilot)
        assert settings.current(ctx)["nudge.quiet-start"] == "22:30"

        await pilot.press("down", "down", "enter")  # At most per run
        await type_text(pilot, "0")
        await pilot.press("enter")
        await settle(pilot)
        cap = nudges.row("nudge.cap")
        assert cap is not None and cap.error.startswith("At most per run: must be")
        assert settings.current(ctx)["nudge.cap"] == "3"
        await pilot.press("escape")  # cancel: nothing saved, the editor closes
        await settle(pilot)
        assert not cap.editing and settings.current(ctx)["nudge.cap"] == "3"

        await pilot.press("up", "up", "up", "up", "up", "enter")  # Pace check day (a Select)
        await settle(pilot)
        await pilot.press("down", "enter")  # Thursday → Friday
        await settle(pilot)
        assert settings.current(ctx)["nudge.pace-weekday"] == "friday"


async def test_pause_this_week_next_week_and_a_typed_week(app: NetrhythmApp,
                                                          ctx: Context) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_settings(pilot)
        await pilot.press("tab", "tab")
        paused = box(app, "paused")
        assert paused.has_focus
        await pilot.press("enter")  # this week
        await settle(pilot)
        await pilot.press("down", "space")  # next week
        await settle(pilot)
        assert paused_week_names(ctx) == ["2026-W48", "2026-W49"]
        await pilot.press("down", "enter")  # Pause a week…
        await type_text(pilot, "someday")
        await pilot.press("enter")
        await settle(pilot)
        row = paused.row("pause:add")
        assert row is not None and row.error.startswith("Week: ")
        assert paused_week_names(ctx) == ["2026-W48", "2026-W49"]
        await pilot.press(*["backspace"] * 7)
        await type_text(pilot, "2026-W52")
        await pilot.press("enter")
        await settle(pilot)
        assert paused_week_names(ctx) == ["2026-W48", "2026-W49", "2026-W52"]
        assert "2026-W52" in screen_text(pilot)
        await pilot.press("home", "enter")  # resume this week
        await settle(pilot)
        assert paused_week_names(ctx) == ["2026-W49", "2026-W52"]
        await pilot.press("u")
        await settle(pilot)
        assert paused_week_names(ctx) == ["2026-W48", "2026-W49", "2026-W52"]


async def test_theme_is_remembered_by_the_next_app(ctx: Context) -> None:
    app = build_app(ctx, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_settings(pilot)
        await pilot.press("tab", "down", "down", "enter")  # Theme: a Select
        await settle(pilot)
        await type_text(pilot, "nord")
        await pilot.press("enter")
        await settle(pilot)
        assert app.theme == "nord"
        await wait_until(pilot, lambda: settings.current(ctx)["theme"] == "nord",
                         what="the theme to be saved")
        # Textual's own "Theme" command in the palette is remembered too
        await pilot.press("ctrl+p")
        await type_text(pilot, "theme")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, "gruvbox")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.theme == "gruvbox"
        await wait_until(pilot, lambda: settings.current(ctx)["theme"] == "gruvbox",
                         what="the palette's theme to be saved")
        await pilot.press("u")  # undo puts nord back, on screen too
        await wait_until(pilot, lambda: app.theme == "nord", what="undo to show nord")
    again = build_app(ctx, cursor_blink=False)
    assert again.theme == "nord"
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_settings_fit_while_editing(demo_ctx: Context, size: tuple[int, int]) -> None:
    app = build_app(demo_ctx, cursor_blink=False)
    problems: dict[str, list[str]] = {}
    async with app.run_test(size=size) as pilot:
        await open_settings(pilot)
        problems["screen"] = layout_problems(pilot)
        await pilot.press("e")
        await settle(pilot)
        problems["form"] = layout_problems(pilot)
        await pilot.press("escape", "d")
        await settle(pilot)
        problems["confirm"] = layout_problems(pilot)
        await pilot.press("n", "tab", "tab", "tab", "down", "down", "down", "down", "down",
                          "down", "enter")
        await type_text(pilot, "99")
        await pilot.press("enter")
        await settle(pilot)
        assert "Pace check hour: must be" in screen_text(pilot)
        problems["error"] = layout_problems(pilot)
    assert {name: found for name, found in problems.items() if found} == {}


async def test_time_zone_is_typed_checked_and_shown(app: NetrhythmApp, ctx: Context) -> None:
    settings.set_value(ctx, "time-zone", "Europe/Lisbon")
    async with app.run_test(size=SIZE) as pilot:
        await open_settings(pilot)
        await pilot.press("tab")  # practices → General
        general = box(app, "general")
        assert general.has_focus
        assert "Time zone" in screen_text(pilot) and "Europe/Lisbon" in screen_text(pilot)
        await pilot.press("down", "down", "down", "enter")
        row = general.row("time-zone")
        assert row is not None and row.editing
        await type_text(pilot, "Mars/Base")
        await pilot.press("enter")
        await settle(pilot)
        assert row.error.startswith("Time zone: 'Mars/Base' is not a time zone")
        assert settings.current(ctx)["time-zone"] == "Europe/Lisbon"
        await pilot.press(*["backspace"] * len("Mars/Base"))
        await type_text(pilot, "Asia/Tokyo")
        await pilot.press("enter")
        await settle(pilot)
        assert settings.current(ctx)["time-zone"] == "Asia/Tokyo"
        assert not row.editing and "Asia/Tokyo" in screen_text(pilot)
