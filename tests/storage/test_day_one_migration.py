"""Upgrading to schema 4 on a database full of rows (children included): LinkedIn's Connected
On leaves met_on, no row is lost, contacts talked to keep their due dates, and those never
contacted start their cadence again on the day of the upgrade, at most 5 due a week."""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from datetime import date, datetime
from pathlib import Path

from netrhythm.domain.clock import FixedClock
from netrhythm.domain.weeks import week_index
from netrhythm.services.contacts.cold import gone_cold
from netrhythm.services.contacts.manage import list_contacts
from netrhythm.services.contacts.search import search
from netrhythm.services.context import open_context

V2 = Path(__file__).parent.parent / "data" / "schema" / "v2.db"
UPGRADE = date(2026, 11, 23)
CHILDREN = ("action_contact", "contact_tag", "follow_up", "action", "change")


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t in (*CHILDREN, "contact", "tag")}
    finally:
        conn.close()


def fill(db: Path) -> None:
    """What a year of schema-2 use left: LinkedIn imports kept Connected On as met_on."""
    conn = sqlite3.connect(db)
    conn.execute("UPDATE journal_cursor SET search_sync = 0")
    conn.executemany(
        "INSERT INTO contact (name, company, how_met, met_on, cadence_days, created_on) "
        "VALUES (?, 'Initech', 'LinkedIn', ?, 30, '2026-03-01')",
        [(f"Linked {i}", f"2015-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(300)])
    conn.execute("INSERT INTO tag (name, cadence_days) VALUES ('alumni', 60)")
    conn.executemany("INSERT INTO contact (name, created_on) VALUES (?, '2025-01-01')",
                     [(f"Alumnus {i}",) for i in range(100)])
    conn.execute("INSERT INTO contact_tag (contact_id, tag_id) SELECT c.id, t.id FROM contact c, "
                 "tag t WHERE c.name LIKE 'Alumnus %' AND t.name = 'alumni'")
    conn.execute("INSERT INTO contact (name, how_met, met_on, cadence_days, created_on) "
                 "VALUES ('Met At PyCon', 'PyCon', '2026-10-01', 7, '2026-10-01')")
    conn.execute("INSERT INTO contact (name, cadence_days, created_on) "
                 "VALUES ('Talked To', 30, '2026-01-01')")
    talked = conn.execute("SELECT id FROM contact WHERE name = 'Talked To'").fetchone()[0]
    conn.execute("INSERT INTO action (practice_id, occurred_on, day, note, created_at) "
                 "VALUES (1, '2026-11-01', ?, 'coffee', '2026-11-01 10:00:00')",
                 (date(2026, 11, 1).toordinal(),))
    action = conn.execute("SELECT max(id) FROM action").fetchone()[0]
    conn.execute("INSERT INTO action_contact (action_id, contact_id, day) VALUES (?, ?, ?)",
                 (action, talked, date(2026, 11, 1).toordinal()))
    conn.execute("INSERT INTO follow_up (contact_id, due_on, created_on) "
                 "SELECT id, '2026-12-01', '2026-11-01' FROM contact WHERE name LIKE 'Linked %'")
    conn.execute("UPDATE journal_cursor SET search_sync = 1")
    conn.commit()
    conn.close()


def test_upgrade_moves_connected_on_keeps_every_row_and_spreads_the_restart(
        tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copyfile(V2, db)
    fill(db)
    before = counts(db)
    ctx = open_context(db, FixedClock(datetime(2026, 11, 23, 9)))
    try:
        assert counts(db) == before  # nothing cascaded away
        rows = {r.contact.name: r for r in list_contacts(ctx)}
        linked = rows["Linked 7"].contact
        assert (linked.met_on, linked.connected_on) == (None, date(2015, 8, 8))
        assert rows["Met At PyCon"].contact.met_on == date(2026, 10, 1)  # typed: kept
        assert rows["Talked To"].due.due_on == date(2026, 12, 1)  # 1 Nov + 30: unchanged
        assert rows["Maria Chen"].due.due_on == date(2026, 12, 2)  # the fixture's, unchanged
        assert gone_cold(ctx) == []
        restarted = [r for name, r in rows.items()
                     if name.startswith(("Linked", "Alumnus")) or name == "Met At PyCon"]
        assert len(restarted) == 401
        assert all(r.contact.cadence_from == UPGRADE for r in restarted)
        days = [r.due.due_on for r in restarted if r.due.due_on]
        assert len(days) == 401 and min(days) == date(2026, 11, 30)  # Met At PyCon: 7 days
        assert max(Counter(week_index(d, 0) for d in days).values()) == 5
        found = search("connected 2015", limit=500)
        assert len(found) == 300 and all(c.name.startswith("Linked") for c in found)
    finally:
        ctx.close()
