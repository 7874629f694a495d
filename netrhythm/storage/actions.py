"""Actions: logging, listing a date range, deleting."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime

from netrhythm.domain.records import ActionRec
from netrhythm.storage.tables import Action, ActionContact, database


def insert_action(
    practice_id: int, occurred_on: date, note: str, event_id: int | None,
    contact_ids: Sequence[int], created_at: datetime, occurred_at: str | None = None,
) -> int:
    action_id = int(Action.insert(
        practice=practice_id, occurred_on=occurred_on, day=occurred_on.toordinal(),
        occurred_at=occurred_at, note=note, event=event_id, created_at=created_at,
    ).execute())
    if contact_ids:
        ActionContact.insert_many(
            [(action_id, cid, occurred_on.toordinal()) for cid in dict.fromkeys(contact_ids)],
            fields=[ActionContact.action, ActionContact.contact, ActionContact.day],
        ).execute()
    return action_id


_SELECT = """
SELECT a.id, p.id, p.name, a.occurred_on, a.note, e.name, p.reciprocity
FROM action a JOIN practice p ON p.id = a.practice_id LEFT JOIN event e ON e.id = a.event_id
"""
_NAMES = ("SELECT ac.action_id, c.name FROM action_contact ac JOIN contact c "
          "ON c.id = ac.contact_id WHERE ac.action_id IN ({ids}) ORDER BY ac.id")


def _records(sql: str, params: Sequence[object]) -> list[ActionRec]:
    """Actions with their contacts' names: one query, plus one per 500 actions for names."""
    rows = database.execute_sql(sql, params).fetchall()
    names: dict[int, list[str]] = defaultdict(list)
    ids = [row[0] for row in rows]
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start:chunk_start + 500]
        for action_id, name in database.execute_sql(
                _NAMES.format(ids=",".join("?" * len(chunk))), chunk):
            names[action_id].append(name)
    return [
        ActionRec(id=a, practice_id=p, practice_name=pn, occurred_on=_day(on), note=note,
                  event=ev, contacts=tuple(names[a]), reciprocity=rc)
        for a, p, pn, on, note, ev, rc in rows
    ]


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def actions_between(first: date, last: date) -> list[ActionRec]:
    """Actions that happened between two dates (inclusive), oldest first."""
    return _records(_SELECT + "WHERE a.day BETWEEN ? AND ? ORDER BY a.day, a.id",
                    [first.toordinal(), last.toordinal()])


def actions_with_contact(contact_id: int, limit: int = 200) -> list[ActionRec]:
    """A contact's timeline, newest first."""
    return _records(_SELECT + "JOIN action_contact ac ON ac.action_id = a.id "
                    "WHERE ac.contact_id = ? ORDER BY a.day DESC, a.id DESC LIMIT ?",
                    [contact_id, limit])


def any_action() -> bool:
    """Whether anything was ever logged."""
    return database.execute_sql("SELECT EXISTS (SELECT 1 FROM action)").fetchone()[0] == 1


def first_day() -> date | None:
    """The earliest day anything was logged for (backdated actions included), if any."""
    found = database.execute_sql("SELECT min(day) FROM action").fetchone()[0]
    return None if found is None else date.fromordinal(int(found))


def latest_action() -> ActionRec | None:
    found = _records(_SELECT + "ORDER BY a.id DESC LIMIT 1", [])
    return found[0] if found else None
