"""A calendar imported again after it changed: higher SEQUENCE updates, older copies are
skipped, cancelled or dropped occurrences go (or stay, marked cancelled, when something links
to them), and one undo takes any import back, byte for byte."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from netrhythm.services import events as event_svc
from netrhythm.services.calendars.importer import import_calendar
from netrhythm.services.calendars.summary import CalendarSummary
from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.services.undo import undo
from netrhythm.storage import followups as followup_store
from netrhythm.storage.journal import latest
from tests.calendars.conftest import calendar, rows, vevent, write
from tests.transfer.conftest import state

WEEKLY = ("UID:weekly@example.org\r\nDTSTAMP:20260101T120000Z\r\nSUMMARY:Coffee club\r\n"
          "DTSTART;TZID=Europe/Lisbon:20260203T090000\r\n"
          "DTEND;TZID=Europe/Lisbon:20260203T100000\r\n"
          "RRULE:FREQ=WEEKLY;COUNT=4\r\nSEQUENCE:{seq}{extra}")


def _import(ctx: Context, folder: Path, *events: str, **options: Any) -> CalendarSummary:
    return import_calendar(ctx, write(folder, calendar(*events)), **options)


def _id(ctx: Context, name: str) -> int:
    (found,) = [e.id for e in event_svc.list_events(ctx)[0] + event_svc.list_events(ctx)[1]
                if e.name == name]
    return found


def test_a_higher_sequence_updates_the_same_sequence_changes_nothing(ctx: Context,
                                                                      tmp_path: Path) -> None:
    _import(ctx, tmp_path, vevent("a@x", "20260312T183000Z", "Talks"),
            vevent("b@x", "20260313T183000Z", "Workshop"))
    event_svc.edit_event(ctx, "Talks", event_svc.EventForm(notes="Ask Ana about intros"))
    summary = _import(ctx, tmp_path,
                      vevent("a@x", "20260319T170000Z", "Talks (moved)", sequence=1,
                             extra="LOCATION:Room 2"),
                      vevent("b@x", "20260313T183000Z", "Workshop (renamed)"),
                      vevent("c@x", "20260320", "Open day"))
    assert rows(ctx.location, columns=("name", "held_on", "starts_at", "location", "sequence")) \
        == [("Workshop", "2026-03-13", "2026-03-13T18:30:00Z", "", 0),
            ("Talks (moved)", "2026-03-19", "2026-03-19T17:00:00Z", "Room 2", 1),
            ("Open day", "2026-03-20", None, "", 0)]
    assert event_svc.get_event(_id(ctx, "Talks (moved)")).notes == "Ask Ana about intros"
    assert (len(summary.added), summary.unchanged) == (1, 1)
    assert summary.updated == ["line 4 Talks (moved) (Thu 19 Mar 2026 17:00)"]
    assert latest() == "imported 1 event from feed.ics, updated 1"


def test_an_older_copy_is_skipped(ctx: Context, tmp_path: Path) -> None:
    _import(ctx, tmp_path, vevent("a@x", "20260312T183000Z", "Talks v3", sequence=3))
    summary = _import(ctx, tmp_path, vevent("a@x", "20260312T183000Z", "Talks v1", sequence=1))
    assert rows(ctx.location, columns=("name",)) == [("Talks v3",)]
    assert summary.skipped == [("line 4 Talks v1 (Thu 12 Mar 2026 18:30)",
                                "an older copy (SEQUENCE 1; this one is at 3)")]


def _linked_feed(ctx: Context, tmp_path: Path) -> dict[str, int]:
    """Four past events: one with an action, one with a contact met there (and the follow-up
    that schedules), one with only a follow-up, one with nothing."""
    _import(ctx, tmp_path, *(vevent(f"{n}@x", f"202602{10 + i}T180000Z", n.title())
                             for i, n in enumerate(("acted", "met", "followed", "alone"))))
    ids = {n: _id(ctx, n.title()) for n in ("acted", "met", "followed", "alone")}
    log_action(ctx, LogRequest("attend-event", date="2026-02-10", event=f"#{ids['acted']}"))
    add_contact(ctx, ContactForm(name="Ana Ruiz", met_at=f"#{ids['met']}"))
    maria = add_contact(ctx, ContactForm(name="Maria Chen"))
    followup_store.insert_follow_up(maria.id, date(2026, 2, 20), "", date(2026, 2, 12),
                                    event_id=ids["followed"])
    return ids


def test_cancelled_events_go_unless_something_links_to_them(ctx: Context,
                                                            tmp_path: Path) -> None:
    ids = _linked_feed(ctx, tmp_path)
    summary = _import(ctx, tmp_path, *(
        vevent(f"{n}@x", f"202602{10 + i}T180000Z", n.title(), sequence=1,
               extra="STATUS:CANCELLED")
        for i, n in enumerate(("acted", "met", "followed", "alone"))))
    assert rows(ctx.location, columns=("id", "cancelled")) == \
        [(ids["acted"], 1), (ids["met"], 1), (ids["followed"], 1)]
    assert [line.split(":")[0] for line in summary.cancelled] == [
        "line 4 Acted (Tue 10 Feb 2026 18", "line 13 Met (Wed 11 Feb 2026 18",
        "line 22 Followed (Thu 12 Feb 2026 18"]
    assert summary.removed == ["line 31 Alone (Fri 13 Feb 2026 18:00): cancelled in the "
                               "calendar"]
    assert summary.lines()[1] == \
        "Added 0, updated 0, cancelled 3, removed 1, skipped 0; 0 unchanged."
    past = event_svc.list_events(ctx)[1]
    assert [(e.name, e.cancelled) for e in past] == \
        [("Followed", True), ("Met", True), ("Acted", True)]
    again = _import(ctx, tmp_path, vevent("acted@x", "20260210T180000Z", "Acted", sequence=1,
                                          extra="STATUS:CANCELLED"))
    assert again.unchanged == 1 and not again.changed


def test_occurrences_dropped_by_a_later_exdate(ctx: Context, tmp_path: Path) -> None:
    _import(ctx, tmp_path, WEEKLY.format(seq=0, extra=""))
    days = [r[0] for r in rows(ctx.location, columns=("held_on",))]
    assert days == ["2026-02-03", "2026-02-10", "2026-02-17", "2026-02-24"]
    (third,) = [i for (i,) in rows(ctx.location, "held_on = '2026-02-17'", ("id",))]
    log_action(ctx, LogRequest("attend-event", date="2026-02-17", event=f"#{third}"))
    summary = _import(ctx, tmp_path, WEEKLY.format(
        seq=1, extra="\r\nEXDATE;TZID=Europe/Lisbon:20260210T090000,20260217T090000"))
    assert rows(ctx.location, columns=("held_on", "cancelled")) == \
        [("2026-02-03", 0), ("2026-02-17", 1), ("2026-02-24", 0)]
    assert summary.removed == ["Coffee club (Tue 10 Feb 2026): no longer in the calendar"]
    assert summary.cancelled == ["Coffee club (Tue 17 Feb 2026): no longer in the calendar; "
                                 "kept, marked cancelled"]


def test_a_narrower_import_does_not_drop_what_it_did_not_read(ctx: Context,
                                                              tmp_path: Path) -> None:
    _import(ctx, tmp_path, WEEKLY.format(seq=0, extra=""))
    summary = _import(ctx, tmp_path, WEEKLY.format(seq=0, extra=""), first="2026-02-15")
    assert (summary.read, summary.unchanged, summary.removed) == (2, 2, [])
    summary = _import(ctx, tmp_path, WEEKLY.format(seq=0, extra=""), match="tea")
    assert (summary.read, summary.removed, len(rows(ctx.location))) == (0, [], 4)


def test_undo_takes_back_an_import_byte_for_byte(ctx: Context, tmp_path: Path) -> None:
    ids = _linked_feed(ctx, tmp_path)
    assert ids
    before = state(ctx.location)
    _import(ctx, tmp_path,
            vevent("acted@x", "20260210T180000Z", "Acted", sequence=1, extra="STATUS:CANCELLED"),
            vevent("alone@x", "20260213T180000Z", "Alone", sequence=1,
                   extra="STATUS:CANCELLED"),
            vevent("met@x", "20260211T190000Z", "Met (later)", sequence=2),
            *(vevent(f"new{n}@x", f"202603{10 + n}T180000Z", f"New {n}") for n in range(5)))
    assert state(ctx.location) != before
    assert undo() is not None
    assert state(ctx.location) == before


def test_a_cancelled_event_is_not_suggested_as_upcoming(ctx: Context, tmp_path: Path) -> None:
    from netrhythm.storage import drafts as draft_store
    from netrhythm.storage import events as event_store

    _import(ctx, tmp_path, vevent("a@x", "20260312T183000Z", "Talks"),
            vevent("b@x", "20260313T183000Z", "Workshop"))
    add_contact(ctx, ContactForm(name="Ana Ruiz", met_at="Talks"))  # keeps it when cancelled
    _import(ctx, tmp_path, vevent("a@x", "20260312T183000Z", "Talks", sequence=1,
                                  extra="STATUS:CANCELLED"),
            vevent("b@x", "20260313T183000Z", "Workshop"))
    assert [e.name for e in event_svc.list_events(ctx)[0]] == ["Talks", "Workshop"]
    assert [e.name for e in event_store.upcoming_events(date(2026, 3, 1))] == ["Workshop"]
    assert [n for n, _, _ in draft_store.events_between(date(2026, 3, 1),
                                                        date(2026, 3, 31))] == ["Workshop"]


def test_long_names_are_cut_to_the_limit_and_counted(ctx: Context, tmp_path: Path) -> None:
    long_url = "URL:https://example.org/" + "x" * 300
    summary = _import(ctx, tmp_path, vevent(
        "a@x", "20260312T183000Z", "N" * 300,
        extra=f"LOCATION:{'L' * 250}\r\n{long_url}\r\nDESCRIPTION:{'d' * 25_000}"))
    ((name, location, url, notes),) = rows(ctx.location, columns=("name", "location", "url",
                                                                  "notes"))
    assert (len(str(name)), str(name)[-1]) == (200, "…")
    assert (len(str(location)), url, len(str(notes))) == (200, "", 20_000)
    assert summary.shortened == 4
    assert summary.lines()[-2] == (
        "Note: shortened 4 texts to netrhythm's limits (names and places 200 characters, notes "
        "20,000; longer links left out).")
    event_svc.edit_event(ctx, f"#{_id(ctx, str(name))}", event_svc.EventForm(location="Here"))
