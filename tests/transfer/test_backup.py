"""The full JSON backup: `netrhythm export` and `netrhythm import FILE [--merge]`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from netrhythm.domain.errors import InputError
from netrhythm.services import practices as practice_service
from netrhythm.services.contacts import manage as contact_service
from netrhythm.services.context import Context
from netrhythm.services.transfer.exchange import export_json, import_json
from netrhythm.services.undo import latest_change, undo
from netrhythm.storage.db import LATEST_VERSION
from tests.transfer.conftest import by_name, data, state

TABLES = ["practices", "actions", "contacts", "tags", "contact_tags", "events", "follow_ups",
          "reviews", "settings", "paused_weeks", "nudge_log"]


def _journaled(ctx: Context) -> list[str]:
    """The database without the nudge log, which undo does not touch (sent is sent)."""
    return [line for line in state(ctx.location) if "nudge_log" not in line]


def test_export_document_is_versioned_and_complete(ctx: Context) -> None:
    doc = json.loads(export_json(ctx))
    assert (doc["format"], doc["version"], doc["schema_version"]) == (
        "netrhythm-export", 1, LATEST_VERSION)
    assert doc["exported_at"] == "2026-11-23T10:00:00"
    assert set(TABLES) <= set(doc)
    assert [p["slug"] for p in doc["practices"]] == [
        "reach-out", "give-value", "follow-up", "attend-event"]
    assert doc["practices"][0]["created_on"] == "2026-11-23"


def test_import_into_an_empty_database_keeps_ids_and_reexports_the_same(ctx: Context) -> None:
    summary = import_json(ctx, data("backup-small.json"))
    assert summary.lines() == [
        "Imported backup-small.json: 2 practices, 1 event, 2 contacts, 1 tag, 2 actions, "
        "1 follow-up, 1 week review, 1 setting, 1 paused week, 1 nudge.",
        "`netrhythm undo` reverts this import.",
    ]
    assert latest_change() == "imported backup-small.json (2 contacts, 2 actions)"
    people = by_name()
    carla, ben = people["Carla Mendes"], people["Ben Cohen"]
    assert (carla.id, ben.id, ben.archived) == (3, 5, True)
    assert (carla.met_at, carla.tags, carla.tag_cadence) == ("Lisbon Web Summit", ("founders",), 60)
    assert (carla.last_contact, carla.gives) == (date(2026, 11, 3), 0)
    assert ctx.read_week_start() == 6  # the backup's Sunday weeks
    original = json.loads(data("backup-small.json").read_text())
    again = json.loads(export_json(ctx))
    for key in ("exported_at", "schema_version"):
        original.pop(key), again.pop(key)
    # the file predates schema 4: the fields it adds come back empty, the rest the same
    added = {"contacts": {"connected_on", "last_contact_on", "cadence_from", "first_due_on"},
             "tags": {"cadence_set_on"}}
    for table, names in added.items():
        for row in again[table]:
            assert {name: row.pop(name) for name in names} == dict.fromkeys(names)
    for row in original["events"]:
        row.update(last_day=None, starts_at=None, ends_at=None, tz="", uid=None,
                   recurrence_id="", sequence=0, cancelled=False, revision=0)
    for row in original["follow_ups"]:
        row.update(revision=0)
    assert again == original


def test_an_import_into_an_empty_database_is_undone_whole(ctx: Context) -> None:
    before = _journaled(ctx)
    import_json(ctx, data("backup-small.json"))
    assert undo() == "imported backup-small.json (2 contacts, 2 actions)"
    assert _journaled(ctx) == before


@pytest.mark.parametrize("change", ["contact", "practice"])
def test_a_database_with_data_is_refused_without_merge(ctx: Context, change: str) -> None:
    if change == "contact":
        contact_service.add_contact(ctx, contact_service.ContactForm(name="Ana Ruiz"))
        found = "1 contact"
    else:
        practice_service.edit_practice(ctx, "reach-out",
                                       practice_service.PracticeForm(target=5))
        found = "changed practices"
    before = state(ctx.location)
    with pytest.raises(InputError) as raised:
        import_json(ctx, data("backup-small.json"))
    assert raised.value.message == (
        f"this database is not empty ({found}); `netrhythm import backup-small.json --merge` "
        "adds the backup to it, or use an empty one with --db NEW")
    assert state(ctx.location) == before


def test_merge_remaps_ids_dedupes_contacts_and_is_idempotent(ctx: Context) -> None:
    contact_service.add_contact(ctx, contact_service.ContactForm(
        name="Carla M.", email="CARLA@mendes.example", tags=["lisbon"]))
    original = _journaled(ctx)
    import_json(ctx, data("backup-small.json"), merge=True)
    assert undo() == "imported backup-small.json (1 contact, 2 actions)"
    assert _journaled(ctx) == original
    summary = import_json(ctx, data("backup-small.json"), merge=True)
    assert summary.lines() == [
        "Merged backup-small.json: 1 practice (1 already here), 1 event, 1 contact "
        "(1 merged into yours), 1 tag, 2 actions, 1 follow-up, 1 week review, 1 paused week, "
        "0 nudges (1 already here).",  # the undone first merge left its nudge: sent is sent
        "Your settings were kept; the file's were not merged.",
        "`netrhythm undo` reverts this import.",
    ]
    people = by_name()
    assert sorted(people) == ["Ben Cohen", "Carla M."]
    carla = people["Carla M."]
    assert (carla.id, carla.company, carla.cadence_days) == (1, "Mendes & Filhos", 30)
    assert carla.tags == ("founders", "lisbon")
    assert carla.last_contact == date(2026, 11, 3)
    assert ctx.read_week_start() == 0  # your settings win when merging
    before = state(ctx.location)
    again = import_json(ctx, data("backup-small.json"), merge=True)
    assert again.lines()[-1] == "Nothing new: everything in the file is already here."
    assert state(ctx.location) == before


@pytest.mark.parametrize(("name", "problem"), [
    ("not-netrhythm.json", 'is not a netrhythm export (it has no "format": '
                           '"netrhythm-export"); contacts files are imported with '
                           "`netrhythm contacts import FILE`"),
    ("newer-version.json", "was written by a newer netrhythm (export version 2; this one "
                           "reads up to 1); upgrade netrhythm first"),
    ("bad-reference.json", "actions[1].practice: refers to practices id 99, which the file "
                           "does not have"),
    ("bad-date.json", "contacts[1] (id 5).met_on must be a date like 2026-11-23"),
    ("bad-syntax.json", "line 2, column 1: not valid JSON (Expecting value)"),
    ("plain.csv", "line 1, column 1: not valid JSON (Expecting value); contacts files "
                  "(vCard, CSV) are imported with `netrhythm contacts import FILE`"),
])
def test_bad_backups_are_refused_clearly(ctx: Context, name: str, problem: str) -> None:
    before = state(ctx.location)
    with pytest.raises(InputError) as raised:
        import_json(ctx, data(name))
    assert (raised.value.field, raised.value.message) == (name, problem)
    assert state(ctx.location) == before


def test_a_row_the_database_refuses_imports_nothing(ctx: Context, tmp_path: Path) -> None:
    doc = json.loads(data("backup-small.json").read_text())
    doc["practices"][1]["slug"] = doc["practices"][0]["slug"]  # slugs are unique
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(doc))
    before = state(ctx.location)
    with pytest.raises(InputError, match=r"practice: the database refused a row \((UNIQUE "
                                         r"constraint failed: practice.slug|duplicate key value "
                                         r"violates unique constraint \"practice_slug\": Key "
                                         r"\(slug\)=\(reach-out\) already exists)\); nothing "
                                         r"was imported$"):
        import_json(ctx, path)
    assert state(ctx.location) == before
