"""Exporting events and follow-ups as .ics: the round trip, UIDs that stay, SEQUENCE that rises
with every change, netrhythm's own file imported back, and files that are private and new."""

from __future__ import annotations

import re
import stat
from datetime import date
from pathlib import Path

import pytest

from netrhythm.domain.clock import FixedClock
from netrhythm.domain.errors import InputError
from netrhythm.services import events as event_svc
from netrhythm.services import settings
from netrhythm.services.calendars.export import export_calendar, write_calendar, write_to_folder
from netrhythm.services.calendars.identity import read_database_id
from netrhythm.services.calendars.importer import import_calendar
from netrhythm.services.contacts.manage import ContactForm, add_contact, edit_contact
from netrhythm.services.context import Context, open_context
from netrhythm.services.undo import undo
from netrhythm.storage import followups as followup_store
from tests.calendars.conftest import COLUMNS, NOW, ics, rows
from tests.transfer.conftest import state

SAME = ("name", "held_on", "last_day", "starts_at", "ends_at", "tz", "location", "url",
        "notes", "cancelled")


def _fill(ctx: Context) -> None:
    for name in ("meetup_feed.ics", "all_day.ics", "outlook_export.ics", "google_export.ics"):
        import_calendar(ctx, ics(name))
    event_svc.add_event(ctx, event_svc.EventForm("Founders dinner", "2026-03-20",
                                                 "Taberna, Lisboa", notes="Bring; cards\n2"))
    maria = add_contact(ctx, ContactForm(name="Maria Chen"))
    followup_store.insert_follow_up(maria.id, date(2026, 3, 4), "Send the deck, as promised",
                                    date(2026, 3, 1))


def _uids(data: bytes) -> list[str]:
    return [u.decode() for u in re.findall(rb"UID:([^\r]+)", data)]


def _sequence(data: bytes, uid: str) -> int:
    block = data[data.index(f"UID:{uid}\r\n".encode()) - 400:]
    block = block[block.index(b"BEGIN:VEVENT"):]
    return int(re.search(rb"SEQUENCE:(\d+)", block[:block.index(b"END:VEVENT")]).group(1))


def test_round_trip_into_an_empty_database_gives_the_same_events(ctx: Context,
                                                                 tmp_path: Path) -> None:
    _fill(ctx)
    path = write_calendar(ctx, tmp_path / "out.ics", with_notes=True)
    upcoming = rows(ctx.location, "coalesce(last_day, held_on) >= '2026-03-01'", SAME)
    other = open_context(tmp_path / "other.db", FixedClock(NOW))
    try:
        settings.set_value(other, "time-zone", "Europe/Lisbon")
        summary = import_calendar(other, path)
        assert rows(other.db_path, columns=SAME) == upcoming
        assert summary.own_skipped == 1  # the follow-up
        assert len(summary.added) == len(upcoming) == 19
    finally:
        other.close()


def test_uids_name_the_database_and_stay_the_same(ctx: Context) -> None:
    _fill(ctx)
    first = export_calendar(ctx)
    database = read_database_id()
    assert database is not None and re.fullmatch(r"[0-9a-f]{12}", database)
    uids = _uids(first)
    assert f"event-1.{database}@netrhythm" in uids
    assert uids[-1] == f"follow-up-1.{database}@netrhythm"
    event_svc.add_event(ctx, event_svc.EventForm("Later", "2026-06-01"))
    assert set(uids) < set(_uids(export_calendar(ctx)))
    assert undo() == "added event Later"
    assert read_database_id() == database  # never undone: UIDs must not change
    assert export_calendar(ctx) == first


def test_sequence_rises_with_every_change_and_undo_puts_it_back(ctx: Context) -> None:
    _fill(ctx)
    database = read_database_id() or export_calendar(ctx) and read_database_id()
    talks = f"event-1.{database}@netrhythm"
    follow_up = f"follow-up-1.{database}@netrhythm"
    assert (_sequence(export_calendar(ctx), talks), _sequence(export_calendar(ctx), follow_up)) \
        == (0, 0)
    event_svc.edit_event(ctx, "#1", event_svc.EventForm(name="March talks"))
    event_svc.edit_event(ctx, "#1", event_svc.EventForm(location="Room 2"))
    event_svc.edit_event(ctx, "#1", event_svc.EventForm(location="Room 2"))  # no change
    edit_contact(ctx, "Maria Chen", ContactForm(name="Maria Chen-Silva"))
    data = export_calendar(ctx)
    assert (_sequence(data, talks), _sequence(data, follow_up)) == (2, 1)
    assert b"SUMMARY:Follow up with Maria Chen-Silva" in data
    for _ in range(3):  # the rename, the edit that changed nothing, the place
        undo()
    assert (_sequence(export_calendar(ctx), talks),
            _sequence(export_calendar(ctx), follow_up)) == (1, 0)


def test_moving_an_event_keeps_its_hours(ctx: Context) -> None:
    import_calendar(ctx, ics("meetup_feed.ics"))
    event_svc.edit_event(ctx, "#1", event_svc.EventForm(held_on="2026-04-02"))  # summer time
    assert rows(ctx.location, "id = 1", ("held_on", "starts_at", "ends_at")) == \
        [("2026-04-02", "2026-04-02T17:30:00Z", "2026-04-02T20:00:00Z")]  # 18:30 in Lisbon


def test_reimporting_its_own_export_updates_rather_than_duplicates(ctx: Context,
                                                                   tmp_path: Path) -> None:
    _fill(ctx)
    data = export_calendar(ctx)
    before = state(ctx.location)
    path = tmp_path / "own.ics"
    path.write_bytes(data)
    summary = import_calendar(ctx, path)
    assert (summary.added, summary.updated, summary.own_skipped) == ([], [], 1)
    assert summary.unchanged == 19 and state(ctx.location) == before
    database = read_database_id()
    ((dinner,),) = rows(ctx.location, "name = 'Founders dinner'", ("id",))
    newer = data.replace(b"SUMMARY:Founders dinner", b"SUMMARY:Founders dinner (moved)")
    uid = f"UID:event-{dinner}.{database}@netrhythm\r\nSEQUENCE:".encode()
    assert uid + b"0" in newer
    path.write_bytes(newer.replace(uid + b"0", uid + b"4"))
    count = len(rows(ctx.location))
    summary = import_calendar(ctx, path)
    assert [line.split(") (")[0].split(" ", 2)[2] for line in summary.updated] == \
        ["Founders dinner (moved"]
    assert rows(ctx.location, f"id = {dinner}", ("name", "uid")) == \
        [("Founders dinner (moved)", None)]
    assert len(rows(ctx.location)) == count
    event_svc.delete_event(ctx, f"#{dinner}")  # deleted here: the file brings it back, once
    assert len(import_calendar(ctx, path).added) == 1
    assert import_calendar(ctx, path).added == [] and len(rows(ctx.location)) == count


def test_another_databases_export_is_not_taken_for_ours(ctx: Context, tmp_path: Path) -> None:
    other = tmp_path / "theirs.ics"
    other.write_bytes(ics("all_day.ics").read_bytes().replace(
        b"UID:", b"UID:x").replace(b"UID:x", b"UID:event-1.aaaaaa@netrhythm-", 1))
    event_svc.add_event(ctx, event_svc.EventForm("Mine", "2026-04-01"))
    export_calendar(ctx)  # this database gets its id
    summary = import_calendar(ctx, other)
    assert len(summary.added) == 3
    assert rows(ctx.location, "id = 1", ("name",)) == [("Mine",)]


def test_follow_ups_are_transparent_all_day_events_and_notes_need_with_notes(
        ctx: Context) -> None:
    _fill(ctx)
    plain, noted = export_calendar(ctx), export_calendar(ctx, with_notes=True)
    block = plain[plain.index(b"UID:follow-up-1") - 300:]
    assert b"DTSTART;VALUE=DATE:20260304" in block and b"TRANSP:TRANSPARENT" in block
    assert b"DESCRIPTION" not in plain
    assert b"DESCRIPTION:Send the deck\\, as promised" in noted
    assert b"DESCRIPTION:Bring\\; cards\\n2" in noted
    assert b"VTODO" not in noted
    followup_store.complete_follow_ups([1], date(2026, 3, 1))
    assert b"follow-up-1" not in export_calendar(ctx)


def test_only_events_that_have_not_ended_go_out(ctx: Context) -> None:
    import_calendar(ctx, ics("weekly_meetup.ics"))
    data = export_calendar(ctx)
    assert data.count(b"BEGIN:VEVENT") == 4  # 5, 17, 24 and 31 March
    assert b"DTSTART;TZID=Europe/Lisbon:20260305T183000" in data


def test_files_are_private_and_never_replaced(ctx: Context, tmp_path: Path) -> None:
    _fill(ctx)
    path = write_calendar(ctx, tmp_path / "events.ics")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    first = path.read_bytes()
    event_svc.add_event(ctx, event_svc.EventForm("Later", "2026-06-01"))
    with pytest.raises(InputError, match="already exists"):
        write_calendar(ctx, path)
    assert path.read_bytes() == first
    folder = tmp_path / "exports"
    one, two = write_to_folder(ctx, folder), write_to_folder(ctx, folder)
    assert (one.name, two.name) == ("netrhythm-events-2026-03-01.ics",
                                    "netrhythm-events-2026-03-01-2.ics")
    assert stat.S_IMODE(two.stat().st_mode) == 0o600


def test_the_json_backup_keeps_calendar_events_whole(ctx: Context, tmp_path: Path) -> None:
    from netrhythm.services.transfer.exchange import export_json, import_json

    import_calendar(ctx, ics("weekly_meetup.ics"))
    event_svc.edit_event(ctx, "#3", event_svc.EventForm(name="Hack night (renamed)"))
    backup = tmp_path / "backup.json"
    backup.write_text(export_json(ctx))
    columns = (*COLUMNS, "revision", "notes")
    kept = rows(ctx.location, columns=columns)
    assert kept[2][-2:] == (1, "")  # the renamed one's revision
    other = open_context(tmp_path / "other.db", FixedClock(NOW))
    try:
        import_json(other, backup)
        assert rows(other.db_path, columns=columns) == kept
        event_svc.edit_event(other, "#3", event_svc.EventForm(name="Renamed here"))
        now = rows(other.db_path, columns=columns)
        merged = import_json(other, backup, merge=True)  # the same occurrences: none added
        assert merged.added.get("events", 0) == 0 and merged.skipped["events"] == len(kept)
        assert rows(other.db_path, columns=columns) == now
    finally:
        other.close()
