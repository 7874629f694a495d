"""The Week screen: practices with bars, streaks, scores and slack; panels; moving weeks."""

from __future__ import annotations

from netrhythm.ui.app import NetrhythmApp
from netrhythm.ui.dialogs.log_action import LogDialog
from netrhythm.ui.screens.week import WeekScreen
from netrhythm.ui.widgets.panel import Panel
from netrhythm.ui.widgets.practice_row import PracticeRow
from tests.ui.helpers import screen_text, settle, type_text

SIZE = (100, 30)


def rows(app: NetrhythmApp) -> list[PracticeRow]:
    return list(app.screen.query(PracticeRow))


async def test_week_shows_each_practice_with_bar_streaks_score_and_slack(
        demo_app: NetrhythmApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(pilot)
        assert "Week 2026-W48 · Mon 23 Nov – Sun 29 Nov 2026 · 7 days left" in text
        assert "Rhythm 90/100" in text
        assert "1 more reach-out by Sunday keeps your 6-week streak" in text
        assert "2/3" in text and "streak  6 wk · best 14" in text
        reach, give, follow, event = rows(demo_app)
        assert not reach.has_class("-met") and follow.has_class("-met")
        assert "✓ Follow up" in text and "2 done this week, target 2" in text
        for panel in ("Who next", "Follow-ups due", "Gone cold", "Upcoming events",
                      "This week"):
            assert panel in text


async def test_quick_log_from_week_fills_the_bar_and_extends_the_streak(
        demo_app: NetrhythmApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "2/3" in rows(demo_app)[0].render().plain
        await pilot.press("1")
        await settle(pilot)
        dialog = demo_app.screen
        assert isinstance(dialog, LogDialog)
        assert dialog.query_one("#practice").value == "reach-out"
        await type_text(pilot, "maria ch")
        await pilot.press("enter")  # the one name it can be: completed and saved
        await settle(pilot)
        assert isinstance(demo_app.screen, WeekScreen)
        row = rows(demo_app)[0].render().plain
        assert "✓ Reach out" in row and "3/3" in row and "streak  7 wk" in row
        assert "3 done, target 3, 7-week streak" in row
        assert rows(demo_app)[0].has_class("-met")
        assert "Reach out · Maria Chen" in screen_text(pilot)


async def test_brackets_move_between_weeks_but_never_past_the_current_one(
        demo_app: NetrhythmApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        text = screen_text(pilot)
        assert "Week 2026-W47" in text and "1 week ago" in text
        assert demo_app.screen.has_class("-past")
        assert "3/3" in rows(demo_app)[0].render().plain  # last week was met
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert "Week 2026-W48" in screen_text(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert "Week 2026-W48" in screen_text(pilot)
        assert not demo_app.screen.has_class("-past")


async def test_r_reaches_out_to_the_who_next_suggestion(demo_app: NetrhythmApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, WeekScreen) and screen.view is not None
        first = screen.view.who_next[0]
        await pilot.press("r")
        await settle(pilot)
        dialog = demo_app.screen
        assert isinstance(dialog, LogDialog)
        assert dialog.query_one("#practice").value == "reach-out"
        assert dialog.query_one("#contacts").value == first.name


async def test_empty_database_shows_quiet_panels(app: NetrhythmApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(pilot)
        assert "0/3" in text and "3 more reach-outs by Sunday to meet this week" in text
        assert "Getting started" in text  # in place of Follow-ups due and Gone cold
        assert "Nothing logged yet." in text and "Press 1-9 to log." in text
        assert app.screen.query_one("#who-next", Panel).option_count == 1


async def test_enter_on_a_who_next_suggestion_logs_a_reach_out_with_them(
        demo_app: NetrhythmApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, WeekScreen) and screen.view is not None
        assert screen.focused is screen.query_one("#who-next", Panel)
        await pilot.press("down", "enter")
        await settle(pilot)
        dialog = demo_app.screen
        assert isinstance(dialog, LogDialog)
        assert dialog.query_one("#contacts").value == screen.view.who_next[1].name


async def test_a_click_on_a_panel_row_logs_with_that_person(demo_app: NetrhythmApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, WeekScreen) and screen.view is not None
        second = screen.view.status.gone_cold[1]
        await pilot.click("#gone-cold", offset=(3, 2))  # under the border: the second row
        await settle(pilot)
        dialog = demo_app.screen
        assert isinstance(dialog, LogDialog)
        assert dialog.query_one("#practice").value == "reach-out"
        assert dialog.query_one("#contacts").value == second.name


async def test_the_quiet_line_of_an_empty_panel_cannot_be_chosen(app: NetrhythmApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.screen.query_one("#follow-ups", Panel)
        assert panel.current_payload is None
        await pilot.click("#follow-ups", offset=(3, 1))
        panel.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert panel.current_payload is None
