"""Writing .ics: stable UIDs and SEQUENCE, RFC 5545 escaping and folding, and a round trip."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from netrhythm.formats.ics_read import read_ics
from netrhythm.formats.ics_records import Window, event_uid, follow_up_uid, own_id
from netrhythm.formats.ics_write import EventOut, FollowUpOut, write_ics
from tests.formats.ics_helpers import LISBON, NEW_YORK

STAMP = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
TODAY = date(2026, 11, 23)
TOKYO = ZoneInfo("Asia/Tokyo")
EVENTS = [
    EventOut(1, "PyCon Lisbon, day 1; keynote \\ talks", datetime(2026, 12, 1, 9, tzinfo=LISBON),
             datetime(2026, 12, 1, 18, tzinfo=LISBON), sequence=2, location="Rua X, 12; 2º",
             url="https://example.org/e?a=1;b=2", notes="Bring badge.\nAsk Ana about intros."),
    EventOut(2, "Web Summit", date(2026, 11, 10), date(2026, 11, 14)),
    EventOut(3, "Tokyo founders breakfast", datetime(2027, 1, 15, 8, tzinfo=TOKYO),
             datetime(2027, 1, 15, 9, 30, tzinfo=TOKYO), sequence=5),
    EventOut(4, "Remote demo day", datetime(2027, 2, 2, 17, tzinfo=UTC), None, cancelled=True),
]
FOLLOW_UPS = [FollowUpOut(7, "Maria Chen", date(2026, 12, 2), sequence=1,
                          note="Send the deck, as promised")]


DB = "k3v9x2"


def _write(**options: object) -> bytes:
    return write_ics(EVENTS, FOLLOW_UPS, stamp=STAMP, database=DB,
                     **options)  # type: ignore[arg-type]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\r\n")


def test_round_trip_gives_back_the_same_events() -> None:
    result = read_ics(_write(), zone=LISBON, window=Window.around(TODAY))
    got = [(e.uid, e.sequence, e.name, e.start, e.end, e.tz, e.all_day, e.location, e.url,
            e.description, e.cancelled, e.recurrence_id) for e in result.events]
    assert got == [
        ("event-2.k3v9x2@netrhythm", 0, "Web Summit", date(2026, 11, 10), date(2026, 11, 14), "",
         True, "", "", "", False, None),
        ("event-1.k3v9x2@netrhythm", 2, "PyCon Lisbon, day 1; keynote \\ talks",
         datetime(2026, 12, 1, 9, tzinfo=LISBON), datetime(2026, 12, 1, 18, tzinfo=LISBON),
         "Europe/Lisbon", False, "Rua X, 12; 2º", "https://example.org/e?a=1;b=2",
         "Bring badge.\nAsk Ana about intros.", False, None),
        ("event-3.k3v9x2@netrhythm", 5, "Tokyo founders breakfast",
         datetime(2027, 1, 15, 8, tzinfo=TOKYO), datetime(2027, 1, 15, 9, 30, tzinfo=TOKYO),
         "Asia/Tokyo", False, "", "", "", False, None),
        ("event-4.k3v9x2@netrhythm", 0, "Remote demo day", datetime(2027, 2, 2, 17, tzinfo=UTC),
         datetime(2027, 2, 2, 17, tzinfo=UTC), "UTC", False, "", "", "", True, None),
    ]
    assert result.own_skipped == 1  # the follow-up is netrhythm's own: not an event
    assert [own_id(e.uid, DB) for e in result.events] == [2, 1, 3, 4]
    assert [own_id(e.uid, "other") for e in result.events] == [None] * 4


def test_round_trip_in_another_zone_keeps_the_moments() -> None:
    here = read_ics(_write(), zone=LISBON, window=Window.around(TODAY)).events
    there = read_ics(_write(), zone=NEW_YORK, window=Window.around(TODAY)).events
    assert [e.start for e in here] == [e.start for e in there]
    assert there[1].local_start == datetime(2026, 12, 1, 4, 0)  # 09:00 Lisbon


def test_uids_and_sequence_are_stable_and_dtstamp_is_the_given_time() -> None:
    data = _write()
    assert re.findall(rb"UID:([^\r]+)", data) == [
        b"event-1.k3v9x2@netrhythm", b"event-2.k3v9x2@netrhythm", b"event-3.k3v9x2@netrhythm",
        b"event-4.k3v9x2@netrhythm", b"follow-up-7.k3v9x2@netrhythm"]
    assert re.findall(rb"SEQUENCE:(\d+)", data) == [b"2", b"0", b"5", b"0", b"1"]
    assert set(re.findall(rb"DTSTAMP:([^\r]+)", data)) == {b"20261123T100000Z"}
    assert _write() == data  # the same input writes the same bytes
    changed = write_ics([EventOut(1, "PyCon Lisbon (moved)", EVENTS[0].start, sequence=3)],
                        stamp=STAMP, database=DB)
    assert b"UID:event-1.k3v9x2@netrhythm" in changed and b"SEQUENCE:3" in changed


def test_uids_name_the_database_and_only_its_own_map_back() -> None:
    assert (event_uid(12, DB), follow_up_uid(7, DB)) == \
        ("event-12.k3v9x2@netrhythm", "follow-up-7.k3v9x2@netrhythm")
    assert (own_id("event-12.k3v9x2@netrhythm", DB),
            own_id("follow-up-7.k3v9x2@netrhythm", DB)) == (12, None)
    assert own_id("follow-up-7.k3v9x2@netrhythm", DB, "follow-up") == 7
    assert own_id("event-12.k3v9x2@netrhythm", "a1b2c3") is None  # another database's
    assert own_id("event-12@netrhythm", DB) is None
    assert own_id("event-12.k3v9x2@netrhythm.example", DB) is None
    with pytest.raises(ValueError, match="database id"):
        event_uid(1, "Not/Safe")


def test_follow_ups_are_transparent_all_day_events_with_a_marker() -> None:
    data = _write()
    block = data[data.rindex(b"BEGIN:VEVENT"):data.rindex(b"END:VEVENT")]  # written last
    assert b"UID:follow-up-7.k3v9x2@netrhythm\r\n" in block
    assert b"DTSTART;VALUE=DATE:20261202\r\n" in block
    assert b"DTEND;VALUE=DATE:20261203\r\n" in block
    assert b"TRANSP:TRANSPARENT\r\n" in block and b"X-NETRHYTHM-KIND:follow-up\r\n" in block
    assert b"SUMMARY:Follow up with Maria Chen\r\n" in block
    assert b"DESCRIPTION:Send the deck\\, as promised\r\n" in block
    assert b"VTODO" not in data


def test_calendar_header_and_zones() -> None:
    data = _write()
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//netrhythm//netrhythm ")
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert re.findall(rb"TZID:([^\r]+)", data) == [b"Asia/Tokyo", b"Europe/Lisbon"]
    assert b"DTSTART;TZID=Europe/Lisbon:20261201T090000\r\n" in data
    assert b"DTSTART:20270202T170000Z\r\n" in data and b"STATUS:CANCELLED\r\n" in data
    assert b"DTSTART;VALUE=DATE:20261110\r\n" in data


def test_text_is_escaped_per_rfc_5545() -> None:
    data = _write()
    assert b"SUMMARY:PyCon Lisbon\\, day 1\\; keynote \\\\ talks\r\n" in data
    assert "LOCATION:Rua X\\, 12\\; 2º\r\n".encode() in data
    assert b"DESCRIPTION:Bring badge.\\nAsk Ana about intros.\r\n" in data
    assert b"URL:https://example.org/e?a=1;b=2\r\n" in data  # a URI is not TEXT


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character() -> None:
    notes = "Agenda — " + "café, pastéis e networking 🚀; " * 40
    data = write_ics([EventOut(9, "Long " * 30, EVENTS[0].start, notes=notes)], stamp=STAMP,
                     database=DB)
    lines = _lines(data)
    assert max(len(line) for line in lines) <= 75
    assert sum(line.startswith(b" ") for line in lines) > 10
    for line in lines:
        line.decode("utf-8")  # every physical line is whole UTF-8: no character split
    (event,) = read_ics(data, zone=LISBON, window=Window.around(TODAY)).events
    assert event.description == notes.strip() and event.name == ("Long " * 30).strip()


def test_notes_only_when_the_caller_passes_them() -> None:
    data = write_ics([EventOut(1, "Meetup", EVENTS[0].start, notes=None)],
                     [FollowUpOut(2, "Ana", date(2026, 12, 1))], stamp=STAMP, database=DB)
    assert b"DESCRIPTION" not in data


def test_control_characters_never_reach_the_file() -> None:
    data = write_ics([EventOut(1, "Bad\x1b[31m name\u202e", EVENTS[0].start,
                               notes="line\x00 one\nline\ttwo\x9b")], stamp=STAMP, database=DB)
    assert b"\x1b" not in data and b"\x00" not in data
    assert "\u202e".encode() not in data and "\x9b".encode() not in data
    assert b"SUMMARY:Bad[31m name\r\n" in data
    assert b"DESCRIPTION:line one\\nline\ttwo\r\n" in data


def test_naive_times_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match="aware"):
        write_ics([EventOut(1, "x", datetime(2026, 12, 1, 9))], stamp=STAMP, database=DB)
    with pytest.raises(ValueError, match="aware"):
        write_ics([], stamp=datetime(2026, 12, 1, 9), database=DB)


def test_the_same_events_give_the_same_bytes_in_every_process() -> None:
    script = ("import sys; from tests.formats.test_ics_write import _write; "
              "sys.stdout.buffer.write(_write())")
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2", "3")}
    assert len(outputs) == 1 and outputs.pop() == _write()
