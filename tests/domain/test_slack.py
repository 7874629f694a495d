"""Slack: what is left in a period and by when, in a few words."""

from __future__ import annotations

from datetime import date

import pytest

from netrhythm.domain.slack import deadline, period_phrase, slack_text
from netrhythm.domain.streaks import Period, PracticeRule, history, streak_if_met, streaks
from netrhythm.domain.weeks import week_index

MONDAY, SUNDAY = 0, 6
TODAY = date(2026, 11, 25)  # Wednesday; the Monday week ends on Sunday 29 Nov
WEEK = week_index(TODAY, MONDAY)
NOUNS = ("reach-out", "reach-outs")


def in_progress(count: int, target: int, weeks: int = 1, paused: bool = False) -> Period:
    first = WEEK - weeks + 1
    return Period(
        first_week=first,
        last_week=WEEK,
        count=count,
        target=target,
        active_weeks=0 if paused else weeks,
        finished=False,
        met=not paused and count >= target,
        paused=paused,
    )


def test_one_more_by_sunday_keeps_your_streak() -> None:
    rule = PracticeRule(target=3, period_weeks=1, anchor_week=WEEK - 6)
    counts = {week: 3 for week in range(WEEK - 6, WEEK)} | {WEEK: 2}
    periods = history(rule, counts, set(), WEEK)
    text = slack_text(
        periods[-1], streak_if_met(periods), streaks(periods).current, *NOUNS, MONDAY, TODAY
    )
    assert text == "1 more reach-out by Sunday keeps your 6-week streak"
    assert len(text) < 60


def test_plural_noun_and_meeting_the_week_without_a_streak() -> None:
    text = slack_text(in_progress(1, 3), 1, 0, *NOUNS, MONDAY, TODAY)
    assert text == "2 more reach-outs by Sunday to meet this week"


def test_a_one_week_streak_says_what_meeting_makes() -> None:
    text = slack_text(in_progress(0, 1), 2, 1, *NOUNS, MONDAY, TODAY)
    assert text == "1 more reach-out by Sunday makes a 2-week streak"


def test_fortnight_and_longer_periods_are_named() -> None:
    assert slack_text(in_progress(0, 1, weeks=2), 2, 0, *NOUNS, MONDAY, TODAY).endswith(
        "to meet this fortnight"
    )
    assert slack_text(in_progress(0, 1, weeks=4), 4, 0, *NOUNS, MONDAY, TODAY).endswith(
        "to meet this period"
    )


def test_last_day_of_the_period_says_today() -> None:
    text = slack_text(in_progress(2, 3), 1, 0, *NOUNS, MONDAY, date(2026, 11, 29))
    assert text == "1 more reach-out today to meet this week"


def test_sunday_start_week_ends_on_saturday() -> None:
    week = week_index(TODAY, SUNDAY)
    period = Period(week, week, 0, 1, 1, False, False, False)
    assert "by Saturday" in slack_text(period, 1, 0, *NOUNS, SUNDAY, TODAY)


def test_a_deadline_more_than_six_days_away_is_a_date() -> None:
    period = in_progress(0, 2, weeks=2)
    shifted = Period(WEEK, WEEK + 1, 0, 2, 2, False, False, False)
    assert "by Sunday" in slack_text(period, 2, 0, *NOUNS, MONDAY, TODAY)
    assert "by Sun 6 Dec " in slack_text(shifted, 2, 0, *NOUNS, MONDAY, TODAY)


@pytest.mark.parametrize(
    ("last_day", "expected"),
    [
        (date(2026, 11, 25), "today"),
        (date(2026, 11, 26), "by Thursday"),
        (date(2026, 12, 1), "by Tuesday"),
        (date(2026, 12, 2), "by Wed 2 Dec"),
        (date(2027, 1, 3), "by Sun 3 Jan 2027"),
    ],
)
def test_deadline_wording(last_day: date, expected: str) -> None:
    assert deadline(last_day, TODAY) == expected


def test_met_practice_goes_quiet() -> None:
    assert (
        slack_text(in_progress(3, 3), 1, 1, *NOUNS, MONDAY, TODAY) == "3 done this week, target 3"
    )
    with_streak = slack_text(in_progress(3, 3), 7, 7, *NOUNS, MONDAY, TODAY)
    assert with_streak == "3 done, target 3, 7-week streak"
    assert "more" not in with_streak


def test_paused_period_says_paused() -> None:
    assert slack_text(in_progress(0, 3, paused=True), 5, 5, *NOUNS, MONDAY, TODAY) == (
        "Paused this week"
    )


def test_finished_unmet_period_says_missed() -> None:
    period = Period(WEEK - 1, WEEK - 1, 1, 3, 1, True, False, False)
    assert slack_text(period, 1, 0, *NOUNS, MONDAY, TODAY) == "Missed: 1 done, target 3"


def test_period_phrase_names_calendar_weeks() -> None:
    assert period_phrase(3, 1, MONDAY) == "3 per week, Mon–Sun"
    assert period_phrase(1, 2, MONDAY) == "1 per 2 weeks, Mon–Sun"
    assert period_phrase(2, 4, SUNDAY) == "2 per 4 weeks, Sun–Sat"
