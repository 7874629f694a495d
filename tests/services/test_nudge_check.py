"""The nudge check without a desktop: a summary claims the nudges it groups (all or none),
printed text is printed once across retries, and in the app a toast counts as shown."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from netrhythm.domain.nudges import NudgePlan
from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import Context
from netrhythm.services.nudges import check
from netrhythm.services.nudges.check import run_check
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.storage import nudge_log
from netrhythm.storage.db import write_transaction
from netrhythm.storage.tables import NudgeLog, database

NAMES = ("Ana Ruiz", "Bo Chen", "Cy Diaz", "Dee Ng", "Eve Li")


@pytest.fixture
def five_due(ctx: Context, monkeypatch: pytest.MonkeyPatch) -> Context:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "")  # no desktop: nudges are printed
    for name in NAMES:
        add_contact(ctx, ContactForm(name=name))
        log_action(ctx, LogRequest(practice="reach-out", contacts=[name], date="2026-11-20",
                                   follow_up_days="2"))
    return ctx


def states() -> dict[str, tuple[str, str | None]]:
    return {r.key: (r.state, r.part_of) for r in NudgeLog.select()}


def test_a_summary_carries_the_rest_and_is_printed_once(five_due: Context) -> None:
    first = run_check(five_due)
    assert [(o.nudge.rule, o.status, o.print_now) for o in first.outcomes] == [
        ("follow-up", "printed", True), ("follow-up", "printed", True),
        ("summary", "printed", True)]
    summary = first.outcomes[-1].nudge.key
    log = states()
    grouped = [k for k, (_, part_of) in log.items() if part_of == summary]
    assert len(grouped) == 4 and {s for s, _ in log.values()} == {"printed"}  # + the review
    again = run_check(five_due)  # tried again for the desktop: nothing printed twice
    assert [(o.nudge.key, o.print_now) for o in again.outcomes] == [
        (o.nudge.key, False) for o in first.outcomes]
    assert states() == log


def test_a_summary_is_not_sent_when_another_process_took_one_of_its_nudges_meanwhile(
    five_due: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    planned = check.make_plan
    taken: list[str] = []

    def plan_then_race(ctx: Context) -> NudgePlan:
        result = planned(ctx)
        taken.append(result.grouped[-1].key)  # another process claims it right now

        def elsewhere() -> None:
            now = ctx.now()
            with write_transaction():
                assert nudge_log.claim(taken[0], "t", "m", by="99@elsewhere", now=now,
                                       lease_start=now - timedelta(seconds=60))
            database.close()

        thread = threading.Thread(target=elsewhere)
        thread.start()
        thread.join(10)
        return result

    monkeypatch.setattr(check, "make_plan", plan_then_race)
    result = run_check(five_due)
    assert [o.nudge.rule for o in result.outcomes] == ["follow-up", "follow-up"]
    log = states()
    assert log[taken[0]] == ("claimed", None)
    assert len(log) == 3  # the summary and its other nudges: not claimed (rolled back)


def test_in_the_app_a_toast_stands_in_for_the_desktop(five_due: Context) -> None:
    result = run_check(five_due, toast=True)
    assert {o.status for o in result.outcomes} == {"toast"}
    assert {s for s, _ in states().values()} == {"delivered"}
    assert run_check(five_due, toast=True).outcomes == []
