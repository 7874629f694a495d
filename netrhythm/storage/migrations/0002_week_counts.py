"""Schema version 2: weekly action counts kept by triggers, and two indexes on contacts.

Streaks and scores need every week's count of every practice, over the whole history.
Counting 60,000 actions takes about 20 ms; reading ``week_count`` (one row per practice and
week with an action, about 2,600 rows for ten years) takes about 2 ms.

``week_count`` is derived data, exact at every commit: triggers on ``action`` update it in
the same transaction as the write (undo too, since undo replays writes on ``action``), and
a change of the ``week_start`` setting rebuilds it for the new week start, which
``week_count_start`` records. It is not journaled and not exported. Storage reads it only
when its week start is the one asked for, and otherwise counts the actions themselves.

``contact_cadence`` lists the contacts with a cadence of their own, so "who has gone cold"
starts from them (and from the tags with a cadence) instead of reading every contact.
``contact_met_or_added`` finds the contacts new in a week (met, or else added, then).

Frozen SQL on purpose: later migrations change this schema, never this file.
"""

from __future__ import annotations

from typing import Any

_START = "(SELECT week_start FROM week_count_start WHERE id = 1)"
_WEEK = "(({day} - 1 - " + _START + ") / 7)"
_ADD = ("INSERT INTO week_count (practice_id, week, n) VALUES ({practice}, {week}, 1) "
        "ON CONFLICT (practice_id, week) DO UPDATE SET n = n + 1;")
_REMOVE = ("UPDATE week_count SET n = n - 1 WHERE practice_id = {practice} AND week = {week}; "
           "DELETE FROM week_count WHERE practice_id = {practice} AND week = {week} "
           "AND n <= 0;")
_FILL = ("INSERT INTO week_count (practice_id, week, n) "
         f"SELECT practice_id, {_WEEK.format(day='day')} AS w, count(*) FROM action "
         "GROUP BY practice_id, w")
_REBUILD = ("UPDATE week_count_start SET week_start = {start} WHERE id = 1; "
            f"DELETE FROM week_count; {_FILL};")
_NEW = {"practice": "NEW.practice_id", "week": _WEEK.format(day="NEW.day")}
_OLD = {"practice": "OLD.practice_id", "week": _WEEK.format(day="OLD.day")}
_SETTING = "CAST(NEW.value AS INTEGER)"
_UPDATED = f"CASE WHEN NEW.key = 'week_start' THEN {_SETTING} ELSE 0 END"

SCHEMA = [
    """CREATE TABLE week_count (
        practice_id INTEGER NOT NULL,
        week INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (practice_id, week)) WITHOUT ROWID""",
    """CREATE TABLE week_count_start (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        week_start INTEGER NOT NULL)""",
    "INSERT INTO week_count_start (id, week_start) VALUES (1, coalesce((SELECT CAST(value AS "
    "INTEGER) FROM setting WHERE key = 'week_start'), 0))",
    _FILL,
    "CREATE INDEX contact_cadence ON contact (cadence_days) WHERE cadence_days IS NOT NULL",
    "CREATE INDEX contact_met_or_added ON contact (coalesce(met_on, created_on))",
    f"CREATE TRIGGER week_count_action_ai AFTER INSERT ON action BEGIN "
    f"{_ADD.format(**_NEW)} END",
    f"CREATE TRIGGER week_count_action_ad AFTER DELETE ON action BEGIN "
    f"{_REMOVE.format(**_OLD)} END",
    f"CREATE TRIGGER week_count_action_au AFTER UPDATE OF practice_id, day ON action BEGIN "
    f"{_REMOVE.format(**_OLD)} {_ADD.format(**_NEW)} END",
    f"CREATE TRIGGER week_count_setting_ai AFTER INSERT ON setting "
    f"WHEN NEW.key = 'week_start' BEGIN {_REBUILD.format(start=_SETTING)} END",
    f"CREATE TRIGGER week_count_setting_au AFTER UPDATE ON setting "
    f"WHEN NEW.key = 'week_start' OR OLD.key = 'week_start' BEGIN "
    f"{_REBUILD.format(start=_UPDATED)} END",
    f"CREATE TRIGGER week_count_setting_ad AFTER DELETE ON setting "
    f"WHEN OLD.key = 'week_start' BEGIN {_REBUILD.format(start='0')} END",
]


def up(migrator: Any, db: Any) -> None:
    for statement in SCHEMA:
        db.execute_sql(statement)
