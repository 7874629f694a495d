"""Events: the list and detail queries, and the service rules behind the Events screen."""

from __future__ import annotations

from datetime import date

import pytest

from netrhythm.domain.errors import InputError
from netrhythm.services import events as svc
from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
from netrhythm.services.events import EventForm, add_event, edit_event, log_attended
from netrhythm.services.practices import PracticeForm, edit_practice, set_archived
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.services.undo import undo
from netrhythm.storage import events as store
from netrhythm.storage.tables import Action, Event
from tests.helpers import dump

TODAY = date(2026, 11, 23)


def test_summaries_count_people_met_or_seen_once_and_when_attending_was_logged(
        ctx: Context) -> None:
    meetup = add_event(ctx, EventForm("Meetup", "2026-11-20"))
    other = add_event(ctx, EventForm("Dinner", "2026-12-02"))
    add_contact(ctx, ContactForm("Ana Ruiz", met_at="Meetup"))
    add_contact(ctx, ContactForm("Bo Chen"))
    log_action(ctx, LogRequest("attend-event", ["Ana", "Bo"], date="2026-11-21",
                               event="Meetup"))
    log_action(ctx, LogRequest("reach-out", ["Bo"], event="Meetup"))
    practice = svc.attend_practice()
    assert practice is not None and practice.slug == "attend-event"
    found = {s.event.id: s for s in store.event_summaries(practice.id)}
    assert (found[meetup.id].people, found[meetup.id].attended_on) == (2, date(2026, 11, 21))
    assert (found[other.id].people, found[other.id].attended_on) == (0, None)
    overview = svc.event_list(ctx)
    assert [s.event.name for s in overview.upcoming] == ["Dinner"]
    assert [s.event.name for s in overview.past] == ["Meetup"]


def test_people_at_an_event_with_the_follow_up_meeting_them_there_scheduled(
        ctx: Context) -> None:
    meetup = add_event(ctx, EventForm("Meetup", "2026-11-20"))
    add_contact(ctx, ContactForm("Ana Ruiz", company="Acme", met_at="Meetup"))
    add_contact(ctx, ContactForm("Bo Chen"))
    log_action(ctx, LogRequest("attend-event", ["Bo"], event="Meetup", date="2026-11-20"))
    ana, bo = store.people_at(meetup.id)
    assert (ana.name, ana.company, ana.met_here, ana.follow_up_due) == (
        "Ana Ruiz", "Acme", True, date(2026, 11, 26))  # today + 3 days
    # logged with Bo at the event: a follow-up within the event window, from today
    assert (bo.name, bo.met_here, bo.follow_up_due) == ("Bo Chen", False, date(2026, 11, 26))
    log_action(ctx, LogRequest("follow-up", ["Ana"]))
    assert store.people_at(meetup.id)[0].followed_up_on == TODAY
    (action,) = store.actions_at(meetup.id)
    assert (action.practice_name, action.contacts, action.event) == (
        "Attend an event", ("Bo Chen",), "Meetup")


def test_the_event_follow_up_window_is_a_setting(ctx: Context) -> None:
    from netrhythm.services.settings import set_value

    set_value(ctx, "follow-up-after-event", "5")
    meetup = add_event(ctx, EventForm("Meetup", "2026-11-25"))
    add_contact(ctx, ContactForm("Ana Ruiz", met_at="Meetup"))
    assert svc.event_detail(ctx, meetup.id).follow_up_days == 5
    assert store.people_at(meetup.id)[0].follow_up_due == date(2026, 11, 30)


@pytest.mark.parametrize(("form", "field", "message"), [
    (EventForm("", "2026-12-01"), "name", "is empty"),
    (EventForm("Meetup", ""), "--date", "enter a date"),
    (EventForm("Meetup", "2026-02-30"), "--date", "2026-02-30 does not exist"),
    (EventForm("Meetup", "soon"), "--date", "is not a date"),
    (EventForm("Meetup", "today", notes="a\x00b"), "--notes", "NUL"),
    (EventForm("Rust Meetup", "2026-12-03"), "name", "already exists"),
])
def test_bad_event_input_is_refused_and_nothing_is_saved(
        ctx: Context, form: EventForm, field: str, message: str) -> None:
    add_event(ctx, EventForm("Rust meetup", "2026-12-03"))
    before = dump(ctx.location)
    with pytest.raises(InputError) as caught:
        add_event(ctx, form)
    assert caught.value.field == field and message in caught.value.message
    assert dump(ctx.location) == before


def test_events_sharing_a_name_are_named_by_id(ctx: Context) -> None:
    first = add_event(ctx, EventForm("Rust Meetup", "2026-10-20"))
    second = add_event(ctx, EventForm("Rust Meetup", "2026-11-20"))
    assert svc.event_ref(first) == "#" + str(first.id)
    edited = edit_event(ctx, f"#{second.id}", EventForm(location="c-base"))
    assert (edited.id, edited.location) == (second.id, "c-base")
    with pytest.raises(InputError, match="already exists"):
        edit_event(ctx, f"#{second.id}", EventForm(held_on="2026-10-20"))
    assert undo() == "edited event Rust Meetup"
    lone = add_event(ctx, EventForm("PyData", "2026-12-01"))
    assert svc.event_ref(lone) == "PyData"


def test_log_attended_logs_the_practice_on_the_day_it_was_held(ctx: Context) -> None:
    meetup = add_event(ctx, EventForm("Meetup", "2026-11-22"))
    # Sunday is in the fortnight before this one: no progress of this fortnight to report
    assert log_attended(ctx, meetup.id) == "Logged Attend an event at Meetup (yesterday)."
    action = Action.get()
    assert (action.event_id, action.occurred_on) == (meetup.id, date(2026, 11, 22))
    with pytest.raises(InputError, match="already logged"):
        log_attended(ctx, meetup.id)
    tonight = add_event(ctx, EventForm("Tonight", "today"))
    assert log_attended(ctx, tonight.id) == (  # the figures once, not "1/1 · Done: 1 of 1"
        "Logged Attend an event at Tonight (today). 1 done, target 1, 4-week streak.")
    future = add_event(ctx, EventForm("Later", "2026-12-01"))
    with pytest.raises(InputError, match="once it has happened"):
        log_attended(ctx, future.id)
    assert Action.select().count() == 2


def test_the_attend_practice_survives_a_rename_but_not_archiving(ctx: Context) -> None:
    meetup = add_event(ctx, EventForm("Meetup", "today"))
    edit_practice(ctx, "attend-event", PracticeForm(name="Go to events", slug="go-to-events"))
    practice = svc.attend_practice()
    assert practice is not None and practice.slug == "go-to-events"
    set_archived(ctx, "go-to-events")
    assert svc.attend_practice() is None
    assert svc.event_list(ctx).practice is None
    with pytest.raises(InputError) as caught:
        log_attended(ctx, meetup.id)
    assert caught.value.field == "practice" and "archived" in caught.value.message


def test_deleting_an_event_keeps_its_actions_and_people_and_undo_restores_the_links(
        ctx: Context) -> None:
    meetup = add_event(ctx, EventForm("Meetup", "2026-11-20"))
    add_contact(ctx, ContactForm("Ana Ruiz", met_at="Meetup"))
    log_attended(ctx, meetup.id)
    before = svc.event_detail(ctx, meetup.id)
    svc.delete_event(ctx, f"#{meetup.id}")
    assert Event.select().count() == 0 and Action.get().event_id is None
    with pytest.raises(InputError, match="no longer exists"):
        svc.event_detail(ctx, meetup.id)
    assert undo() == "deleted event Meetup"
    assert svc.event_detail(ctx, meetup.id) == before
