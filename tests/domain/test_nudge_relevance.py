"""The engine's second job: which shown notifications lost their reason (withdraw them), no
target nudges on a database's first day; and the words: where you met, what changed among the
people gone cold, the exact keys and command for the week's review."""

from __future__ import annotations

from datetime import timedelta

from netrhythm.domain.nudge_text import MESSAGE_MAX
from netrhythm.domain.nudges import (
    ContactFacts,
    FollowUpFacts,
    Nudge,
    NudgePlan,
    NudgeSettings,
    ShownFacts,
    plan_nudges,
)
from tests.domain.test_nudges import MON, NO_QUIET, ONLY, SUN, THU, at, facts, keys, maria, practice

ANA = FollowUpFacts(3, "Ana Ruiz", MON, "")
ANA_KEY = "follow-up:3:2026-11-23"


def shown(key: str, *covers: str, named: tuple[int, ...] = ()) -> ShownFacts:
    return ShownFacts(key, covers or (key,), named, 41, f"title of {key}")


def withdrawn(plan: NudgePlan) -> list[str]:
    return [s.key for s in plan.to_withdraw]


# Withdrawal


def test_a_follow_up_done_is_withdrawn_one_still_due_is_not() -> None:
    due = facts(at(MON, 12), follow_ups_due=[ANA], shown=[shown(ANA_KEY)],
                already_sent={ANA_KEY})
    assert withdrawn(plan_nudges(due, NO_QUIET)) == []
    done = facts(at(MON, 12), follow_ups_due=[], shown=[shown(ANA_KEY)], already_sent={ANA_KEY})
    plan = plan_nudges(done, NO_QUIET)
    assert plan.to_withdraw == (shown(ANA_KEY),)  # with the server's id, to close it by
    assert plan.to_send == []


def test_a_met_target_withdraws_its_pace_nudge() -> None:
    key = "behind-pace:reach-out:2026-W48"
    behind = facts(at(THU, 12), practices=[practice(count=0)], shown=[shown(key)])
    assert withdrawn(plan_nudges(behind, NO_QUIET)) == []
    met = facts(at(THU, 12), practices=[practice(count=3, met=True)], shown=[shown(key)])
    assert withdrawn(plan_nudges(met, NO_QUIET)) == [key]


def test_a_written_review_withdraws_the_review_nudge() -> None:
    key = "review:2026-W48"
    assert withdrawn(plan_nudges(facts(at(SUN, 18), shown=[shown(key)]), NO_QUIET)) == []
    written = facts(at(SUN, 18), shown=[shown(key)], review_written_for_week=True)
    assert withdrawn(plan_nudges(written, NO_QUIET)) == [key]


def test_a_summary_stays_while_any_nudge_it_grouped_is_due() -> None:
    bo = FollowUpFacts(4, "Bo Li", MON, "")
    summary = shown("group:a+b", ANA_KEY, "follow-up:4:2026-11-23")
    one_left = facts(at(MON, 12), follow_ups_due=[bo], shown=[summary])
    assert withdrawn(plan_nudges(one_left, NO_QUIET)) == []
    none_left = facts(at(MON, 12), follow_ups_due=[], shown=[summary])
    assert withdrawn(plan_nudges(none_left, NO_QUIET)) == ["group:a+b"]


def test_gone_cold_is_withdrawn_once_everyone_it_named_was_contacted() -> None:
    key = "gone-cold:2026-W48"
    bo = maria(id=8, name="Bo Li")
    note = shown(key, named=(7,))
    still = facts(at(MON, 12), gone_cold=[maria(), bo], shown=[note])
    assert withdrawn(plan_nudges(still, NO_QUIET)) == []
    contacted = facts(at(MON, 12), gone_cold=[bo], shown=[note])  # Maria is no longer cold
    assert withdrawn(plan_nudges(contacted, NO_QUIET)) == [key]


def test_withdrawal_goes_on_in_quiet_hours_and_with_the_rule_off() -> None:
    done = facts(at(MON, 23), shown=[shown(ANA_KEY)])
    quiet = plan_nudges(done, NudgeSettings())  # the defaults: quiet from 21:00
    assert quiet.suppressed_reason == "quiet hours until 08:00"
    assert withdrawn(quiet) == [ANA_KEY]
    off = facts(at(MON, 12), follow_ups_due=[ANA], shown=[shown(ANA_KEY)])
    assert withdrawn(plan_nudges(off, ONLY["gone_cold"])) == [ANA_KEY]


def test_a_failed_or_printed_key_comes_back_while_due() -> None:
    # The caller leaves such keys out of already_sent: the engine sends them again.
    inp = facts(at(MON, 12), follow_ups_due=[ANA], already_sent=set())
    assert keys(plan_nudges(inp, NO_QUIET)) == [ANA_KEY]


# The first day


def test_no_target_nudges_on_the_day_the_database_was_created() -> None:
    behind = practice(count=0, current_streak=3, streak_if_met=4)
    for moment in (at(THU, 12), at(SUN, 18)):
        first = facts(moment, practices=[behind], first_day=moment.date(),
                      follow_ups_due=[ANA], review_written_for_week=True)
        assert keys(plan_nudges(first, NO_QUIET)) == [ANA_KEY]
        later = facts(moment, practices=[behind], first_day=moment.date() - timedelta(days=1),
                      follow_ups_due=[ANA], review_written_for_week=True)
        assert len(keys(plan_nudges(later, NO_QUIET))) == 2


# Words


def follow_up_message(**overrides: object) -> str:
    item = ANA._replace(**overrides)
    [nudge] = plan_nudges(facts(at(MON, 12), follow_ups_due=[item]), NO_QUIET).to_send
    return nudge.message


def test_a_follow_up_says_where_you_met_whenever_it_is_known() -> None:
    assert follow_up_message() == "Follow up with Ana Ruiz. Due today."
    assert follow_up_message(met_at="PyCon Lisbon") == (
        "Follow up with Ana Ruiz — you met at PyCon Lisbon. Due today.")
    assert follow_up_message(how_met="intro from Bo\n at lunch") == (
        "Follow up with Ana Ruiz — how you met: intro from Bo at lunch. Due today.")
    assert follow_up_message(met_at="PyCon Lisbon", how_met="talk Q&A") == (
        "Follow up with Ana Ruiz — you met at PyCon Lisbon (talk Q&A). Due today.")
    assert follow_up_message(event_name="Dinner", met_at="PyCon") == (
        "Follow up with Ana Ruiz — you met at Dinner. Due today.")  # the follow-up's own event


def cold(n: int) -> list[ContactFacts]:
    return [maria(id=i, name=f"Person {i}", days_since=40 + i, days_overdue=10 + i)
            for i in range(1, n + 1)]


def gone_cold_nudge(people: list[ContactFacts], before: tuple[int, ...] | None) -> Nudge:
    inp = facts(at(MON, 12), gone_cold=people, cold_named_before=before)
    [nudge] = plan_nudges(inp, ONLY["gone_cold"]).to_send
    return nudge


def test_the_first_gone_cold_nudge_names_three_most_overdue() -> None:
    nudge = gone_cold_nudge(cold(5), None)
    assert nudge.named == (5, 4, 3)
    assert nudge.message == (
        "Time to reconnect: Person 5 (45 days), Person 4 (44 days), Person 3 (43 days), "
        "and 2 more.")


def test_the_next_gone_cold_nudge_names_others_first_and_says_what_changed() -> None:
    people = cold(5)
    nudge = gone_cold_nudge(people, (5, 4, 3))
    assert nudge.named == (2, 1, 5)
    assert nudge.message == (
        "Time to reconnect: Person 2 (42 days), Person 1 (41 days). Still cold since the last "
        "nudge: Person 5 (45 days), and 2 more.")
    contacted = gone_cold_nudge(people[:4], (5, 4, 3, 9))  # 5 and 9 are no longer cold
    assert contacted.message.endswith(
        "You reconnected with 2 people since then.")
    assert contacted.title == "4 contacts gone cold"


def test_the_same_people_still_cold_are_not_listed_again() -> None:
    people = cold(3)
    first = gone_cold_nudge(people, None)
    again = gone_cold_nudge(people, first.named)
    assert again.message == (
        "Still cold since the last nudge: Person 3 (43 days), and 2 more.")
    third = gone_cold_nudge(people, again.named)
    assert third.named == (2, 1, 3)  # others come up in turn
    for nudge in (first, again, third):
        assert len(nudge.named) <= 3
        assert len(nudge.message) <= MESSAGE_MAX
