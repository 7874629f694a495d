"""`netrhythm events import|export|list` as a user runs them: output, exit codes, files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tests.calendars.conftest import ics
from tests.helpers import Result, dump, run_cli

NOW = "2026-03-01T10:00:00"


def _cli(db: str, *args: str) -> Result:
    return run_cli(db, *args, now=NOW)


def test_import_list_and_export(where: str, tmp_path: Path) -> None:
    db = where
    assert _cli(db, "settings", "time-zone", "Europe/Lisbon").code == 0
    dry = _cli(db, "events", "import", str(ics("meetup_feed.ics")), "--dry-run")
    assert (dry.code, dry.out.splitlines()[1]) == \
        (0, "Would add 3, would update 0, would cancel 0, would remove 0, would skip 0; "
            "0 unchanged.")
    assert "No events yet" in _cli(db, "events", "list").out
    done = _cli(db, "events", "import", str(ics("meetup_feed.ics")))
    assert done.code == 0 and done.out.splitlines()[-1] == \
        "`netrhythm undo` reverts this import."
    listed = _cli(db, "events", "list").out.splitlines()
    assert listed[0] == "Upcoming"
    assert listed[1].split()[:5] == ["2026-03-12", "18:30–21:00", "Python", "Lisbon:",
                                     "March"]
    exported = _cli(db, "events", "export", "--format", "ics")
    assert exported.code == 0 and exported.out.startswith("BEGIN:VCALENDAR\n")
    assert exported.out.count("BEGIN:VEVENT") == 3 and "DESCRIPTION" not in exported.out
    out = tmp_path / "out.ics"
    wrote = _cli(db, "events", "export", "--output", str(out), "--with-notes")
    assert (wrote.code, wrote.err) == (0, f"Wrote {out}.\n")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert b"\r\nDESCRIPTION:Python Lisbon\\nThursday" in out.read_bytes()
    again = _cli(db, "events", "export", "--output", str(out))
    assert again.code == 2 and "already exists" in again.err
    assert _cli(db, "undo").out == "Undid: imported 3 events from meetup_feed.ics.\n"


def test_bad_input_exits_2_and_changes_nothing(where: str, tmp_path: Path) -> None:
    db = where
    assert _cli(db, "events", "import", str(ics("all_day.ics"))).code == 0
    before = dump(db)
    bad = _cli(db, "events", "import", str(ics("malformed_bad_date.ics")))
    assert (bad.code, bad.out) == (2, "")
    assert bad.err == ("netrhythm: error: malformed_bad_date.ics: line 14: DTSTART cannot be "
                       "read (Wrong datetime format: 20260332T180000Z)\n")
    fifo = tmp_path / "feed.ics"
    os.mkfifo(fifo)
    piped = _cli(db, "events", "import", str(fifo))
    assert piped.code == 2 and "is a named pipe (FIFO), not a file" in piped.err
    dates = _cli(db, "events", "import", str(ics("all_day.ics")), "--from", "2026-13-01")
    assert dates.code == 2 and dates.err.startswith("netrhythm: error: --from: ")
    assert _cli(db, "settings", "time-zone", "Europe/Lisbn").code == 2
    assert dump(db) == before


def test_cancelled_events_say_so_in_the_list(where: str, tmp_path: Path) -> None:
    db = where
    feed = tmp_path / "f.ics"
    body = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
            "UID:a@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260210\r\n"
            "SUMMARY:Demo day\r\nSEQUENCE:{seq}\r\n{status}END:VEVENT\r\nEND:VCALENDAR\r\n")
    feed.write_text(body.format(seq=0, status=""), newline="")
    assert _cli(db, "events", "import", str(feed)).code == 0
    assert _cli(db, "log", "attend-event", "--event", "Demo day", "--date", "2026-02-10").code == 0
    feed.write_text(body.format(seq=1, status="STATUS:CANCELLED\r\n"), newline="")
    assert "cancelled 1" in _cli(db, "events", "import", str(feed)).out
    assert "Demo day (cancelled)" in _cli(db, "events", "list").out
    assert '"cancelled": true' in _cli(db, "events", "list", "--json").out
