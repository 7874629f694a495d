"""`netrhythm nudge` end to end: a real notification server, the terminal fallback, dedupe,
dry runs and the printed schedules."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.notify_server import notification_server

NOW = "2026-11-23T12:00:00"  # Monday noon: not quiet, not yet behind pace


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "n.db"
    assert run_cli(path, "contacts", "add", "Ana O'Brien [bold]x", "--company", "Globex",
                   now=NOW).code == 0
    result = run_cli(path, "log", "reach-out", "--with", "Ana", "--follow-up", "2",
                     "--date", "2026-11-20", now=NOW)
    assert result.code == 0, result.err
    return path


def _log(db: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(db)
    try:
        sql = "SELECT key, title, delivered_via FROM nudge_log ORDER BY id"
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _no_bus_env() -> dict[str, str]:
    return {"DBUS_SESSION_BUS_ADDRESS": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""}


@pytest.mark.slow
def test_due_follow_up_reaches_a_real_notification_server(db: Path, tmp_path: Path) -> None:
    (tmp_path / "srv").mkdir()
    with notification_server(tmp_path / "srv") as server:
        env = {k: server.env[k] for k in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "PATH")}
        result = run_cli(db, "nudge", now=NOW, env=env)
        assert result.code == 0, result.err
        found = server.wait_for(lambda n: n["appname"] == "netrhythm")
        assert found, server.history()
    summaries = [n["summary"] for n in found]
    bodies = [n["body"] for n in found]
    assert any("Ana O'Brien [bold]x" in s for s in summaries), summaries
    assert any("Due" in b or "due" in b for b in bodies), bodies
    keys = [k for k, _, via in _log(db)]
    assert any(k.startswith("follow-up:") for k in keys)
    assert all(via.startswith("desktop:") for _, _, via in _log(db))


def test_without_a_session_bus_the_nudge_is_printed_with_the_reason(db: Path) -> None:
    result = run_cli(db, "nudge", now=NOW, env=_no_bus_env())
    assert result.code == 0, result.err
    assert "netrhythm: Follow up with Ana O'Brien [bold]x" in result.out
    assert "(not shown on the desktop: no D-Bus session bus" in result.out
    logged = _log(db)
    assert any(key.startswith("follow-up:") for key, _, _ in logged)
    assert {via for _, _, via in logged} == {"terminal"}


def test_the_same_nudge_is_never_sent_twice(db: Path) -> None:
    first = run_cli(db, "nudge", now=NOW, env=_no_bus_env())
    again = run_cli(db, "nudge", now="2026-11-23T15:00:00", env=_no_bus_env())
    assert "Follow up with" in first.out
    assert "Follow up with" not in again.out
    assert "Nothing to nudge about right now." in again.out
    keys = [key for key, _, _ in _log(db)]
    assert len(keys) == len(set(keys)) >= 1


def test_dry_run_prints_and_records_nothing(db: Path) -> None:
    result = run_cli(db, "nudge", "--dry-run", now=NOW, env=_no_bus_env())
    assert result.code == 0
    assert "Would send: Follow up with Ana O'Brien [bold]x" in result.out
    assert _log(db) == []


def test_quiet_hours_send_nothing(db: Path) -> None:
    result = run_cli(db, "nudge", now="2026-11-23T22:30:00", env=_no_bus_env())
    assert result.code == 0
    assert "quiet hours" in result.out
    assert _log(db) == []


def test_watch_needs_a_positive_number_of_minutes(db: Path) -> None:
    result = run_cli(db, "nudge", "--watch", "0", now=NOW)
    assert result.code == 2
    assert result.err.startswith("netrhythm: error: --watch:")


@pytest.mark.parametrize(("kind", "words"), [
    ("systemd", ["[Timer]", "OnCalendar=*:0/15", "ExecStart=", "systemctl --user enable"]),
    ("cron", ["*/15 * * * *", "DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/"]),
    ("launchd", ["<key>ProgramArguments</key>", "<integer>900</integer>"]),
])
def test_print_schedule_names_the_executable_and_database(
    tmp_path: Path, kind: str, words: list[str]
) -> None:
    db = tmp_path / "my db.db"
    result = run_cli(db, "nudge", "--print-schedule", kind)
    assert result.code == 0
    for word in words:
        assert word in result.out
    assert "/netrhythm" in result.out and "my db.db" in result.out and "nudge" in result.out
    assert not db.exists()  # printing a schedule creates nothing
