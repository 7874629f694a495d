"""Bad calendar files: one clear InputError naming the line and the fix, never a stack trace."""

from __future__ import annotations

import pytest

from netrhythm.domain.errors import InputError
from netrhythm.formats.ics_read import read_ics
from netrhythm.formats.ics_records import MAX_ICS_BYTES, Window
from tests.formats.ics_helpers import DATA, LISBON, TODAY

WINDOW = Window.around(TODAY)


def _error(data: bytes | str, source: str = "calendar file") -> str:
    with pytest.raises(InputError) as caught:
        read_ics(data, zone=LISBON, window=WINDOW, source=source)
    return str(caught.value)


@pytest.mark.parametrize(("name", "message"), [
    ("malformed_cut_off.ics",
     "line 11: BEGIN:VEVENT has no END:VEVENT; the file is cut off or damaged"),
    ("malformed_bad_date.ics",
     "line 14: DTSTART cannot be read (Wrong datetime format: 20260332T180000Z)"),
    ("malformed_bad_fold.ics",
     "line 9: 'forgot the leading space on the next lin…' is not an iCalendar line "
     "(NAME:value); a folded line must begin with a space"),
    ("malformed_unknown_zone.ics",
     "line 7: DTSTART is in the time zone 'Mars/Olympus_Mons', which the file does not define "
     "(no VTIMEZONE) and netrhythm does not know"),
    ("malformed_end_before_start.ics",
     "line 8: DTEND (2026-04-02T17:00:00+00:00) is before DTSTART (2026-04-02T18:00:00+00:00)"),
    ("malformed_bad_rule.ics",
     "line 8: RRULE cannot be read (Expected frequency, got: FORTNIGHTLY)"),
    ("malformed_never_happens.ics",
     "line 8: RRULE never happens (no day matches its BY... parts); fix or remove the rule"),
    ("malformed_no_start.ics",
     "line 4: the event has no DTSTART; every event needs a start date or time"),
    ("malformed_mismatched_end.ics",
     "line 8: END:VTODO where END:VEVENT was expected; the file is damaged"),
])
def test_malformed_fixture_names_the_line(name: str, message: str) -> None:
    assert _error((DATA / name).read_bytes(), source=name) == f"{name}: {message}"


@pytest.mark.parametrize(("body", "message"), [
    ("DTSTART:20260402T180000Z\nDTEND;VALUE=DATE:20260403",
     "line 6: DTEND and DTSTART must both be dates or both be date-times"),
    ("DTSTART:20260402T180000Z\nDURATION:-PT1H", "line 6: DURATION is negative"),
    ("DTSTART:20260402T180000Z\nDURATION:PT1X", "line 6: DURATION cannot be read"),
    ("DTSTART:20260402T180000Z\nSEQUENCE:two", "line 6: SEQUENCE is not a whole number"),
    ("DTSTART:20260402T180000Z\nRRULE:FREQ=WEEKLY\nSEQUENCE:two", "line 7: SEQUENCE cannot"),
    ("DTSTART:20260402T180000Z\nRRULE:FREQ=HOURLY",
     "line 6: RRULE repeats hourly; netrhythm imports events that repeat at most daily"),
    ("DTSTART:20260402T180000Z\nRRULE:FREQ=WEEKLY;BYSETPOS=400",
     "line 6: RRULE never happens"),
    ("DTSTART:20260402T180000Z\nRRULE:FREQ=MONTHLY;BYDAY=6MO", "line 6: RRULE never happens"),
    ("DTSTART:19000101T180000Z\nRRULE:FREQ=DAILY",
     "line 6: RRULE makes more than 40,000 occurrences from its start (1900-01-01) to "
     "2027-03-03; netrhythm cannot expand a rule this dense"),
    ("DTSTART:20260402T180000Z\nRRULE:FREQ=WEEKLY\nEXDATE;TZID=Nowhere/Land:20260409T180000",
     "line 7: EXDATE is in the time zone 'Nowhere/Land'"),
    ("DTSTART;TZID=\"Europe/Lisbon:20260402T180000", "line 5: 'DTSTART;TZID=\"Europe/Lisbon"),
])
def test_bad_values_name_their_line(body: str, message: str) -> None:
    text = "BEGIN:VCALENDAR\nPRODID:x\nBEGIN:VEVENT\nUID:u@example.org\n" + body + \
        "\nEND:VEVENT\nEND:VCALENDAR\n"
    assert _error(text).startswith(f"calendar file: {message}")


def test_dense_rules_share_one_budget_per_file() -> None:
    events = "".join(f"BEGIN:VEVENT\nUID:{n}@x\nDTSTART:19500101T100000Z\nRRULE:FREQ=DAILY\n"
                     "END:VEVENT\n" for n in range(6))  # 28,000 each, fine alone
    message = _error(f"BEGIN:VCALENDAR\n{events}END:VCALENDAR\n")
    assert "RRULE makes more than" in message and "from its start (1950-01-01)" in message


@pytest.mark.parametrize(("data", "message"), [
    (b"", "calendar file: is empty; there is nothing to import"),
    (b"\n \n", "calendar file: is empty; there is nothing to import"),
    (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maria Chen\r\nEND:VCARD\r\n",
     "calendar file: line 1: does not begin with BEGIN:VCALENDAR; this is a vCard (contacts)"),
    (b"name,email\nMaria,maria@example.org\n",
     "calendar file: line 1: does not begin with BEGIN:VCALENDAR; this is not an iCalendar "
     "(.ics) file"),
    (b"BEGIN:VCALENDAR\nSUMMARY:caf\xe9\nEND:VCALENDAR\n",
     "calendar file: line 2: the byte 0xe9 is not valid UTF-8; save it as UTF-8 and import "
     "again"),
    ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".encode("utf-16"),
     "calendar file: is UTF-16 text; save it as UTF-8 and import again"),
    (b"\xef\xbb\xbfBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nX-AFTER:1",  # a BOM is fine
     "calendar file: line 3: 'X-AFTER:1' comes after END:VCALENDAR; the file is damaged"),
    (b"BEGIN:VCALENDAR\nEND:VCALENDAR\nX-TRAILER:1\n",
     "calendar file: line 3: 'X-TRAILER:1' comes after END:VCALENDAR; the file is damaged"),
    (b"BEGIN:VCALENDAR\nEND:VCALENDAR\nBEGIN:VEVENT\n",
     "calendar file: line 3: BEGIN:VEVENT comes after END:VCALENDAR; the file is damaged"),
    (b"BEGIN:VCALENDAR\nX-WR-TIMEZONE:Mars/Base\nEND:VCALENDAR\n",
     "calendar file: line 2: X-WR-TIMEZONE 'Mars/Base' is not a known time zone"),
    (b"BEGIN:VCALENDAR\nX-WR-TIMEZONE:../../etc/passwd\nEND:VCALENDAR\n",
     "calendar file: line 2: X-WR-TIMEZONE '../../etc/passwd' is not a known time zone"),
])
def test_files_that_are_not_calendars(data: bytes, message: str) -> None:
    assert _error(data) == message


def test_deep_nesting_is_refused() -> None:
    nested = "BEGIN:VCALENDAR\n" + "BEGIN:X-DEEP\n" * 600 + "END:X-DEEP\n" * 600 + \
        "END:VCALENDAR\n"
    assert _error(nested) == "calendar file: line 9: components nested more than 8 deep; " \
                             "the file is damaged"


def test_files_over_the_size_limit_are_refused_before_parsing() -> None:
    data = b"BEGIN:VCALENDAR\n" + b"X-PAD:" + b"x" * MAX_ICS_BYTES + b"\nEND:VCALENDAR\n"
    assert _error(data) == "calendar file: is 20.0 MB; the limit is 20 MB. Export a shorter " \
                           "date range"


def test_an_empty_calendar_reads_to_nothing() -> None:
    result = read_ics(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", zone=LISBON,
                      window=WINDOW)
    assert result.events == () and result.uids == frozenset()


def test_unread_properties_and_components_do_not_block_an_import() -> None:
    text = ("BEGIN:VCALENDAR\nBEGIN:VTODO\nDUE:garbage\nEND:VTODO\nBEGIN:VEVENT\nUID:a@x\n"
            "DTSTART:20260402T180000Z\nGEO:not;a;place\nATTENDEE;CN=\"Ana; \"Boss\":mailto:x\n"
            "BEGIN:VALARM\nTRIGGER:whenever\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR\n")
    (event,) = read_ics(text, zone=LISBON, window=WINDOW).events
    assert event.uid == "a@x"


def test_a_huge_folded_description_reads_in_linear_time() -> None:
    folded = "\r\n ".join(["x" * 74] * 200_000)  # 15 MB in one property
    text = ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:big@x\r\nDTSTART:20260402T180000Z\r\n"
            f"DESCRIPTION:{folded}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    (event,) = read_ics(text, zone=LISBON, window=WINDOW).events
    assert len(event.description) == 74 * 200_000
