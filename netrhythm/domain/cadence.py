"""Keep-in-touch cadence of a contact: when the next contact is due, and how urgent it is.

*Last contact* is the latest action logged with them, or the date given as their last contact
(``--last-contact``), whichever is later. The day you met and the day you connected on
LinkedIn are facts about a contact, never contacts.

A cadence *starts* for a contact on ``cadence_from``: the day it was given to them (their own
cadence set, a tag with a cadence, an import), or the day of an older contact logged later
(backfilling). From then on:

- talked to on or after ``cadence_from``: due a cadence after the last contact;
- otherwise: due on ``first_due_on``, chosen when the cadence started (a cadence after the
  start, or after the contact before it, spread when the cadence started for many people at
  once: see :mod:`netrhythm.domain.spread`).

Contacts written before cadences had a start (schema 3 and older, old backups) have neither
day: every contact counts, and someone never contacted is due a cadence after being added.

The contact is ``overdue`` after the due day, ``due soon`` in the last fifth of the cadence
(rounded up to whole days), ``ok`` before that, and ``none`` without a cadence.
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


def next_due(last_contact: date | None, cadence_days: int | None, cadence_from: date | None,
             first_due_on: date | None, created_on: date) -> date | None:
    """The day a contact is next due (None without a cadence), by the rule above."""
    if cadence_days is None or cadence_days < 1:
        return None
    if last_contact is not None and (cadence_from is None or last_contact >= cadence_from):
        return last_contact + timedelta(days=cadence_days)
    if first_due_on is not None:
        return first_due_on
    return (cadence_from or created_on) + timedelta(days=cadence_days)


def due_state(due_on: date | None, cadence_days: int | None, today: date) -> Due:
    """The keep-in-touch state on ``today`` of a contact due on ``due_on`` (``next_due``).

    A cadence of ``None`` (or less than one day, which storage never holds) means no cadence.
    """
    if due_on is None or cadence_days is None or cadence_days < 1:
        return _NO_CADENCE
    days_overdue = (today - due_on).days
    warning_days = -(-cadence_days // 5)
    if days_overdue > 0:
        state = OVERDUE
    elif days_overdue >= -warning_days:
        state = DUE_SOON
    else:
        state = OK
    return Due(due_on, state, days_overdue)


def natural_first_due(last_contact: date | None, cadence_days: int, today: date) -> date:
    """A cadence after the last contact, or after ``today`` for someone never contacted: the
    first due date of a cadence that starts ``today`` for one person."""
    return (last_contact or today) + timedelta(days=cadence_days)


_NO_CADENCE = Due(due_on=None, state=NONE, days_overdue=0)  # immutable, so shared
