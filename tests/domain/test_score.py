"""The rhythm score: an exponential moving average of completion ratios."""

from __future__ import annotations

import pytest

from netrhythm.domain.score import (
    HALF_LIFE_WEEKS,
    alpha,
    overall_score,
    rhythm_score,
    score_trend,
)
from netrhythm.domain.streaks import Period, PracticeRule, history


def weekly_periods(
    counts: list[int], target: int = 1, paused: frozenset[int] = frozenset()
) -> list[Period]:
    """Periods of a weekly practice created in week 0, with the last week in progress."""
    rule = PracticeRule(target=target, period_weeks=1, anchor_week=0)
    return history(rule, dict(enumerate(counts)), paused, len(counts) - 1)


def test_weekly_alpha_is_about_0_159() -> None:
    assert HALF_LIFE_WEEKS == 4
    assert alpha(1) == pytest.approx(0.159, abs=0.001)


@pytest.mark.parametrize("period_weeks", [1, 2, 4])
def test_weight_of_the_past_halves_every_four_weeks(period_weeks: int) -> None:
    assert (1 - alpha(period_weeks)) ** (4 // period_weeks) == pytest.approx(0.5)


def test_score_starts_from_zero() -> None:
    assert rhythm_score([], 1) == 0
    assert rhythm_score(weekly_periods([0]), 1) == 0
    periods = weekly_periods([1, 0])  # one finished met week, one in progress
    assert rhythm_score(periods, 1) == pytest.approx(100 * alpha(1))


def test_one_missed_week_from_a_perfect_score_gives_about_84() -> None:
    perfect = rhythm_score(weekly_periods([1] * 200 + [0]), 1)
    assert perfect == pytest.approx(100, abs=1e-6)
    missed = rhythm_score(weekly_periods([1] * 200 + [0, 0]), 1)
    assert missed == pytest.approx(84.1, abs=0.1)


def test_four_missed_weeks_halve_the_score() -> None:
    perfect = rhythm_score(weekly_periods([1] * 200 + [0]), 1)
    after = rhythm_score(weekly_periods([1] * 200 + [0] * 5), 1)
    assert after == pytest.approx(perfect / 2)


def test_partial_weeks_count_their_ratio() -> None:
    periods = weekly_periods([2, 0], target=3)
    assert rhythm_score(periods, 1) == pytest.approx(100 * alpha(1) * 2 / 3)


def test_extra_actions_do_not_push_the_ratio_above_one() -> None:
    assert rhythm_score(weekly_periods([9, 0], target=3), 1) == pytest.approx(100 * alpha(1))


def test_unfinished_week_never_lowers_the_score() -> None:
    for week_so_far in ([1] * 10 + [0], [3] * 10 + [1]):
        periods = weekly_periods(week_so_far, target=3)
        assert not periods[-1].finished
        assert rhythm_score(periods, 1) == rhythm_score(periods[:-1], 1)


def test_met_week_in_progress_raises_the_score() -> None:
    before = rhythm_score(weekly_periods([1, 0, 1, 0]), 1)
    after = rhythm_score(weekly_periods([1, 0, 1, 1]), 1)
    assert after > before


def test_paused_weeks_are_skipped() -> None:
    plain = rhythm_score(weekly_periods([1, 1, 0]), 1)
    with_holiday = rhythm_score(weekly_periods([1, 0, 1, 0], paused=frozenset({1})), 1)
    assert with_holiday == pytest.approx(plain)


def as_of_end(rule: PracticeRule, counts: dict[int, int], paused: set[int], week: int,
              current: int, closed: bool = False) -> list[Period]:
    """The history as of the end of ``week``: its period is finished if the week is over
    (before ``current``, or ``current`` itself when ``closed``) and ends the period."""
    periods = list(history(rule, counts, paused, week))
    last = periods[-1]
    if (week < current or closed) and last.last_week == week and not last.finished:
        periods[-1] = last._replace(finished=True)
    return periods


def test_score_trend_is_the_score_at_the_end_of_each_week_oldest_first() -> None:
    rule = PracticeRule(target=1, period_weeks=1, anchor_week=0)
    counts = {0: 1, 1: 1, 2: 0, 3: 1}
    trend = score_trend(rule, counts, set(), 3, weeks=4)
    expected = [rhythm_score(as_of_end(rule, counts, set(), week, 3), 1) for week in range(4)]
    assert trend == pytest.approx(expected)
    assert trend[0] == pytest.approx(100 * alpha(1))  # week 0 met
    assert trend[2] < trend[1]  # week 2 was missed: the score fell at its end
    assert trend[3] > trend[2]  # week 3 is in progress and met: it can only rise


def test_score_trend_of_a_closed_week_ends_at_its_score() -> None:
    rule = PracticeRule(target=1, period_weeks=1, anchor_week=0)
    counts = {0: 1, 1: 1, 2: 0}
    open_trend = score_trend(rule, counts, set(), 2, weeks=3)
    closed_trend = score_trend(rule, counts, set(), 2, weeks=3, closed=True)
    assert open_trend[-1] == pytest.approx(open_trend[-2])  # in progress: not fallen yet
    assert closed_trend[-1] == pytest.approx(
        rhythm_score(as_of_end(rule, counts, set(), 2, 2, closed=True), 1))
    assert closed_trend[-1] < open_trend[-1]


def test_score_trend_before_the_practice_existed_is_zero() -> None:
    rule = PracticeRule(target=1, period_weeks=2, anchor_week=10)
    trend = score_trend(rule, {10: 1}, set(), 11, weeks=12)
    assert len(trend) == 12
    assert trend[:10] == [0.0] * 10
    assert trend[10] > 0


def test_score_trend_includes_backfilled_weeks_before_creation() -> None:
    rule = PracticeRule(target=1, period_weeks=1, anchor_week=10)
    trend = score_trend(rule, {5: 1, 6: 1}, set(), 10, weeks=6)
    assert trend[0] > 0
    assert trend == pytest.approx(
        [rhythm_score(as_of_end(rule, {5: 1, 6: 1}, set(), week, 10), 1)
         for week in range(5, 11)]
    )


def test_overall_score_is_the_mean() -> None:
    assert overall_score([]) == 0
    assert overall_score([100, 50, 0]) == pytest.approx(50)
