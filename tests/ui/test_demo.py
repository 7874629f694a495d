"""`netrhythm demo`: a year of varied, deterministic demo data that follows the clock."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

from netrhythm.domain.clock import FixedClock
from netrhythm.services.contacts.contact_list import contact_lines
from netrhythm.services.context import Context, open_context
from netrhythm.services.demo.create import create_demo
from netrhythm.services.events import list_events
from netrhythm.services.review.build import review
from netrhythm.services.tracking.progress import progress
from netrhythm.services.tracking.status import status


def test_demo_has_a_year_of_streaks_that_break_and_recover(demo_ctx: Context) -> None:
    st = status(demo_ctx)
    by_slug = {p.practice.slug: p for p in st.progress.practices}
    reach = by_slug["reach-out"]
    assert (reach.period.count, reach.current_streak, reach.longest_streak) == (2, 6, 14)
    assert reach.slack == "1 more reach-out by Sunday keeps your 6-week streak"
    assert by_slug["follow-up"].period.met and by_slug["attend-event"].period.met
    assert by_slug["follow-up"].current_streak < by_slug["follow-up"].longest_streak
    heat = review(demo_ctx).heat
    assert all(None in row.cells for row in heat)  # the holiday weeks are paused
    assert any(0 < c < 1 for row in heat for c in row.cells if c is not None)  # partial weeks
    assert st.follow_ups_due and st.gone_cold and len(st.upcoming) == 4


def test_demo_people_are_varied(demo_ctx: Context) -> None:
    lines = contact_lines(demo_ctx, include_archived=True)
    assert len(lines) == 140 and sum(x.archived for x in lines) == 2
    assert len({x.name for x in lines}) == 140
    assert len({x.company for x in lines}) >= 25
    assert len(Counter(t for x in lines for t in x.tags)) >= 15
    assert any(not x.name.isascii() for x in lines)
    assert Counter(x.due.state for x in lines)["overdue"] >= 10
    upcoming, past = list_events(demo_ctx)
    assert len(past) >= 20 and any(e.contact_names for e in past)


def test_demo_is_the_same_for_the_same_day_and_follows_the_clock(tmp_path: Path) -> None:
    def make(name: str, when: datetime) -> list[tuple[object, ...]]:
        ctx = open_context(tmp_path / name, FixedClock(when))
        try:
            create_demo(ctx)
            return [(x.name, x.company, x.tags, x.last_contact) for x in contact_lines(ctx)] + \
                [tuple(p.week_counts) for p in progress(ctx).practices]
        finally:
            ctx.close()

    monday = datetime(2026, 11, 23, 10)
    assert make("a.db", monday) == make("b.db", monday)
    thursday = datetime(2027, 3, 4, 9)
    ctx = open_context(tmp_path / "c.db", FixedClock(thursday))
    try:
        create_demo(ctx)
        st = status(ctx)
        assert st.name == "2027-W09" and st.days_left == 4
        assert all(e.held_on > thursday.date() for e in st.upcoming)
        assert max(x.last_contact or thursday.date() for x in contact_lines(ctx)) \
            <= thursday.date()
    finally:
        ctx.close()


def test_demo_command_makes_a_fresh_database_every_time(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    path.write_bytes(b"not a database at all")  # someone's file: never replaced
    command = [sys.executable, "-m", "netrhythm", "demo", "--db", str(path), "--no-app"]
    refused = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert (refused.returncode, refused.stderr) == (2, (
        f"netrhythm: error: --db: {path} already exists and is not a demo database; the demo "
        "goes in a file of its own (nothing was changed)\n"))
    assert path.read_bytes() == b"not a database at all"
    path.unlink()
    for _ in range(2):  # an earlier demo is replaced
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert "Demo data: 140 contacts" in done.stdout
    ctx = open_context(path, FixedClock(datetime.now()))
    try:
        assert len(contact_lines(ctx, include_archived=True)) == 140
    finally:
        ctx.close()
