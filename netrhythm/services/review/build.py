"""The weekly review: one service computes it for `netrhythm review` and the Review screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from netrhythm.domain.errors import InputError
from netrhythm.domain.records import ContactRec, FollowUpRec
from netrhythm.domain.score import overall_score
from netrhythm.domain.validate import clean_text
from netrhythm.domain.weeks import (
    parse_week,
    week_first_day,
    week_index,
    week_label,
    week_last_day,
    week_name,
)
from netrhythm.services.contacts.cold import Cold, gone_cold
from netrhythm.services.context import Context
from netrhythm.services.tracking.progress import PracticeProgress, progress
from netrhythm.storage import actions as action_store
from netrhythm.storage import contacts as contact_store
from netrhythm.storage import followups as followup_store
from netrhythm.storage import settings as settings_store
from netrhythm.storage.db import write_transaction
from netrhythm.storage.journal import change, latest, undo

HEAT_WEEKS = 52
TREND_WEEKS = 12
RECENT_PERIODS = 4  # "where am I slipping": misses among a practice's last periods
PROMPTS = (
    "What did I learn?",
    "Whom did I help?",
    "What will I do differently next week?",
)


@dataclass(frozen=True)
class HeatRow:
    practice: str
    cells: tuple[float | None, ...]  # ratio 0..1 per week, oldest first; None = paused/before
    recent: tuple[bool, ...] = ()  # met or not, for its last periods up to the week, oldest first


@dataclass(frozen=True)
class Review:
    week: int
    name: str
    label: str
    week_start: int  # the weekday weeks start on (0 = Monday), as in domain.weeks
    finished: bool
    practices: list[PracticeProgress]
    overall_score: float
    heat_first_week: int
    heat: list[HeatRow]
    new_contacts: list[ContactRec]
    follow_ups_done: list[FollowUpRec]
    follow_ups_missed: list[FollowUpRec]
    gives: int
    asks: int
    actions: int
    gone_cold: list[Cold]
    cold_on: date  # the day "gone cold" is counted on: the week's last day, or today
    first_week: int | None = None  # the week the first practice began, when after this one
    reflection: str = ""
    written_at: datetime | None = None
    prompts: tuple[str, ...] = field(default=PROMPTS)


def default_week(ctx: Context) -> int:
    """The last finished week."""
    return ctx.read_current_week() - 1


def resolve_week(ctx: Context, text: str | None) -> int:
    if text is None or not text.strip():
        return default_week(ctx)
    return parse_week(text, ctx.read_week_start(), ctx.today())


def review(ctx: Context, week: int | None = None) -> Review:
    week = default_week(ctx) if week is None else week
    ws = ctx.read_week_start()
    first, last = week_first_day(week, ws), week_last_day(week, ws)
    prog = progress(ctx, week, include_archived=True, trend_weeks=TREND_WEEKS)
    active = [p for p in prog.practices
              if p.started and (not p.practice.archived or any(c for _, c in p.week_counts))]
    later = [week_index(p.practice.created_on, ws) for p in prog.practices
             if not p.started and not p.practice.archived]
    cold_on = min(last, ctx.today())  # a week in progress: as of today, as the Week screen
    actions = action_store.actions_between(first, last)
    saved = settings_store.get_review(first, last)
    due = followup_store.follow_ups_due_between(first, last)
    new_ids = contact_store.ids_new_between(first, last)
    return Review(
        week=week, name=week_name(week, ws), label=week_label(week, ws), week_start=ws,
        finished=week < ctx.read_current_week(),
        practices=active,
        overall_score=overall_score([p.score for p in active if not p.practice.archived]),
        heat_first_week=week - HEAT_WEEKS + 1,
        heat=_heat(ctx, active, week, ws),
        new_contacts=contact_store.load_contacts(new_ids) if new_ids else [],
        follow_ups_done=followup_store.follow_ups_done_between(first, last),
        follow_ups_missed=[f for f in due if (f.done_on is None or f.done_on > last)
                           and f.due_on < ctx.today()],  # this week's later ones: not yet
        gives=sum(1 for a in actions if a.reciprocity == "give"),
        asks=sum(1 for a in actions if a.reciprocity == "ask"),
        actions=len(actions),
        gone_cold=gone_cold(ctx, cold_on),
        cold_on=cold_on,
        first_week=min(later) if later and not active else None,
        reflection=saved[0] if saved else "",
        written_at=saved[1] if saved else None,
    )


def _heat(ctx: Context, practices: list[PracticeProgress], week: int,
          week_start: int) -> list[HeatRow]:
    rows = []
    start, current = week - HEAT_WEEKS + 1, week_index(ctx.today(), week_start)
    for p in practices:
        by_week: dict[int, float | None] = {}
        # a period is at least a week long: the last HEAT_WEEKS periods cover the heat map
        recent = p.periods[-HEAT_WEEKS:]
        for period in recent:
            for w in range(period.first_week, period.last_week + 1):
                by_week[w] = None if period.paused else period.ratio
        counted = [x.met for x in recent if not x.paused and x.last_week >= start
                   and (x.met or x.last_week < current)]
        rows.append(HeatRow(p.practice.name, tuple(by_week.get(w) for w in range(start, week + 1)),
                            tuple(counted[-RECENT_PERIODS:])))
    return rows


def save_reflection(ctx: Context, week: int, text: str, *, amend: bool = False,
                    keep: str = "replace") -> bool:
    """Save the week's reflection (stripped) as one undoable change; False when nothing
    changed (the same text, or amending brought it back to where the session began, so the
    journal holds no change for it).

    ``amend``: the app saves while the user types; each save after the first of one editing
    session replaces that session's change, so ``undo`` brings back the text from before the
    session instead of stepping back a few words at a time (and typing never floods the
    journal). Nothing is amended when another change came in between.

    ``keep`` says what happens to a different reflection already saved: ``replace`` it (the
    app's editor), ``append`` the text after it, or ``refuse`` (InputError on ``--reflect``
    saying how to replace or append; nothing changed).
    """
    reflection = clean_text(text, "reflection")
    ws = ctx.read_week_start()
    first, last = week_first_day(week, ws), week_last_day(week, ws)
    name = week_name(week, ws)
    description = f"saved the reflection for {name}"
    with write_transaction():
        if amend and latest() == description:
            undo()
            saved = settings_store.get_review(first, last)
            if (saved[0] if saved else "") == reflection:
                return False
        before = (settings_store.review_text(first, last) or "").strip()
        if keep != "replace" and before and before != reflection:
            if keep == "refuse":
                raise InputError("--reflect", _refusal(name, before))
            reflection = f"{before}\n\n{reflection}" if reflection else before
        if not amend and before == reflection:
            return False
        with change(description, ctx.now()):
            settings_store.save_review(first, last, reflection, ctx.now())
    return True


def _refusal(week: str, saved: str) -> str:
    shown = " ".join(saved.split())
    shown = shown if len(shown) <= 60 else shown[:59] + "…"
    return (f"week {week} already has a different reflection ({shown!r}); nothing was "
            "changed. Add --replace to write yours instead, or --append to add it after the "
            "saved one.")
