"""Contacts: add, edit, archive, delete, list with keep-in-touch state, and details.

Adding a contact with a cadence, or changing a contact's cadence (their own or through their
tags) or last contact, starts their cadence that day (``storage.cadence``): due a cadence after
the last contact, or after that day for someone never contacted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from netrhythm.domain.cadence import Due, due_state, next_due
from netrhythm.domain.dates import parse_date
from netrhythm.domain.errors import InputError
from netrhythm.domain.records import ActionRec, ContactRec, FollowUpRec
from netrhythm.domain.validate import MAX_NAME, clean_line, clean_name, clean_text, positive_int
from netrhythm.services import lookup
from netrhythm.services.context import Context
from netrhythm.services.tracking.log import after_event
from netrhythm.storage import actions as action_store
from netrhythm.storage import contacts as store
from netrhythm.storage import events as event_store
from netrhythm.storage import followups as followup_store
from netrhythm.storage.cadence import start_cadences
from netrhythm.storage.journal import change

TEXT_FIELDS = ("company", "role", "email", "phone", "url", "how_met", "notes")


@dataclass(frozen=True)
class ContactForm:
    """Contact fields as typed; None leaves a field unchanged when editing."""

    name: str | None = None
    company: str | None = None
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    how_met: str | None = None
    notes: str | None = None
    cadence_days: str | int | None = None  # "" clears it
    met_at: str | None = None  # event name; "" clears it
    met_on: str | None = None  # date text; "" clears it
    tags: Sequence[str] | None = None
    last_contact: str | None = None  # date text: when you last talked; "" clears it


@dataclass(frozen=True)
class ContactRow:
    contact: ContactRec
    due: Due


@dataclass(frozen=True)
class ContactDetail:
    contact: ContactRec
    due: Due
    timeline: list[ActionRec] = field(default_factory=list)
    follow_ups: list[FollowUpRec] = field(default_factory=list)


def _fields(ctx: Context, form: ContactForm) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if form.name is not None:
        out["name"] = clean_name(form.name, "name")
    for name in TEXT_FIELDS:
        value = getattr(form, name)
        if value is not None:
            option = "--" + name.replace("_", "-")
            out[name] = clean_text(value, option) if name == "notes" else \
                clean_line(value, option, MAX_NAME)
    if form.cadence_days is not None:
        out["cadence_days"] = positive_int(form.cadence_days, "--every",
                                           allow_empty=True)
    if form.met_at is not None:
        out["met_at"] = lookup.event(form.met_at, "--met-at") if form.met_at.strip() else None
    if form.met_on is not None:
        out["met_on"] = parse_date(form.met_on, ctx.today(), "--met-on") \
            if form.met_on.strip() else None
    if form.last_contact is not None:
        out["last_contact_on"] = parse_date(form.last_contact, ctx.today(), "--last-contact") \
            if form.last_contact.strip() else None
    return out


def _tags(tags: Sequence[str] | None) -> list[str] | None:
    if tags is None:
        return None
    return [clean_name(t, "--tag") for t in tags if t.strip()]


def add_contact(ctx: Context, form: ContactForm) -> ContactRec:
    if form.name is None:
        raise InputError("name", "is empty; give a name")
    values = _fields(ctx, form)
    tags = _tags(form.tags) or []
    with change(f"added contact {values['name']}", ctx.now()):
        contact_id = store.insert_contact(tags=tags, created_on=ctx.today(), **values)
        start_cadences([contact_id], ctx.today(), spread_out=False)
        if values.get("met_at"):
            _follow_up_after_event(ctx, contact_id, values["met_at"])
    return get_contact(contact_id)


def _follow_up_after_event(ctx: Context, contact_id: int, event_id: int) -> None:
    """Meeting someone at an event schedules a follow-up: the window closes fast. (The
    follow-up names its event wherever it is shown, so it needs no note.)"""
    held_on = event_store.held_on(event_id)
    followup_store.insert_follow_up(contact_id, after_event(ctx, held_on), "", ctx.today(),
                                    event_id=event_id)


def edit_contact(ctx: Context, name: str, form: ContactForm) -> ContactRec:
    contact_id = lookup.contact(name, "contact", include_archived=True)
    values = _fields(ctx, form)
    tags = _tags(form.tags)
    before = get_contact(contact_id)
    with change(f"edited contact {before.name}", ctx.now()):
        store.update_contact(contact_id, **values)
        if tags is not None:
            store.set_tags(contact_id, tags)
        after = get_contact(contact_id)
        if (after.effective_cadence, after.last_contact_on) != \
                (before.effective_cadence, before.last_contact_on):
            start_cadences([contact_id], ctx.today(), spread_out=False)
        if values.get("met_at") and values["met_at"] != before.met_at_id:
            _follow_up_after_event(ctx, contact_id, values["met_at"])
    return get_contact(contact_id)


def set_archived(ctx: Context, name: str, archived: bool = True) -> ContactRec:
    contact_id = lookup.contact(name, "contact", include_archived=True)
    rec = get_contact(contact_id)
    verb = "archived" if archived else "restored"
    with change(f"{verb} contact {rec.name}", ctx.now()):
        store.update_contact(contact_id, archived=archived)
    return get_contact(contact_id)


def delete_contact(ctx: Context, name: str) -> ContactRec:
    contact_id = lookup.contact(name, "contact", include_archived=True)
    rec = get_contact(contact_id)
    with change(f"deleted contact {rec.name}", ctx.now()):
        store.delete_contact(contact_id)
    return rec


def get_contact(contact_id: int) -> ContactRec:
    return store.load_contacts([contact_id])[0]


def due_of(contact: ContactRec, today: date) -> Due:
    cadence = contact.effective_cadence
    due = next_due(contact.last_contact, cadence, contact.cadence_from, contact.first_due_on,
                   contact.created_on)
    return due_state(due, cadence, today)


def list_contacts(ctx: Context, include_archived: bool = False, tag: str | None = None,
                  overdue_only: bool = False) -> list[ContactRow]:
    today = ctx.today()
    rows = [ContactRow(c, due_of(c, today))
            for c in store.load_contacts(include_archived=include_archived)]
    if tag:
        wanted = tag.strip().casefold()
        rows = [r for r in rows if wanted in (t.casefold() for t in r.contact.tags)]
    if overdue_only:
        rows = [r for r in rows if r.due.state == "overdue"]
    return rows


def show_contact(ctx: Context, name: str) -> ContactDetail:
    contact_id = lookup.contact(name, "contact", include_archived=True)
    contact = get_contact(contact_id)
    return ContactDetail(contact, due_of(contact, ctx.today()),
                         action_store.actions_with_contact(contact_id),
                         followup_store.follow_ups_for(contact_id))
