"""Follow-ups: dated promises to contacts."""

from __future__ import annotations

from datetime import date

from netrhythm.domain.records import FollowUpRec
from netrhythm.storage.tables import FollowUp, database


def insert_follow_up(contact_id: int, due_on: date, note: str, created_on: date,
                     action_id: int | None = None, event_id: int | None = None) -> int:
    return int(FollowUp.insert(contact=contact_id, due_on=due_on, note=note,
                               created_on=created_on, action=action_id,
                               event=event_id).execute())


_SELECT = """
SELECT f.id, c.id, c.name, f.due_on, f.note, f.done_on, e.name
FROM follow_up f JOIN contact c ON c.id = f.contact_id LEFT JOIN event e ON e.id = f.event_id
"""


def _recs(where: str, params: list[object]) -> list[FollowUpRec]:
    return [FollowUpRec(id=i, contact_id=ci, contact_name=cn, due_on=_day(d), note=n,
                        done_on=_day(dn) if dn is not None else None, event=e)
            for i, ci, cn, d, n, dn, e in database.execute_sql(_SELECT + where, params)]


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def open_follow_ups(due_by: date | None = None) -> list[FollowUpRec]:
    """Follow-ups not done yet (due on or before ``due_by`` when given), soonest first."""
    if due_by is None:
        return _recs("WHERE f.done_on IS NULL ORDER BY f.due_on, f.id", [])
    return _recs("WHERE f.done_on IS NULL AND f.due_on <= ? ORDER BY f.due_on, f.id",
                 [due_by.isoformat()])


_DUE_WITH_MEETING = """
SELECT f.id, c.name, f.due_on, f.note, e.name, m.name, c.how_met
FROM follow_up f JOIN contact c ON c.id = f.contact_id LEFT JOIN event e ON e.id = f.event_id
LEFT JOIN event m ON m.id = c.met_at_id
WHERE f.done_on IS NULL AND f.due_on <= ? ORDER BY f.due_on, f.id
"""


def due_with_meeting(due_by: date) -> list[tuple[int, str, date, str, str | None, str | None,
                                                 str]]:
    """(id, contact name, due on, note, the follow-up's event, the event the contact was met
    at, how met) of the open follow-ups due by ``due_by``, soonest first."""
    return [(i, name, _day(due), note, event, met_at, how_met or "")
            for i, name, due, note, event, met_at, how_met
            in database.execute_sql(_DUE_WITH_MEETING, [due_by.isoformat()])]


def follow_ups_for(contact_id: int) -> list[FollowUpRec]:
    return _recs("WHERE f.contact_id = ? ORDER BY f.due_on DESC, f.id", [contact_id])


def follow_ups_due_between(first: date, last: date) -> list[FollowUpRec]:
    return _recs("WHERE f.due_on BETWEEN ? AND ? ORDER BY f.due_on, f.id",
                 [first.isoformat(), last.isoformat()])


def follow_ups_done_between(first: date, last: date) -> list[FollowUpRec]:
    return _recs("WHERE f.done_on BETWEEN ? AND ? ORDER BY f.done_on, f.id",
                 [first.isoformat(), last.isoformat()])


def complete_follow_ups(contact_ids: list[int], done_on: date) -> int:
    """Mark the open follow-ups of these contacts, due by ``done_on`` + 7 days, as done."""
    if not contact_ids:
        return 0
    return int(FollowUp.update(done_on=done_on).where(
        FollowUp.contact.in_(contact_ids) & FollowUp.done_on.is_null()
        & (FollowUp.created_on <= done_on)
    ).execute())
