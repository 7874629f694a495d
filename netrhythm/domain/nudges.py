"""The nudge engine: which reminders are due right now, decided from plain facts.

Pure: no clock (``NudgeInput.now`` is given), no database, no delivery. The rules (README's "Nudges"
section says the same for users):

- ``behind-pace``: from the pace weekday and hour of the week on, a practice (not met, not
  paused) whose count is below its pro-rata share of the target: ``count < target * d / n``
  where ``d`` is the number of whole days of the period before today and ``n`` its length in
  days. On the last day of a period ``streak-at-risk`` replaces it for that practice.
- ``streak-at-risk``: on the last day of a period, a practice not met, not paused, whose streak
  would be 2+ weeks if met.
- ``follow-up``: one per follow-up due today or overdue.
- ``gone-cold``: one per week, naming at most 3 contacts past their cadence, most overdue first.
- ``review``: on the last day of the week from ``review_hour``, and on the first 2 days of the
  next week for the week just ended, while that week's review is not written.

No nudge about this week's targets (``behind-pace``, ``streak-at-risk``) on ``first_day``, the
day the database was created: a new user has had no chance to act yet. Nor a review of a week
that ended before that day, unless something was logged for it (or earlier).

Keys are stable (rule + subject + period): a key in ``already_sent`` (shown, or being shown by
another process) is not returned again; a key that failed or was only printed is left out of it
by the caller, so it comes back while it is still due. During quiet hours nothing is sent. At
most ``cap`` nudges go out per run: beyond that, ``cap - 1`` go out alone and one summary groups
the rest (the caller records the grouped keys with it).

Withdrawal: a notification still on screen (``shown``) whose reason went away (none of the keys
it stands for is due any more, or for gone-cold, none of the people it named is still cold) is
listed in ``NudgePlan.to_withdraw``, also during quiet hours.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from netrhythm.domain import nudge_text as text
from netrhythm.domain.errors import InputError

__all__ = [
    "ContactFacts",
    "FollowUpFacts",
    "Nudge",
    "NudgeInput",
    "NudgePlan",
    "NudgeSettings",
    "PracticeFacts",
    "ShownFacts",
    "plan_nudges",
]


# The settings and the input are dataclasses (validated, changed with ``replace``); the
# facts and results are named tuples.


@dataclass(frozen=True)
class NudgeSettings:
    """Which rules are on, when they speak, when they keep quiet, and how many per run.

    ``quiet_start``/``quiet_end`` may wrap midnight (21:00–08:00); equal means no quiet hours.
    ``pace_weekday`` is 0 = Monday … 6 = Sunday, whatever day the user's week starts on.
    Invalid values raise ``InputError`` naming the setting, also when constructed directly.
    """

    behind_pace: bool = True
    streak_at_risk: bool = True
    follow_up_due: bool = True
    gone_cold: bool = True
    weekly_review: bool = True
    pace_weekday: int = 3
    pace_hour: int = 10
    review_hour: int = 17
    quiet_start: time = time(21, 0)
    quiet_end: time = time(8, 0)
    cap: int = 3

    def __post_init__(self) -> None:
        for name in _BOOLS:
            if not isinstance(getattr(self, name), bool):
                raise InputError(name, "must be true or false")
        _check_int(self, "pace_weekday", 0, 6, "a weekday from 0 (Monday) to 6 (Sunday)")
        _check_int(self, "pace_hour", 0, 23, "an hour from 0 to 23")
        _check_int(self, "review_hour", 0, 23, "an hour from 0 to 23")
        _check_int(self, "cap", 1, 100, "a number of nudges from 1 to 100")
        for name in ("quiet_start", "quiet_end"):
            value = getattr(self, name)
            if not isinstance(value, time) or value.tzinfo is not None:
                raise InputError(name, "must be a local time of day such as 21:00")

    @classmethod
    def defaults(cls) -> NudgeSettings:
        """All rules on, pace check Thursday 10:00, review from 17:00, quiet 21:00–08:00, cap 3."""
        return cls()

    def to_dict(self) -> dict[str, bool | int | str]:
        """A plain JSON-able dict; times as ``HH:MM``."""
        out: dict[str, bool | int | str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = value.strftime("%H:%M") if isinstance(value, time) else value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> NudgeSettings:
        """Settings from ``to_dict()`` output; missing keys take their defaults."""
        if not isinstance(data, Mapping):
            raise InputError("nudges", "settings must be an object of name: value")
        known = [f.name for f in fields(cls)]
        values: dict[str, object] = {}
        for name, value in data.items():
            if name not in known:
                raise InputError(str(name), f"unknown nudge setting (known: {', '.join(known)})")
            values[name] = _parse_time(name, value) if name in _TIMES else value
        return cls(**values)  # type: ignore[arg-type]  # __post_init__ checks every type

    def is_quiet(self, moment: time) -> bool:
        """Whether ``moment`` falls in quiet hours (start included, end excluded)."""
        start, end, now = self.quiet_start, self.quiet_end, moment.replace(tzinfo=None)
        if start == end:
            return False
        if start < end:
            return start <= now < end
        return now >= start or now < end


_BOOLS = ("behind_pace", "streak_at_risk", "follow_up_due", "gone_cold", "weekly_review")
_TIMES = ("quiet_start", "quiet_end")
_HH_MM = re.compile(r"(\d{1,2}):(\d{2})")


def _check_int(settings: NudgeSettings, name: str, low: int, high: int, what: str) -> None:
    value = getattr(settings, name)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InputError(name, f"must be {what}, got {value!r}")


def _parse_time(name: str, value: object) -> time:
    match = _HH_MM.fullmatch(value) if isinstance(value, str) else None
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise InputError(name, f"must be a time of day as HH:MM (such as 21:00), got {value!r}")
    return time(int(match[1]), int(match[2]))


class PracticeFacts(NamedTuple):
    """One practice in its current period, as the nudge rules see it."""

    slug: str
    name: str
    noun_one: str  # "reach-out"
    noun_many: str  # "reach-outs"
    target: int
    count: int  # type: ignore[assignment]  # actions in this period so far (hides tuple.count)
    period_key: str  # key of the period's first week, such as "2026-W48"
    period_first_day: date
    period_last_day: date
    met: bool
    paused: bool
    current_streak: int  # weeks, finished periods (plus this one if already met)
    streak_if_met: int  # weeks, if this period is met


class FollowUpFacts(NamedTuple):
    """A follow-up due today or overdue and not done."""

    id: int
    contact_name: str
    due_on: date
    note: str = ""
    event_name: str | None = None  # where they met, when the follow-up comes from an event
    met_at: str | None = None  # the event the contact was met at
    how_met: str = ""  # the contact's own words on how you met


class ContactFacts(NamedTuple):
    """A contact and how long since you talked (``days_since`` None: never)."""

    id: int
    name: str
    days_since: int | None
    days_overdue: int = 0


@dataclass(frozen=True)
class NudgeInput:
    """Everything the rules need about "now"; built by the services layer from storage."""

    now: datetime  # local, naive
    week_key: str
    week_first_day: date
    week_last_day: date
    practices: Sequence[PracticeFacts]
    follow_ups_due: Sequence[FollowUpFacts]
    gone_cold: Sequence[ContactFacts]  # past their cadence, most overdue first
    who_next: ContactFacts | None
    review_written_for_week: bool
    previous_week_key: str
    previous_review_written: bool
    already_sent: AbstractSet[str]  # keys from the nudge log that need no delivery now
    shown: Sequence[ShownFacts] = ()  # notifications perhaps still on screen
    cold_named_before: Sequence[int] | None = None  # ids the last gone-cold nudge named
    first_day: date | None = None  # the day the database was created
    history_from: date | None = None  # the earliest day logged for, if before ``first_day``


class ShownFacts(NamedTuple):
    """A notification on screen: its key, the keys it stands for (a summary: those it grouped),
    the contacts it named, the server's id for it and its title."""

    key: str
    covers: tuple[str, ...]
    named: tuple[int, ...] = ()
    notification_id: int = 0
    title: str = ""


class Nudge(NamedTuple):
    """One notification to send; ``key`` is stable so that it is sent at most once."""

    key: str
    rule: str
    title: str
    message: str
    named: tuple[int, ...] = ()  # ids of the contacts it names (gone-cold)


class NudgePlan(NamedTuple):
    """What to send now; record the keys of ``to_send`` and ``grouped`` as sent."""

    to_send: list[Nudge]
    grouped: list[Nudge]  # folded into the summary nudge (the last of ``to_send``)
    suppressed_reason: str | None = None  # "quiet hours until 08:00"
    to_withdraw: tuple[ShownFacts, ...] = ()  # shown notifications whose reason went away

    def keys_to_record(self) -> list[str]:
        """Every key this plan covers: the nudges sent alone and each grouped one."""
        return [n.key for n in self.to_send if n.rule != "summary"] + [n.key for n in self.grouped]


def plan_nudges(inp: NudgeInput, settings: NudgeSettings) -> NudgePlan:
    """The nudges to send at ``inp.now``: due, not sent before, within quiet hours and cap;
    and the shown ones to withdraw."""
    all_due = _due(inp, settings)
    withdraw = _stale(inp, {n.key for n in all_due})
    if settings.is_quiet(inp.now.time()):
        until = settings.quiet_end.strftime("%H:%M")
        return NudgePlan([], [], f"quiet hours until {until}", withdraw)
    due: dict[str, Nudge] = {}
    for nudge in all_due:
        if nudge.key not in inp.already_sent:
            due.setdefault(nudge.key, nudge)
    return _apply_cap(list(due.values()), settings.cap)._replace(to_withdraw=withdraw)


def _stale(inp: NudgeInput, due: AbstractSet[str]) -> tuple[ShownFacts, ...]:
    """The shown notifications whose every reason went away."""
    cold = {c.id for c in inp.gone_cold}

    def relevant(key: str, named: tuple[int, ...]) -> bool:
        if key not in due:
            return False
        return not (key.startswith("gone-cold:") and named) or any(i in cold for i in named)

    return tuple(s for s in inp.shown if not any(relevant(k, s.named) for k in s.covers))


def _due(inp: NudgeInput, settings: NudgeSettings) -> list[Nudge]:
    """All due nudges, most pressing first: promises to people, streaks, pace, contacts, review."""
    now = inp.now.replace(tzinfo=None)
    today = now.date()
    out: list[Nudge] = []
    if settings.follow_up_due:
        for item in sorted(inp.follow_ups_due, key=lambda f: (f.due_on, f.id)):
            key = f"follow-up:{item.id}:{item.due_on.isoformat()}"
            out.append(Nudge(key, "follow-up", *text.follow_up(item, today)))
    active = [p for p in inp.practices if not p.met and not p.paused and p.count < p.target
              and today != inp.first_day]  # no target nudges on the very first day
    at_risk = [p for p in active if today == p.period_last_day and p.streak_if_met >= 2]
    superseded = {p.slug for p in at_risk} if settings.streak_at_risk else set()
    if settings.streak_at_risk:
        for p in at_risk:
            key = f"streak-at-risk:{p.slug}:{p.period_key}"
            out.append(Nudge(key, "streak-at-risk", *text.streak_at_risk(p)))
    if settings.behind_pace and now >= _pace_moment(inp.week_first_day, settings):
        who = inp.who_next
        for p in active:
            if p.slug in superseded or not _behind(p, today):
                continue
            days_left = (p.period_last_day - today).days + 1
            key = f"behind-pace:{p.slug}:{p.period_key}"
            out.append(Nudge(key, "behind-pace", *text.behind_pace(p, days_left, who)))
            who = None  # name the suggestion once, on the first practice behind
    if settings.gone_cold and inp.gone_cold:
        out.append(_gone_cold(inp))
    if settings.weekly_review:
        out.extend(_review(inp, settings, now))
    return out


def _gone_cold(inp: NudgeInput) -> Nudge:
    """At most three named: first those the last gone-cold nudge did not name."""
    cold = sorted(inp.gone_cold, key=lambda c: -c.days_overdue)
    key = f"gone-cold:{inp.week_key}"
    if inp.cold_named_before is None:
        title, message = text.gone_cold(cold)
        return Nudge(key, "gone-cold", title, message, tuple(c.id for c in cold[:3]))
    before = set(inp.cold_named_before)
    fresh = [c for c in cold if c.id not in before]
    still = [c for c in cold if c.id in before]
    back = len(before - {c.id for c in cold})
    title, message, named = text.gone_cold_again(fresh, still, back)
    return Nudge(key, "gone-cold", title, message, tuple(c.id for c in named))


def _pace_moment(week_first_day: date, settings: NudgeSettings) -> datetime:
    offset = (settings.pace_weekday - week_first_day.weekday()) % 7
    return datetime.combine(week_first_day + timedelta(days=offset), time(settings.pace_hour))


def _behind(p: PracticeFacts, today: date) -> bool:
    """``count < target * elapsed / length``, in whole numbers."""
    elapsed = (today - p.period_first_day).days
    length = (p.period_last_day - p.period_first_day).days + 1
    return p.count * length < p.target * elapsed


def _review(inp: NudgeInput, settings: NudgeSettings, now: datetime) -> list[Nudge]:
    today = now.date()
    if today == inp.week_last_day and now.hour >= settings.review_hour:
        if not inp.review_written_for_week:
            title, message = text.review(inp.week_key, ends_today=True)
            return [Nudge(f"review:{inp.week_key}", "review", title, message)]
    elif ((today - inp.week_first_day).days < 2 and not inp.previous_review_written
          and _had_history(inp)):
        title, message = text.review(inp.previous_week_key, ends_today=False)
        return [Nudge(f"review:{inp.previous_week_key}", "review", title, message)]
    return []


def _had_history(inp: NudgeInput) -> bool:
    """Whether the week before this one is part of the user's history: it ended after the
    database was created, or something was logged for it or earlier (backdated)."""
    starts = [d for d in (inp.first_day, inp.history_from) if d is not None]
    return not starts or min(starts) < inp.week_first_day


def _apply_cap(due: list[Nudge], cap: int) -> NudgePlan:
    if len(due) <= cap:
        return NudgePlan(due, [])
    alone, grouped = due[: cap - 1], due[cap - 1 :]
    title, message = text.summary([n.title for n in grouped])
    key = "group:" + "+".join(n.key for n in grouped)
    return NudgePlan([*alone, Nudge(key, "summary", title, message)], grouped)
