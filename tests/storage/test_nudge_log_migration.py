"""Schema 3 on a database full of nudge-log rows: every row kept, each in the state its
``delivered_via`` says; the next nudge run takes over the claims a killed run left."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from netrhythm.storage import db as storage_db
from netrhythm.storage.tables import database
from tests.helpers import run_cli

V2 = Path(__file__).parent.parent / "data" / "schema" / "v2.db"
ROWS = 3000  # a few years of nudges, several kinds of each
VIAS = ("desktop:plyer", "terminal", "desktop:notify-send", "pending")


def v2_with_many_nudges(path: Path) -> list[tuple[str, str]]:
    """A copy of the version-2 fixture with ``ROWS`` more nudge-log rows, as version 2 wrote
    them (every ``delivered_via`` it used, summaries and the rows they grouped); (key, via)."""
    shutil.copy(V2, path)
    start = datetime(2023, 1, 2, 9, 0)
    rows = []
    for i in range(ROWS):
        when = (start + timedelta(hours=7 * i)).isoformat(sep=" ")
        if i % 10 == 9:  # a summary and the two it grouped
            key = f"group:follow-up:{i}:a+follow-up:{i}:b"
            rows.append((key, when, "2 more nudges", "Also due: …", VIAS[i % 3]))
            for part in "ab":
                rows.append((f"follow-up:{i}:{part}", when, "t", "m", f"grouped:{key}"))
        else:
            rows.append((f"behind-pace:p{i}:2023", when, "Reach out: 2 of 3 left", "…",
                         VIAS[i % 4]))
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany("INSERT INTO nudge_log (key, sent_at, title, message, delivered_via) "
                         "VALUES (?, ?, ?, ?, ?)", rows)
    everything = conn.execute("SELECT key, delivered_via FROM nudge_log").fetchall()
    conn.close()
    return everything


def expected_state(via: str, vias: dict[str, str]) -> str:
    if via.startswith("grouped:"):
        via = vias[via.removeprefix("grouped:")]
    return {"terminal": "printed", "pending": "claimed"}.get(via, "delivered")


def test_every_nudge_row_migrates_to_the_state_its_delivery_says(tmp_path: Path) -> None:
    path = tmp_path / "full.db"
    before = v2_with_many_nudges(path)
    vias = dict(before)
    storage_db.open_database(path, date(2026, 11, 23))
    try:
        after = database.execute_sql(
            "SELECT key, delivered_via, state, sent_at, claimed_at, delivered_at, printed_at, "
            "part_of, attempts, server_id FROM nudge_log").fetchall()
        assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        database.close()
    assert sorted((k, v) for k, v, *_ in after) == sorted(before)
    assert len(after) > ROWS
    for key, via, state, sent, claimed, delivered, printed, part_of, attempts, sid in after:
        assert state == expected_state(via, vias), (key, via)
        assert (claimed, attempts, sid) == (sent, 1, None)
        assert delivered == (sent if state == "delivered" else None)
        assert printed == (sent if state == "printed" else None)
        assert part_of == (via.removeprefix("grouped:") if via.startswith("grouped:") else None)
    counts = {s: sum(1 for row in after if row[2] == s) for s in ("printed", "claimed")}
    assert counts["printed"] > 500 and counts["claimed"] > 500


def test_the_state_is_checked_by_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    v2_with_many_nudges(path)
    storage_db.open_database(path, date(2026, 11, 23))
    database.close()
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE nudge_log SET state = 'sent' WHERE id = 1")
    conn.close()


def test_a_claim_left_by_version_2_is_taken_over_by_the_next_run(tmp_path: Path) -> None:
    path = tmp_path / "pending.db"
    shutil.copy(V2, path)
    conn = sqlite3.connect(path)
    with conn:  # version 2 was killed while delivering the follow-up
        conn.execute("UPDATE nudge_log SET delivered_via = 'pending'")
    conn.close()
    result = run_cli(path, "nudge", "--quiet", now="2026-11-23T12:00:00",
                     env={"DBUS_SESSION_BUS_ADDRESS": ""})
    assert result.code == 0
    assert result.out.startswith("netrhythm: Follow up with Ana Ruiz\n")
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT key, state, attempts FROM nudge_log").fetchall()
    conn.close()
    assert ("follow-up:2:2026-11-15", "printed", 2) in rows
