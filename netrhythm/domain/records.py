"""Plain records that storage returns and services, the CLI and the UI pass around.

Named tuples (``typing.NamedTuple``): immutable, and quick to make (lists make thousands).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class PracticeRec(NamedTuple):
    """A weekly networking habit: ``target`` actions per ``period_weeks`` weeks."""

    id: int
    name: str
    slug: str
    prompt: str
    target: int
    period_weeks: int
    reciprocity: str
    position: int
    archived: bool
    created_on: date


class EventRec(NamedTuple):
    """An event, with the names of the people met there."""

    id: int
    name: str
    held_on: date
    location: str = ""
    url: str = ""
    notes: str = ""
    contact_names: tuple[str, ...] = ()


class ContactRec(NamedTuple):
    """A contact with tags and derived facts: last contact, gives and asks."""

    id: int
    name: str
    company: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""
    how_met: str = ""
    met_at: str | None = None  # event name
    met_at_id: int | None = None
    met_on: date | None = None
    notes: str = ""
    cadence_days: int | None = None  # the contact's own cadence
    archived: bool = False
    created_on: date = date.min
    tags: tuple[str, ...] = ()
    tag_cadence: int | None = None  # the shortest cadence among its tags
    last_contact: date | None = None
    gives: int = 0
    asks: int = 0

    @property
    def effective_cadence(self) -> int | None:
        """The contact's own cadence, else the one its tags give it."""
        return self.cadence_days if self.cadence_days is not None else self.tag_cadence


class ActionRec(NamedTuple):
    """One logged act of a practice, with its contacts' names and its event."""

    id: int
    practice_id: int
    practice_name: str
    occurred_on: date
    note: str = ""
    event: str | None = None
    contacts: tuple[str, ...] = ()
    reciprocity: str = "neutral"


class FollowUpRec(NamedTuple):
    """A dated promise to a contact; ``done_on`` is None while open."""

    id: int
    contact_id: int
    contact_name: str
    due_on: date
    note: str = ""
    done_on: date | None = None
    event: str | None = None
