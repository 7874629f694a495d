"""Plain records that storage returns and services, the CLI and the UI pass around.

Named tuples (``typing.NamedTuple``): immutable, and quick to make (lists make thousands).
"""

from __future__ import annotations

from datetime import date, datetime
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
    """An event, with the names of the people met there.

    ``held_on`` is the local day it starts and ``last_day`` the last day it covers (None: one
    day). A timed event has ``starts_at``/``ends_at`` (end exclusive): aware datetimes in UTC,
    or wall times (naive) when its calendar gave them without a zone; None: all day (every
    event typed by hand). ``domain.event_times`` shows them in the user's zone. ``cancelled``:
    its calendar cancelled it, and something here links to it.
    """

    id: int
    name: str
    held_on: date
    location: str = ""
    url: str = ""
    notes: str = ""
    contact_names: tuple[str, ...] = ()
    last_day: date | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    cancelled: bool = False


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
    last_contact: date | None = None  # the latest action with them, or ``last_contact_on``
    gives: int = 0
    asks: int = 0
    connected_on: date | None = None  # LinkedIn's "Connected On": a fact, never a contact
    last_contact_on: date | None = None  # the last contact the user gave (--last-contact)
    cadence_from: date | None = None  # when their cadence started (domain.cadence)
    first_due_on: date | None = None  # when due if not talked to since it started

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
