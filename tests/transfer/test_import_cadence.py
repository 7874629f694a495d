"""Imports that start cadences: new contacts of a tag that has one, a given last contact, a
second import into a tag already spread. At most 5 become due in any week, none on day one."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import date
from pathlib import Path

from netrhythm.domain.weeks import week_index
from tests.cli.test_undo import _data
from tests.helpers import run_cli
from tests.transfer.linkedin_gen import PREAMBLE, connection

NOW = "2026-11-23T10:00:00"


def part(folder: Path, name: str, rows: range, count: int = 1000) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                     "Connected On"])
    writer.writerows(connection(i, count) for i in rows)
    path = folder / name
    path.write_text(PREAMBLE + out.getvalue(), encoding="utf-8")
    return path


def dues(db: str) -> dict[str, date]:
    listed = json.loads(run_cli(db, "contacts", "list", "--json", now=NOW).out)
    return {c["name"]: date.fromisoformat(c["due_on"]) for c in listed if c["due_on"]}


def per_week(days: list[date]) -> Counter[int]:
    return Counter(week_index(d, 0) for d in days)


def test_a_second_import_into_a_tag_with_a_cadence_fills_the_weeks_left(where: str,
                                                                    tmp_path: Path) -> None:
    db = where
    first = run_cli(db, "contacts", "import", str(part(tmp_path, "a.csv", range(0, 400))),
                    "--tag", "linkedin", now=NOW)
    assert first.code == 0, first.err
    assert run_cli(db, "tags", "set", "linkedin", "--every", "90", now=NOW).code == 0
    before = _data(db)
    preview = run_cli(db, "contacts", "import", str(part(tmp_path, "b.csv", range(400, 1000))),
                      "--tag", "linkedin", "--dry-run", now=NOW)
    # the first 400 hold the 80 weeks from 21 Feb 2027 on: the 600 come after them
    assert ("Keep in touch: 600 contacts would be first due from 2028-08-28 to 2030-12-09, "
            "at most 5 a week.") in preview.out
    assert _data(db) == before
    second = run_cli(db, "contacts", "import", str(tmp_path / "b.csv"), "--tag", "linkedin",
                     now=NOW)
    assert second.code == 0, second.err
    assert "Keep in touch: 600 contacts are first due from 2028-08-28 to 2030-12-09" in second.out
    found = dues(db)
    assert len(found) == 1000 and min(found.values()) == date(2027, 2, 21)
    weeks = per_week(list(found.values()))
    assert max(weeks.values()) == 5 and len(weeks) == 200  # the first import's weeks filled
    assert run_cli(db, "undo", now=NOW).code == 0
    assert _data(db) == before


def test_a_given_last_contact_long_ago_does_not_make_them_overdue_at_once(
        where: str, tmp_path: Path) -> None:
    db = where
    run_cli(db, "contacts", "add", "Seed", "--tag", "linkedin", now=NOW)
    assert run_cli(db, "tags", "set", "linkedin", "--every", "30", now=NOW).code == 0
    done = run_cli(db, "contacts", "import", str(part(tmp_path, "a.csv", range(0, 60))),
                   "--tag", "linkedin", "--last-contact", "2024-01-05", now=NOW)
    assert done.code == 0, done.err
    overdue = json.loads(run_cli(db, "contacts", "list", "--overdue", "--json", now=NOW).out)
    assert overdue == []
    found = dues(db)
    assert min(found.values()) == date(2026, 11, 23)  # their turn starts today, 5 a week
    assert max(per_week(list(found.values())).values()) == 5
    shown = json.loads(run_cli(db, "contacts", "show", "Maria Chen", "--json", now=NOW).out)
    assert (shown["last_contact"], shown["connected_on"]) == ("2024-01-05", "2026-11-20")


def test_last_contact_must_be_a_past_date(where: str, tmp_path: Path) -> None:
    db = where
    result = run_cli(db, "contacts", "import", str(part(tmp_path, "a.csv", range(3))),
                     "--last-contact", "2027-01-01", now=NOW)
    assert result.code == 2
    assert result.err == ("netrhythm: error: --last-contact: 2027-01-01 is in the future "
                          "(today is 2026-11-23); backdating is fine, future dates are not\n")
    assert "No contacts" in run_cli(db, "contacts", "list", now=NOW).out
