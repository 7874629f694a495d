"""Schema version 1: practices, actions, contacts, tags, events, follow-ups, reviews, settings,
paused weeks, the nudge log, the change journal and the contact search index.

Frozen SQL on purpose: later migrations change this schema, never this file.
"""

from __future__ import annotations

from typing import Any

APPLICATION_ID = 0x4E52544D  # "NRTM": marks the file as a netrhythm database

SCHEMA = [
    """CREATE TABLE practice (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        slug TEXT NOT NULL UNIQUE,
        prompt TEXT NOT NULL DEFAULT '',
        target INTEGER NOT NULL CHECK (target >= 1),
        period_weeks INTEGER NOT NULL DEFAULT 1 CHECK (period_weeks IN (1, 2, 4)),
        reciprocity TEXT NOT NULL DEFAULT 'neutral'
            CHECK (reciprocity IN ('give', 'ask', 'neutral')),
        position INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0,
        created_on DATE NOT NULL)""",
    """CREATE TABLE event (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        held_on DATE NOT NULL,
        location TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_on DATE NOT NULL)""",
    "CREATE INDEX event_held_on ON event (held_on)",
    """CREATE TABLE contact (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        company TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        how_met TEXT NOT NULL DEFAULT '',
        met_at_id INTEGER REFERENCES event (id) ON DELETE SET NULL,
        met_on DATE,
        notes TEXT NOT NULL DEFAULT '',
        cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days >= 1),
        archived INTEGER NOT NULL DEFAULT 0,
        created_on DATE NOT NULL)""",
    "CREATE INDEX contact_name ON contact (name COLLATE NOCASE)",
    "CREATE INDEX contact_email ON contact (email COLLATE NOCASE)",
    "CREATE INDEX contact_met_at ON contact (met_at_id)",
    """CREATE TABLE tag (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days >= 1))""",
    """CREATE TABLE contact_tag (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE)""",
    "CREATE UNIQUE INDEX contact_tag_pair ON contact_tag (contact_id, tag_id)",
    "CREATE INDEX contact_tag_tag ON contact_tag (tag_id)",
    """CREATE TABLE action (
        id INTEGER PRIMARY KEY,
        practice_id INTEGER NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
        occurred_on DATE NOT NULL,
        day INTEGER NOT NULL,
        occurred_at TEXT,
        note TEXT NOT NULL DEFAULT '',
        event_id INTEGER REFERENCES event (id) ON DELETE SET NULL,
        created_at DATETIME NOT NULL)""",
    "CREATE INDEX action_practice_day ON action (practice_id, day)",
    "CREATE INDEX action_day ON action (day)",
    "CREATE INDEX action_event ON action (event_id)",
    """CREATE TABLE action_contact (
        id INTEGER PRIMARY KEY,
        action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
        day INTEGER NOT NULL)""",
    "CREATE UNIQUE INDEX action_contact_pair ON action_contact (action_id, contact_id)",
    "CREATE INDEX action_contact_contact ON action_contact (contact_id, day)",
    """CREATE TRIGGER sync_action_contact_day AFTER UPDATE OF day ON action BEGIN
        UPDATE action_contact SET day = NEW.day WHERE action_id = NEW.id; END""",
    """CREATE TABLE follow_up (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
        due_on DATE NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        done_on DATE,
        action_id INTEGER REFERENCES action (id) ON DELETE SET NULL,
        event_id INTEGER REFERENCES event (id) ON DELETE SET NULL,
        created_on DATE NOT NULL)""",
    "CREATE INDEX follow_up_open ON follow_up (done_on, due_on)",
    "CREATE INDEX follow_up_contact ON follow_up (contact_id)",
    "CREATE INDEX follow_up_action ON follow_up (action_id)",
    """CREATE TABLE week_review (
        id INTEGER PRIMARY KEY,
        week_start DATE NOT NULL UNIQUE,
        reflection TEXT NOT NULL DEFAULT '',
        written_at DATETIME NOT NULL)""",
    """CREATE TABLE setting (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        value TEXT NOT NULL)""",
    """CREATE TABLE paused_week (
        id INTEGER PRIMARY KEY,
        week_start DATE NOT NULL UNIQUE)""",
    """CREATE TABLE nudge_log (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        sent_at DATETIME NOT NULL,
        title TEXT NOT NULL,
        message TEXT NOT NULL,
        delivered_via TEXT NOT NULL)""",
    """CREATE TABLE change (
        id INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        created_at DATETIME NOT NULL)""",
    """CREATE TABLE change_op (
        id INTEGER PRIMARY KEY,
        change_id INTEGER NOT NULL REFERENCES change (id) ON DELETE CASCADE,
        statement TEXT NOT NULL)""",
    "CREATE INDEX change_op_change ON change_op (change_id)",
    """CREATE TABLE journal_cursor (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        change_id INTEGER,
        search_sync INTEGER NOT NULL DEFAULT 1)""",
    "INSERT INTO journal_cursor (id, change_id, search_sync) VALUES (1, NULL, 1)",
    """CREATE VIRTUAL TABLE contact_search USING fts5 (
        name, org, tags, notes, history,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')""",
]


def up(migrator: Any, db: Any) -> None:
    for statement in SCHEMA:
        db.execute_sql(statement)
    db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
