"""Delivery over D-Bus (jeepney): a real notification server (dunst) receives exactly our text,
returns an id, expires it when told, closes it on request; a hung server costs at most the
timeout; without a desktop the result says why. Calls are counted on the bus (dbus-monitor)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import netrhythm.notify
from netrhythm.notify import APP_NAME, Budget, Delivery, deliver, format_terminal, withdraw
from tests.notify_server import NOTIFICATIONS, NotificationServer, notification_server, private_bus

DELIVER_MODULE = sys.modules["netrhythm.notify.deliver"]  # the package re-exports the function
SEND = """
import json, sys, time
if sys.argv[2] == "no-jeepney":
    sys.modules["jeepney"] = None  # as if jeepney were not installed
from netrhythm.notify import deliver
results = []
for title, body, options in json.loads(sys.argv[1]):
    started = time.monotonic()
    result = deliver(title, body, **options)
    results.append({**result.__dict__, "ok": result.ok, "took": time.monotonic() - started})
print(json.dumps(results))
"""


@pytest.fixture
def server(tmp_path: Path) -> Iterator[NotificationServer]:
    with notification_server(tmp_path) as running:
        yield running


def send_in_subprocess(
    env: dict[str, str], *items: tuple[str, str, dict[str, Any]], jeepney: bool = True
) -> tuple[list[dict[str, Any]], str]:
    """``deliver`` each (title, body, options) in a fresh Python process: results, stderr."""
    done = subprocess.run(
        [sys.executable, "-c", SEND, json.dumps(items), "jeepney" if jeepney else "no-jeepney"],
        env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    return json.loads(done.stdout), done.stderr


def without(*keys: str) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in keys}


@pytest.mark.slow
def test_notify_returns_the_server_id_and_passes_the_expiry(server: NotificationServer) -> None:
    title, body = "Follow up with O'Brien", "O'Brien [bold]x"
    started = time.perf_counter()
    [result], stderr = send_in_subprocess(server.env, (title, body, {"expire_ms": 90_000}))
    elapsed = time.perf_counter() - started
    assert (result["status"], result["via"], result["reason"]) == (
        "accepted", "desktop:dbus", None
    ), result
    assert stderr == ""
    [call] = server.calls("Notify")
    assert call.args[0] == f'string "{APP_NAME}"'
    assert call.last("int32") == "90000"  # expire_timeout, in milliseconds
    [shown] = server.wait_for(lambda n: n["appname"] == APP_NAME)
    assert (shown["summary"], shown["body"]) == (title, body)
    assert isinstance(result["id"], int) and result["id"] > 0
    assert server.history_ids() == [result["id"]]
    assert elapsed < 10, f"round trip took {elapsed:.2f} s"


@pytest.mark.slow
def test_close_notification_withdraws_it(server: NotificationServer) -> None:
    first = deliver("Follow up with Ana", "Due today.", env=server.env)
    second = deliver("Follow up with Bo", "Due today.", env=server.env)
    assert first.ok and second.ok and first.id is not None and first.id != second.id
    assert server.displayed() == 2
    assert withdraw(first.id, env=server.env) is None
    closes = server.calls("CloseNotification")
    assert [call.last("uint32") for call in closes] == [str(first.id)]
    assert len(server.calls("Notify")) == 2
    deadline = time.monotonic() + 5
    while server.displayed() != 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.displayed() == 1
    assert withdraw(first.id, env=server.env) is None  # already gone: no error


@pytest.mark.slow
def test_markup_quotes_and_nul_in_titles_survive_exactly(server: NotificationServer) -> None:
    titles = ["<b>Tom & \"Jerry\"</b> O'Brien", "-2 days left --help", "nul\0in \ud800 name"]
    for title in titles:
        assert deliver(title, "<i>AT&T</i> \"x\" 'y'", env=server.env).ok
    shown = server.wait_for(lambda n: n["appname"] == APP_NAME, at_least=3)
    assert sorted(n["summary"] for n in shown) == sorted(
        [titles[0], titles[1], "nul\ufffdin \ufffd name"]
    )
    # dunst reads bodies as markup (it says "body-markup"): escaped, it shows them literally.
    assert {n["body"] for n in shown} == {"&lt;i&gt;AT&amp;T&lt;/i&gt; \"x\" 'y'"}
    assert len(server.calls("Notify")) == 3


@pytest.mark.slow
def test_a_hung_server_fails_within_the_timeout(server: NotificationServer) -> None:
    with server.paused():
        started = time.monotonic()
        result = deliver("Follow up with Ana", "Due today.", env=server.env, timeout=1.0)
        elapsed = time.monotonic() - started
    assert (result.status, result.via, result.id) == ("failed", "desktop:dbus", None)
    assert result.reason is not None and re.fullmatch(
        r"the notification server did not answer GetCapabilities within (0\.9|1\.0) s",
        result.reason,
    )
    assert 0.9 < elapsed < 1.5, elapsed


@pytest.mark.slow
def test_a_run_budget_bounds_several_deliveries(server: NotificationServer) -> None:
    budget = Budget(1.5)
    with server.paused():
        started = time.monotonic()
        results = [deliver("t", "m", env=server.env, timeout=1.0, budget=budget)
                   for _ in range(3)]
        elapsed = time.monotonic() - started
    assert [r.status for r in results] == ["failed"] * 3
    assert results[1].reason is not None
    assert re.search(r"within 0\.[45] s$", results[1].reason)  # what the budget had left
    assert results[2] == Delivery(
        "failed", "none", "no time left: the run's 1.5 s for notifications are used up"
    )
    assert elapsed < 1.8, elapsed


def test_no_session_bus_is_printed_only() -> None:
    result = deliver("Follow up with Ana", "Due today.", env=without("DBUS_SESSION_BUS_ADDRESS"))
    assert result == Delivery(
        "printed", "terminal", "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)"
    )
    assert not result.ok


@pytest.mark.slow
def test_bus_without_notification_server_is_printed_only(tmp_path: Path) -> None:
    with private_bus(tmp_path) as env:
        result = deliver("Follow up with Ana", "Due today.", env=env)
        assert withdraw(7, env=env) == (
            f"no notification server on the D-Bus session bus ({NOTIFICATIONS})"
        )
    assert result == Delivery(
        "printed", "terminal", f"no notification server on the D-Bus session bus ({NOTIFICATIONS})"
    )


@pytest.mark.slow
def test_server_that_cannot_be_started_is_printed_only(tmp_path: Path) -> None:
    with private_bus(tmp_path, services={NOTIFICATIONS: "/bin/false"}) as env:
        result = deliver("Follow up with Ana", "Due today.", env=env)
    assert (result.status, result.via) == ("printed", "terminal")
    assert result.reason is not None
    assert result.reason.startswith("no notification server is running and D-Bus could not start")


def test_unreachable_bus_is_printed_only(tmp_path: Path) -> None:
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path}/gone"}
    result = deliver("t", "m", env=env)
    assert (result.status, result.via) == ("printed", "terminal")
    assert result.reason == (
        f"the D-Bus session bus at unix:path={tmp_path}/gone does not answer: "
        "FileNotFoundError: [Errno 2] No such file or directory"
    )


def test_no_time_left_fails_without_trying() -> None:
    result = deliver("t", "m", timeout=0)
    assert result == Delivery("failed", "none", "no time to deliver (timeout 0 s)")


def test_prepare_keeps_text_literal_for_each_route() -> None:
    prepare = DELIVER_MODULE.prepare
    assert prepare("-1", "a<b>&c\0", True, "desktop:dbus") == ("-1", "a&lt;b&gt;&amp;c\ufffd")
    assert prepare("O'Brien", "x\\y", False, "desktop:portal") == ("O\\'Brien", "x\\\\y")
    assert prepare("", "-m", False, "desktop:notify-send") == (APP_NAME, "-m")
    assert prepare("a\udcffb", "\ud83d", False) == ("a\ufffdb", "\ufffd")


def test_importing_notify_is_cheap() -> None:
    code = (
        "import sys, netrhythm.notify\n"
        "print(sorted(m for m in ('plyer', 'textual', 'dbus', 'subprocess', 'jeepney')"
        " if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_package_exports_the_functions() -> None:
    assert netrhythm.notify.deliver is deliver and callable(deliver)
    assert netrhythm.notify.withdraw is withdraw


def test_terminal_format_shows_nudge_and_one_reason_line() -> None:
    text = format_terminal("Follow up with [bold]x", "Due today.\nNote: \x1b[2J", "no D-Bus")
    assert text.splitlines() == [
        "netrhythm: Follow up with [bold]x",
        "  Due today. Note: \\x1b[2J",
        "  (not shown on the desktop: no D-Bus)",
    ]
    assert format_terminal("t", "m", None) == "netrhythm: t\n  m"
