"""Logging actions: the heart of the weekly rhythm."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from netrhythm.domain.dates import format_day, parse_date
from netrhythm.domain.errors import InputError
from netrhythm.domain.records import PracticeRec
from netrhythm.domain.resolve import NoMatch
from netrhythm.domain.validate import clean_name, clean_text, positive_int
from netrhythm.services import lookup
from netrhythm.services.context import Context
from netrhythm.storage import actions as action_store
from netrhythm.storage import contacts as contact_store
from netrhythm.storage import followups as followup_store
from netrhythm.storage.contacts import backdate_starts, names_by_id
from netrhythm.storage.journal import change


class LogRequest(NamedTuple):
    """What a person typed to log an action (the CLI flags and the Log form's fields)."""

    practice: str
    contacts: Sequence[str] = ()
    note: str = ""
    date: str = "today"
    event: str = ""
    follow_up_days: str | int | None = None
    new_contacts: Sequence[str] = ()  # names of people to add as contacts, then log with


class Logged(NamedTuple):
    """What was logged: the new action, its practice, a description, a follow-up's due day."""

    action_id: int
    practice: PracticeRec
    description: str
    follow_up_due: str | None


class ArchivedName(InputError):
    """The name is an archived contact's: restoring them keeps one person with one history."""

    def __init__(self, field: str, name: str) -> None:
        super().__init__(field, f"{name!r} is an archived contact; restore them first, then "
                                "log with them")
        self.name = name


def unknown_names(names: Sequence[str], field: str = "--with"
                  ) -> tuple[list[str], list[tuple[str, NoMatch]]]:
    """``names`` split into the contacts they name (as ``#id``) and the names that match no
    contact at all, each with its refusal (which lists the closest names). A name that
    matches several contacts is refused as always, and so is an archived contact's name."""
    known: list[str] = []
    unknown: list[tuple[str, NoMatch]] = []
    for name in names:
        try:
            known.append(f"#{lookup.contact(name, field)}")
        except NoMatch as exc:
            refuse_archived(name, field)
            unknown.append((name, exc))
    return known, unknown


def refuse_archived(name: str, field: str) -> None:
    """An ``ArchivedName`` if an archived contact has the name ``name`` (in any case): adding
    it as someone new would make the same person twice."""
    wanted = name.strip().casefold()
    if any(other.casefold() == wanted for other in contact_store.archived_names()):
        raise ArchivedName(field, name.strip())


def log_action(ctx: Context, request: LogRequest) -> Logged:
    """Validate everything first, then write the action (and its follow-up) as one change."""
    today = ctx.today()
    practice = lookup.practice(request.practice)
    day = parse_date(request.date, today, "--date")
    contact_ids = [lookup.contact(name, "--with") for name in request.contacts if name.strip()]
    if any(not name.strip() for name in request.contacts):
        raise InputError("--with", "is empty; name a contact")
    new_names = list(dict.fromkeys(clean_name(n, "--with") for n in request.new_contacts))
    for name in new_names:
        refuse_archived(name, "--with")
    event_id = lookup.event(request.event) if request.event.strip() else None
    note = clean_text(request.note, "--note")
    follow_days = positive_int(request.follow_up_days, "--follow-up", allow_empty=True,
                               maximum=365)
    if follow_days and not contact_ids and not new_names:
        raise InputError("--follow-up", "needs a contact to follow up with; add --with NAME")
    names = names_by_id(contact_ids) + new_names
    with_text = f" with {', '.join(names)}" if names else ""
    added = f"; added {', '.join(new_names)} to contacts" if new_names else ""
    description = f"logged {practice.name}{with_text} ({format_day(day, today)}){added}"
    due = None
    with change(description, ctx.now()):
        contact_ids += [add_named(ctx, name) for name in new_names]
        action_id = action_store.insert_action(
            practice.id, day, note, event_id, contact_ids, ctx.now())
        followup_store.complete_follow_ups(contact_ids, day)
        backdate_starts(contact_ids, day)
        due_on = _follow_up_day(ctx, day, follow_days, event_id, bool(contact_ids))
        if due_on is not None:
            due = due_on.isoformat()
            for cid in contact_ids:
                followup_store.insert_follow_up(cid, due_on, note, today, action_id, event_id)
    return Logged(action_id, practice, description, due)


def add_named(ctx: Context, name: str) -> int:
    """Add someone met just now as a contact, with their name only (details later)."""
    from netrhythm.storage.cadence import start_cadences  # only for a new person: ~1 ms a log

    contact_id = contact_store.insert_contact(name=name, created_on=ctx.today())
    start_cadences([contact_id], ctx.today(), spread_out=False)
    return contact_id


def _follow_up_day(ctx: Context, day: date, days: int | None, event_id: int | None,
                   with_people: bool) -> date | None:
    """When to follow up: in ``days`` when asked; after meeting people at an event, within the
    event follow-up window (``settings follow-up-after-event``) even when not asked."""
    if days:
        return day + timedelta(days=days)
    if event_id is None or not with_people:
        return None
    return after_event(ctx, day)


def after_event(ctx: Context, met_on: date) -> date:
    """When to follow up with someone met on ``met_on`` at an event: within the event window
    (``settings follow-up-after-event``) from that day, or from today if it is past."""
    return max(met_on, ctx.today()) + timedelta(days=ctx.read_follow_up_window())
