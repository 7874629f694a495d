"""Imported contacts are not overdue on day one, and become due a few a week (issue 18).

1,000 generated LinkedIn connections (plus the fixture files) imported with ``--tag
linkedin``, the tag given a 90-day cadence: on day one ``status``, ``review``, ``contacts
list --overdue`` and ``nudge --dry-run`` name none of them; over the next year no week makes
more than 5 of them due. (The Week screen: tests/ui/test_day_one_week.py.)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta

import pytest

from netrhythm.domain.clock import FixedClock
from netrhythm.services.contacts.cold import gone_cold
from netrhythm.services.context import Context, open_context
from netrhythm.storage.contacts import tag_members
from tests.backends import copy_of_built
from tests.helpers import run_cli
from tests.transfer.day_one import BEFORE, DAY_ONE, build_day_one, ok

TODAY = date(2026, 11, 26)


@pytest.fixture
def day_one(backend: str, request: pytest.FixtureRequest) -> tuple[str, str]:
    """A copy of day one (built once per backend), and what its big import printed."""
    folder = request.getfixturevalue("tmp_path_factory").mktemp("day-one")
    where, printed = copy_of_built(request, "day_one", lambda w: build_day_one(folder, w)[1],
                                   now=datetime.fromisoformat(BEFORE))
    return str(where), printed


@pytest.fixture
def db(day_one: tuple[str, str]) -> str:
    return day_one[0]


def linkedin_names(db: str) -> set[str]:
    listed = json.loads(ok(db, "contacts", "list", "--tag", "linkedin", "--json", now=DAY_ONE))
    assert len(listed) == 1000
    return {c["name"] for c in listed}


@contextmanager
def at(db: str, day: date) -> Iterator[Context]:
    """The database opened in this process with the clock at 9:00 on ``day``."""
    ctx = open_context(db, FixedClock(datetime.combine(day, time(9))))
    try:
        yield ctx
    finally:
        ctx.close()


def test_the_import_keeps_connected_on_as_a_fact_not_a_contact(day_one: tuple[str, str]
                                                               ) -> None:
    db, printed = day_one
    assert "Added 999, merged 1" in printed  # Maria Chen was here already
    shown = ok(db, "contacts", "show", "Nia García-1", now=DAY_ONE)
    assert "Connected on:   2011-06-07" in shown and "Last contact:   never" in shown
    assert "Next due:" in shown and "Met on" not in shown
    assert "Nia García-1" in ok(db, "search", "connected 2011-06-07", now=DAY_ONE)


def test_on_day_one_no_command_shows_them_overdue_or_gone_cold(db: str) -> None:
    names = linkedin_names(db)
    status = json.loads(ok(db, "status", "--json", now=DAY_ONE))
    # the one gone cold is Carla Mendes (plain.csv, every 14 days, imported 16 days ago)
    assert [c["contact"] for c in status["gone_cold"]] == ["Carla Mendes"]
    overdue = json.loads(ok(db, "contacts", "list", "--overdue", "--json", now=DAY_ONE))
    assert [c["name"] for c in overdue] == ["Carla Mendes"]
    for week in ("last", "this"):
        review = json.loads(ok(db, "review", "--week", week, "--format", "json", now=DAY_ONE))
        assert not {c["contact"] for c in review["gone_cold"]} & names
    text = ok(db, "status", now=DAY_ONE)
    assert "Gone cold\n  Carla Mendes" in text and not any(n in text for n in names)


def test_on_day_one_nudges_name_none_of_them(db: str) -> None:
    names = linkedin_names(db)
    dry = run_cli(db, "nudge", "--dry-run", now=DAY_ONE)
    assert dry.code == 0, dry.err
    assert "behind" in dry.out.lower() or "left" in dry.out  # Thursday noon: pace checked
    assert "Carla Mendes" in dry.out
    assert not [n for n in names if n in dry.out]


def test_over_the_next_year_at_most_five_become_due_a_week(db: str) -> None:
    """Stepping the clock a week at a time (Mondays: then the newly overdue are exactly those
    due in the week before), with nobody contacted."""
    with at(db, TODAY):
        ids = set(tag_members("linkedin"))
    assert len(ids) == 1000
    seen: set[int] = set()
    newly: list[int] = []
    monday = TODAY + timedelta(days=7 - TODAY.weekday())
    for week in range(53):
        with at(db, monday + timedelta(weeks=week)) as ctx:
            cold = {c.id for c in gone_cold(ctx) if c.id in ids}
        assert seen <= cold  # nobody talked to them: once due, still due
        newly.append(len(cold - seen))
        seen = cold
    assert max(newly) <= 5
    assert sum(newly[:12]) == 0  # not before the 90 days have run
    assert sum(newly) >= 5 * 38  # a steady trickle after that, not nothing
