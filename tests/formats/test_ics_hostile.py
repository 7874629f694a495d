"""Hostile text from calendar files: control characters and bidi overrides stripped and
counted, right-to-left text and markup-like text kept exactly as written."""

from __future__ import annotations

import pytest

from netrhythm.formats.ics_read import read_ics
from netrhythm.formats.ics_records import Window
from netrhythm.formats.sanitize import Stripper, strip_unsafe
from tests.formats.ics_helpers import LISBON, TODAY, read


def test_hostile_fixture_is_cleaned_and_counted() -> None:
    result = read("hostile_text.ics")
    (event,) = result.events
    # ESC and BEL of a terminal title sequence, U+202E and U+202C: gone; the rest is literal
    assert event.name == "]0;pwnedFree pizza ecnis [bold red]now[/] <b>x</b>"
    assert event.location == "Room31m 1, floor 2"  # C1 U+009B and DEL removed
    assert event.description == (
        "Line one\nLine\ttwo <script>alert(1)</script>\n"
        "\u200fRTL mark kept \u2067\u05e9\u05dc\u05d5\u05dd\u2069 "  # RLM and isolates stay
        "[link=file:///etc/passwd]click[/link]")
    assert event.url == "https://example.org/event"  # U+202A removed
    # ESC, BEL, U+202E, U+202C, U+009B, DEL, NUL, U+202A
    assert result.stripped == 8


def test_text_of_a_repeating_event_is_counted_once() -> None:
    text = ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:r@x\nDTSTART:20260402T180000Z\n"
            "RRULE:FREQ=WEEKLY;COUNT=5\nSUMMARY:Weekly\x07 sync\nEND:VEVENT\nEND:VCALENDAR\n")
    result = read_ics(text, zone=LISBON, window=Window.around(TODAY))
    assert [e.name for e in result.events] == ["Weekly sync"] * 5
    assert result.stripped == 1


@pytest.mark.parametrize(("raw", "one_line", "clean", "removed"), [
    ("plain", False, "plain", 0),
    ("a\tb\nc\r\nd\re", False, "a\tb\nc\nd\ne", 0),
    ("a\tb\nc\r\nd", True, "a b c d", 0),
    ("\x00\x01\x08\x0b\x0c\x0e\x1f\x7f", False, "", 8),
    ("\x80\x85\x9b\x9d\x9f", False, "", 5),
    ("\u202a\u202b\u202c\u202d\u202e", True, "", 5),
    ("\u200e\u200f\u2066\u2067\u2068\u2069", False, "\u200e\u200f\u2066\u2067\u2068\u2069", 0),
    ("  spaced   out  ", True, "spaced out", 0),
    ("[b]x[/b] $accent <i>", True, "[b]x[/b] $accent <i>", 0),
])
def test_strip_unsafe(raw: str, one_line: bool, clean: str, removed: int) -> None:
    assert strip_unsafe(raw, one_line=one_line) == (clean, removed)


def test_stripper_adds_up_across_fields() -> None:
    stripper = Stripper()
    assert (stripper.line("a\x1bb"), stripper.text("c\x9bd\ne"), stripper.line(None)) == \
        ("ab", "cd\ne", "")
    assert stripper.removed == 2
