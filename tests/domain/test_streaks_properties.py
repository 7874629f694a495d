"""Property tests: history(), streaks() and the score against a naive reference.

The reference works from dates the slow, obvious way: it finds a week's first day by walking
back one day at a time, walks periods week by week from the creation week, and counts actions
by comparing dates. It never uses week indexes.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from netrhythm.domain.score import rhythm_score, score_trend
from netrhythm.domain.streaks import (
    PracticeRule,
    history,
    streak_if_met,
    streaks,
)
from netrhythm.domain.weeks import week_first_day, week_index
from tests.domain.test_score import as_of_end

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Scenario:
    week_start: int
    target: int
    period_weeks: int
    created: date
    today: date
    actions: tuple[date, ...]
    paused_days: tuple[date, ...]


@dataclass(frozen=True)
class RefPeriod:
    first_day: date
    count: int
    target: int
    active_weeks: int
    finished: bool
    met: bool
    paused: bool


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    created = date(2024, 1, 1) + timedelta(days=draw(st.integers(0, 1200)))
    today = created + timedelta(days=draw(st.integers(0, 200)))
    offsets = st.integers(min_value=-100, max_value=230)  # before creation and after today too
    return Scenario(
        week_start=draw(st.integers(0, 6)),
        target=draw(st.integers(1, 5)),
        period_weeks=draw(st.sampled_from([1, 2, 4])),
        created=created,
        today=today,
        actions=tuple(created + timedelta(days=n) for n in draw(st.lists(offsets, max_size=60))),
        paused_days=tuple(created + timedelta(days=n) for n in draw(st.lists(offsets, max_size=8))),
    )


def naive_week_start(day: date, week_start: int) -> date:
    while day.weekday() != week_start:
        day -= timedelta(days=1)
    return day


def reference_history(s: Scenario) -> list[RefPeriod]:
    this_week = naive_week_start(s.today, s.week_start)
    actions = [a for a in s.actions if a < this_week + WEEK]
    creation_week = naive_week_start(s.created, s.week_start)
    start = min([creation_week] + [naive_week_start(a, s.week_start) for a in actions])
    while (creation_week - start).days // 7 % s.period_weeks != 0:
        start -= WEEK
    paused_weeks = {naive_week_start(d, s.week_start) for d in s.paused_days}
    periods = []
    first = start
    while first <= this_week:
        end = first + s.period_weeks * WEEK
        weeks = [first + k * WEEK for k in range(s.period_weeks)]
        active = len([w for w in weeks if w not in paused_weeks])
        count = len([a for a in actions if first <= a < end])
        paused = active == 0
        target = s.target if paused else max(1, math.ceil(Fraction(s.target * active, len(weeks))))
        periods.append(
            RefPeriod(
                first,
                count,
                target,
                active,
                this_week not in weeks,
                not paused and count >= target,
                paused,
            )
        )
        first = end
    return periods


def reference_current(periods: list[RefPeriod]) -> int:
    live = [p for p in periods if not p.paused]
    if live and not live[-1].finished and not live[-1].met:
        live.pop()
    total = 0
    while live and live[-1].met:
        total += live.pop().active_weeks
    return total


def reference_longest(periods: list[RefPeriod]) -> int:
    live = [p for p in periods if not p.paused]
    best = 0
    for i in range(len(live)):
        run = 0
        for period in live[i:]:
            if not period.met:
                break
            run += period.active_weeks
            best = max(best, run)
    return best


def run_domain(s: Scenario) -> tuple[PracticeRule, Counter[int], set[int], int]:
    rule = PracticeRule(s.target, s.period_weeks, week_index(s.created, s.week_start))
    counts = Counter(week_index(a, s.week_start) for a in s.actions)
    paused = {week_index(d, s.week_start) for d in s.paused_days}
    return rule, counts, paused, week_index(s.today, s.week_start)


@settings(max_examples=300, deadline=None)
@given(scenarios())
def test_history_matches_the_naive_reference(s: Scenario) -> None:
    periods = history(*run_domain(s))
    actual = [
        RefPeriod(
            week_first_day(p.first_week, s.week_start),
            p.count,
            p.target,
            p.active_weeks,
            p.finished,
            p.met,
            p.paused,
        )
        for p in periods
    ]
    assert actual == reference_history(s)
    assert all(p.last_week - p.first_week + 1 == s.period_weeks for p in periods)


@settings(max_examples=300, deadline=None)
@given(scenarios())
def test_streaks_match_the_naive_reference(s: Scenario) -> None:
    periods = history(*run_domain(s))
    reference = reference_history(s)
    result = streaks(periods)
    assert result.current == reference_current(reference)
    assert result.longest == reference_longest(reference)
    assert result.current <= result.longest
    last = reference[-1]
    if not last.met and not last.paused:
        forced = RefPeriod(**{**last.__dict__, "met": True})
        expected_if_met = reference_current([*reference[:-1], forced])
    else:
        expected_if_met = reference_current(reference)
    assert streak_if_met(periods) == expected_if_met


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_every_action_up_to_this_week_is_counted_whatever_the_week_start(s: Scenario) -> None:
    for week_start in (s.week_start, (s.week_start + 3) % 7):
        moved = Scenario(**{**s.__dict__, "week_start": week_start})
        week_end = week_first_day(week_index(s.today, week_start), week_start) + timedelta(days=6)
        expected = len([a for a in s.actions if a <= week_end])
        assert sum(p.count for p in history(*run_domain(moved))) == expected


@settings(max_examples=200, deadline=None)
@given(scenarios())
def test_score_stays_between_0_and_100(s: Scenario) -> None:
    rule, counts, paused, current = run_domain(s)
    score = rhythm_score(history(rule, counts, paused, current), s.period_weeks)
    assert 0 <= score <= 100


@settings(max_examples=150, deadline=None)
@given(scenarios(), st.integers(1, 40))
def test_score_trend_equals_the_score_at_the_end_of_each_week(s: Scenario, weeks: int) -> None:
    rule, counts, paused, current = run_domain(s)
    expected = [
        rhythm_score(as_of_end(rule, counts, paused, week, current), s.period_weeks)
        for week in range(current - weeks + 1, current + 1)
    ]
    trend = score_trend(rule, counts, paused, current, weeks)
    assert len(trend) == weeks
    assert all(math.isclose(a, b, abs_tol=1e-9) for a, b in zip(trend, expected, strict=True))
    periods = history(rule, counts, paused, current)
    assert score_trend(rule, counts, paused, current, weeks, periods=periods) == trend


def all_met_rule(
    period_weeks: int, target: int, periods: int
) -> tuple[PracticeRule, dict[int, int]]:
    rule = PracticeRule(target=target, period_weeks=period_weeks, anchor_week=0)
    return rule, {n * period_weeks: target for n in range(periods)}


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([1, 2, 4]), st.integers(1, 5), st.integers(2, 60))
def test_all_met_score_increases_monotonically(period_weeks: int, target: int, n: int) -> None:
    n = min(n, 120 // period_weeks)  # beyond ~30 half-lives the score is 100 in floating point
    rule, counts = all_met_rule(period_weeks, target, n)
    periods = history(rule, counts, set(), n * period_weeks - 1)
    scores = [rhythm_score(periods[:k], period_weeks) for k in range(len(periods) + 1)]
    assert all(later > earlier for earlier, later in zip(scores, scores[1:], strict=False))
    trend = score_trend(rule, counts, set(), n * period_weeks - 1, weeks=n * period_weeks)
    assert all(later >= earlier for earlier, later in zip(trend, trend[1:], strict=False))


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([1, 2, 4]), st.integers(1, 5), st.integers(1, 200))
def test_one_missed_period_lowers_but_does_not_zero_the_score(
    period_weeks: int, target: int, n: int
) -> None:
    rule, counts = all_met_rule(period_weeks, target, n)
    # The period after the n met ones is missed; the one after that is in progress.
    before = rhythm_score(history(rule, counts, set(), n * period_weeks), period_weeks)
    after = rhythm_score(history(rule, counts, set(), (n + 1) * period_weeks), period_weeks)
    assert 0 < after < before
