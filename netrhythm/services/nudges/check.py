"""Nudges: gather the facts, let the pure engine decide, deliver, and record every key once.

The same check serves `netrhythm nudge` (a scheduler or --watch loop) and the open app. A key is
claimed in the nudge log *before* delivery, inside a write transaction, so two processes
checking at once never send the same nudge twice.
"""

from __future__ import annotations

from collections.abc import Callable

from netrhythm.domain.nudges import (
    ContactFacts,
    FollowUpFacts,
    Nudge,
    NudgeInput,
    NudgePlan,
    PracticeFacts,
    plan_nudges,
)
from netrhythm.domain.tuples import NamedTuple
from netrhythm.domain.weeks import week_first_day, week_index, week_last_day, week_name
from netrhythm.services.contacts.cold import gone_cold
from netrhythm.services.context import Context
from netrhythm.services.settings import nudge_settings
from netrhythm.services.tracking.progress import nouns, progress
from netrhythm.storage import followups as followup_store
from netrhythm.storage import practices as practice_store
from netrhythm.storage import settings as store
from netrhythm.storage.db import write_transaction


def gather(ctx: Context) -> NudgeInput:
    """Everything the engine needs to know about now."""
    ws = ctx.read_week_start()
    week = week_index(ctx.today(), ws)
    first, last = week_first_day(week, ws), week_last_day(week, ws)
    practices = [
        PracticeFacts(
            slug=p.practice.slug, name=p.practice.name, noun_one=nouns(p.practice.slug)[0],
            noun_many=nouns(p.practice.slug)[1], target=p.period.target, count=p.period.count,
            period_key=week_name(p.period.first_week, ws),
            period_first_day=week_first_day(p.period.first_week, ws),
            period_last_day=week_last_day(p.period.last_week, ws),
            met=p.period.met, paused=p.period.paused,
            current_streak=p.current_streak, streak_if_met=p.streak_if_met,
        )
        for p in progress(ctx).practices
    ]
    due = [FollowUpFacts(f.id, f.contact_name, f.due_on, f.note, f.event)
           for f in followup_store.open_follow_ups(due_by=ctx.today())]
    cold = [ContactFacts(c.id, c.name, c.days_since, c.days_overdue) for c in gone_cold(ctx)]
    prev_first, prev_last = week_first_day(week - 1, ws), week_last_day(week - 1, ws)
    this_review = store.review_text(first, last)
    prev_review = store.review_text(prev_first, prev_last)
    return NudgeInput(
        now=ctx.now(), week_key=week_name(week, ws), week_first_day=first, week_last_day=last,
        practices=practices, follow_ups_due=due, gone_cold=cold,
        who_next=cold[0] if cold else None,
        review_written_for_week=bool(this_review and this_review.strip()),
        previous_week_key=week_name(week - 1, ws),
        previous_review_written=bool(prev_review and prev_review.strip()),
        already_sent=store.sent_nudge_keys(),
        first_day=practice_store.first_created_on(),
    )


def plan(ctx: Context) -> NudgePlan:
    return plan_nudges(gather(ctx), nudge_settings())


class Sent(NamedTuple):
    """A nudge delivered, how (``via``), and why not on the desktop (``reason``)."""

    nudge: Nudge
    via: str
    reason: str | None


Deliver = Callable[[str, str], tuple[str, str | None]]


def _claim(ctx: Context, nudge: Nudge, grouped: list[Nudge]) -> bool:
    """Record the nudge (and the keys it groups) as sent; False if another process did first."""
    with write_transaction():
        if not store.record_nudge(nudge.key, ctx.now(), nudge.title, nudge.message, "pending"):
            return False
        for other in grouped:
            store.record_nudge(other.key, ctx.now(), other.title, other.message,
                               f"grouped:{nudge.key}"[:200])
    return True


def send_due(ctx: Context, deliver: Deliver) -> tuple[list[Sent], str | None]:
    """Deliver every nudge that is due now, each at most once; (sent, why nothing was sent)."""
    result = plan(ctx)
    sent = []
    for nudge in result.to_send:
        grouped = result.grouped if nudge.rule == "summary" else []
        if not _claim(ctx, nudge, grouped):
            continue
        via, reason = deliver(nudge.title, nudge.message)
        with write_transaction():
            store.set_nudge_delivery(nudge.key, via)
        sent.append(Sent(nudge, via, reason))
    return sent, result.suppressed_reason


def desktop(title: str, message: str) -> tuple[str, str | None]:
    """Deliver through plyer (imported only now); (how it went, why not on the desktop)."""
    from netrhythm.notify import deliver

    delivery = deliver(title, message)
    return delivery.via, None if delivery.ok else delivery.reason
