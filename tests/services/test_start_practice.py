"""The one rule for the practice a form or draft starts on: a due follow-up, else the nudge's
practice, else the one most used with them, else reach out."""

from __future__ import annotations

from netrhythm.domain.records import PracticeRec
from netrhythm.services import practices
from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.services.tracking.start_practice import start_practice


def slug(practice: PracticeRec | None) -> str | None:
    return practice.slug if practice else None


def test_reach_out_when_nothing_else_is_known(ctx: Context) -> None:
    maria = add_contact(ctx, ContactForm(name="Maria Chen")).id
    assert slug(start_practice(ctx, maria)) == "reach-out"


def test_the_most_used_practice_then_the_nudge_then_a_due_follow_up(ctx: Context) -> None:
    maria = add_contact(ctx, ContactForm(name="Maria Chen")).id
    for day in ("2026-11-01", "2026-11-02"):
        log_action(ctx, LogRequest("give-value", ["Maria"], date=day))
    log_action(ctx, LogRequest("attend-event", ["Maria"], date="2026-11-03"))
    assert slug(start_practice(ctx, maria)) == "give-value"
    assert slug(start_practice(ctx, maria, nudged="attend-event")) == "attend-event"
    assert slug(start_practice(ctx, maria, nudged="no-such-practice")) == "give-value"
    log_action(ctx, LogRequest("reach-out", ["Maria"], date="2026-11-20", follow_up_days="7"))
    assert slug(start_practice(ctx, maria, nudged="attend-event")) == "follow-up"


def test_a_follow_up_counts_as_due_a_week_ahead_and_not_once_done(ctx: Context) -> None:
    from netrhythm.services.events import EventForm, add_event

    add_event(ctx, EventForm("Rust Meetup", "2026-11-22"))
    ana = add_contact(ctx, ContactForm(name="Ana Ruiz", met_at="Rust Meetup")).id
    assert slug(start_practice(ctx, ana)) == "follow-up"  # due in 3 days
    log_action(ctx, LogRequest("follow-up", ["Ana"]))
    log_action(ctx, LogRequest("reach-out", ["Ana"], date="2026-11-01", follow_up_days="30"))
    assert slug(start_practice(ctx, ana)) == "follow-up"  # the most used one now
    practices.set_archived(ctx, "follow-up")
    assert slug(start_practice(ctx, ana)) == "reach-out"


def test_missing_seeded_practices_fall_back_to_the_first_active_of_their_kind(
        ctx: Context) -> None:
    from netrhythm.services.events import EventForm, add_event

    add_event(ctx, EventForm("Rust Meetup", "2026-11-22"))
    ana = add_contact(ctx, ContactForm(name="Ana Ruiz", met_at="Rust Meetup")).id
    bob = add_contact(ctx, ContactForm(name="Bob Stone")).id
    practices.add_practice(ctx, practices.PracticeForm(name="Coffee", target="1",
                                                       reciprocity="neutral"))
    for name in ("follow-up", "reach-out", "attend-event"):
        practices.set_archived(ctx, name)
    assert slug(start_practice(ctx, ana)) == "coffee"  # the due follow-up: the neutral one
    assert slug(start_practice(ctx, bob)) == "coffee"
    practices.set_archived(ctx, "coffee")
    assert slug(start_practice(ctx, bob)) == "give-value"  # the first active at all
    practices.set_archived(ctx, "give-value")
    assert start_practice(ctx, bob) is None
