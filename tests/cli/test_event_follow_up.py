"""Meeting people at an event schedules a follow-up within the event window, and its nudge
names the event: whether the contact is added as met there or the action is logged there."""

from __future__ import annotations

import json

from tests.helpers import run_cli


def setup(db: str) -> None:
    assert run_cli(db, "events", "add", "Rust Meetup", "--date", "2026-11-21").code == 0
    assert run_cli(db, "contacts", "add", "Ana Ruiz").code == 0


def nudges(db: str, now: str) -> str:
    result = run_cli(db, "nudge", "--dry-run", now=now)
    assert result.code == 0, result.err
    return result.out


def test_logging_with_people_at_an_event_schedules_a_follow_up_naming_it(where: str) -> None:
    db = where
    setup(db)
    logged = run_cli(db, "log", "attend-event", "--event", "Rust Meetup", "--with", "Ana",
                     "--date", "2026-11-21")
    assert logged.code == 0, logged.err
    assert "Follow-up due 2026-11-26." in logged.out  # today (Mon 23 Nov) + 3 days
    shown = json.loads(run_cli(db, "contacts", "show", "Ana Ruiz", "--json").out)
    assert [f["due_on"] for f in shown["follow_ups"]] == ["2026-11-26"]
    assert "you met at Rust Meetup" in nudges(db, "2026-11-26T10:00:00")


def test_the_window_follows_the_setting_and_an_explicit_follow_up_wins(where: str) -> None:
    db = where
    setup(db)
    assert run_cli(db, "settings", "follow-up-after-event", "5").code == 0
    logged = run_cli(db, "log", "attend-event", "--event", "Rust Meetup", "--with", "Ana")
    assert "Follow-up due 2026-11-28." in logged.out
    again = run_cli(db, "log", "reach-out", "--event", "Rust Meetup", "--with", "Ana",
                    "--follow-up", "10")
    assert "Follow-up due 2026-12-03." in again.out


def test_no_follow_up_without_people_or_without_an_event(where: str) -> None:
    db = where
    setup(db)
    alone = run_cli(db, "log", "attend-event", "--event", "Rust Meetup")
    assert alone.code == 0 and "Follow-up" not in alone.out
    plain = run_cli(db, "log", "reach-out", "--with", "Ana")
    assert plain.code == 0 and "Follow-up" not in plain.out
