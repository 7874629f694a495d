"""`netrhythm nudge` end to end: a real notification server, the terminal fallback, dedupe,
dry runs and --quiet (the printed schedules: test_schedule.py)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.helpers import query, run_cli
from tests.notify_server import NotificationServer, notification_server

NOW = "2026-11-23T12:00:00"  # Monday noon: not quiet, not yet behind pace


@pytest.fixture
def db(where: str) -> str:
    path = where
    assert run_cli(path, "contacts", "add", "Ana O'Brien [bold]x", "--company", "Globex",
                   now=NOW).code == 0
    result = run_cli(path, "log", "reach-out", "--with", "Ana", "--follow-up", "2",
                     "--date", "2026-11-20", now=NOW)
    assert result.code == 0, result.err
    return path


def _log(db: str) -> list[tuple[object, ...]]:
    return query(db, "SELECT key, title, delivered_via FROM nudge_log ORDER BY id")


def _no_bus_env() -> dict[str, str]:
    return {"DBUS_SESSION_BUS_ADDRESS": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""}


@pytest.mark.slow
def test_due_follow_up_reaches_a_real_notification_server(db: str, tmp_path: Path) -> None:
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


def test_without_a_session_bus_the_nudge_is_printed_with_the_reason(db: str) -> None:
    result = run_cli(db, "nudge", now=NOW, env=_no_bus_env())
    assert result.code == 0, result.err
    assert "netrhythm: Follow up with Ana O'Brien [bold]x" in result.out
    assert "(not shown on the desktop: no D-Bus session bus" in result.out
    logged = _log(db)
    assert any(key.startswith("follow-up:") for key, _, _ in logged)
    assert {via for _, _, via in logged} == {"terminal"}


def test_a_printed_nudge_is_printed_once_then_tried_again_for_the_desktop(db: str) -> None:
    first = run_cli(db, "nudge", now=NOW, env=_no_bus_env())
    again = run_cli(db, "nudge", now="2026-11-23T15:00:00", env=_no_bus_env())
    assert "netrhythm: Follow up with Ana O'Brien [bold]x" in first.out
    assert "netrhythm: Follow up with" not in again.out  # its text is printed once
    assert ("Not shown yet: Follow up with Ana O'Brien [bold]x (no D-Bus session bus "
            "(DBUS_SESSION_BUS_ADDRESS is not set)); the next run tries again.") in again.out
    keys = [key for key, _, _ in _log(db)]
    assert len(keys) == len(set(keys)) >= 1
    rows = query(db, "SELECT state, attempts, printed_at FROM nudge_log "
                     "WHERE key LIKE 'follow-up:%'")
    assert rows == [("printed", 2, "2026-11-23 12:00:00")]


def test_dry_run_prints_and_records_nothing(db: str) -> None:
    result = run_cli(db, "nudge", "--dry-run", now=NOW, env=_no_bus_env())
    assert result.code == 0
    assert "Would send: Follow up with Ana O'Brien [bold]x" in result.out
    assert _log(db) == []


def test_quiet_hours_send_nothing(db: str) -> None:
    result = run_cli(db, "nudge", now="2026-11-23T22:30:00", env=_no_bus_env())
    assert result.code == 0
    assert "quiet hours" in result.out
    assert _log(db) == []


def test_watch_needs_a_positive_number_of_minutes(db: str) -> None:
    result = run_cli(db, "nudge", "--watch", "0", now=NOW)
    assert result.code == 2
    assert result.err.startswith("netrhythm: error: --watch:")


def _server_env(server: NotificationServer) -> dict[str, str]:
    return {k: server.env[k] for k in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "PATH")}


def test_quiet_prints_only_the_nudge_that_could_not_be_shown(db: str) -> None:
    first = run_cli(db, "nudge", "--quiet", now=NOW, env=_no_bus_env())
    assert first.code == 0, first.err
    assert first.out.splitlines()[0] == "netrhythm: Follow up with Ana O'Brien [bold]x"
    assert first.out.splitlines()[-1].startswith("  (not shown on the desktop: no D-Bus")
    assert "Sent" not in first.out and "Nothing" not in first.out
    again = run_cli(db, "nudge", "--quiet", now="2026-11-23T15:00:00", env=_no_bus_env())
    assert (again.code, again.out, again.err) == (0, "", "")


@pytest.mark.slow
def test_quiet_run_with_a_server_prints_nothing_and_sets_an_expiry(
    db: str, tmp_path: Path
) -> None:
    (tmp_path / "srv").mkdir()
    with notification_server(tmp_path / "srv") as server:
        result = run_cli(db, "nudge", "--quiet", now=NOW, env=_server_env(server))
        calls = server.calls("Notify")
    assert (result.code, result.out, result.err) == (0, "", "")
    assert len(calls) == len(_log(db)) >= 1
    assert {call.last("int32") for call in calls} == {str(60 * 60_000)}  # 60 minutes


@pytest.mark.slow
def test_a_delivery_that_times_out_is_printed_with_the_reason(db: str, tmp_path: Path) -> None:
    (tmp_path / "srv").mkdir()
    with notification_server(tmp_path / "srv") as server, server.paused():
        started = time.monotonic()
        result = run_cli(db, "nudge", "--quiet", now=NOW, env=_server_env(server))
        elapsed = time.monotonic() - started
    assert result.code == 0, result.err
    assert "netrhythm: Follow up with Ana O'Brien [bold]x" in result.out
    assert re.search(r"\(not shown on the desktop: the notification server did not answer "
                     r"GetCapabilities within (4\.\d|5\.0) s\)", result.out), result.out
    assert elapsed < 5 * len(_log(db)) + 3, elapsed
