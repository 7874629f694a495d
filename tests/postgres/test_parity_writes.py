"""Writes alike on both backends, each made on the demo on a SQLite file and on a PostgreSQL
database: one change touching most tables (journaled alike, counted exactly, undone); a
vCard import, an export merged back in, and their undo; and what the everyday commands show,
a log and its undo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from netrhythm.services.context import Context
from netrhythm.services.transfer.exchange import export_json, import_contacts, import_json
from netrhythm.storage import (
    actions,
    contact_list,
    contacts,
    events,
    followups,
    journal,
    practices,
    settings,
)
from netrhythm.storage.tables import ChangeRow
from tests.helpers import FROZEN_NOW
from tests.postgres.parity import TODAY, Scenario
from tests.postgres.parity import answers as _answers
from tests.transfer.vcard_gen import cards


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
