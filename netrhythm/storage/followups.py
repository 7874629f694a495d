"""Follow-ups: dated promises to contacts."""

from __future__ import annotations

from datetime import date

from peewee import JOIN

from netrhythm.domain.records import FollowUpRec
from netrhythm.storage.tables import Contact, Event, FollowUp


def insert_follow_up(contact_id: int, due_on: date, note: str, created_on: date,
                     action_id: int | None = None, event_id: int | None = None) -> int:
    return int(FollowUp.insert(contact=contact_id, due_on=due_on, note=note,
                               created_on=created_on, action=action_id,
                               event=event_id).execute())


def _query() -> object:
    return (FollowUp.select(FollowUp.id, Contact.id, Contact.name, FollowUp.due_on, FollowUp.note,
                            FollowUp.done_on, Event.name)
            .join(Contact).switch(FollowUp).join(Event, join_type=JOIN.LEFT_OUTER))


def _recs(query: object) -> list[FollowUpRec]:
    return [FollowUpRec(id=i, contact_id=ci, contact_name=cn, due_on=d, note=n, done_on=dn, event=e)
            for i, ci, cn, d, n, dn, e in query.tuples()]  # type: ignore[attr-defined]


def open_follow_ups(due_by: date | None = None) -> list[FollowUpRec]:
    """Follow-ups not done yet (due on or before ``due_by`` when given), soonest first."""
    query = _query().where(FollowUp.done_on.is_null())  # type: ignore[attr-defined]
    if due_by is not None:
        query = query.where(FollowUp.due_on <= due_by)
    return _recs(query.order_by(FollowUp.due_on, FollowUp.id))


def follow_ups_for(contact_id: int) -> list[FollowUpRec]:
    query = _query().where(FollowUp.contact == contact_id)  # type: ignore[attr-defined]
    return _recs(query.order_by(FollowUp.due_on.desc()))


def follow_ups_due_between(first: date, last: date) -> list[FollowUpRec]:
    query = _query().where(FollowUp.due_on.between(first, last))  # type: ignore[attr-defined]
    return _recs(query.order_by(FollowUp.due_on))


def follow_ups_done_between(first: date, last: date) -> list[FollowUpRec]:
    query = _query().where(FollowUp.done_on.between(first, last))  # type: ignore[attr-defined]
    return _recs(query.order_by(FollowUp.done_on))


def complete_follow_ups(contact_ids: list[int], done_on: date) -> int:
    """Mark the open follow-ups of these contacts, due by ``done_on`` + 7 days, as done."""
    if not contact_ids:
        return 0
    return int(FollowUp.update(done_on=done_on).where(
        FollowUp.contact.in_(contact_ids) & FollowUp.done_on.is_null()
        & (FollowUp.created_on <= done_on)
    ).execute())
