"""The same data gives the same answers on both backends: the demo (a year of contacts,
actions, events, tags, follow-ups, reviews) is made on a SQLite file and on a PostgreSQL
database with the same seed and clock, then storage's queries, hand-written SQL from the
dialect module included, are asked the same questions on each and must answer alike."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from netrhythm.domain.clock import FixedClock
from netrhythm.paths import Location
from netrhythm.services.context import Context
from netrhythm.services.demo.create import create_demo
from netrhythm.services.transfer.exchange import export_json, import_contacts, import_json
from netrhythm.storage import (
    actions,
    cadence,
    contact_list,
    contacts,
    drafts,
    events,
    followups,
    fresh,
    journal,
    practices,
    settings,
    transfer,
)
from netrhythm.storage import db as storage_db
from netrhythm.storage.tables import ChangeRow, Contact, Tag, database, file_database
from tests.helpers import FROZEN_NOW
from tests.postgres.server import Server
from tests.transfer.vcard_gen import cards

TODAY = FROZEN_NOW.date()
DAY = TODAY.toordinal()


def _questions() -> dict[str, Callable[[], Any]]:
    """Storage's answers about the data in use, by name."""
    tag_ids = [t.id for t in Tag.select(Tag.id).order_by(Tag.id)]
    some = [c.id for c in Contact.select(Contact.id).order_by(Contact.id).limit(40)]
    first_event = next((e.id for e in reversed(events.list_events())), 0)
    return {
        "contact_lines": lambda: list(contact_list.contact_lines(TODAY, include_archived=True)),
        "contact_lines_some": lambda: list(contact_list.contact_lines(TODAY, ids=some[:7])),
        "longest_quiet": lambda: contact_list.longest_quiet(TODAY, TODAY - timedelta(30), 10),
        "longest_quiet_tagged": lambda: contact_list.longest_quiet(
            TODAY, TODAY - timedelta(14), 5, tag_ids[:2]),
        "load_contacts": lambda: contacts.load_contacts(as_of=TODAY),
        "load_some_active": lambda: contacts.load_contacts(some[:9], include_archived=False),
        "names_index": lambda: sorted(contacts.names_index()),
        "names_containing": lambda: sorted(contacts.names_containing("an")),
        "list_tags": contacts.list_tags,
        "tag_cadences": lambda: sorted(contacts.tag_cadences()),
        "overdue": lambda: contacts.overdue_contacts(TODAY),
        "overdue_later": lambda: contacts.overdue_contacts(TODAY + timedelta(60)),
        "new_between": lambda: contacts.ids_new_between(TODAY - timedelta(90), TODAY),
        "contact_facts": lambda: cadence.contact_facts(some),
        "due_week_counts": lambda: sorted(cadence.due_week_counts(TODAY, 0).items()),
        "fresh_ranked": lambda: fresh.ranked(DAY - 7, [first_event], ["acme", "initech"],
                                             tag_ids[:3], 12),
        "recent_people": lambda: sorted(fresh.recent_people(DAY - 60, DAY)),
        "recent_events": lambda: sorted(fresh.recent_events(DAY - 60, DAY)),
        "tags_of": lambda: sorted(fresh.tags_of(some)),
        "tag_sizes": lambda: fresh.tag_sizes(tag_ids),
        "active_count": fresh.active_count,
        "peers": lambda: [drafts.peers(c, tag_ids[:4], TODAY) for c in some[:10]],
        "practice_use": lambda: [drafts.practice_use(c) for c in some[:10]],
        "list_events": events.list_events,
        "upcoming": lambda: events.upcoming_events(TODAY),
        "summaries": lambda: events.event_summaries(4),
        "events_named": lambda: events.events_named("TECH MEETUP"),
        "people_at": lambda: [events.people_at(e.id) for e in events.list_events()],
        "actions_at": lambda: [events.actions_at(e.id) for e in events.list_events()],
        "actions_between": lambda: actions.actions_between(TODAY - timedelta(70), TODAY),
        "first_day": actions.first_day,
        "practices": lambda: practices.list_practices(include_archived=True),
        "action_counts": practices.action_counts,
        "weekly_counts": lambda: practices.weekly_counts(0),
        "weekly_counts_until": lambda: practices.weekly_counts(0, TODAY - timedelta(3)),
        "weekly_counts_tuesday": lambda: practices.weekly_counts(1, TODAY),
        "open_follow_ups": lambda: followups.open_follow_ups(TODAY + timedelta(30)),
        "due_with_meeting": lambda: followups.due_with_meeting(TODAY + timedelta(30)),
        "done_between": lambda: followups.follow_ups_done_between(TODAY - timedelta(90), TODAY),
        "paused_days": settings.paused_days,
        "review": lambda: settings.get_review(TODAY - timedelta(14), TODAY - timedelta(8)),
        "merge_state": transfer.merge_state,
    }


def _answers() -> dict[str, Any]:
    return {name: ask() for name, ask in _questions().items()}


Scenario = Callable[[Context, Path], Any]  # the data, and a folder for files


@pytest.fixture
def on_both(tmp_path: Path, pg_server: Server,
            pg_database: str) -> Iterator[Callable[[Scenario], tuple[Any, Any]]]:
    """Run a scenario on the demo made on a SQLite file, then on PostgreSQL: both results."""
    clock = FixedClock(FROZEN_NOW)

    def run(scenario: Scenario) -> tuple[Any, Any]:
        both = []
        for where in (Location(tmp_path / "demo.db"), Location.of(pg_server.url(pg_database))):
            storage_db.open_database(where, TODAY)
            ctx = Context(where, clock)
            create_demo(ctx)
            both.append(scenario(ctx, tmp_path))
            storage_db.close_database()
        return both[0], both[1]

    try:
        yield run
    finally:
        storage_db.close_database()
        database.initialize(file_database)


def test_storage_answers_alike_on_sqlite_and_postgresql(
        on_both: Callable[[Scenario], tuple[Any, Any]]) -> None:
    on_file, on_server = on_both(lambda ctx, folder: _answers())
    assert on_file["contact_lines"] and on_file["actions_between"] and on_file["overdue"]
    differing = [name for name in on_file if on_file[name] != on_server[name]]
    assert not differing, {name: (on_file[name], on_server[name]) for name in differing[:3]}


def _edit_then_undo(ctx: Context, folder: Path) -> dict[str, Any]:
    """One change touching most tables and every kind of trigger, then undo."""
    before = _answers()
    lines = list(contact_list.contact_lines(TODAY))
    edited = next(c for c in lines if c.tags and c.last_contact)
    deleted = next(c for c in lines if c.last_contact and c.id != edited.id)
    event = events.list_events()[-1]
    practice = practices.list_practices()[0]
    with journal.change("Edited a few things"):
        contacts.update_contact(edited.id, company="Initech", archived=True, met_on=None,
                                name="Zoë O'Neil 🌱")
        contacts.set_tags(edited.id, ["python", "brand-new"])
        events.update_event(event.id, name="Renamed", cancelled=True)
        new = actions.insert_action(practice.id, TODAY, "coffee", event.id, [edited.id],
                                    FROZEN_NOW)
        actions.insert_action(practice.id, TODAY - timedelta(400), "long ago", None,
                              [edited.id], FROZEN_NOW)
        followups.insert_follow_up(edited.id, TODAY + timedelta(7), "send slides", TODAY, new)
        contacts.delete_contact(deleted.id)
        settings.set_setting("week_start", 2)
    recorded = sorted((op, tbl, row_id) for op, tbl, row_id in ChangeRow.select(
        ChangeRow.op, ChangeRow.tbl, ChangeRow.row_id).tuples())
    counted = (practices.weekly_counts(2), practices._count_actions(2, None))
    reverted = journal.revert()
    return {"recorded": recorded, "counted": counted, "reverted": reverted,
            "restored": _answers() == before, "after": _answers()}


def test_a_change_is_journaled_alike_and_undone_on_both(
        on_both: Callable[[Scenario], tuple[Any, Any]]) -> None:
    on_file, on_server = on_both(_edit_then_undo)
    assert on_file["restored"] and on_server["restored"]
    assert on_file["reverted"] == on_server["reverted"]
    assert on_file["recorded"] == on_server["recorded"]
    assert on_file["counted"] == on_server["counted"]
    kept, counted = on_server["counted"]
    assert kept == counted  # week_count followed every write and the new week start
    assert on_file["after"] == on_server["after"]


def _import_export_undo(ctx: Context, folder: Path) -> dict[str, Any]:
    """vCards imported (ids given by storage), a contact added after them, the whole database
    exported and merged back in, then both undone."""
    cards_file = folder / "people.vcf"
    cards_file.write_text(cards(60), newline="")
    imported = import_contacts(ctx, cards_file, tag="bulk")
    added = contacts.insert_contact(["bulk"], name="After The Import", created_on=TODAY)
    exported = export_json(ctx)
    backup_file = folder / "backup.json"
    backup_file.write_text(exported)
    merged = import_json(ctx, backup_file, merge=True)
    after_merge = _answers()
    undone = [journal.undo() for _ in range(2)]
    return {"imported": (imported.read, imported.added, imported.merged), "added": added,
            "exported": exported, "merged": merged, "after_merge": after_merge,
            "undone": undone, "after_undo": _answers()}


def test_import_export_and_undo_alike_on_both(
        on_both: Callable[[Scenario], tuple[Any, Any]]) -> None:
    on_file, on_server = on_both(_import_export_undo)
    assert on_file["imported"] == (60, 60, 0)
    differing = [k for k in on_file if on_file[k] != on_server[k]]
    assert not differing, {k: (on_file[k], on_server[k]) for k in differing[:2]}


def test_a_files_export_restores_on_a_server_with_the_same_answers(
        tmp_path: Path, pg_server: Server, pg_database: str) -> None:
    """The demo exported from a SQLite file and imported into an empty PostgreSQL database
    (the bulk ``load`` path) answers every question alike; undo empties it again."""
    clock = FixedClock(FROZEN_NOW)
    file = Location(tmp_path / "demo.db")
    server = Location.of(pg_server.url(pg_database))
    try:
        storage_db.open_database(file, TODAY)
        create_demo(Context(file, clock))
        on_file = _answers()
        backup_file = tmp_path / "backup.json"
        backup_file.write_text(export_json(Context(file, clock)))
        storage_db.close_database()
        storage_db.open_database(server, TODAY)
        empty = _answers()
        import_json(Context(server, clock), backup_file)
        on_server = _answers()
        assert journal.undo() == "imported backup.json (140 contacts, 365 actions)"
        after_undo = _answers()
    finally:
        storage_db.close_database()
        database.initialize(file_database)
    differing = [k for k in on_file if on_file[k] != on_server[k]]
    assert not differing, {k: (on_file[k], on_server[k]) for k in differing[:2]}
    assert after_undo == empty


def _what_the_commands_show(ctx: Context, folder: Path) -> dict[str, Any]:
    """The services behind status, log, week, review, who-next, contacts and events."""
    from netrhythm.services.contacts.cold import gone_cold
    from netrhythm.services.contacts.contact_list import contact_list
    from netrhythm.services.contacts.fresh import fresh_picks
    from netrhythm.services.events import event_list
    from netrhythm.services.review.build import review
    from netrhythm.services.tracking.log import LogRequest, log_action
    from netrhythm.services.tracking.status import status
    from netrhythm.services.tracking.week_view import week_view

    shown = {"status": status(ctx), "week": week_view(ctx), "review": review(ctx),
             "cold": gone_cold(ctx), "fresh": fresh_picks(ctx), "contacts": list(contact_list(ctx)),
             "events": event_list(ctx)}
    logged = log_action(ctx, LogRequest("reach-out", ["Maria Chen"], note="coffee",
                                        follow_up_days=7, new_contacts=["Ana Novak"]))
    return {**shown, "logged": logged, "status after": status(ctx), "undo": journal.undo(),
            "status undone": status(ctx)}


def test_the_commands_show_the_same_on_both(
        on_both: Callable[[Scenario], tuple[Any, Any]]) -> None:
    on_file, on_server = on_both(_what_the_commands_show)
    assert on_file["undo"].startswith("logged")
    differing = [k for k in on_file if on_file[k] != on_server[k]]
    assert not differing, {k: (on_file[k], on_server[k]) for k in differing[:2]}
