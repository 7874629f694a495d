"""The newest schema on PostgreSQL: tables from the models, the indexes, defaults and tables
the SQLite migrations add by hand, and the triggers in PL/pgSQL.

The SQLite file reaches its schema through the numbered migrations; a PostgreSQL database
starts at the newest one (schema 6), built here from :mod:`netrhythm.storage.tables`: times
are ``timestamptz``, days ``date``, flags ``boolean``. Every foreign key is ``DEFERRABLE`` so
that undo can put rows back in any order (``SET CONSTRAINTS ALL DEFERRED``).

The triggers do what SQLite's do: ``week_count`` follows every write to ``action`` and a new
week start rebuilds it (migration 0002); an action's new day is copied to its contacts'
links; events and follow-ups count their revisions (migration 0005); and while a change is
open (``journal_cursor``), every write to a journaled table records a ``change_row``: the
operation, the table, the row's id and, for an update or a delete, the old row as JSON
(``to_jsonb``: flags as true/false, times with their offset), which
:mod:`netrhythm.storage.replay` writes back unchanged. The contact search index, its extension
and its triggers: :mod:`netrhythm.storage.server_search`.
"""

from __future__ import annotations

from typing import Any

from peewee import Field

from netrhythm.storage.server_watch import NOTIFY_TRIGGERS
from netrhythm.storage.tables import MODELS
from netrhythm.storage.triggers import JOURNALED

EXTRA = [
    "CREATE TABLE netrhythm_schema (version integer NOT NULL)",
    """CREATE TABLE journal_cursor (
        id integer PRIMARY KEY CHECK (id = 1), change_id bigint,
        search_sync integer NOT NULL DEFAULT 1)""",
    "INSERT INTO journal_cursor (id, change_id, search_sync) VALUES (1, NULL, 1)",
    """CREATE TABLE week_count (
        practice_id bigint NOT NULL, week integer NOT NULL, n integer NOT NULL,
        PRIMARY KEY (practice_id, week))""",
    """CREATE TABLE week_count_start (
        id integer PRIMARY KEY CHECK (id = 1), week_start integer NOT NULL)""",
    "INSERT INTO week_count_start (id, week_start) VALUES (1, 0)",
    'CREATE INDEX contact_name ON contact (lower(name COLLATE "C"))',
    'CREATE INDEX contact_email ON contact (lower(email COLLATE "C"))',
    'CREATE UNIQUE INDEX tag_name_nocase ON tag (lower(name COLLATE "C"))',  # as NOCASE
    "CREATE UNIQUE INDEX contact_tag_pair ON contact_tag (contact_id, tag_id)",
    "CREATE UNIQUE INDEX action_contact_pair ON action_contact (action_id, contact_id)",
    "CREATE INDEX action_contact_contact ON action_contact (contact_id, day)",
    "CREATE INDEX action_practice_day ON action (practice_id, day)",
    "CREATE INDEX action_day ON action (day)",
    "CREATE INDEX follow_up_open ON follow_up (done_on, due_on)",
    "CREATE INDEX contact_cadence ON contact (cadence_days) WHERE cadence_days IS NOT NULL",
    "CREATE INDEX contact_met_or_added ON contact (coalesce(met_on, connected_on, created_on))",
    "CREATE UNIQUE INDEX event_uid ON event (uid, recurrence_id) WHERE uid IS NOT NULL",
    "CREATE INDEX nudge_log_part_of ON nudge_log (part_of) WHERE part_of IS NOT NULL",
    "CREATE INDEX nudge_log_shown ON nudge_log (delivered_at) "
    "WHERE state = 'delivered' AND server_id IS NOT NULL",
    "ALTER TABLE change_row ADD CHECK (op IN ('insert', 'update', 'delete', 'load'))",
    "ALTER TABLE practice ADD CHECK (period_weeks IN (1, 2, 4))",
    "ALTER TABLE practice ADD CHECK (reciprocity IN ('give', 'ask', 'neutral'))",
]

_IN_CHANGE = "(SELECT change_id FROM journal_cursor WHERE id = 1) IS NOT NULL"
_WEEK = "(({day} - 1 - s) / 7)"  # truncates toward zero, as SQLite's trigger does
TRIGGERS = [
    f"""CREATE FUNCTION nr_week_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE s integer := (SELECT week_start FROM week_count_start WHERE id = 1);
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE week_count SET n = n - 1
      WHERE practice_id = OLD.practice_id AND week = {_WEEK.format(day="OLD.day")};
    DELETE FROM week_count
      WHERE practice_id = OLD.practice_id AND week = {_WEEK.format(day="OLD.day")} AND n <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO week_count (practice_id, week, n)
      VALUES (NEW.practice_id, {_WEEK.format(day="NEW.day")}, 1)
      ON CONFLICT (practice_id, week) DO UPDATE SET n = week_count.n + 1;
  END IF;
  RETURN NULL;
END $$""",
    "CREATE TRIGGER week_count_action AFTER INSERT OR DELETE OR UPDATE OF practice_id, day "
    "ON action FOR EACH ROW EXECUTE FUNCTION nr_week_count()",
    f"""CREATE FUNCTION nr_week_start() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE s integer := 0; hit boolean := false;
BEGIN
  IF TG_OP <> 'DELETE' THEN
    IF NEW.key = 'week_start' THEN
      hit := true;
      s := CASE WHEN NEW.value ~ '^\\s*-{{0,1}}\\d{{1,9}}\\s*$' THEN NEW.value::integer
                ELSE 0 END;
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    IF OLD.key = 'week_start' THEN hit := true; END IF;
  END IF;
  IF hit THEN
    UPDATE week_count_start SET week_start = s WHERE id = 1;
    DELETE FROM week_count;
    INSERT INTO week_count (practice_id, week, n)
      SELECT practice_id, {_WEEK.format(day="day")} AS w, count(*) FROM action
      GROUP BY practice_id, w;
  END IF;
  RETURN NULL;
END $$""",
    "CREATE TRIGGER week_count_setting AFTER INSERT OR UPDATE OR DELETE ON setting "
    "FOR EACH ROW EXECUTE FUNCTION nr_week_start()",
    """CREATE FUNCTION nr_action_day() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE action_contact SET day = NEW.day WHERE action_id = NEW.id AND day <> NEW.day;
  RETURN NULL;
END $$""",
    "CREATE TRIGGER sync_action_contact_day AFTER UPDATE OF day ON action "
    "FOR EACH ROW EXECUTE FUNCTION nr_action_day()",
    f"""CREATE FUNCTION nr_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.revision = OLD.revision AND {_IN_CHANGE} THEN
    EXECUTE format('UPDATE %I SET revision = $1 + 1 WHERE id = $2', TG_TABLE_NAME)
      USING OLD.revision, NEW.id;
  END IF;
  RETURN NULL;
END $$""",
    "CREATE TRIGGER revision_event_au AFTER UPDATE ON event FOR EACH ROW WHEN ("
    + " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in (
        "name", "held_on", "last_day", "starts_at", "ends_at", "tz", "location", "url",
        "notes", "cancelled")) + ") EXECUTE FUNCTION nr_revision()",
    "CREATE TRIGGER revision_follow_up_au AFTER UPDATE ON follow_up FOR EACH ROW WHEN ("
    + " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in (
        "contact_id", "due_on", "note", "done_on")) + ") EXECUTE FUNCTION nr_revision()",
    f"""CREATE FUNCTION nr_contact_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF {_IN_CHANGE} THEN
    UPDATE follow_up SET revision = revision + 1 WHERE contact_id = NEW.id;
  END IF;
  RETURN NULL;
END $$""",
    "CREATE TRIGGER revision_contact_name_au AFTER UPDATE OF name ON contact FOR EACH ROW "
    "WHEN (NEW.name IS DISTINCT FROM OLD.name) EXECUTE FUNCTION nr_contact_name()",
    """CREATE FUNCTION nr_journal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE cid bigint := (SELECT change_id FROM journal_cursor WHERE id = 1);
BEGIN
  IF cid IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO change_row (change_id, op, tbl, row_id, old)
      VALUES (cid, 'insert', TG_TABLE_NAME, NEW.id, NULL);
  ELSE
    INSERT INTO change_row (change_id, op, tbl, row_id, old)
      VALUES (cid, lower(TG_OP), TG_TABLE_NAME, OLD.id, to_jsonb(OLD)::text);
  END IF;
  RETURN NULL;
END $$""",
    *(f'CREATE TRIGGER "journal_{table}" AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
      "FOR EACH ROW EXECUTE FUNCTION nr_journal()" for table in JOURNALED),
]


def _defaults(db: Any) -> list[str]:
    """The models' constant defaults as the columns' own (SQL that leaves a column out)."""
    out = []
    for model in MODELS:
        for field in model._meta.sorted_fields:
            value = field.default
            if value is None or callable(value) or not isinstance(field, Field):
                continue
            literal = ("true" if value else "false") if isinstance(value, bool) else \
                str(int(value)) if isinstance(value, int) else \
                "'" + str(value).replace("'", "''") + "'"
            out.append(f'ALTER TABLE "{model._meta.table_name}" ALTER COLUMN '
                       f'"{field.column_name}" SET DEFAULT {literal}')
    return out


def create_schema(db: Any) -> None:
    """Build the newest schema (call inside the transaction holding the schema lock)."""
    from netrhythm.storage import server_search

    db.create_tables(MODELS, safe=False)
    cursor = db.cursor()
    for statement in [*_defaults(db), *EXTRA, *TRIGGERS, *NOTIFY_TRIGGERS]:
        cursor.execute(statement)  # no parameters: "%" and "?" are the SQL's own here
    server_search.create(db)
    keys = db.execute_sql(
        "SELECT conrelid::regclass::text, conname FROM pg_constraint "
        "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace").fetchall()
    for table, name in keys:
        db.execute_sql(f'ALTER TABLE {table} ALTER CONSTRAINT "{name}" DEFERRABLE')
