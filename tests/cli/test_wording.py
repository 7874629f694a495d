"""What the command line says to a newcomer's typos, and the commands a tour needs.

A mistyped command or action names the closest one; a mistyped practice names it once; an
hour shown as 10:00 can be typed so; events can be edited and deleted without the app.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import dump, run_cli


@pytest.mark.parametrize(("args", "suggested"), [
    (["lgo", "reach-out"], "did you mean log?"),
    (["staus"], "did you mean status?"),
    (["contacts", "ad", "Ana"], "did you mean add?"),
    (["events", "delet", "x"], "did you mean delete?"),
])
def test_a_mistyped_command_names_the_closest_one(db_path: Path, args: list[str],
                                                  suggested: str) -> None:
    result = run_cli(db_path, *args)
    assert result.code == 2
    assert suggested in result.err
    assert not db_path.exists()  # nothing was opened, let alone written


def test_nothing_close_suggests_nothing(db_path: Path) -> None:
    result = run_cli(db_path, "zzzzzz")
    assert result.code == 2 and "did you mean" not in result.err


def test_a_mistyped_practice_is_suggested_once(where: str) -> None:
    result = run_cli(where, "log", "reachout")
    assert result.code == 2
    assert result.err.strip().endswith("no practice named 'reachout'; did you mean reach-out?")


@pytest.mark.parametrize("typed", ["10:00", "10", " 9:00 "])
def test_an_hour_setting_takes_what_it_shows(where: str, typed: str) -> None:
    assert run_cli(where, "settings", "nudge.pace-hour", typed).code == 0
    shown = run_cli(where, "settings", "nudge.pace-hour").out
    assert shown.strip().endswith(str(int(typed.strip().split(":")[0])))


@pytest.mark.parametrize("typed", ["10:30", "ten", "24:00", ""])
def test_an_hour_setting_refuses_what_is_not_a_whole_hour(where: str, typed: str) -> None:
    run_cli(where, "settings", "nudge.pace-hour", "11")
    before = dump(where)
    result = run_cli(where, "settings", "nudge.pace-hour", typed)
    assert result.code == 2 and "nudge.pace-hour" in result.err
    assert dump(where) == before


def test_events_edit_and_delete(where: str) -> None:
    assert run_cli(where, "events", "add", "Rust Meetup", "--date", "2026-11-20").code == 0
    edited = run_cli(where, "events", "edit", "Rust", "--name", "Rust Lisbon",
                     "--date", "2026-11-27", "--location", "Lisbon")
    assert edited.code == 0, edited.err
    assert "Rust Lisbon on 2026-11-27" in edited.out
    listed = run_cli(where, "events", "list").out
    assert "Rust Lisbon" in listed and "Lisbon" in listed and "Rust Meetup" not in listed
    deleted = run_cli(where, "events", "delete", "Rust Lisbon")
    assert deleted.code == 0 and "netrhythm undo" in deleted.out
    assert "Rust Lisbon" not in run_cli(where, "events", "list").out
    assert run_cli(where, "undo").code == 0
    assert "Rust Lisbon" in run_cli(where, "events", "list").out


def test_events_edit_needs_a_field_and_changes_nothing(where: str) -> None:
    run_cli(where, "events", "add", "Rust Meetup", "--date", "2026-11-20")
    before = dump(where)
    result = run_cli(where, "events", "edit", "Rust Meetup")
    assert result.code == 2 and "--name" in result.err
    missing = run_cli(where, "events", "delete", "PyCon")
    assert missing.code == 2 and "PyCon" in missing.err
    assert dump(where) == before
