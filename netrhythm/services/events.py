"""Events: where people who share your interests meet."""

from __future__ import annotations

from dataclasses import dataclass

from netrhythm.domain.dates import parse_date
from netrhythm.domain.records import EventRec
from netrhythm.services import lookup
from netrhythm.services.context import Context
from netrhythm.services.validate import clean_name, clean_text
from netrhythm.storage import events as store
from netrhythm.storage.journal import change


@dataclass(frozen=True)
class EventForm:
    name: str | None = None
    held_on: str | None = None  # date text; future dates are fine for events
    location: str | None = None
    url: str | None = None
    notes: str | None = None


def _values(ctx: Context, form: EventForm) -> dict[str, object]:
    out: dict[str, object] = {}
    if form.name is not None:
        out["name"] = clean_name(form.name, "name")
    if form.held_on is not None:
        out["held_on"] = parse_date(form.held_on or "today", ctx.today(), "--date",
                                    allow_future=True)
    for key in ("location", "url", "notes"):
        value = getattr(form, key)
        if value is not None:
            out[key] = clean_text(value, key, 200 if key != "notes" else 20_000)
    return out


def add_event(ctx: Context, form: EventForm) -> EventRec:
    values = _values(ctx, EventForm(form.name or "", form.held_on or "today", form.location,
                                    form.url, form.notes))
    with change(f"added event {values['name']}", ctx.now()):
        event_id = store.insert_event(created_on=ctx.today(), **values)
    return next(e for e in store.list_events() if e.id == event_id)


def edit_event(ctx: Context, name: str, form: EventForm) -> EventRec:
    event_id = lookup.event(name, "event")
    values = _values(ctx, form)
    with change(f"edited event {name.strip()}", ctx.now()):
        store.update_event(event_id, **values)
    return next(e for e in store.list_events() if e.id == event_id)


def list_events(ctx: Context) -> tuple[list[EventRec], list[EventRec]]:
    """(upcoming soonest first, past newest first)."""
    today = ctx.today()
    events = store.list_events()
    upcoming = sorted((e for e in events if e.held_on >= today), key=lambda e: e.held_on)
    past = [e for e in events if e.held_on < today]
    return upcoming, past
