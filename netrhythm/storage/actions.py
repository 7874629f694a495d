"""Actions: logging, listing a date range, deleting."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime

from peewee import JOIN

from netrhythm.domain.records import ActionRec
from netrhythm.storage.tables import Action, ActionContact, Contact, Event, Practice


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


def delete_action(action_id: int) -> None:
    Action.get_by_id(action_id).delete_instance()


def _records(query: object) -> list[ActionRec]:
    rows = list(query.tuples())  # type: ignore[attr-defined]
    names: dict[int, list[str]] = defaultdict(list)
    ids = [row[0] for row in rows]
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start:chunk_start + 500]
        links = (ActionContact.select(ActionContact.action, Contact.name)
                 .join(Contact).where(ActionContact.action.in_(chunk))
                 .order_by(ActionContact.id).tuples())
        for action_id, name in links:
            names[action_id].append(name)
    return [
        ActionRec(id=a, practice_id=p, practice_name=pn, occurred_on=on, note=note,
                  event=ev, contacts=tuple(names[a]), reciprocity=rc)
        for a, p, pn, on, note, ev, rc in rows
    ]


def _base() -> object:
    return (Action.select(Action.id, Practice.id, Practice.name, Action.occurred_on, Action.note,
                          Event.name, Practice.reciprocity)
            .join(Practice).switch(Action).join(Event, join_type=JOIN.LEFT_OUTER))


def actions_between(first: date, last: date) -> list[ActionRec]:
    """Actions that happened between two dates (inclusive), oldest first."""
    query = _base().where(  # type: ignore[attr-defined]
        Action.day.between(first.toordinal(), last.toordinal())
    ).order_by(Action.day, Action.id)
    return _records(query)


def actions_with_contact(contact_id: int, limit: int = 200) -> list[ActionRec]:
    """A contact's timeline, newest first."""
    query = (_base().join(ActionContact, on=(ActionContact.action == Action.id))  # type: ignore[attr-defined]
             .where(ActionContact.contact == contact_id)
             .order_by(Action.day.desc(), Action.id.desc()).limit(limit))
    return _records(query)


def latest_action() -> ActionRec | None:
    query = _base().order_by(Action.id.desc()).limit(1)  # type: ignore[attr-defined]
    found = _records(query)
    return found[0] if found else None
