"""Keep-in-touch cadence of a contact: when the next contact is due, and how urgent it is.

``due_on`` is the last contact (or the day you met, or the day the contact was added) plus the
cadence in days. The contact is ``overdue`` after ``due_on``, ``due soon`` in the last fifth of
the cadence (rounded up to whole days), ``ok`` before that, and ``none`` without a cadence.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal, NamedTuple

DueState = Literal["none", "ok", "due soon", "overdue"]

NONE: DueState = "none"
OK: DueState = "ok"
DUE_SOON: DueState = "due soon"
OVERDUE: DueState = "overdue"


class Due(NamedTuple):
    """When a contact is next due; ``days_overdue`` is negative for days left, 0 without one."""

    due_on: date | None
    state: DueState
    days_overdue: int


def due_state(
    last_contact: date | None,
    met_on: date | None,
    created_on: date,
    cadence_days: int | None,
    today: date,
) -> Due:
    """The keep-in-touch state of a contact on ``today``.

    A cadence of ``None`` (or less than one day, which storage never holds) means no cadence.
    """
    if cadence_days is None or cadence_days < 1:
        return _NO_CADENCE
    since = last_contact or met_on or created_on
    due_on = since + timedelta(days=cadence_days)
    days_overdue = (today - due_on).days
    warning_days = -(-cadence_days // 5)
    if days_overdue > 0:
        state = OVERDUE
    elif days_overdue >= -warning_days:
        state = DUE_SOON
    else:
        state = OK
    return Due(due_on, state, days_overdue)


_NO_CADENCE = Due(due_on=None, state=NONE, days_overdue=0)  # immutable, so shared
