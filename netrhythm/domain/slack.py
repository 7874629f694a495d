"""What is left to do in a period, and by when, in a few words.

``slack_text`` says what is left ("1 more reach-out by Sunday keeps your 6-week streak"); once
the target is met the practice goes quiet ("3 done this week, target 3"). ``period_phrase``
states the rule in calendar terms ("3 per week, Mon–Sun"), because periods are calendar weeks,
never rolling windows.
"""

from __future__ import annotations

from datetime import date

from netrhythm.domain.dates import WEEKDAY_NAMES, short_date
from netrhythm.domain.streaks import Period
from netrhythm.domain.weeks import week_last_day, weekday_span


def period_unit(period_weeks: int) -> str:
    """``week``, ``fortnight`` or ``period``: what "this ..." calls a period."""
    return {1: "week", 2: "fortnight"}.get(period_weeks, "period")


def deadline(last_day: date, today: date) -> str:
    """``today``, ``by Sunday`` (within 6 days) or ``by Sun 6 Dec``."""
    days = (last_day - today).days
    if days == 0:
        return "today"
    if 0 < days <= 6:
        return f"by {WEEKDAY_NAMES[last_day.weekday()]}"
    return f"by {short_date(last_day, with_year=last_day.year != today.year)}"


def slack_text(
    period: Period,
    streak_if_met: int,
    current_streak: int,
    noun_one: str,
    noun_many: str,
    week_start: int,
    today: date,
) -> str:
    """One short line on ``period`` (usually the one in progress) for ``today``.

    ``noun_one`` / ``noun_many`` name one and several actions ("reach-out", "reach-outs").
    ``streak_if_met`` and ``current_streak`` come from ``streaks.streak_if_met`` and
    ``streaks.streaks(...).current``, in weeks. A streak of 2+ weeks at stake is named as the
    one it keeps; a shorter one by the streak meeting the period makes.
    """
    unit = period_unit(period.last_week - period.first_week + 1)
    if period.paused:
        return f"Paused this {unit}"
    if period.met:
        if current_streak >= 2:
            return f"{period.count} done, target {period.target}, {current_streak}-week streak"
        return f"{period.count} done this {unit}, target {period.target}"
    if period.finished:
        return f"Missed: {period.count} done, target {period.target}"
    left = period.target - period.count
    noun = noun_one if left == 1 else noun_many
    when = deadline(week_last_day(period.last_week, week_start), today)
    if current_streak >= 2:
        return f"{left} more {noun} {when} keeps your {current_streak}-week streak"
    if current_streak > 0 and streak_if_met >= 2:
        return f"{left} more {noun} {when} makes a {streak_if_met}-week streak"
    return f"{left} more {noun} {when} to meet this {unit}"


def target_phrase(target: int, period_weeks: int) -> str:
    """``3 per week`` or ``1 per 2 weeks``."""
    return f"{target} per {'week' if period_weeks == 1 else f'{period_weeks} weeks'}"


def period_phrase(target: int, period_weeks: int, week_start: int) -> str:
    """``3 per week, Mon–Sun`` or ``1 per 2 weeks, Sun–Sat``: the rule in calendar terms."""
    return f"{target_phrase(target, period_weeks)}, {weekday_span(week_start)}"
