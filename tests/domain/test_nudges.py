"""The nudge engine: each rule, quiet hours, the cap, dedupe, and the words it uses."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest

from netrhythm.domain.errors import InputError
from netrhythm.domain.nudges import (
    ContactFacts,
    FollowUpFacts,
    Nudge,
    NudgeInput,
    NudgePlan,
    NudgeSettings,
    PracticeFacts,
    plan_nudges,
)

MON = date(2026, 11, 23)  # 2026-W48 runs Monday 23 to Sunday 29 November
THU = MON + timedelta(days=3)
SUN = MON + timedelta(days=6)
NO_QUIET = NudgeSettings(quiet_start=time(0), quiet_end=time(0))
RULES = ("behind_pace", "streak_at_risk", "follow_up_due", "gone_cold", "weekly_review")
ONLY = {rule: replace(NO_QUIET, **{r: r == rule for r in RULES}) for rule in RULES}


def practice(**overrides: Any) -> PracticeFacts:
    values: dict[str, Any] = dict(
        slug="reach-out",
        name="Reach out",
        noun_one="reach-out",
        noun_many="reach-outs",
        target=3,
        count=1,
        period_key="2026-W48",
        period_first_day=MON,
        period_last_day=SUN,
        met=False,
        paused=False,
        current_streak=5,
        streak_if_met=6,
    )
    values.update(overrides)
    return PracticeFacts(**values)


def facts(now: datetime, **overrides: Any) -> NudgeInput:
    values: dict[str, Any] = dict(
        now=now,
        week_key="2026-W48",
        week_first_day=MON,
        week_last_day=SUN,
        practices=[],
        follow_ups_due=[],
        gone_cold=[],
        who_next=None,
        review_written_for_week=False,
        previous_week_key="2026-W47",
        previous_review_written=True,
        already_sent=frozenset(),
    )
    values.update(overrides)
    return NudgeInput(**values)


def at(day: date, hour: int = 12, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def keys(plan: NudgePlan) -> list[str]:
    return [n.key for n in plan.to_send]


def maria(**overrides: Any) -> ContactFacts:
    values: dict[str, Any] = dict(id=7, name="Maria Chen", days_since=47, days_overdue=17)
    return ContactFacts(**{**values, **overrides})


# Behind pace


def test_behind_pace_fires_from_pace_hour_with_count_and_days_left() -> None:
    inp = facts(at(THU + timedelta(days=1), 10), practices=[practice()], who_next=maria())
    [nudge] = plan_nudges(inp, ONLY["behind_pace"]).to_send
    assert nudge == Nudge(
        "behind-pace:reach-out:2026-W48",
        "behind-pace",
        "Reach out: 2 of 3 left",
        "2 of 3 reach-outs left, 3 days to go. Maria Chen: 47 days since you talked.",
    )


def test_behind_pace_waits_for_the_pace_weekday_and_hour() -> None:
    settings = ONLY["behind_pace"]
    for moment in (at(THU, 9, 59), at(THU - timedelta(days=1), 23, 59)):
        assert plan_nudges(facts(moment, practices=[practice(count=0)]), settings).to_send == []
    assert keys(plan_nudges(facts(at(THU, 10), practices=[practice(count=0)]), settings))


def test_on_pace_practice_is_not_nudged() -> None:
    # Thursday: 3 of 7 days gone, share 3 * 3/7 = 1.3; one action is behind, two are not.
    settings = ONLY["behind_pace"]
    assert keys(plan_nudges(facts(at(THU), practices=[practice(count=1)]), settings))
    assert plan_nudges(facts(at(THU), practices=[practice(count=2)]), settings).to_send == []


def test_met_practice_goes_quiet() -> None:
    met = practice(count=3, met=True)
    for moment in (at(THU), at(SUN, 20)):
        inp = facts(moment, practices=[met], review_written_for_week=True)
        assert plan_nudges(inp, NO_QUIET).to_send == []


def test_paused_practice_is_never_nudged() -> None:
    paused = practice(count=0, paused=True)
    for moment in (at(THU), at(SUN, 20)):
        inp = facts(moment, practices=[paused], review_written_for_week=True)
        assert plan_nudges(inp, NO_QUIET).to_send == []


def test_disabled_rule_stays_silent() -> None:
    off = replace(NO_QUIET, behind_pace=False, streak_at_risk=False)
    assert plan_nudges(facts(at(SUN), practices=[practice(count=0)]), off).to_send == []


def test_behind_pace_names_who_next_once_and_fortnights_use_their_period() -> None:
    event = practice(
        slug="attend-event",
        name="Attend an event",
        noun_one="event",
        noun_many="events",
        target=1,
        count=0,
        period_key="2026-W47",
        period_first_day=MON - timedelta(days=7),
        streak_if_met=0,
        current_streak=0,
    )
    inp = facts(at(THU), practices=[practice(), event], who_next=maria(days_since=None))
    first, second = plan_nudges(inp, ONLY["behind_pace"]).to_send
    assert first.message.endswith("Maria Chen: you have not talked yet.")
    assert second.key == "behind-pace:attend-event:2026-W47"
    assert second.message == "1 of 1 event left, 4 days to go."


# Streak at risk


def test_streak_at_risk_fires_on_the_last_day_of_the_period() -> None:
    inp = facts(at(SUN, 9), practices=[practice(count=2)])
    [nudge] = plan_nudges(inp, NO_QUIET).to_send
    assert nudge.key == "streak-at-risk:reach-out:2026-W48"
    assert nudge.title == "Reach out: streak at risk"
    assert nudge.message.startswith("1 more reach-out today keeps your 5-week streak.")


def test_streak_at_risk_needs_the_last_day_and_a_streak_of_two() -> None:
    settings = ONLY["streak_at_risk"]
    saturday = facts(at(SUN - timedelta(days=1)), practices=[practice()])
    assert plan_nudges(saturday, settings).to_send == []
    short = practice(current_streak=0, streak_if_met=1)
    assert plan_nudges(facts(at(SUN), practices=[short]), settings).to_send == []
    starting = practice(current_streak=1, streak_if_met=2)
    [nudge] = plan_nudges(facts(at(SUN), practices=[starting]), settings).to_send
    assert nudge.message.startswith("2 more reach-outs today make a 2-week streak.")


def test_no_target_nudges_on_the_day_the_database_was_created() -> None:
    behind, at_risk = practice(count=0), practice(count=2)
    for moment, p in ((at(THU, 12), behind), (at(SUN, 9), at_risk)):
        inp = facts(moment, practices=[p], first_day=moment.date(), review_written_for_week=True)
        assert plan_nudges(inp, NO_QUIET).to_send == []
    next_day = facts(at(THU + timedelta(days=1), 12), practices=[behind], first_day=THU)
    assert keys(plan_nudges(next_day, NO_QUIET)) == ["behind-pace:reach-out:2026-W48"]


# Follow-ups


def test_follow_up_due_one_nudge_each_with_event_and_overdue_days() -> None:
    ana = FollowUpFacts(17, "Ana Ruiz", date(2026, 11, 20), "send the slides", "PyCon Lisbon")
    bo = FollowUpFacts(18, "Bo Li", THU, "", None)
    plan = plan_nudges(facts(at(THU), follow_ups_due=[bo, ana]), NO_QUIET)
    first, second = plan.to_send
    assert first.key == "follow-up:17:2026-11-20"
    assert first.title == "Follow up with Ana Ruiz"
    assert first.message == (
        "Follow up with Ana Ruiz — you met at PyCon Lisbon. 6 days overdue. Note: send the slides"
    )
    assert second.key == "follow-up:18:2026-11-26"
    assert second.message == "Follow up with Bo Li. Due today."


def test_no_follow_up_nudge_when_none_due_or_rule_off() -> None:
    ana = FollowUpFacts(17, "Ana Ruiz", THU)
    assert plan_nudges(facts(at(THU)), NO_QUIET).to_send == []
    off = replace(NO_QUIET, follow_up_due=False)
    assert plan_nudges(facts(at(THU), follow_ups_due=[ana]), off).to_send == []


# Gone cold


def test_gone_cold_is_one_nudge_naming_three_most_overdue_first() -> None:
    cold = [
        ContactFacts(1, "Sam Ode", 40, 10),
        ContactFacts(2, "Maria Chen", 47, 17),
        ContactFacts(3, "Li Wei", None, 30),
        ContactFacts(4, "Kim Park", 35, 5),
        ContactFacts(5, "Jo Ann", 33, 3),
    ]
    [nudge] = plan_nudges(facts(at(THU), gone_cold=cold), ONLY["gone_cold"]).to_send
    assert nudge.key == "gone-cold:2026-W48"
    assert nudge.title == "5 contacts gone cold"
    assert nudge.message == (
        "Time to reconnect: Li Wei (no contact yet), Maria Chen (47 days), Sam Ode (40 days), "
        "and 2 more."
    )


def test_gone_cold_is_silent_without_cold_contacts() -> None:
    assert plan_nudges(facts(at(THU)), ONLY["gone_cold"]).to_send == []


# Weekly review


def test_review_comes_on_the_last_day_from_review_hour() -> None:
    settings = ONLY["weekly_review"]
    assert plan_nudges(facts(at(SUN, 16, 59)), settings).to_send == []
    [nudge] = plan_nudges(facts(at(SUN, 17)), settings).to_send
    assert nudge.key == "review:2026-W48"
    assert nudge.message == (
        "Week 2026-W48 ends today. What did you learn, whom did you help? Press v t ] r in the "
        'app, or run: netrhythm review --week 2026-W48 --reflect "..."')
    assert plan_nudges(facts(at(SUN, 18), review_written_for_week=True), settings).to_send == []


def test_review_stays_eligible_two_days_into_the_next_week() -> None:
    settings = ONLY["weekly_review"]
    for day in (MON, MON + timedelta(days=1)):
        inp = facts(at(day, 9), previous_review_written=False)
        [nudge] = plan_nudges(inp, settings).to_send
        assert nudge.key == "review:2026-W47"
        assert nudge.message.startswith("Week 2026-W47 is over. ")
        assert nudge.message.endswith(
            'Press v t r in the app, or run: netrhythm review --week 2026-W47 --reflect "..."')
    third = facts(at(MON + timedelta(days=2), 9), previous_review_written=False)
    assert plan_nudges(third, settings).to_send == []
    assert plan_nudges(facts(at(MON, 9)), settings).to_send == []  # written


def test_no_review_of_a_week_that_ended_before_the_database_was_created() -> None:
    settings = ONLY["weekly_review"]
    new = facts(at(MON + timedelta(days=1), 9), previous_review_written=False, first_day=MON)
    assert plan_nudges(new, settings).to_send == []
    older = replace(new, first_day=MON - timedelta(days=1))
    assert keys(plan_nudges(older, settings)) == ["review:2026-W47"]


# Quiet hours


@pytest.mark.parametrize(
    ("moment", "quiet"),
    [
        (time(21), True),
        (time(23, 30), True),
        (time(0, 5), True),
        (time(7, 59), True),
        (time(8), False),
        (time(20, 59), False),
        (time(12), False),
    ],
)
def test_quiet_hours_wrap_midnight(moment: time, quiet: bool) -> None:
    ana = FollowUpFacts(17, "Ana Ruiz", THU)
    plan = plan_nudges(facts(datetime.combine(THU, moment), follow_ups_due=[ana]), NudgeSettings())
    assert (plan.to_send == []) is quiet
    assert plan.suppressed_reason == ("quiet hours until 08:00" if quiet else None)


def test_quiet_hours_within_a_day_and_none_when_equal() -> None:
    lunch = NudgeSettings(quiet_start=time(12), quiet_end=time(14))
    assert lunch.is_quiet(time(12)) and lunch.is_quiet(time(13, 59))
    assert not lunch.is_quiet(time(14)) and not lunch.is_quiet(time(23))
    assert not any(NO_QUIET.is_quiet(time(h)) for h in range(24))


# Cap, grouping and dedupe


def busy_day() -> NudgeInput:
    follow = [FollowUpFacts(i, f"Person {i}", THU - timedelta(days=i)) for i in (1, 2, 3)]
    give = practice(slug="give-value", name="Give value", target=2, count=0, streak_if_met=0)
    return facts(
        at(THU, 18),
        follow_ups_due=follow,
        practices=[practice(), give],
        gone_cold=[maria()],
    )


def test_cap_sends_cap_minus_one_and_a_summary_of_the_rest() -> None:
    plan = plan_nudges(busy_day(), NO_QUIET)
    assert len(plan.to_send) == 3
    summary = plan.to_send[-1]
    assert summary.rule == "summary"
    assert summary.title == "4 more nudges"
    assert [n.key for n in plan.grouped] == [
        "follow-up:1:2026-11-25",
        "behind-pace:reach-out:2026-W48",
        "behind-pace:give-value:2026-W48",
        "gone-cold:2026-W48",
    ]
    assert all(n.key in summary.key for n in plan.grouped)
    assert summary.message.startswith("Also due: Follow up with Person 1; Reach out: 2 of 3 left;")
    assert len(plan.keys_to_record()) == 6


def test_exactly_cap_due_sends_all_without_summary() -> None:
    plan = plan_nudges(busy_day(), replace(NO_QUIET, cap=6))
    assert len(plan.to_send) == 6 and plan.grouped == []
    assert "summary" not in {n.rule for n in plan.to_send}


def test_cap_of_one_groups_everything() -> None:
    plan = plan_nudges(busy_day(), replace(NO_QUIET, cap=1))
    assert [n.rule for n in plan.to_send] == ["summary"]
    assert len(plan.grouped) == 6


def test_keys_fed_back_are_never_repeated() -> None:
    first = plan_nudges(busy_day(), NO_QUIET)
    sent = frozenset(first.keys_to_record())
    again = plan_nudges(replace(busy_day(), already_sent=sent), NO_QUIET)
    assert again == NudgePlan([], [], None)
    later = replace(busy_day(), now=at(THU, 20), already_sent=sent)
    assert plan_nudges(later, NO_QUIET).to_send == []


def test_partly_sent_only_the_rest_comes() -> None:
    sent = frozenset({"follow-up:3:2026-11-23", "gone-cold:2026-W48"})
    plan = plan_nudges(replace(busy_day(), already_sent=sent), replace(NO_QUIET, cap=10))
    assert sent.isdisjoint(keys(plan)) and len(plan.to_send) == 4


# Week starting on Sunday


def test_week_starting_sunday_moves_last_day_and_keys() -> None:
    sun = date(2026, 11, 22)
    sat = sun + timedelta(days=6)
    week = dict(
        week_key="2026-11-22", week_first_day=sun, week_last_day=sat, previous_week_key="2026-11-15"
    )
    p = practice(period_key="2026-11-22", period_first_day=sun, period_last_day=sat)
    on_sat = plan_nudges(facts(at(sat, 17), practices=[p], **week), NO_QUIET)
    assert keys(on_sat) == ["streak-at-risk:reach-out:2026-11-22", "review:2026-11-22"]
    # Thursday is the 5th day of a Sunday week: 4 days gone, share 3 * 4/7 = 1.7.
    thu = plan_nudges(facts(at(sat - timedelta(days=2), 10), practices=[p], **week), NO_QUIET)
    assert keys(thu) == ["behind-pace:reach-out:2026-11-22"]
    assert thu.to_send[0].message.startswith("2 of 3 reach-outs left, 3 days to go.")
    next_week = plan_nudges(
        facts(
            at(sat + timedelta(days=1), 9),
            **{
                **week,
                "week_key": "2026-11-29",
                "week_first_day": sat + timedelta(days=1),
                "week_last_day": sat + timedelta(days=7),
                "previous_week_key": "2026-11-22",
                "previous_review_written": False,
            },
        ),
        NO_QUIET,
    )
    assert keys(next_week) == ["review:2026-11-22"]


def test_pace_weekday_is_found_inside_a_sunday_week() -> None:
    sun = date(2026, 11, 22)
    p = practice(period_first_day=sun, period_last_day=sun + timedelta(days=6), count=0)
    early = facts(
        at(sun + timedelta(days=3), 23),
        practices=[p],
        week_first_day=sun,
        week_last_day=sun + timedelta(days=6),
    )
    assert plan_nudges(early, ONLY["behind_pace"]).to_send == []  # Wednesday
    thursday = replace(early, now=at(sun + timedelta(days=4), 10))
    assert keys(plan_nudges(thursday, ONLY["behind_pace"]))


# Words: lengths and literal names


def every_rule(name: str) -> list[Nudge]:
    """One nudge of each rule, all about ``name``, plus a summary of them."""
    contact = ContactFacts(1, name, 47, 10)
    inp = facts(
        at(SUN, 18),
        practices=[practice(name=name), practice(slug="b", name=name, streak_if_met=0)],
        follow_ups_due=[FollowUpFacts(2, name, THU, name, name)],
        gone_cold=[contact, contact, contact, contact],
        who_next=contact,
    )
    plan = plan_nudges(inp, replace(NO_QUIET, cap=100))
    assert {n.rule for n in plan.to_send} == {
        "follow-up",
        "streak-at-risk",
        "behind-pace",
        "gone-cold",
        "review",
    }
    summary = plan_nudges(inp, replace(NO_QUIET, cap=2)).to_send
    return plan.to_send + summary


def test_titles_and_messages_stay_short_with_a_300_character_name() -> None:
    long_name = "Ana " + "é" * 296
    for nudge in every_rule(long_name):
        assert len(nudge.title) < 60, nudge
        assert len(nudge.message) < 200, nudge
    clipped = every_rule("A" + "e\u0301" * 150)  # combining accents are never split
    assert all(not n.message.endswith("e…") for n in clipped)


def test_user_text_is_shown_literally() -> None:
    name = "[bold]x O'Brien <b>&amp;"
    nudges = every_rule(name)
    follow = next(n for n in nudges if n.rule == "follow-up")
    assert follow.title == f"Follow up with {name}"
    assert f"you met at {name}" in follow.message
    assert name in next(n for n in nudges if n.rule == "gone-cold").message


# Settings


def test_settings_defaults_and_json_round_trip() -> None:
    settings = NudgeSettings.defaults()
    data = settings.to_dict()
    assert data == {
        "behind_pace": True,
        "streak_at_risk": True,
        "follow_up_due": True,
        "gone_cold": True,
        "weekly_review": True,
        "pace_weekday": 3,
        "pace_hour": 10,
        "review_hour": 17,
        "quiet_start": "21:00",
        "quiet_end": "08:00",
        "cap": 3,
    }
    assert NudgeSettings.from_dict(json.loads(json.dumps(data))) == settings
    assert NudgeSettings.from_dict({"cap": 5, "quiet_end": "7:30"}) == replace(
        settings, cap=5, quiet_end=time(7, 30)
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("pace_weekday", 7),
        ("pace_hour", 24),
        ("review_hour", -1),
        ("cap", 0),
        ("cap", "3"),
        ("cap", True),
        ("behind_pace", "yes"),
        ("quiet_start", "25:00"),
        ("quiet_end", "8"),
        ("quiet_end", None),
        ("colour", "blue"),
    ],
)
def test_bad_setting_raises_input_error_naming_it(name: str, value: object) -> None:
    with pytest.raises(InputError) as caught:
        NudgeSettings.from_dict({name: value})
    assert caught.value.field == name


def test_settings_checked_when_built_directly() -> None:
    with pytest.raises(InputError, match="pace_hour"):
        NudgeSettings(pace_hour=99)
