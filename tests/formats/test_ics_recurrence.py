"""Repeating events: exceptions, cancellations, summer time, the import window, filters, keys."""

from __future__ import annotations

from datetime import date

from netrhythm.formats.ics_read import read_ics
from netrhythm.formats.ics_records import Window
from tests.formats.ics_helpers import LISBON, NEW_YORK, TODAY, read, shown


def test_weekly_meetup_with_an_exdate_a_moved_and_a_cancelled_occurrence() -> None:
    result = read("weekly_meetup.ics")
    assert shown(result) == [
        ("Hack night", "2026-01-06 19:00", "2026-01-06 21:00"),
        ("Hack night", "2026-01-13 19:00", "2026-01-13 21:00"),
        ("Hack night", "2026-01-20 19:00", "2026-01-20 21:00"),
        ("Hack night", "2026-01-27 19:00", "2026-01-27 21:00"),
        ("Hack night", "2026-02-03 19:00", "2026-02-03 21:00"),
        ("Hack night", "2026-02-10 19:00", "2026-02-10 21:00"),
        # 17 February is an EXDATE: no occurrence at all
        ("Hack night", "2026-02-24 19:00", "2026-02-24 21:00"),
        ("Hack night (moved to Thursday)", "2026-03-05 18:30", "2026-03-05 20:30"),
        ("Hack night", "2026-03-10 19:00", "2026-03-10 21:00"),  # cancelled, still listed
        ("Hack night", "2026-03-17 19:00", "2026-03-17 21:00"),
        ("Hack night", "2026-03-24 19:00", "2026-03-24 21:00"),
        ("Hack night", "2026-03-31 19:00", "2026-03-31 21:00"),  # after the change to WEST
    ]
    events = result.events
    assert [e.cancelled for e in events] == [False] * 8 + [True] + [False] * 3
    moved = events[7]
    # the moved one keeps the RECURRENCE-ID of the Tuesday it replaces, so it updates in place
    assert moved.recurrence_id == "20260303T190000Z"
    assert moved.location == "Startup Lisboa, Rua da Prata 121"
    assert events[-1].recurrence_id == "20260331T180000Z"  # 19:00 WEST is 18:00 UTC
    assert {e.uid for e in events} == {"weekly-hack-night@meetup.com"}
    assert {e.sequence for e in events} == {3}  # the series' highest SEQUENCE
    assert result.uids == frozenset({"weekly-hack-night@meetup.com"})


def test_weekly_meetup_in_new_york_follows_lisbon_wall_time_across_both_changes() -> None:
    starts = [start for _, start, _ in shown(read("weekly_meetup.ics", zone=NEW_YORK))]
    assert starts[0] == "2026-01-06 14:00"  # 19:00 WET is 14:00 EST
    assert starts[9] == "2026-03-17 15:00"  # US already on summer time, Lisbon not yet
    assert starts[-1] == "2026-03-31 14:00"  # both on summer time


def test_open_ended_rule_expands_only_within_twelve_months_either_side() -> None:
    result = read("monthly_open_ended.ics")  # first Wednesdays since January 2019
    assert result.window == Window(date(2025, 3, 1), date(2027, 3, 1))
    dates = [e.local_date for e in result.events]
    assert len(dates) == 24
    assert (dates[0], dates[-1]) == (date(2025, 3, 5), date(2027, 2, 3))
    assert all(d.weekday() == 2 and d.day <= 7 for d in dates)


def test_window_moves_with_today() -> None:
    dates = [e.local_date for e in read("monthly_open_ended.ics", today=date(2026, 3, 4)).events]
    assert (dates[0], dates[-1], len(dates)) == (date(2025, 3, 5), date(2027, 3, 3), 25)
    later = read("monthly_open_ended.ics", today=date(2030, 1, 1)).events
    assert [e.local_date for e in later][:2] == [date(2029, 1, 3), date(2029, 2, 7)]


def test_events_outside_the_window_are_left_out() -> None:
    result = read("all_day.ics", today=date(2027, 10, 1))  # window 2026-10-01 to 2028-10-01
    assert [e.name for e in result.events] == ["Web Summit 2026"]


def test_date_range_narrows_the_window() -> None:
    march = Window(date(2026, 3, 1), date(2026, 3, 31))
    result = read("weekly_meetup.ics", dates=march)
    assert result.window == march
    assert [e.local_date.day for e in result.events] == [5, 10, 17, 24, 31]


def test_date_range_outside_the_window_is_refused() -> None:
    try:
        read("weekly_meetup.ics", dates=Window(date(2030, 1, 1), date(2030, 2, 1)))
    except ValueError as exc:
        assert str(exc).startswith("date range: is outside the import window 2025-03-01")
    else:
        raise AssertionError("a date range outside the window was accepted")


def test_match_is_case_insensitive_on_name_location_and_description() -> None:
    assert [e.name for e in read("meetup_feed.ics", match="WORKSHOP").events] == \
        ["Python Lisbon: April workshop"]
    assert [e.name for e in read("meetup_feed.ics", match="impact hub").events] == \
        ["Python Lisbon: March talks"]  # location
    by_description = read("meetup_feed.ics", match="packaging with UV")
    assert [e.name for e in by_description.events] == ["Python Lisbon: March talks"]
    assert by_description.unmatched == 2
    assert read("meetup_feed.ics", match="  ").unmatched == 0  # blank matches everything


def test_one_occurrence_per_key_the_highest_sequence_wins() -> None:
    calendar = _calendar(
        _event("dup@example.org", "20260410T180000Z", "Old title", sequence=1),
        _event("dup@example.org", "20260410T180000Z", "New title", sequence=2),
        _event("dup@example.org", "20260410T180000Z", "Stale copy", sequence=0),
    )
    result = read_ics(calendar, zone=LISBON, window=Window.around(TODAY))
    assert [(e.name, e.sequence) for e in result.events] == [("New title", 2)]


def test_events_without_a_uid_get_a_stable_one() -> None:
    calendar = _calendar(_event("", "20260410T180000Z", "No UID"),
                         _event("", "20260411T180000Z", "No UID either"))
    first = read_ics(calendar, zone=LISBON, window=Window.around(TODAY)).events
    again = read_ics(calendar, zone=LISBON, window=Window.around(TODAY)).events
    assert [e.uid for e in first] == [e.uid for e in again]
    assert len({e.uid for e in first}) == 2 and first[0].uid.startswith("no-uid-")


def test_netrhythm_follow_ups_are_skipped_and_counted() -> None:
    calendar = _calendar(
        _event("follow-up-7.a1@netrhythm", "20260410", "Follow up with Maria",
               kind="follow-up"),
        _event("follow-up-8.b2@netrhythm", "20260411", "Follow up with Ana"),  # marker lost
        _event("event-3.a1@netrhythm", "20260412T180000Z", "Python Lisbon", kind="event"),
    )
    result = read_ics(calendar, zone=LISBON, window=Window.around(TODAY))
    assert [e.uid for e in result.events] == ["event-3.a1@netrhythm"]
    assert result.own_skipped == 2
    assert result.uids == frozenset({"event-3.a1@netrhythm"})


def _event(uid: str, start: str, summary: str, sequence: int = 0, kind: str = "") -> str:
    value = ";VALUE=DATE" if "T" not in start else ""
    lines = ["BEGIN:VEVENT", f"UID:{uid}" if uid else "", f"DTSTART{value}:{start}",
             f"SUMMARY:{summary}", f"SEQUENCE:{sequence}",
             f"X-NETRHYTHM-KIND:{kind}" if kind else "", "END:VEVENT"]
    return "\r\n".join(line for line in lines if line)


def _calendar(*events: str) -> str:
    return "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", *events,
                        "END:VCALENDAR", ""])
