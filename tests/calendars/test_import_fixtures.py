"""Each real-world-shaped calendar file imported into a real database: what is stored, how it
shows in Lisbon, and that importing it again changes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from netrhythm.domain.errors import InputError
from netrhythm.domain.event_times import time_label
from netrhythm.services import events as event_svc
from netrhythm.services.calendars.importer import import_calendar
from netrhythm.services.calendars.zone import read_zone
from netrhythm.services.context import Context
from netrhythm.storage.journal import latest
from tests.calendars.conftest import ics, rows
from tests.transfer.conftest import state

FIXTURES = ["meetup_feed.ics", "all_day.ics", "weekly_meetup.ics", "monthly_open_ended.ics",
            "outlook_export.ics", "google_export.ics", "luma_event.ics", "hostile_text.ics"]


def test_meetup_feed_keeps_moments_in_utc_and_days_in_lisbon(ctx: Context) -> None:
    summary = import_calendar(ctx, ics("meetup_feed.ics"))
    assert rows(ctx.location) == [
        ("Python Lisbon: March talks", "2026-03-12", None, "2026-03-12T18:30:00Z",
         "2026-03-12T21:00:00Z", "Europe/Lisbon",
         "Impact Hub Lisboa (Rua da Mouraria 12, Lisboa, Portugal)",
         "https://www.meetup.com/python-lisbon/events/305123456/",
         "event_305123456@meetup.com", "", 0, 0),
        ("PyData NYC online: lightning talks", "2026-03-18", None, "2026-03-18T16:00:00Z",
         "2026-03-18T17:00:00Z", "America/New_York", "Online event",
         "https://www.meetup.com/pydata-nyc/events/306000111/",
         "event_306000111@meetup.com", "", 0, 0),
        ("Python Lisbon: April workshop", "2026-04-09", None, "2026-04-09T17:30:00Z",
         "2026-04-09T20:00:00Z", "Europe/Lisbon", "Talkdesk (Rua Tierno Galvan 10, Lisboa)",
         "https://www.meetup.com/python-lisbon/events/305123789/",
         "event_305123789@meetup.com", "", 0, 0),
    ]
    upcoming, past = event_svc.list_events(ctx)
    assert past == []
    assert [(e.name, time_label(e, read_zone())) for e in upcoming] == [
        ("Python Lisbon: March talks", "18:30–21:00"),
        ("PyData NYC online: lightning talks", "16:00–17:00"),  # 12:00 in New York
        ("Python Lisbon: April workshop", "18:30–21:00"),  # summer time: 17:30 UTC
    ]
    assert upcoming[0].notes.startswith("Python Lisbon\nThursday, March 12 at 6:30 PM")
    assert summary.lines()[:2] == [
        "Read 3 events from meetup_feed.ics (calendar: Events - Python Lisbon); times in "
        "Europe/Lisbon.",
        "Added 3, updated 0, cancelled 0, removed 0, skipped 0; 0 unchanged."]
    assert summary.lines()[2] == \
        "  added line 45 Python Lisbon: March talks (Thu 12 Mar 2026 18:30)"
    assert latest() == "imported 3 events from meetup_feed.ics"


def test_all_day_events_are_dates_with_their_last_day(ctx: Context) -> None:
    import_calendar(ctx, ics("all_day.ics"))
    assert rows(ctx.location, columns=("name", "held_on", "last_day", "starts_at", "tz")) == [
        ("Lisbon Tech Day", "2026-05-20", None, None, ""),
        ("PyCon Portugal (day 1)", "2026-09-18", None, None, ""),
        ("Web Summit 2026", "2026-11-10", "2026-11-13", None, ""),  # DTEND 14th is exclusive
    ]
    summit = event_svc.list_events(ctx)[0][-1]
    assert time_label(summit, read_zone()) == "until Fri 13 Nov"


def test_weekly_meetup_with_a_moved_and_a_cancelled_week(ctx: Context) -> None:
    summary = import_calendar(ctx, ics("weekly_meetup.ics"))
    got = rows(ctx.location, columns=("held_on", "starts_at", "recurrence_id", "sequence",
                                     "name"))
    assert [g[0] for g in got] == [
        "2026-01-06", "2026-01-13", "2026-01-20", "2026-01-27", "2026-02-03", "2026-02-10",
        "2026-02-24", "2026-03-05", "2026-03-17", "2026-03-24", "2026-03-31"]  # no 17 Feb
    assert got[7] == ("2026-03-05", "2026-03-05T18:30:00Z", "20260303T190000Z", 3,
                      "Hack night (moved to Thursday)")
    assert got[-1][1:3] == ("2026-03-31T18:00:00Z", "20260331T180000Z")  # summer time
    assert summary.skipped == [("line 44 Hack night (Tue 10 Mar 2026 19:00)",
                                "cancelled in the calendar")]


def test_outlook_export_with_windows_zones(ctx: Context) -> None:
    import_calendar(ctx, ics("outlook_export.ics"))
    got = rows(ctx.location, columns=("name", "held_on", "last_day", "starts_at", "tz",
                                     "recurrence_id", "sequence"))
    assert got[0] == ("Partner sync (Berlin)", "2026-04-15", None, "2026-04-15T08:00:00Z",
                      "Europe/Berlin", "", 1)
    assert got[1][1:5] == ("2026-04-16", None, "2026-04-16T13:00:00Z", "America/New_York")
    assert ("Team offsite", "2026-05-06", "2026-05-07", None, "", "", 0) in got
    assert [g[5] for g in got if g[0] == "London mentoring circle"] == \
        ["20260422T090000Z", "20260506T090000Z", "20260513T090000Z"]


def test_google_export_times_belong_to_its_calendar_zone(ctx: Context) -> None:
    import_calendar(ctx, ics("google_export.ics"))
    lunch = rows(ctx.location, "name LIKE 'Lunch%'", ("starts_at", "tz", "sequence"))
    assert lunch == [("2026-03-20T16:00:00Z", "America/New_York", 1)]
    assert len(rows(ctx.location, "name = 'Boston founders check-in'")) == 4


def test_hostile_text_is_cleaned_and_counted(ctx: Context) -> None:
    summary = import_calendar(ctx, ics("hostile_text.ics"))
    (name,) = rows(ctx.location, columns=("name",))
    assert "\x1b" not in str(name[0]) and "\u202e" not in str(name[0])
    assert summary.stripped > 0
    assert f"Note: removed {summary.stripped} control characters from the text." in \
        summary.lines()


@pytest.mark.parametrize("name", FIXTURES)
def test_importing_the_same_file_twice_changes_nothing(ctx: Context, name: str) -> None:
    first = import_calendar(ctx, ics(name))
    assert first.added and latest() is not None
    before, undo_entry = state(ctx.location), latest()
    again = import_calendar(ctx, ics(name))
    assert state(ctx.location) == before
    assert latest() == undo_entry  # no empty change either
    assert (again.added, again.updated, again.cancelled, again.removed) == ([], [], [], [])
    assert again.unchanged == len(first.added)
    assert again.lines()[-1] == "Nothing new: every event in the file is already here."


@pytest.mark.parametrize("name", FIXTURES)
def test_a_dry_run_writes_nothing_and_says_what_would_come(ctx: Context, name: str) -> None:
    before = state(ctx.location)
    summary = import_calendar(ctx, ics(name), dry_run=True)
    assert state(ctx.location) == before
    assert summary.lines()[1].startswith(f"Would add {len(summary.added)}, would update 0")
    assert summary.lines()[-1] == "Dry run: nothing was written."
    assert summary.added == import_calendar(ctx, ics(name)).added


@pytest.mark.parametrize(("name", "line"), [
    ("malformed_bad_date.ics", "line 14"), ("malformed_cut_off.ics", ""),
    ("malformed_no_start.ics", "line"), ("malformed_unknown_zone.ics", "line"),
    ("malformed_bad_rule.ics", "line"), ("malformed_end_before_start.ics", "line"),
])
def test_a_malformed_file_imports_nothing_and_names_the_line(ctx: Context, name: str,
                                                             line: str) -> None:
    import_calendar(ctx, ics("all_day.ics"))
    before = state(ctx.location)
    with pytest.raises(InputError) as caught:
        import_calendar(ctx, ics(name))
    assert caught.value.field == name and line in caught.value.message
    assert state(ctx.location) == before


def test_only_regular_files_are_read(ctx: Context, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.ics"
    os.mkfifo(fifo)
    for path, says in ((fifo, "is a named pipe (FIFO), not a file; give the path of a "
                              "calendar file"),
                       (tmp_path, "is a folder"), (tmp_path / "none.ics", "no such file")):
        with pytest.raises(InputError) as caught:
            import_calendar(ctx, path)
        assert caught.value.field == "FILE" and says in caught.value.message


def test_a_file_over_the_size_limit_is_refused(ctx: Context, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from netrhythm.services.calendars import importer

    data = ics("meetup_feed.ics").read_bytes()
    monkeypatch.setattr(importer, "MAX_ICS_BYTES", len(data))
    exact, big = tmp_path / "exact.ics", tmp_path / "big.ics"
    exact.write_bytes(data)
    big.write_bytes(data + b"\r\n")
    assert importer.read_calendar_file(exact) == data
    with pytest.raises(InputError, match="a calendar file may be at most"):
        import_calendar(ctx, big)


def test_dates_and_match_narrow_what_comes_in(ctx: Context) -> None:
    summary = import_calendar(ctx, ics("weekly_meetup.ics"), match="moved",
                              first="2026-03-01", last="2026-03-31")
    assert [r[0] for r in rows(ctx.location, columns=("name",))] == \
        ["Hack night (moved to Thursday)"]
    assert summary.unmatched == 4  # the other Tuesdays of March, the cancelled one too
    assert "Note: left out 4 events without 'moved' (--match)." in summary.lines()
    with pytest.raises(InputError, match="is after --to"):
        import_calendar(ctx, ics("weekly_meetup.ics"), first="2026-04-01", last="2026-03-01")
    with pytest.raises(InputError) as caught:
        import_calendar(ctx, ics("weekly_meetup.ics"), first="2028-01-01")
    assert caught.value.field == "--from/--to" and "import window" in caught.value.message


def test_event_days_follow_the_users_zone(ctx: Context) -> None:
    from netrhythm.services import settings

    import_calendar(ctx, ics("luma_event.ics"))  # 16:30 UTC on 25 April
    import_calendar(ctx, ics("meetup_feed.ics"))
    assert rows(ctx.location, "uid LIKE '%lu.ma%' OR tz = 'UTC'", ("held_on",)) == \
        [("2026-04-25",)]
    message = settings.set_value(ctx, "time-zone", "Pacific/Kiritimati")  # UTC+14
    assert message == "Time zone: Pacific/Kiritimati; 4 events moved to another day."
    assert rows(ctx.location, columns=("held_on",)) == \
        [("2026-03-13",), ("2026-03-19",), ("2026-04-10",), ("2026-04-26",)]
    upcoming = event_svc.list_events(ctx)[0]
    assert time_label(upcoming[-1], read_zone()) == "06:30–09:00"
    assert event_svc.list_events(ctx)[0][0].held_on == date(2026, 3, 13)
