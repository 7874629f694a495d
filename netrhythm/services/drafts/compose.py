"""A draft for one contact: the facts from storage, the practice to write for, the message.

``draft_for`` gathers what a draft may say (how and where you met, their interests, the last
action with them, a due follow-up's task, someone who shares an interest, an upcoming event
on one) in a handful of indexed queries, never reading a note, and composes the draft with
the user's templates (``netrhythm draft --set-template``) or the defaults.
"""

from __future__ import annotations

from datetime import timedelta
from typing import NamedTuple

from netrhythm.domain.draft_templates import KINDS
from netrhythm.domain.drafts import Draft, DraftFacts, Peer, Upcoming, compose, matching_interest
from netrhythm.domain.errors import InputError
from netrhythm.domain.records import PracticeRec
from netrhythm.domain.validate import positive_int
from netrhythm.services import lookup
from netrhythm.services.context import Context
from netrhythm.services.drafts import templates as draft_settings
from netrhythm.services.tracking.start_practice import DUE_AHEAD_DAYS, start_practice
from netrhythm.storage import drafts as store

EVENT_HORIZON_DAYS = 30  # as Who next: events in the next 30 days
# Seeded practices write their own kind; any other writes the kind its reciprocity gives.
KIND_OF_RECIPROCITY = {"give": "give-value", "ask": "ask", "neutral": "reach-out"}
SEEDED = ("reach-out", "give-value", "follow-up", "attend-event")


class DraftResult(NamedTuple):
    contact_id: int
    contact: str  # the contact's name
    practice: PracticeRec | None  # what the draft is for (None: no practice is active)
    draft: Draft

    @property
    def text(self) -> str:
        return self.draft.text


def kind_of(practice: PracticeRec | None) -> str:
    """The kind of draft (a key of ``KINDS``) a practice is written with."""
    if practice is None:
        return "reach-out"
    if practice.slug in SEEDED:
        return practice.slug
    return KIND_OF_RECIPROCITY.get(practice.reciprocity, "reach-out")


def draft_named(ctx: Context, name: str, practice: str | None = None,
                max_chars: str | int | None = None) -> DraftResult:
    """``netrhythm draft NAME [--for PRACTICE] [--max-chars N]``: names as typed."""
    limit = positive_int(max_chars, "--max-chars", allow_empty=True, maximum=100_000)
    chosen = lookup.practice(practice, "--for") if practice is not None else None
    return draft_for(ctx, lookup.contact(name, "contact"), chosen, max_chars=limit)


def draft_for(ctx: Context, contact_id: int, practice: PracticeRec | None = None, *,
              nudged: str | None = None, max_chars: int | None = None) -> DraftResult:
    """The draft for a contact and a practice (default: ``start_practice``'s choice)."""
    facts = gather(ctx, contact_id)
    if practice is None:
        practice = start_practice(ctx, contact_id, nudged)
    kind = kind_of(practice)
    draft = compose(facts, kind, draft_settings.templates(kind), max_chars=max_chars,
                    tone=draft_settings.tone())
    return DraftResult(contact_id, facts.name, practice, draft)


def gather(ctx: Context, contact_id: int) -> DraftFacts:
    """Everything a draft may say about the contact, today (about seven queries)."""
    today = ctx.today()
    contact = store.contact_facts(contact_id)
    if contact is None:
        raise InputError("contact", f"no contact has id #{contact_id}")
    tags = [(tag_id, name) for tag_id, name, cadence in store.tags_of(contact_id)
            if cadence is None]  # a tag with a cadence is a circle ("mentors"), not an interest
    interests = tuple(name for _, name in tags)
    last = store.last_action(contact_id, today)
    due = store.open_follow_ups(contact_id, today + timedelta(days=DUE_AHEAD_DAYS))
    peers = store.peers(contact_id, [tag_id for tag_id, _ in tags], today)
    upcoming = None
    for name, day, about in store.events_between(
            today, today + timedelta(days=EVENT_HORIZON_DAYS)):
        interest = matching_interest(about, interests)
        if interest is not None:
            upcoming = Upcoming(name, day, interest)
            break
    task = next((f for f in due if f.task.strip()), None)
    return DraftFacts(
        name=contact.name, today=today, how_met=contact.how_met,
        event=contact.event or next((f.event for f in due if f.event), None) or "",
        met_on=contact.met_on, interests=interests,
        last_kind=_last_kind(last), last_on=last.day if last else None,
        last_event=(last.event or "") if last else "",
        task=task.task if task else "", task_due=task.due_on if task else None,
        peers=tuple(Peer(p.name, p.shared[0]) for p in peers if p.shared),
        upcoming=upcoming, my_name=draft_settings.my_name(),
    )


def _last_kind(last: store.LastAction | None) -> str:
    if last is None:
        return ""
    if last.slug in SEEDED:
        return last.slug
    return KIND_OF_RECIPROCITY.get(last.reciprocity, "reach-out")


__all__ = ["KINDS", "DraftResult", "draft_for", "draft_named", "gather", "kind_of"]
