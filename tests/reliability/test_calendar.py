"""The clock and the calendar through the command line (``NETRHYTHM_NOW`` freezes the clock):
the last minute of a week, a change of the week's first day, and the 53rd week of 2026."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.helpers import run_cli


def cli(db: Path, now: str, *args: str) -> str:
    result = run_cli(db, *args, now=now)
    assert result.code == 0, (args, result.err)
    return result.out


def week(db: Path, now: str, *args: str) -> dict[str, Any]:
    """``status --json`` (or ``review … --format json`` when args start with "review")."""
    if args and args[0] == "review":
        return json.loads(cli(db, now, *args, "--format", "json"))  # type: ignore[no-any-return]
    return json.loads(cli(db, now, "status", "--json", *args))  # type: ignore[no-any-return]


def count(doc: dict[str, Any], slug: str = "reach-out") -> int:
    return int(next(p["count"] for p in doc["practices"] if p["slug"] == slug))


def test_an_action_at_2359_on_the_last_day_counts_in_that_week(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    sunday_night, monday = "2026-11-29T23:59:59", "2026-11-30T00:00:01"
    cli(db, sunday_night, "log", "reach-out", "--note", "last minute")
    now = week(db, sunday_night)
    assert (now["week"], now["days_left"], count(now)) == ("2026-W48", 1, 1)
    assert count(week(db, monday)) == 0
    assert week(db, monday)["week"] == "2026-W49"
    assert count(week(db, monday, "--week", "2026-W48")) == 1
    past = week(db, monday, "review", "--week", "2026-W48")
    assert (past["week"], past["finished"], count(past)) == ("2026-W48", True, 1)

    cli(db, monday, "settings", "week-start", "sunday")  # Saturday night is now the last
    saturday_night, sunday = "2026-12-05T23:59:59", "2026-12-06T00:00:01"
    cli(db, saturday_night, "log", "give-value")
    assert (week(db, saturday_night)["week"], count(week(db, saturday_night), "give-value")) \
        == ("2026-11-29", 1)
    assert count(week(db, sunday), "give-value") == 0
    assert count(week(db, sunday, "review", "--week", "2026-11-29"), "give-value") == 1


def test_changing_the_week_start_keeps_every_action_in_its_right_week(tmp_path: Path) -> None:
    db, now = tmp_path / "n.db", "2026-11-29T12:00:00"  # a Sunday
    days = [f"2026-11-{d:02d}" for d in range(16, 30)]  # Mon 16 … Sun 29 November
    for day in days:
        cli(db, now, "log", "reach-out", "--date", day, "--note", day)

    def notes() -> list[str]:
        doc = json.loads(cli(db, now, "export"))
        return sorted(a["note"] for a in doc["actions"])

    def counts(*weeks: str) -> list[int]:
        return [count(week(db, now, "review", "--week", w)) for w in weeks]

    assert notes() == days
    assert counts("2026-11-16", "2026-11-23") == [7, 7]  # Mon–Sun weeks
    cli(db, now, "settings", "week-start", "sunday")
    assert notes() == days
    # Sun 15–Sat 21: 16–21; Sun 22–Sat 28: all seven; Sun 29: this week, one so far
    assert counts("2026-11-16", "2026-11-22") == [6, 7]
    current = week(db, now)
    assert (current["week"], count(current)) == ("2026-11-29", 1)
    cli(db, now, "settings", "week-start", "monday")
    assert notes() == days
    assert counts("2026-W47", "2026-W48") == [7, 7]
    assert count(week(db, now)) == 7


def test_the_53rd_week_of_2026_runs_into_2027(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    cli(db, "2026-12-01T10:00:00", "status")  # first run (the practices start) in W49
    new_year = "2027-01-01T10:00:00"  # a Friday in ISO week 2026-W53
    cli(db, new_year, "log", "reach-out", "--note", "happy new year")
    now = week(db, new_year)
    assert (now["week"], now["label"], count(now)) == (
        "2026-W53", "Mon 28 Dec 2026 – Sun 3 Jan 2027", 1)
    cli(db, "2027-01-03T23:59:00", "log", "reach-out", "--date", "2026-12-28")
    cli(db, "2027-01-03T23:59:00", "log", "reach-out")  # Sunday 3 January: still W53

    later = "2027-01-05T10:00:00"
    w53 = week(db, later, "review", "--week", "2026-W53")
    assert (w53["week"], w53["finished"], count(w53)) == ("2026-W53", True, 3)
    assert count(week(db, later, "review", "--week", "2026-W52")) == 0
    w01 = week(db, later, "review", "--week", "2027-W01")
    assert (w01["label"], count(w01)) == ("Mon 4 Jan – Sun 10 Jan 2027", 0)
    assert count(week(db, later, "review", "--week", "2027-01-01")) == 3  # a date in it
    assert "2026-W53" in cli(db, later, "pause", "2026-W53")
    refused = run_cli(db, "review", "--week", "2027-W53", now=later)
    assert (refused.code, refused.err) == (
        2, "netrhythm: error: --week: 2027-W53 does not exist: 2027 has 52 ISO weeks "
           "(W01 to W52)\n")
