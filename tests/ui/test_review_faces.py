"""The review's two faces agree: what the Review screen shows is what ``m`` writes and what
``netrhythm review`` prints (at a glance, the 12-week trends, gone cold with ``+N more``, the
heat map's legend), the trends are the scores the app reports week by week, gone cold is
counted on the day both screens name, switching weeks starts at the top, and a new database
says what to do instead of showing empty sections."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.content import Content

from netrhythm.domain.dates import short_date
from netrhythm.services.context import Context
from netrhythm.services.review.build import TREND_WEEKS
from netrhythm.services.review.heat import LEGEND
from netrhythm.services.tracking.progress import progress
from netrhythm.services.tracking.status import status
from netrhythm.ui.app import NetrhythmApp, build_app
from netrhythm.ui.widgets.panel import Panel
from tests.helpers import run_cli
from tests.ui.helpers import screen_text, settle, wait_until
from tests.ui.test_review_screen import open_review, review_screen, shown_week

BARS = "▁▂▃▄▅▆▇█"
TALL = (160, 80)  # the whole review on one screen


def true_trends(ctx: Context, week: int) -> dict[str, str]:
    """Each practice's 12-week trend drawn from the score the app reports for each of those
    weeks (``progress`` week by week, not the trend's own one-pass computation), on the scale
    the legend states: ``▁`` at the lowest score shown rounded down to ten, ``█`` at 100, in
    eight equal steps."""
    weeks = range(week - TREND_WEEKS + 1, week + 1)
    scores: dict[str, list[float]] = {}
    for w in weeks:
        for p in progress(ctx, w).practices:
            scores.setdefault(p.practice.name, []).append(p.score)
    floor = min(90, int(min(min(s) for s in scores.values()) // 10 * 10))
    return {name: "".join(BARS[max(0, min(7, int((v - floor) / (100 - floor) * 8)))]
                          for v in s) for name, s in scores.items()}


def trend_of(text: str, name: str) -> str:
    """The sparkline on the line that shows ``name``'s row (screen or text)."""
    line = next(x for x in text.splitlines() if name in x and ("wk" in x))
    return "".join(c for c in line if c in BARS)[-TREND_WEEKS:]


async def test_screen_markdown_and_cli_show_the_same_review(
        demo_app: NetrhythmApp, demo_ctx: Context, tmp_path: Path) -> None:
    async with demo_app.run_test(size=TALL) as pilot:
        await open_review(demo_app, pilot)
        await pilot.press("right_square_bracket")  # 2026-W48, the week of the issue
        await wait_until(pilot, lambda: shown_week(demo_app) == "2026-W48", what="W48")
        await settle(pilot)
        screen = review_screen(demo_app)
        assert screen.loaded is not None
        week = screen.loaded.review.week
        text = screen_text(pilot)
        screen.export_dir = tmp_path
        await pilot.press("m")
        path = tmp_path / "netrhythm-review-2026-W48.md"
        await wait_until(pilot, path.exists, what="the export")
    markdown = path.read_text(encoding="utf-8")
    cli = run_cli(Path(demo_ctx.db_path), "review", "--week", "2026-W48").out

    truth = true_trends(demo_ctx, week)
    reach = truth["Reach out"]
    assert min(reach) <= "▃" and max(reach) >= "▆"  # the miss five weeks ago shows
    for name, bars in truth.items():
        assert trend_of(text, name) == bars, name
        assert trend_of(markdown, name) == bars, name
        assert trend_of(cli, name) == bars, name
    for face in (text, markdown, cli):
        assert "At a glance" in face
        assert "So far this week: 2 of 4 practices met" in face
        assert "30 gone cold as of Mon 23 Nov (Anouk Sharma" in face
        assert "Trend: the score over the last 12 weeks, ▁ 70 to █ 100" in face
        assert "Esther Laurent 46d" in face and "+18 more" in face  # 12 named of 30
        assert all(f"{glyph} {word}" in face for glyph, word in LEGEND)  # the heat legend


async def test_gone_cold_is_counted_on_the_day_both_screens_name(
        demo_app: NetrhythmApp, demo_ctx: Context) -> None:
    today = demo_ctx.today()
    cold = status(demo_ctx).gone_cold
    async with demo_app.run_test(size=TALL) as pilot:
        await settle(pilot)
        panel = demo_app.screen.query_one("#gone-cold", Panel)
        assert Content.from_markup(str(panel.border_title)).plain == f"Gone cold {len(cold)}"
        assert str(panel.border_subtitle) == f"as of {short_date(today)}"  # Mon 23 Nov
        await open_review(demo_app, pilot)
        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: shown_week(demo_app) == "2026-W48", what="W48")
        await settle(pilot)
        loaded = review_screen(demo_app).loaded
        assert loaded is not None
        assert loaded.review.cold_on == today  # the week in progress: today, not its Sunday
        assert [c.id for c in loaded.review.gone_cold] == [c.id for c in cold]
        assert f"{len(cold)} gone cold as of Mon 23 Nov" in screen_text(pilot)
        await pilot.press("left_square_bracket")  # a finished week: its last day
        await wait_until(pilot, lambda: shown_week(demo_app) == "2026-W47", what="W47")
        await settle(pilot)
        assert "as of Sun 22 Nov" in screen_text(pilot)


async def test_each_week_opens_at_its_top(demo_app: NetrhythmApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await open_review(demo_app, pilot)
        body = review_screen(demo_app).query_one("#review-body", VerticalScroll)
        for key, week in (("left_square_bracket", "2026-W46"), ("t", "2026-W47"),
                          ("right_square_bracket", "2026-W48")):
            await pilot.press("end")
            await settle(pilot)
            assert body.scroll_y > 0
            await pilot.press(key)
            await wait_until(pilot, lambda w=week: shown_week(demo_app) == w, what=week)
            await settle(pilot)
            assert body.scroll_y == 0, week
            assert "At a glance" in screen_text(pilot)


async def test_a_new_database_says_what_to_do(ctx: Context) -> None:
    app = build_app(ctx, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(app, pilot)
        text = screen_text(pilot)
        assert "your practices start in 2026-W48" in text
        assert "Press ] to see 2026-W48." in text
        assert not review_screen(app).query_one("#review-heat").display  # no empty map
        assert not review_screen(app).query_one("#review-people").display  # nor five "none"
        assert "slipping" not in text  # nothing could slip before a practice began
    cli = run_cli(Path(ctx.db_path), "review").out
    assert "Heat map" not in cli and "last 0 weeks" not in cli and "People" not in cli
    assert "See it: netrhythm review --week 2026-W48" in cli
