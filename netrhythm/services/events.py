"""Events: where people who share your interests meet, whom you met there, and going.

Events are named by ``#id`` wherever two may share a name (a monthly meetup): the Events
screen passes ``#12``; the command line passes names. ``log_attended`` logs the practice that
counts attending events (see ``attend_practice``) at an event, dated the day it was held.
"""

from __future__ import annotations

from datetime import UTC, date, tzinfo
from typing import NamedTuple

from netrhythm.domain.dates import format_day, parse_date, short_date
from netrhythm.domain.errors import InputError
from netrhythm.domain.records import ActionRec, EventRec, PracticeRec
from netrhythm.domain.validate import MAX_NAME, clean_line, clean_name, clean_text
from netrhythm.domain.weeks import week_index
from netrhythm.services import lookup
from netrhythm.services.calendars.zone import read_zone
from netrhythm.services.context import Context
from netrhythm.storage import events as store
from netrhythm.storage import practices as practice_store
from netrhythm.storage.events import EventSummary, MetPerson
from netrhythm.storage.journal import change

__all__ = ["ATTEND_SLUG", "EventDetail", "EventForm", "EventOverview", "EventSummary",
           "MetPerson", "add_event", "attend_practice", "delete_event", "edit_event",
           "event_detail", "event_list", "event_ref", "get_event", "list_events",
           "log_attended"]

ATTEND_SLUG = "attend-event"
NO_PRACTICE = ("no active practice counts attending events (attend-event is archived, "
               "renamed or deleted); restore it, or log with another practice")


class EventForm(NamedTuple):
    """Event fields as typed; None leaves a field unchanged when editing."""

    name: str | None = None
    held_on: str | None = None  # date text; future dates are fine for events
    location: str | None = None
    url: str | None = None
    notes: str | None = None


class EventOverview(NamedTuple):
    upcoming: list[EventSummary]  # today's and later, soonest first
    past: list[EventSummary]  # newest first
    practice: PracticeRec | None  # what attending counts toward (None: none is active)
    zone: tzinfo = UTC  # the user's: times are shown in it


class EventDetail(NamedTuple):
    event: EventRec
    people: list[MetPerson]
    actions: list[ActionRec]  # logged at the event, newest first
    practice: PracticeRec | None
    attended_on: date | None  # when an action of ``practice`` was logged at it
    ref: str  # what names it in a form: its name, or ``#id`` when another shares the name
    follow_up_days: int  # meeting someone there schedules a follow-up within this many days
    zone: tzinfo = UTC  # the user's: times are shown in it


def _values(ctx: Context, form: EventForm) -> dict[str, object]:
    out: dict[str, object] = {}
    if form.name is not None:
        out["name"] = clean_name(form.name, "name")
    if form.held_on is not None:
        out["held_on"] = parse_date(form.held_on, ctx.today(), "--date", allow_future=True)
    for key in ("location", "url", "notes"):
        value = getattr(form, key)
        if value is not None:
            out[key] = clean_text(value, "--notes") if key == "notes" else \
                clean_line(value, f"--{key}", MAX_NAME)
    return out


def _check_unique(name: str, day: date, own_id: int | None = None) -> None:
    if any(d == day and i != own_id for i, d in store.events_named(name)):
        raise InputError("name", f"{name} on {short_date(day, with_year=True)} already exists; "
                                 "edit that one")


def add_event(ctx: Context, form: EventForm) -> EventRec:
    values = _values(ctx, EventForm(form.name or "", form.held_on if form.held_on is not None
                                    else "today", form.location, form.url, form.notes))
    _check_unique(str(values["name"]), values["held_on"])  # type: ignore[arg-type]
    with change(f"added event {values['name']}", ctx.now()):
        event_id = store.insert_event(created_on=ctx.today(), **values)
    return get_event(event_id)


def edit_event(ctx: Context, name: str, form: EventForm) -> EventRec:
    """Change the fields given; ``name`` finds the event (``#12`` by id)."""
    before = get_event(lookup.event(name, "event"))
    values = _values(ctx, form)
    moved = values.get("held_on", before.held_on)
    if moved != before.held_on:
        values.update(_moved(before, (moved - before.held_on).days))  # type: ignore[operator]
    _check_unique(str(values.get("name", before.name)),
                  values.get("held_on", before.held_on), before.id)  # type: ignore[arg-type]
    with change(f"edited event {before.name}", ctx.now()):
        store.update_event(before.id, **values)
    return get_event(before.id)


def _moved(event: EventRec, days: int) -> dict[str, object]:
    """An event moved to another day keeps its hours (in the user's zone) and its length."""
    from datetime import timedelta

    from netrhythm.domain.event_times import moment_text, shift_days

    out: dict[str, object] = {}
    if event.last_day is not None:
        out["last_day"] = event.last_day + timedelta(days=days)
    zone = read_zone()
    for key, moment in (("starts_at", event.starts_at), ("ends_at", event.ends_at)):
        if moment is not None:
            out[key] = moment_text(shift_days(moment, days, zone))
    return out


def delete_event(ctx: Context, name: str) -> EventRec:
    """Delete an event; actions and contacts keep everything but the link to it."""
    event = get_event(lookup.event(name, "event"))
    with change(f"deleted event {event.name}", ctx.now()):
        store.delete_event(event.id)
    return event


def get_event(event_id: int) -> EventRec:
    event = store.get_event(event_id)
    if event is None:
        raise InputError("event", "that event no longer exists")
    return event


def event_ref(event: EventRec) -> str:
    """What to type to name ``event``: its name, or ``#id`` when another shares it."""
    return event.name if len(store.events_named(event.name)) == 1 else f"#{event.id}"


def list_events(ctx: Context) -> tuple[list[EventRec], list[EventRec]]:
    """(upcoming soonest first, past newest first), with the names of the people met."""
    today = ctx.today()
    events = store.list_events()
    upcoming = [e for e in reversed(events) if e.held_on >= today]
    past = [e for e in events if e.held_on < today]
    return upcoming, past


def attend_practice() -> PracticeRec | None:
    """The active practice that attending an event counts toward: ``attend-event``, else the
    only active practice whose slug or name mentions an event (after a rename)."""
    active = practice_store.list_practices()
    found = [p for p in active if p.slug == ATTEND_SLUG]
    if not found:
        found = [p for p in active if "event" in f"{p.slug} {p.name}".casefold()]
    return found[0] if len(found) == 1 else None


def event_list(ctx: Context) -> EventOverview:
    """Every event, upcoming then past, with people counts and whether attending is logged."""
    practice = attend_practice()
    today = ctx.today()
    events = store.event_summaries(practice.id if practice else None)
    upcoming = [s for s in reversed(events) if s.event.held_on >= today]
    past = [s for s in events if s.event.held_on < today]
    return EventOverview(upcoming, past, practice, read_zone())


def event_detail(ctx: Context, event_id: int) -> EventDetail:
    event = get_event(event_id)
    practice = attend_practice()
    actions = store.actions_at(event_id)
    attended = [a.occurred_on for a in actions if practice and a.practice_id == practice.id]
    return EventDetail(event, store.people_at(event_id), actions, practice,
                       min(attended) if attended else None, event_ref(event),
                       ctx.read_follow_up_window(), read_zone())


def log_attended(ctx: Context, event_id: int) -> str:
    """Log attending the event on the day it was held; says what was logged and the progress."""
    from netrhythm.services.tracking.log import LogRequest, log_action
    from netrhythm.services.tracking.progress import progress

    today = ctx.today()
    detail = event_detail(ctx, event_id)
    event, practice = detail.event, detail.practice
    if event.held_on > today:
        raise InputError("event", f"{event.name} is on {format_day(event.held_on, today)}; "
                                  "log attending once it has happened")
    if practice is None:
        raise InputError("practice", NO_PRACTICE)
    if detail.attended_on is not None:
        raise InputError("event", f"attending {event.name} is already logged "
                                  f"({format_day(detail.attended_on, today)})")
    log_action(ctx, LogRequest(practice=f"#{practice.id}", date=event.held_on.isoformat(),
                               event=f"#{event.id}"))
    text = f"Logged {practice.name} at {event.name} ({format_day(event.held_on, today)})."
    mine = next((p for p in progress(ctx).practices if p.practice.id == practice.id), None)
    week = week_index(event.held_on, ctx.read_week_start())
    if mine is not None and mine.period.first_week <= week <= mine.period.last_week:
        figures = "" if mine.period.met else f"{mine.period.count}/{mine.period.target} · "
        text += f" {figures}{mine.slack}."  # once met, the slack says the figures
    return text
