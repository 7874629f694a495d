"""Per-practice progress for a week: count, streaks, rhythm score and slack, from SQL counts."""

from __future__ import annotations

from typing import NamedTuple

from netrhythm.domain.records import PracticeRec
from netrhythm.domain.score import overall_score, rhythm_score, score_trend
from netrhythm.domain.slack import period_phrase, slack_text
from netrhythm.domain.streaks import (
    Period,
    PracticeRule,
    close_period,
    history,
    history_start,
    streak_if_met,
    streaks,
)
from netrhythm.domain.weeks import week_index, week_last_day
from netrhythm.services.context import Context
from netrhythm.storage import practices as store
from netrhythm.storage import settings as settings_store

NOUNS = {
    "reach-out": ("reach-out", "reach-outs"),
    "give-value": ("give", "gives"),
    "follow-up": ("follow-up", "follow-ups"),
    "attend-event": ("event", "events"),
}


def nouns(slug: str) -> tuple[str, str]:
    """How slack text names one and several actions of a practice."""
    return NOUNS.get(slug, ("time", "times"))


class PracticeProgress(NamedTuple):
    """A practice's standing in a week (a tuple: quick to define on the CLI path)."""

    practice: PracticeRec
    period: Period  # the period containing the week asked about
    current_streak: int  # weeks
    longest_streak: int  # weeks
    streak_if_met: int
    score: float  # 0..100
    slack: str
    phrase: str  # "3 per week, Mon–Sun"
    trend: tuple[float, ...] = ()  # score at the end of each of the last weeks, oldest first
    week_counts: tuple[tuple[int, int], ...] = ()  # (week index, count) in the whole history
    started: bool = True  # False for a week before the practice's history began
    periods: tuple[Period, ...] = ()  # the whole history up to the week, oldest first


class Progress(NamedTuple):
    """Every practice's standing in a week."""

    week: int
    practices: list[PracticeProgress]

    @property
    def overall_score(self) -> float:
        return overall_score([p.score for p in self.practices])


def paused_weeks(ctx: Context, week_start: int | None = None) -> set[int]:
    """The paused weeks' indexes (``week_start``: the week start setting, if already read)."""
    week_start = ctx.read_week_start() if week_start is None else week_start
    return {week_index(day, week_start) for day in settings_store.paused_days()}


def progress(ctx: Context, week: int | None = None, include_archived: bool = False,
             trend_weeks: int = 0, practice_id: int | None = None,
             week_start: int | None = None) -> Progress:
    """Every practice's standing as of ``week`` (default: the current week); with
    ``practice_id``, that practice's only; with ``week_start``, as if weeks started on that
    weekday (what changing the setting would show)."""
    week_start = ctx.read_week_start() if week_start is None else week_start
    current = week_index(ctx.today(), week_start)
    week = current if week is None else week
    until = week_last_day(week, week_start)
    counts = store.weekly_counts(week_start, until, practice_id)
    paused = paused_weeks(ctx, week_start)
    today = min(ctx.today(), until)
    out = []
    for practice in store.list_practices(include_archived=include_archived):
        if practice_id is not None and practice.id != practice_id:
            continue
        rule = PracticeRule(practice.target, practice.period_weeks,
                            week_index(practice.created_on, week_start))
        mine = counts.get(practice.id, {})
        periods = history(rule, mine, paused, week)
        if week < current:  # a past week: its period ends within or after it
            periods[-1] = close_period(periods[-1], week)
        st = streaks(periods)
        if_met = streak_if_met(periods)
        one, many = nouns(practice.slug)
        out.append(PracticeProgress(
            practice=practice, period=periods[-1], current_streak=st.current,
            longest_streak=st.longest, streak_if_met=if_met,
            score=rhythm_score(periods, practice.period_weeks),
            slack=slack_text(periods[-1], if_met, st.current, one, many, week_start, today),
            phrase=period_phrase(practice.target, practice.period_weeks, week_start),
            trend=tuple(score_trend(rule, mine, paused, week, trend_weeks, periods=periods,
                                    closed=week < current)) if trend_weeks else (),
            week_counts=tuple(sorted(mine.items())),
            started=history_start(rule, mine, week) <= week,
            periods=tuple(periods),
        ))
    return Progress(week=week, practices=out)

