"""The Review screen: a week at a glance, moving weeks, the reflection saved as typed, the
Markdown export, archived practices' history, and user text shown literally."""

from __future__ import annotations

import stat
from functools import partial
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from netrhythm.services import practices
from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
from netrhythm.services.review.build import Review, review
from netrhythm.services.review.render import to_text
from netrhythm.services.undo import latest_change
from netrhythm.ui.app import NetrhythmApp, build_app
from netrhythm.ui.screens.review import ReviewScreen
from tests.ui.helpers import layout_problems, screen_text, settle, type_text, wait_until

SIZE = (120, 40)


def review_screen(app: NetrhythmApp) -> ReviewScreen:
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


def note(app: NetrhythmApp) -> TextArea:
    return review_screen(app).query_one("#reflection-text", TextArea)


def shown(app: NetrhythmApp) -> Review:
    loaded = review_screen(app).loaded
    assert loaded is not None
    return loaded.review


def shown_week(app: NetrhythmApp) -> str:
    return shown(app).name


def saved_ends_with(ctx: Context, text: str) -> bool:
    return review(ctx, None).reflection.endswith(text)


async def open_review(app: NetrhythmApp, pilot: Pilot[int]) -> None:
    await settle(pilot)
    await pilot.press("v")
    await settle(pilot)
    await wait_until(pilot, lambda: review_screen(app).loaded is not None, what="the review")


async def test_review_opens_on_the_last_finished_week_and_answers_at_a_glance(
        demo_app: NetrhythmApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_review(demo_app, pilot)
        text = screen_text(pilot)
        assert "Review 2026-W47 · Mon 16 Nov – Sun 22 Nov 2026 · last week" in text
        assert "Rhythm 90/100" in text
        assert "! Mostly kept the rhythm: 3 of 4 practices met · missed Follow up" in text
        assert "! Slipping: Follow up (missed last week)" in text
        assert "! Neglected: 31 gone cold as of Sun 22 Nov (Anouk Sharma" in text
        assert "→ Next week: block Tuesday lunch for it." in text
        assert "✓ Reach out       3/3 met       6 wk  14 wk     92" in text
        assert "✗ Follow up       1/2 missed    0 wk  11 wk     86" in text
        heat = review_screen(demo_app).query_one("#review-heat", Static).render()
        assert "Reach out        ████▓█████▓▒████████·███" in str(heat)  # one cell a week
        assert "Missed            Sven Mensah due Sat 21 Nov" in text
        assert "2 given · 0 asked · 7 actions · giving more than asking" in text


async def test_brackets_move_weeks_but_never_past_the_current_one(
        demo_app: NetrhythmApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_review(demo_app, pilot)
        assert shown_week(demo_app) == "2026-W47"
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert shown_week(demo_app) == "2026-W45"
        assert "Review 2026-W45 · Mon 2 Nov – Sun 8 Nov 2026 · 3 weeks ago" in screen_text(pilot)
        for _ in range(4):
            await pilot.press("right_square_bracket")
            await settle(pilot)
        assert shown_week(demo_app) == "2026-W48"
        assert "Review 2026-W48 · Mon 23 Nov – Sun 29 Nov 2026 · this week" in screen_text(pilot)
        assert "So far this week" in screen_text(pilot)
        assert shown(demo_app).follow_ups_missed == []  # due today or later: not missed yet
        await pilot.press("t")
        await settle(pilot)
        assert shown_week(demo_app) == "2026-W47"


async def test_reflection_is_saved_as_typed_and_shown_again(ctx: Context) -> None:
    app = build_app(ctx, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        week = shown(app).week
        assert "What will I do differently next week?" in screen_text(pilot)
        await pilot.press("r")
        assert note(app).has_focus
        await type_text(pilot, "Helped Ana. Next week: coffee with Bo")
        await wait_until(pilot, lambda: review(ctx, week).reflection.endswith("Bo"),
                         what="the reflection saved")
        await pilot.press("escape")
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("v", "left_square_bracket")
        await settle(pilot)
        assert note(app).text == ""
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert note(app).text == "Helped Ana. Next week: coffee with Bo"
        assert "→ Next week: coffee with Bo" in screen_text(pilot)
        assert review(ctx, week).reflection == "Helped Ana. Next week: coffee with Bo"


async def test_a_reload_while_typing_never_clobbers_the_note(ctx: Context) -> None:
    app = build_app(ctx, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        week = shown(app).week
        await pilot.press("r")
        await type_text(pilot, "First thought ")
        await wait_until(pilot, lambda: review(ctx, week).reflection == "First thought",
                         what="the first save")
        await type_text(pilot, "and more")
        app.reload_screens()  # what a save (or another process) makes the app do
        await settle(pilot)
        assert note(app).text == "First thought and more"
        await wait_until(pilot, lambda: review(ctx, week).reflection.endswith("and more"))
        await settle(pilot)
        assert note(app).text == "First thought and more"
        assert note(app).has_focus


async def test_undo_reverts_one_editing_session_as_a_whole(demo_ctx: Context) -> None:
    app = build_app(demo_ctx, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        before = review(demo_ctx, None).reflection
        await pilot.press("r")
        for word in ("One.", "Two.", "Three."):  # three saves, each after a pause
            await type_text(pilot, " " + word)
            await wait_until(pilot, partial(saved_ends_with, demo_ctx, word), what=word)
        await pilot.press("escape")
        await settle(pilot)
        assert latest_change() == "saved the reflection for 2026-W47"
        await pilot.press("u")
        await settle(pilot)
        assert review(demo_ctx, None).reflection == before
        await wait_until(pilot, lambda: note(app).text == before, what="the note restored")
        assert latest_change() != "saved the reflection for 2026-W47"


async def test_keys_type_into_the_note_and_escape_leaves_it(
        demo_app: NetrhythmApp, tmp_path: Path) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_review(demo_app, pilot)
        review_screen(demo_app).export_dir = tmp_path / "out"
        await pilot.press("r", "end", "left_square_bracket", "right_square_bracket", "m", "t")
        await settle(pilot)
        assert note(demo_app).text.endswith("[]mt")
        assert shown_week(demo_app) == "2026-W47" and not (tmp_path / "out").exists()
        await pilot.press("escape")
        assert not note(demo_app).has_focus
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert shown_week(demo_app) == "2026-W46"


async def test_m_exports_the_markdown_of_the_cli_readable_by_the_owner_only(
        demo_app: NetrhythmApp, demo_ctx: Context, tmp_path: Path) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_review(demo_app, pilot)
        review_screen(demo_app).export_dir = tmp_path
        await pilot.press("m")
        await settle(pilot)
        path = tmp_path / "netrhythm-review-2026-W47.md"
        await wait_until(pilot, path.exists, what="the export")
        text = path.read_text(encoding="utf-8")
        assert text == to_text(review(demo_ctx, None), markdown=True)
        assert text.startswith("# Week 2026-W47 (Mon 16 Nov – Sun 22 Nov 2026)")
        assert "- ✓ Reach out: 3/3 met" in text and "block Tuesday lunch" in text
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert any(str(path) in str(n.message) for n in demo_app._notifications)
        await pilot.press("m")
        await settle(pilot)
        second = tmp_path / "netrhythm-review-2026-W47-2.md"
        await wait_until(pilot, second.exists, what="a second export beside the first")
        assert path.read_text(encoding="utf-8") == text


async def test_export_includes_the_note_just_typed(ctx: Context, tmp_path: Path) -> None:
    app = build_app(ctx, cursor_blink=False)
    out = tmp_path / "exports"  # created by the export
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        review_screen(app).export_dir = out
        await pilot.press("r")
        await type_text(pilot, "Typed just now")
        await pilot.press("escape", "m")
        await settle(pilot)
        await wait_until(pilot, lambda: out.is_dir() and any(out.iterdir()), what="the export")
        files = list(out.iterdir())
        assert "Typed just now" in files[0].read_text(encoding="utf-8")


async def test_an_archived_practice_keeps_its_history_in_past_weeks(
        demo_app: NetrhythmApp, demo_ctx: Context) -> None:
    practices.set_archived(demo_ctx, "give-value")
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_review(demo_app, pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert shown_week(demo_app) == "2026-W46"
        text = screen_text(pilot)
        row = next(line for line in text.splitlines() if "Give value" in line and "wk" in line)
        assert "archived" in row
        assert any(line.lstrip("│ ").startswith("Give value") and "█" in line
                   for line in text.splitlines())  # its row of the heat map


async def test_contact_names_show_literally(ctx: Context) -> None:
    add_contact(ctx, ContactForm(name="[bold]x", met_on="2026-11-18", cadence_days=1,
                                 last_contact="2026-11-18"))
    app = build_app(ctx, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        text = screen_text(pilot)
        assert "New contacts      [bold]x" in text
        assert "Gone cold         [bold]x 3d" in text
        assert "1 gone cold as of Sun 22 Nov ([bold]x)" in text


async def test_review_fits_at_80x24_and_160x48(demo_ctx: Context) -> None:
    for size in ((80, 24), (160, 48)):
        app = build_app(demo_ctx, cursor_blink=False)
        async with app.run_test(size=size) as pilot:
            await open_review(app, pilot)
            assert layout_problems(pilot) == []
            await pilot.press("r", "left_square_bracket")  # typing in the note
            await settle(pilot)
            assert layout_problems(pilot) == []
            await pilot.press("escape", "left_square_bracket")  # a past week: "t" shows too
            await settle(pilot)
            assert ("t Last week" in screen_text(pilot)) == (size[0] >= 100)  # where it fits
            assert layout_problems(pilot) == []


async def test_the_note_typed_just_before_quitting_is_saved(ctx: Context) -> None:
    app = build_app(ctx, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        week = shown(app).week
        await pilot.press("r")
        await type_text(pilot, "Last words")
        await pilot.press("ctrl+q")  # before the pause after typing that saves it
    assert review(ctx, week).reflection == "Last words"


async def test_an_export_that_cannot_be_written_says_why(demo_app: NetrhythmApp,
                                                          tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_review(demo_app, pilot)
        review_screen(demo_app).export_dir = blocker
        await pilot.press("m")
        await settle(pilot)
        said = [(n.title, str(n.message)) for n in demo_app._notifications]
        assert ("The review was not exported", f"File exists: {blocker}") in said, said
        assert blocker.read_text() == "a file where the folder should be"
