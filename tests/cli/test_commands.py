"""Every command through the real console script: happy paths, on a temporary database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import run_cli


@pytest.fixture
def db(where: str) -> str:
    path = where
    assert run_cli(path, "contacts", "add", "Maria Chen", "--company", "Acme", "--tag",
                   "gardening", "--every", "30").code == 0
    assert run_cli(path, "contacts", "add", "Ana Ruiz", "--company", "Globex").code == 0
    return path


def test_log_then_status_shows_progress_and_slack(db: str) -> None:
    result = run_cli(db, "log", "reach-out", "--with", "maria", "--note", "coffee")
    assert result.code == 0, result.err
    assert "Logged: Reach out with Maria Chen (today)." in result.out
    assert "1/3" in result.out
    status = run_cli(db, "status")
    assert status.code == 0
    assert "Week 2026-W48 · Mon 23 Nov – Sun 29 Nov 2026 · 7 days left" in status.out
    assert "2 more reach-outs by Sunday to meet this week" in status.out


def test_status_json_matches_hand_computed_streaks(db: str) -> None:
    # three weeks met in a row (W45, W46, W47), then one action this week
    for day in ("2026-11-02", "2026-11-03", "2026-11-04", "2026-11-09", "2026-11-10",
                "2026-11-11", "2026-11-16", "2026-11-17", "2026-11-22", "today"):
        assert run_cli(db, "log", "reach-out", "--date", day).code == 0
    data = json.loads(run_cli(db, "status", "--json").out)
    reach = next(p for p in data["practices"] if p["slug"] == "reach-out")
    assert (reach["count"], reach["target"], reach["met"]) == (1, 3, False)
    assert reach["current_streak_weeks"] == 3
    assert reach["longest_streak_weeks"] == 3
    # EMA with alpha = 1 - 0.5 ** (1 / 4) over three perfect weeks, starting from 0
    alpha = 1 - 0.5 ** 0.25
    expected = 100 * (1 - (1 - alpha) ** 3)
    assert reach["score"] == pytest.approx(expected, abs=0.1)
    assert "keeps your 3-week streak" in reach["slack"]


def test_review_formats_agree(db: str) -> None:
    assert run_cli(db, "log", "give-value", "--with", "Ana Ruiz", "--date", "2026-11-18").code == 0
    text = run_cli(db, "review")
    assert text.code == 0
    assert text.out.startswith("Week 2026-W47 (Mon 16 Nov – Sun 22 Nov 2026)")
    assert "Give / ask: 1 given · 0 asked · 1 action, giving more than asking" in text.out
    md = run_cli(db, "review", "--week", "2026-W47", "--format", "markdown")
    assert md.out.startswith("# Week 2026-W47")
    data = json.loads(run_cli(db, "review", "--week", "last", "--format", "json").out)
    assert data["week"] == "2026-W47"
    assert data["gives"] == 1
    give = next(p for p in data["practices"] if p["slug"] == "give-value")
    assert (give["count"], give["met"]) == (1, False)


def test_reflection_is_saved_and_shown(db: str) -> None:
    assert run_cli(db, "review", "--reflect", "Helped Ana with an intro.").code == 0
    assert "Helped Ana with an intro." in run_cli(db, "review").out


def test_contacts_list_show_and_search(db: str) -> None:
    run_cli(db, "log", "reach-out", "--with", "Maria Chen", "--note", "talked about tomatoes")
    listed = run_cli(db, "contacts", "list")
    assert "Maria Chen" in listed.out and "Ana Ruiz" in listed.out
    shown = run_cli(db, "contacts", "show", "maria")
    assert "Company:" in shown.out and "Acme" in shown.out
    assert "Reach out · talked about tomatoes" in shown.out
    found = run_cli(db, "search", "tomato")
    assert "Maria Chen" in found.out and "Ana Ruiz" not in found.out
    assert "Maria Chen" in run_cli(db, "search", "garden").out


def test_contacts_overdue_and_tag_filters(db: str) -> None:
    run_cli(db, "contacts", "edit", "Ana Ruiz", "--every", "7", "--last-contact", "2026-10-01")
    overdue = json.loads(run_cli(db, "contacts", "list", "--overdue", "--json").out)
    assert [c["name"] for c in overdue] == ["Ana Ruiz"]
    tagged = json.loads(run_cli(db, "contacts", "list", "--tag", "GARDENING", "--json").out)
    assert [c["name"] for c in tagged] == ["Maria Chen"]


def test_practices_add_edit_archive(db: str) -> None:
    added = run_cli(db, "practices", "add", "Write a post", "--target", "1", "--kind", "give")
    assert added.code == 0, added.err
    assert "Added Write a post (write-a-post): 1 per week, Mon–Sun." in added.out
    edited = run_cli(db, "practices", "edit", "write-a-post", "--target", "2", "--period", "2")
    assert "2 per 2 weeks, Mon–Sun" in edited.out
    assert run_cli(db, "practices", "archive", "write-a-post").code == 0
    assert "write-a-post" not in run_cli(db, "practices", "list").out
    assert "write-a-post" in run_cli(db, "practices", "list", "--all").out


def slugs(db: str) -> list[str]:
    return [line.split()[0] for line in run_cli(db, "practices", "list", "--all").out.splitlines()]


def test_practices_move_changes_the_order_and_says_when_it_cannot(db: str) -> None:
    moved = run_cli(db, "practices", "move", "give-value", "up")
    assert moved.code == 0, moved.err
    assert "Moved Give value up: Give value, Reach out, Follow up, Attend an event." in moved.out
    assert slugs(db) == ["give-value", "reach-out", "follow-up", "attend-event"]
    first = run_cli(db, "practices", "move", "give-value", "up")
    assert (first.code, first.out.strip()) == (0, "Give value is already first; nothing changed.")
    assert run_cli(db, "practices", "move", "give-value", "sideways").code == 2
    assert slugs(db) == ["give-value", "reach-out", "follow-up", "attend-event"]


def test_practices_delete_asks_for_yes_when_actions_would_go_and_undo_restores(
        db: str) -> None:
    assert run_cli(db, "log", "give-value").code == 0
    refused = run_cli(db, "practices", "delete", "give-value")
    assert refused.code == 2
    assert "--yes: Give value has 1 action, which would be deleted too" in refused.err
    assert "give-value" in slugs(db)
    deleted = run_cli(db, "practices", "delete", "give-value", "--yes")
    assert deleted.code == 0, deleted.err
    assert "Deleted Give value and its 1 action; netrhythm undo brings it back." in deleted.out
    assert "give-value" not in slugs(db)
    assert "deleted practice Give value and 1 action" in run_cli(db, "undo").out
    assert "give-value" in slugs(db)
    assert "1/2" in run_cli(db, "status").out
    empty = run_cli(db, "practices", "delete", "follow-up")
    assert "Deleted Follow up (it had no actions)" in empty.out


def test_events_add_list_and_log_at_event(db: str) -> None:
    assert run_cli(db, "events", "add", "PyCon Lisbon", "--date", "2026-12-05",
                   "--location", "Lisbon").code == 0
    assert run_cli(db, "events", "add", "Meetup", "--date", "2026-11-20").code == 0
    assert run_cli(db, "log", "attend-event", "--event", "meetup", "--with", "Ana").code == 0
    listed = run_cli(db, "events", "list")
    assert listed.out.index("Upcoming") < listed.out.index("PyCon Lisbon") < \
        listed.out.index("Past") < listed.out.index("Meetup")
    assert "Ana Ruiz" in listed.out


def test_pause_keeps_streak(db: str) -> None:
    for day in ("2026-11-09", "2026-11-10", "2026-11-11"):
        run_cli(db, "log", "reach-out", "--date", day)
    assert run_cli(db, "pause", "last").out.startswith("Week 2026-W47 paused")
    data = json.loads(run_cli(db, "status", "--json").out)
    reach = next(p for p in data["practices"] if p["slug"] == "reach-out")
    assert reach["current_streak_weeks"] == 1


def test_follow_up_is_scheduled_and_shown(db: str) -> None:
    result = run_cli(db, "log", "follow-up", "--with", "Ana", "--follow-up", "3",
                     "--date", "2026-11-18")
    assert "Follow-up due 2026-11-21." in result.out
    assert "Ana Ruiz — due Sat 21 Nov" in run_cli(db, "status").out


def test_version_names_database_backups_and_keymap(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    result = run_cli(tmp_path / "x.db", "--version")
    assert result.code == 0
    assert "netrhythm 0.1.0" in result.out
    assert f"database: {tmp_path / 'x.db'}" in result.out
    assert "x.db-backups" in result.out
    assert f"keymap: {tmp_path / 'config' / 'netrhythm' / 'keymap.toml'}" in result.out


def test_every_command_has_help(tmp_path: Path) -> None:
    for args in (["--help"], ["log", "--help"], ["status", "--help"], ["review", "--help"],
                 ["contacts", "add", "--help"], ["practices", "edit", "--help"],
                 ["events", "add", "--help"], ["pause", "--help"], ["undo", "--help"],
                 ["search", "--help"], ["nudge", "--help"]):
        result = run_cli(tmp_path / "h.db", *args)
        assert result.code == 0 and "usage: netrhythm" in result.out, args


def test_settings_show_change_and_undo(db: str) -> None:
    shown = run_cli(db, "settings")
    assert "week-start             monday" in shown.out
    assert "nudge.quiet-start      21:00" in shown.out
    assert run_cli(db, "settings", "week-start", "sunday").out.strip() == \
        "Weeks now start on Sunday."
    status = run_cli(db, "status")
    assert "Week 2026-11-22 · Sun 22 Nov – Sat 28 Nov 2026 · 6 days left" in status.out
    bad = run_cli(db, "settings", "nudge.cap", "0")
    assert bad.code == 2 and bad.err.startswith("netrhythm: error: nudge.cap: must be")
    assert run_cli(db, "undo").out.strip() == "Undid: set the week start to Sunday."
    assert run_cli(db, "settings", "week-start").out.strip() == "monday"
