"""Delivery: a real notification server receives exactly our text, or the terminal says why not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import types
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest

import netrhythm.notify
from netrhythm.notify import APP_NAME, Delivery, deliver, format_terminal
from netrhythm.notify.probe import Route
from tests.notify_server import (
    NOTIFICATIONS,
    NotificationServer,
    notification_server,
    private_bus,
)

DELIVER_MODULE = sys.modules["netrhythm.notify.deliver"]  # the package re-exports the function
SEND = """
import json, sys
from netrhythm.notify import deliver
results = [deliver(title, body).__dict__ for title, body in json.loads(sys.argv[1])]
print(json.dumps(results))
"""


@pytest.fixture
def server(tmp_path: Path) -> Iterator[NotificationServer]:
    with notification_server(tmp_path) as running:
        yield running


def send_in_subprocess(env: dict[str, str], *pairs: tuple[str, str]) -> tuple[list[Any], str]:
    """``deliver`` each (title, body) in a fresh Python process; its results and its stderr."""
    done = subprocess.run(
        [sys.executable, "-c", SEND, json.dumps(pairs)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout), done.stderr


def without(*keys: str) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in keys}


@pytest.mark.slow
def test_notification_reaches_the_server_with_exact_text(server: NotificationServer) -> None:
    title, body = "Follow up with O'Brien", "O'Brien [bold]x"
    started = time.perf_counter()
    [result], stderr = send_in_subprocess(server.env, (title, body))
    received = server.wait_for(lambda n: n["appname"] == APP_NAME)
    elapsed = time.perf_counter() - started
    assert result["ok"] and result["via"].startswith("desktop:"), result
    assert result["reason"] is None
    assert stderr == ""  # plyer's warnings never reach the user's terminal
    assert [(n["appname"], n["summary"], n["body"]) for n in received] == [(APP_NAME, title, body)]
    assert elapsed < 10, f"round trip took {elapsed:.2f} s"
    print(f"round trip {elapsed:.3f} s")


@pytest.mark.slow
def test_markup_and_option_like_text_arrive_literally(server: NotificationServer) -> None:
    pairs = [("-2 days left", "<b>AT&T</b> & co"), ("Note", "--help")]
    results, _ = send_in_subprocess(server.env, *pairs)
    assert all(r["ok"] for r in results), results
    received = {n["summary"].lstrip("\u2060"): n for n in server.wait_for(at_least=2)}
    assert set(received) == {"-2 days left", "Note"}
    # dunst reads bodies as markup (it says "body-markup"): escaped, it renders them literally.
    assert received["-2 days left"]["body"] == "&lt;b&gt;AT&amp;T&lt;/b&gt; &amp; co"
    assert received["Note"]["body"].lstrip("\u2060") == "--help"


def test_no_session_bus_falls_back_to_the_terminal() -> None:
    result = deliver("Follow up with Ana", "Due today.", env=without("DBUS_SESSION_BUS_ADDRESS"))
    assert result == Delivery(
        "terminal", False, "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)"
    )


@pytest.mark.slow
def test_bus_without_notification_server_falls_back(tmp_path: Path) -> None:
    with private_bus(tmp_path) as env:
        result = deliver("Follow up with Ana", "Due today.", env=env)
    assert result.via == "terminal" and not result.ok
    assert result.reason == f"no notification server on the D-Bus session bus ({NOTIFICATIONS})"


@pytest.mark.slow
def test_server_that_cannot_be_started_falls_back(tmp_path: Path) -> None:
    with private_bus(tmp_path, services={NOTIFICATIONS: "/bin/false"}) as env:
        result = deliver("Follow up with Ana", "Due today.", env=env)
    assert result.via == "terminal" and not result.ok
    assert result.reason is not None
    assert result.reason.startswith("no notification server is running and D-Bus could not start")


def test_unreachable_bus_falls_back(tmp_path: Path) -> None:
    if find_spec("dbus") is None and not any(
        os.access(os.path.join(d, "dbus-send"), os.X_OK) for d in os.defpath.split(":")
    ):
        pytest.skip("needs dbus-send or dbus-python")
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path}/gone"}
    result = deliver("t", "m", env=env)
    assert result.via == "terminal"
    assert result.reason is not None and "does not answer" in result.reason


def test_no_backend_says_to_install_notify_send(tmp_path: Path) -> None:
    if find_spec("dbus") is not None:
        pytest.skip("dbus-python is installed: plyer has a backend")
    env = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent", "PATH": str(tmp_path)}
    result = deliver("t", "m", env=env)
    assert result.via == "terminal"
    assert result.reason is not None and "libnotify-bin (notify-send)" in result.reason


class NoisyFailingPlyer:
    """Stands in for ``plyer.notification``: chatters, warns, then raises."""

    def __init__(self) -> None:
        self.environ: dict[str, str | None] = {}

    def notify(self, **kwargs: Any) -> None:
        import warnings

        self.environ = {"DISPLAY": os.environ.get("DISPLAY")}
        print("plyer noise on stdout")
        print("plyer noise on stderr", file=sys.stderr)
        warnings.warn("The Python dbus package is not installed.", stacklevel=1)
        raise RuntimeError("org.freedesktop.DBus.Error.NoReply: no reply\nsecond line")


@pytest.fixture
def noisy_plyer(monkeypatch: pytest.MonkeyPatch) -> NoisyFailingPlyer:
    fake = NoisyFailingPlyer()
    monkeypatch.setitem(sys.modules, "plyer", types.SimpleNamespace(notification=fake))
    monkeypatch.setattr(DELIVER_MODULE, "find_route", lambda env: Route("desktop:notify-send"))
    return fake


def test_plyer_failure_falls_back_quietly_with_one_line(
    noisy_plyer: NoisyFailingPlyer, capsys: pytest.CaptureFixture[str]
) -> None:
    result = deliver("t", "m")
    assert result == Delivery(
        "terminal",
        False,
        "plyer failed: RuntimeError: org.freedesktop.DBus.Error.NoReply: no reply",
    )
    assert capsys.readouterr() == ("", "")


def test_given_env_is_used_during_the_call_and_restored(
    noisy_plyer: NoisyFailingPlyer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", ":original")
    deliver("t", "m", env={**os.environ, "DISPLAY": ":99"})
    assert noisy_plyer.environ == {"DISPLAY": ":99"}
    assert os.environ["DISPLAY"] == ":original"


def test_prepare_keeps_text_literal_for_each_route() -> None:
    prepare = DELIVER_MODULE.prepare
    assert prepare("-1", "a<b>&c\0", Route("desktop:notify-send", None, True)) == (
        "\u2060-1",
        "a&lt;b&gt;&amp;c\ufffd",
    )
    assert prepare("O'Brien", "x\\y", Route("desktop:portal")) == ("O\\'Brien", "x\\\\y")
    assert prepare("", "-m", Route("desktop:dbus")) == (APP_NAME, "-m")


def test_importing_notify_is_cheap() -> None:
    code = (
        "import sys, netrhythm.notify\n"
        "print(sorted(m for m in ('plyer', 'textual', 'dbus', 'subprocess') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_package_exports_the_function() -> None:
    assert netrhythm.notify.deliver is deliver and callable(deliver)


def test_terminal_format_shows_nudge_and_one_reason_line() -> None:
    text = format_terminal("Follow up with [bold]x", "Due today.\nNote: \x1b[2J", "no D-Bus")
    assert text.splitlines() == [
        "netrhythm: Follow up with [bold]x",
        "  Due today. Note: \\x1b[2J",
        "  (not shown on the desktop: no D-Bus)",
    ]
    assert format_terminal("t", "m", None) == "netrhythm: t\n  m"
