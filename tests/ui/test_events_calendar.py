"""The Events screen and calendars: ``i`` imports an .ics file, ``x`` exports one, times show in
the user's zone, cancelled events say so, and 5,000 imported events stay quick to move through.

Real key presses on a real SQLite file; the clock is frozen on Monday 23 November 2026.
"""

from __future__ import annotations

import stat
import statistics
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Label

from netrhythm.services import settings
from netrhythm.services.calendars.importer import import_calendar
from netrhythm.services.context import Context
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.storage.journal import latest
from netrhythm.ui.app import NetrhythmApp
from netrhythm.ui.dialogs.import_file import ImportDialog
from netrhythm.ui.screens.events import EventsScreen
from netrhythm.ui.widgets.event_list import WINDOW, EventList
from tests.calendars.conftest import calendar, ics, rows, vevent, write
from tests.ui.helpers import screen_text, settle, type_text, widget_text

SIZE = (120, 40)


async def _open_events(pilot: Pilot[Any]) -> EventList:
    await settle(pilot)
    await pilot.press("E")
    await settle(pilot)
    assert isinstance(pilot.app.screen, EventsScreen)
    return pilot.app.screen.query_one(EventList)


def _labels(app: NetrhythmApp, selector: str) -> list[str]:
    return [str(label.render()) for label in app.screen.query(selector).results(Label)]


async def test_i_previews_then_imports_a_calendar_file(app: NetrhythmApp, ctx: Context) -> None:
    settings.set_value(ctx, "time-zone", "Europe/Lisbon")
    async with app.run_test(size=SIZE) as pilot:
        await _open_events(pilot)
        await pilot.press("i")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        assert dialog.query_one("#import").border_title == "Import events"
        await type_text(pilot, str(ics("meetup_feed.ics")))
        await pilot.click("#import-preview")
        await settle(pilot)
        assert _labels(app, "#import-summary Label")[1] == \
            "Would add 3, would update 0, would cancel 0, would remove 0, would skip 0; " \
            "0 unchanged."
        assert rows(ctx.db_path) == []
        await pilot.click("#import-run")
        await settle(pilot)
        lines = _labels(app, "#import-summary Label")
        assert lines[1] == "Added 3, updated 0, cancelled 0, removed 0, skipped 0; 0 unchanged."
        assert lines[2] == "  added line 45 Python Lisbon: March talks (Thu 12 Mar 2026 18:30)"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)
        text = widget_text(app.screen.query_one(EventList))
        assert "Past  3" in text
        assert "Thu 12 Mar  18:30 Python Lisbon: Mar" in text
    assert latest() == "imported 3 events from meetup_feed.ics"


async def test_a_malformed_calendar_shows_its_line_and_imports_nothing(
        app: NetrhythmApp, ctx: Context) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await _open_events(pilot)
        await pilot.press("i")
        await settle(pilot)
        await type_text(pilot, str(ics("malformed_bad_date.ics")))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ImportDialog)
        assert app.screen.error == (
            "Nothing was imported. malformed_bad_date.ics: line 14: DTSTART cannot be read "
            "(Wrong datetime format: 20260332T180000Z)")
    assert rows(ctx.db_path) == []


async def test_times_show_in_the_users_zone_and_cancelled_events_say_so(
        app: NetrhythmApp, ctx: Context, tmp_path: Path) -> None:
    settings.set_value(ctx, "time-zone", "America/New_York")
    feed = calendar(vevent("a@x", "20261203T183000Z", "Launch party"),
                    vevent("b@x", "20261120T170000Z", "Demo day"))
    import_calendar(ctx, write(tmp_path, feed))
    ((demo,),) = rows(ctx.db_path, "name = 'Demo day'", ("id",))
    log_action(ctx, LogRequest("attend-event", date="2026-11-20", event=f"#{demo}"))
    import_calendar(ctx, write(tmp_path, calendar(
        vevent("a@x", "20261203T183000Z", "Launch party"),
        vevent("b@x", "20261120T170000Z", "Demo day", sequence=1, extra="STATUS:CANCELLED"))))
    async with app.run_test(size=SIZE) as pilot:
        events = await _open_events(pilot)
        text = widget_text(events)
        assert "13:30 Launch party" in text  # 18:30 UTC in New York
        assert "✗ Fri 20 Nov" in text
        events.select(demo)
        await settle(pilot)
        shown = screen_text(pilot)
        assert "Fri 20 Nov 2026 12:00–14:00 · 3 days ago" in shown
        assert "Cancelled in its calendar" in shown


async def test_x_exports_events_to_come_and_follow_ups(app: NetrhythmApp, ctx: Context,
                                                       tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETRHYTHM_EXPORT_DIR", str(tmp_path / "out"))
    import_calendar(ctx, write(tmp_path, calendar(vevent("a@x", "20261203T183000Z", "Party"))))
    async with app.run_test(size=SIZE) as pilot:
        await _open_events(pilot)
        await pilot.press("x")
        await settle(pilot)
        path = tmp_path / "out" / "netrhythm-events-2026-11-23.ics"
        assert f"Wrote {path} (events to come and open follow-ups)." in \
            [str(n.message) for n in app._notifications]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert b"SUMMARY:Party" in path.read_bytes()


@pytest.mark.slow
async def test_5000_imported_events_stay_quick_to_open_and_move_through(
        app: NetrhythmApp, ctx: Context, tmp_path: Path) -> None:
    from benchmarks.ics import write_calendar

    path = write_calendar(tmp_path / "big.ics", 5_000, today=date(2026, 11, 23))
    summary = import_calendar(ctx, path)
    total = len(summary.added)
    assert total > 5_000
    async with app.run_test(size=SIZE) as pilot:
        events = await _open_events(pilot)
        assert len(events.summaries) == total
        assert len(events.options) <= WINDOW + 4  # the rows held, headings, "more" lines
        first = events.summaries[0].event.id
        assert events.current is not None and events.current.event.id == first
        moves = []
        for _ in range(WINDOW + 5):  # past the end of the rows held: they slide
            start = time.perf_counter()
            events.action_cursor_down()
            moves.append(time.perf_counter() - start)
        assert events.current is not None
        assert events.current.event.id == events.summaries[WINDOW + 5].event.id
        start = time.perf_counter()
        events.action_last()
        last = time.perf_counter() - start
        assert events.current.event.id == events.summaries[-1].event.id
        assert "more" in widget_text(events) or len(events.options) <= WINDOW + 4
        events.action_first()
        assert events.current.event.id == first
        far = events.summaries[3_000].event.id
        assert events.select(far) and events.current.event.id == far
        await settle(pilot)
        slide = max(moves)
        print(f"\n{total} events: a move {statistics.median(moves) * 1000:.2f} ms (median), "
              f"sliding the rows {slide * 1000:.0f} ms, to the last {last * 1000:.0f} ms")
        assert statistics.median(moves) < 0.010 and slide < 1.0 and last < 1.0
