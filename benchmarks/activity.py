"""Ten years of logged actions: weeks of varying energy, slumps that break streaks, holidays.

Pure and seeded. Each practice gets a share of the total; a week's count follows a slowly
drifting level of engagement that grows over the years. Slumps (a Markov chain: rare to enter,
likely to last a second week) leave every practice short, so streaks break and then recover.
Holiday weeks around Christmas are paused and empty. The current week holds only the days
up to today. Counts are allocated by largest remainder so the total is exact.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date

from netrhythm.domain.weeks import week_first_day, week_index


@dataclass(frozen=True)
class PracticePlan:
    slug: str
    target: int
    period_weeks: int
    share: float  # of all actions
    first_year: int = 0  # years after the start when it began
    last_year: int = 99  # years after the start when it was archived


@dataclass(frozen=True)
class Weeks:
    first: int
    current: int
    paused: frozenset[int]
    slumps: frozenset[int]


def plan_weeks(rnd: random.Random, first_day: date, today: date, week_start: int = 0) -> Weeks:
    first, current = week_index(first_day, week_start), week_index(today, week_start)
    paused = set()
    for year in range(first_day.year, today.year + 1):
        christmas = week_index(date(year, 12, 25), week_start)
        if first < christmas < current:
            paused.add(christmas)
    slumps, slumping = set(), False
    for week in range(first, current):
        slumping = rnd.random() < (0.45 if slumping else 0.05)
        if slumping and week not in paused:
            slumps.add(week)
    return Weeks(first, current, frozenset(paused), frozenset(slumps))


def weekly_counts(rnd: random.Random, weeks: Weeks, practices: list[PracticePlan],
                  total: int, today: date, week_start: int = 0) -> dict[tuple[int, int], int]:
    """{(week, practice index): number of actions}, summing to exactly ``total``."""
    fixed: dict[tuple[int, int], int] = {}
    weights: dict[tuple[int, int], float] = {}
    level = 0.0
    span = weeks.current - weeks.first + 1
    for week in range(weeks.first, weeks.current + 1):
        level = 0.9 * level + rnd.gauss(0, 0.25)
        age = (week - weeks.first) / span
        elapsed = 1.0
        if week == weeks.current:
            elapsed = ((today - week_first_day(week, week_start)).days + 1) / 7
        for i, p in enumerate(practices):
            years = (week - weeks.first) / 52.18
            if week in weeks.paused or not p.first_year <= years < p.last_year:
                continue
            if week in weeks.slumps:
                per_week = p.target / p.period_weeks
                fixed[(week, i)] = rnd.randint(0, max(0, math.ceil(per_week) - 1))
                continue
            weights[(week, i)] = p.share * math.exp(level) * (0.6 + 0.8 * age) * elapsed
    rest = total - sum(fixed.values())
    scale = rest / sum(weights.values())
    exact = {key: w * scale for key, w in weights.items()}
    counts = {key: int(v) for key, v in exact.items()}
    missing = rest - sum(counts.values())
    by_remainder = sorted(exact, key=lambda k: (counts[k] - exact[k], k))
    for key in by_remainder[:missing]:
        counts[key] += 1
    counts.update(fixed)
    return {key: n for key, n in counts.items() if n}
