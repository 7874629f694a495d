"""The facts the nudge engine decides from: progress, follow-ups, who has gone cold, reviews,
and what the nudge log says (what needs no delivery, what is on screen, who was named).

Reads only (about ten queries); ``plan`` hands them to the pure engine
(``domain.nudges.plan_nudges``), which decides what to send and what to withdraw.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from netrhythm.domain.nudges import (
    ContactFacts,
    FollowUpFacts,
    NudgeInput,
    NudgePlan,
    NudgeSettings,
    PracticeFacts,
    ShownFacts,
    plan_nudges,
)
from netrhythm.domain.weeks import week_first_day, week_index, week_last_day, week_name
from netrhythm.services.contacts.cold import gone_cold
from netrhythm.services.context import Context
from netrhythm.services.settings import nudge_settings, show_minutes
from netrhythm.services.tracking.progress import nouns, progress
from netrhythm.storage import actions as action_store
from netrhythm.storage import followups as followup_store
from netrhythm.storage import nudge_log
from netrhythm.storage import practices as practice_store
from netrhythm.storage import settings as store

# A claim older than this is a lease another run may take over: a run spends at most 30 s on
# notifications (notify.RUN_BUDGET_S), plus a margin for the database writes around them.
LEASE = timedelta(seconds=30 + 30)


def lease_start(now: datetime) -> datetime:
    """Claims made before this moment are leases that have run out."""
    return now - LEASE


def gather(ctx: Context, settings: NudgeSettings) -> NudgeInput:
    """Everything the engine needs to know about now."""
    now, ws = ctx.now(), ctx.read_week_start()
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
    due = [FollowUpFacts(i, name, due_on, note, event, met_at, how_met)
           for i, name, due_on, note, event, met_at, how_met
           in followup_store.due_with_meeting(ctx.today())]
    cold = [ContactFacts(c.id, c.name, c.days_since, c.days_overdue) for c in gone_cold(ctx)]
    prev_first, prev_last = week_first_day(week - 1, ws), week_last_day(week - 1, ws)
    this_review = store.review_text(first, last)
    prev_review = store.review_text(prev_first, prev_last)
    week_key = week_name(week, ws)
    shown = nudge_log.shown_since(now - timedelta(minutes=show_minutes()), now)
    return NudgeInput(
        now=now, week_key=week_key, week_first_day=first, week_last_day=last,
        practices=practices, follow_ups_due=due, gone_cold=cold,
        who_next=cold[0] if cold else None,
        review_written_for_week=bool(this_review and this_review.strip()),
        previous_week_key=week_name(week - 1, ws),
        previous_review_written=bool(prev_review and prev_review.strip()),
        already_sent=nudge_log.busy_or_done(lease_start(now)),
        shown=[ShownFacts(s.key, s.covers, s.named, s.server_id, s.title) for s in shown],
        cold_named_before=nudge_log.last_named("gone-cold:", f"gone-cold:{week_key}"),
        first_day=practice_store.first_created_on(),
        history_from=action_store.first_day(),
    )


def plan(ctx: Context) -> NudgePlan:
    """What is due now and what to withdraw (reads only)."""
    settings = nudge_settings()
    return plan_nudges(gather(ctx, settings), settings)
