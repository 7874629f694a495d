"""Each real-world-shaped calendar file reads to exactly the occurrences a person expects.

Times are shown in the reader's zone (Lisbon, or New York for the same files); all-day events
stay dates whatever the zone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.formats.ics_helpers import LISBON, NEW_YORK, read, shown, when


def test_meetup_feed_with_vtimezones_reads_in_the_local_zone() -> None:
    result = read("meetup_feed.ics")
    assert shown(result) == [
        ("Python Lisbon: March talks", "2026-03-12 18:30", "2026-03-12 21:00"),
        ("PyData NYC online: lightning talks", "2026-03-18 16:00", "2026-03-18 17:00"),
        ("Python Lisbon: April workshop", "2026-04-09 18:30", "2026-04-09 21:00"),  # WEST
    ]
    march, online, april = result.events
    assert (march.uid, march.recurrence_id, march.sequence) == \
        ("event_305123456@meetup.com", None, 0)
    assert march.tz == "Europe/Lisbon" and online.tz == "America/New_York"
    assert march.start == datetime(2026, 3, 12, 18, 30, tzinfo=LISBON)
    assert april.start.astimezone(UTC) == datetime(2026, 4, 9, 17, 30, tzinfo=UTC)
    assert march.location == "Impact Hub Lisboa (Rua da Mouraria 12, Lisboa, Portugal)"
    assert march.url == "https://www.meetup.com/python-lisbon/events/305123456/"
    assert march.description == (
        "Python Lisbon\nThursday, March 12 at 6:30 PM\n\nTwo talks this month: typing in "
        "practice, and packaging with uv.\n\nDoors open at 18:30; talks start at 19:00.\n\n"
        "https://www.meetup.com/python-lisbon/events/305123456/")
    assert not any(e.all_day or e.cancelled for e in result.events)
    assert result.calendar_name == "Events - Python Lisbon"
    assert (march.line, online.line, april.line) == (45, 77, 63)


def test_meetup_feed_in_new_york_shows_new_york_times() -> None:
    assert shown(read("meetup_feed.ics", zone=NEW_YORK)) == [
        ("Python Lisbon: March talks", "2026-03-12 14:30", "2026-03-12 17:00"),
        ("PyData NYC online: lightning talks", "2026-03-18 12:00", "2026-03-18 13:00"),
        ("Python Lisbon: April workshop", "2026-04-09 13:30", "2026-04-09 16:00"),
    ]


@pytest.mark.parametrize("zone", [LISBON, NEW_YORK, ZoneInfo("Pacific/Auckland")])
def test_all_day_events_are_dates_in_every_zone(zone: ZoneInfo) -> None:
    result = read("all_day.ics", zone=zone)
    assert shown(result) == [
        ("Lisbon Tech Day", "2026-05-20", "2026-05-21"),  # no DTEND: one day
        ("PyCon Portugal (day 1)", "2026-09-18", "2026-09-19"),
        ("Web Summit 2026", "2026-11-10", "2026-11-14"),  # DTEND is exclusive
    ]
    assert all(e.all_day and e.tz == "" for e in result.events)
    assert all(type(e.start) is date and type(e.end) is date for e in result.events)
    assert [e.last_day for e in result.events] == \
        [date(2026, 5, 20), date(2026, 9, 18), date(2026, 11, 13)]


def test_outlook_export_with_windows_zone_names() -> None:
    result = read("outlook_export.ics")
    assert shown(result) == [
        ("Partner sync (Berlin)", "2026-04-15 09:00", "2026-04-15 10:00"),
        ("Call with the New York office", "2026-04-16 14:00", "2026-04-16 14:30"),
        ("London mentoring circle", "2026-04-22 10:00", "2026-04-22 11:00"),
        ("Team offsite", "2026-05-06", "2026-05-08"),
        ("London mentoring circle", "2026-05-06 10:00", "2026-05-06 11:00"),  # 29 Apr: EXDATE
        ("London mentoring circle", "2026-05-13 10:00", "2026-05-13 11:00"),
    ]
    sync, call, circle = result.events[0], result.events[1], result.events[2]
    # a zone the file defines in a VTIMEZONE, one it only names: both are Windows names
    assert sync.tz == "Europe/Berlin" and call.tz == "America/New_York"
    assert circle.tz == "Europe/London"
    assert sync.start.astimezone(UTC) == datetime(2026, 4, 15, 8, 0, tzinfo=UTC)
    assert call.start.astimezone(UTC) == datetime(2026, 4, 16, 13, 0, tzinfo=UTC)
    assert sync.uid == ("040000008200E00074C5B7101A82E0080000000010A1B2C3D4E5F6010000000000"
                        "00000010000000A1B2C3D4E5F60718293A4B5C6D7E8F")  # unfolded
    assert sync.sequence == 1
    assert sync.description.startswith("Quarterly partner sync with the Berlin team.\n\n____")
    assert sync.description.endswith(
        "Microsoft Teams meeting\nJoin on your computer, mobile app or room device\n"
        "Click here to join the meeting")
    assert [e.recurrence_id for e in result.events if e.name == "London mentoring circle"] == \
        ["20260422T090000Z", "20260506T090000Z", "20260513T090000Z"]
    assert result.events[3].all_day and result.events[3].last_day == date(2026, 5, 7)


def test_google_export_with_only_x_wr_timezone_is_read_in_that_zone() -> None:
    result = read("google_export.ics", zone=NEW_YORK)
    assert shown(result) == [
        # UTC times in the file, a weekly rule across the US change to summer time on 8 March:
        # the meeting stays at 10:00 in New York, as Google shows it
        ("Boston founders check-in", "2026-03-02 10:00", "2026-03-02 10:30"),
        ("Boston founders check-in", "2026-03-09 10:00", "2026-03-09 10:30"),
        ("Boston founders check-in", "2026-03-16 10:00", "2026-03-16 10:30"),
        ("Lunch with Maria Chen", "2026-03-20 12:00", "2026-03-20 13:30"),
        ("Boston founders check-in", "2026-03-23 10:00", "2026-03-23 10:30"),
        ("Boston Startup Week", "2026-03-25", "2026-03-26"),
    ]
    assert {e.tz for e in result.events if not e.all_day} == {"America/New_York"}
    lunch = result.events[3]
    assert lunch.location == "Tatte Bakery, 1003 Beacon St, Brookline, MA 02446, USA"
    assert (lunch.sequence, lunch.description) == (1, "Lunch with Maria from the accelerator.")


def test_google_export_times_without_a_zone_belong_to_the_calendar_zone() -> None:
    lunch = next(e for e in read("google_export.ics").events if e.name.startswith("Lunch"))
    assert when(lunch) == ("2026-03-20 16:00", "2026-03-20 17:30")  # 12:00 in New York


def test_luma_single_event_with_url_and_long_folded_description() -> None:
    result = read("luma_event.ics")  # LF line ends, folds between multi-byte characters
    (event,) = result.events
    assert (event.name, *when(event)) == \
        ("AI Builders Lisbon — Demo Night 🚀", "2026-04-25 17:30", "2026-04-25 20:00")
    assert event.tz == "UTC" and event.url == "https://lu.ma/ai-builders-lisbon-demo-night"
    assert event.location == ("Second Home Lisboa, Mercado da Ribeira, Av. 24 de Julho 50, "
                              "1200-479 Lisboa, Portugal")
    assert event.description == (
        "Get up-to-date information at: https://lu.ma/ai-builders-lisbon-demo-night\n\nJoin us "
        "for an evening of demos from founders and engineers building with AI in Lisbon. Five "
        "teams, five minutes each, then questions from the floor — followed by drinks and "
        "networking on the terrace ☀️.\n\nAgenda:\n• 17:30 Doors open\n• 18:00 Demos\n"
        "• 19:00 Networking\n\nHosted by Joana Sousa & the AI Builders community. Café e "
        "pastéis de nata included; vegetarian options available.")
    assert when(read("luma_event.ics", zone=NEW_YORK).events[0]) == \
        ("2026-04-25 12:30", "2026-04-25 15:00")


@pytest.mark.parametrize("name", ["meetup_feed.ics", "all_day.ics", "weekly_meetup.ics",
                                  "monthly_open_ended.ics", "outlook_export.ics",
                                  "google_export.ics", "luma_event.ics"])
def test_every_occurrence_has_a_unique_key(name: str) -> None:
    events = read(name).events
    assert len({e.key for e in events}) == len(events) > 0
