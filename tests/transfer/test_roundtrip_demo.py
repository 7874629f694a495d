"""Moving a whole history to another machine: the demo year, exported and imported into an empty
database, gives the same status, the same review of every week and the same contacts."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime
from pathlib import Path

import pytest

from netrhythm.domain.clock import FixedClock
from netrhythm.domain.weeks import week_first_day, week_index
from netrhythm.paths import Location
from netrhythm.services.context import open_context
from netrhythm.services.review.build import review
from netrhythm.services.review.render import to_json
from netrhythm.storage.tables import Action
from tests.helpers import NOW, run_cli

pytestmark = pytest.mark.slow


def _reviews(db: Location) -> tuple[int, list[int], dict[int, str], str]:
    """The week start, the weeks with actions, every week's review as JSON, and the export
    (all in-process, through the same services as the command line)."""
    from netrhythm.services.transfer.exchange import export_json

    ctx = open_context(db, FixedClock(datetime.fromisoformat(NOW)))
    try:
        start = ctx.read_week_start()
        days = sorted({d for (d,) in Action.select(Action.occurred_on).distinct().tuples()})
        weeks = sorted({week_index(d, start) for d in days})
        out = {w: json.dumps(to_json(review(ctx, w)), default=str) for w in weeks}
        return start, weeks, out, export_json(ctx)
    finally:
        ctx.close()


def test_demo_year_survives_export_and_import(demo_location: Location, location: Location,
                                              tmp_path: Path) -> None:
    """(The demo, as ``netrhythm demo`` makes it, into a new database of the same kind.)"""
    source, target, backup = str(demo_location), str(location), tmp_path / "all.json"
    old = os.umask(0o000)  # a permissive umask must not make the export readable by others
    try:
        exported = run_cli(source, "export", "--output", str(backup))
    finally:
        os.umask(old)
    assert exported.code == 0, exported.err
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    imported = run_cli(target, "import", str(backup))
    assert imported.code == 0, imported.err
    assert imported.out.startswith("Imported all.json: 4 practices, ")

    for args in (["status", "--json"], ["contacts", "list", "--json", "--all"],
                 ["events", "list", "--json"], ["review"]):
        before, after = run_cli(source, *args), run_cli(target, *args)
        assert before.code == after.code == 0, (args, before.err, after.err)
        assert after.out == before.out, args
    assert json.loads(run_cli(target, "contacts", "list", "--json").out), "no contacts?"

    start, weeks, old_reviews, old_export = _reviews(demo_location)
    assert len(weeks) > 40
    for week in (weeks[0], weeks[len(weeks) // 2], weeks[-2], weeks[-1]):  # through the CLI
        day = week_first_day(week, start).isoformat()
        args = ("review", "--week", day, "--format", "json")
        assert run_cli(target, *args).out == run_cli(source, *args).out
    _, new_weeks, new_reviews, new_export = _reviews(location)  # every week, in-process
    assert new_weeks == weeks
    assert new_reviews == old_reviews
    assert json.loads(new_export) == json.loads(old_export)


def test_import_refuses_a_database_with_data_and_exits_2(where: str, tmp_path: Path) -> None:
    db, backup = where, tmp_path / "b.json"
    assert run_cli(db, "contacts", "add", "Ana Ruiz").code == 0
    assert run_cli(db, "export", "--output", str(backup)).code == 0
    refused = run_cli(db, "import", str(backup))
    assert refused.code == 2
    assert refused.err == (
        "netrhythm: error: b.json: this database is not empty (1 contact); `netrhythm import "
        "b.json --merge` adds the backup to it, or use an empty one with --db NEW\n")
    merged = run_cli(db, "import", str(backup), "--merge")
    assert merged.code == 0
    assert merged.out.splitlines()[-1] == "Nothing new: everything in the file is already here."
