"""This week at a glance: progress, what is due, who has gone cold, what is coming up."""

from __future__ import annotations

from typing import Any, NamedTuple

from netrhythm.domain.records import EventRec, FollowUpRec
from netrhythm.domain.weeks import (
    days_left,
    week_first_day,
    week_index,
    week_label,
    week_last_day,
    week_name,
)
from netrhythm.services.contacts.cold import Cold, gone_cold
from netrhythm.services.context import Context
from netrhythm.services.tracking.progress import Progress, progress
from netrhythm.storage import events as event_store
from netrhythm.storage import followups as followup_store


class Status(NamedTuple):
    """A week's progress, with what is due today (a tuple: quick to define on the CLI path)."""

    week: int
    name: str
    label: str
    days_left: int
    progress: Progress
    follow_ups_due: list[FollowUpRec]
    gone_cold: list[Cold]
    upcoming: list[EventRec]

    def to_json(self) -> dict[str, Any]:
        return {
            "week": self.name,
            "label": self.label,
            "days_left": self.days_left,
            "overall_score": round(self.progress.overall_score, 1),
            "practices": [
                {
                    "slug": p.practice.slug, "name": p.practice.name,
                    "count": p.period.count, "target": p.period.target,
                    "met": p.period.met, "paused": p.period.paused,
                    "period_weeks": p.practice.period_weeks,
                    "current_streak_weeks": p.current_streak,
                    "longest_streak_weeks": p.longest_streak,
                    "score": round(p.score, 1), "slack": p.slack,
                }
                for p in self.progress.practices
            ],
            "follow_ups_due": [
                {"contact": f.contact_name, "due_on": f.due_on.isoformat(), "note": f.note}
                for f in self.follow_ups_due
            ],
            "gone_cold": [
                {"contact": c.name, "days_overdue": c.days_overdue,
                 "last_contact": c.last_contact.isoformat() if c.last_contact else None}
                for c in self.gone_cold
            ],
            "upcoming_events": [
                {"name": e.name, "held_on": e.held_on.isoformat(), "location": e.location}
                for e in self.upcoming
            ],
        }


def status(ctx: Context, week: int | None = None) -> Status:
    week_start = ctx.read_week_start()
    today = ctx.today()
    week = week_index(today, week_start) if week is None else week
    first, last = week_first_day(week, week_start), week_last_day(week, week_start)
    return Status(
        week=week,
        name=week_name(week, week_start),
        label=week_label(week, week_start),
        days_left=days_left(today, week_start) if first <= today <= last else 0,
        progress=progress(ctx, week),
        follow_ups_due=followup_store.open_follow_ups(due_by=today),
        gone_cold=gone_cold(ctx, today),  # as of today: the day the Week screen names
        upcoming=event_store.upcoming_events(today),
    )
