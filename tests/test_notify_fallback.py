"""The fallback routes, used where jeepney cannot be: notify-send run and checked by netrhythm
(against a real dunst; a failing and a hanging notify-send on PATH), and plyer (a stand-in that
fails, chatters or hangs), each bounded by the timeout."""

from __future__ import annotations

import os
import re
import sys
import threading
import time
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from netrhythm.notify import APP_NAME, Delivery, deliver
from netrhythm.notify.probe import Route
from tests.notify_server import NotificationServer, notification_server
from tests.test_notify_delivery import DELIVER_MODULE, send_in_subprocess


@pytest.fixture
def server(tmp_path: Path) -> Iterator[NotificationServer]:
    with notification_server(tmp_path) as running:
        yield running


def fake_notify_send(tmp_path: Path, script: str) -> str:
    """A PATH whose first directory holds a ``notify-send`` running ``script`` (sh)."""
    folder = tmp_path / "fake-bin"
    folder.mkdir(exist_ok=True)
    program = folder / "notify-send"
    program.write_text("#!/bin/sh\n" + script)
    program.chmod(0o755)
    return f"{folder}{os.pathsep}{os.environ.get('PATH', os.defpath)}"


@pytest.mark.slow
def test_notify_send_route_returns_the_id_and_passes_the_expiry(
    server: NotificationServer,
) -> None:
    title = "-2 days left --help"
    [result], _ = send_in_subprocess(server.env, (title, "O'Brien", {"expire_ms": 45_000}),
                                     jeepney=False)
    assert (result["status"], result["via"]) == ("accepted", "desktop:notify-send"), result
    [call] = server.calls("Notify")
    assert call.args[0] == f'string "{APP_NAME}"' and call.last("int32") == "45000"
    [shown] = server.wait_for(lambda n: n["appname"] == APP_NAME)
    assert (shown["summary"], shown["body"]) == (title, "O'Brien")  # exactly: notify-send gets --
    assert result["id"] == server.history_ids()[0]


@pytest.mark.slow
def test_a_failing_notify_send_is_not_delivered(server: NotificationServer, tmp_path: Path) -> None:
    path = fake_notify_send(tmp_path, 'echo "GDBus.Error: no way" >&2\nexit 1\n')
    [result], _ = send_in_subprocess({**server.env, "PATH": path}, ("t", "m", {}), jeepney=False)
    assert (result["status"], result["via"], result["ok"]) == (
        "failed", "desktop:notify-send", False
    )
    assert result["reason"] == "notify-send exited with 1: GDBus.Error: no way"
    assert server.calls("Notify") == []


@pytest.mark.slow
def test_a_hanging_notify_send_fails_within_the_timeout(
    server: NotificationServer, tmp_path: Path
) -> None:
    pids = tmp_path / "pids"
    path = fake_notify_send(tmp_path, f"echo $$ > {pids}\nsleep 30 &\necho $! >> {pids}\nwait\n")
    [result], _ = send_in_subprocess(
        {**server.env, "PATH": path}, ("t", "m", {"timeout": 1.0}), jeepney=False
    )
    assert (result["status"], result["via"]) == ("failed", "desktop:notify-send")
    # The 1 s covers the whole delivery: notify-send gets what the server check left of it.
    assert re.fullmatch(r"notify-send did not finish within (0\.\d|1\.0) s", result["reason"])
    assert 0.9 < result["took"] < 1.8, result["took"]
    for pid in pids.read_text().split():  # the script and its sleep were killed, not left behind
        assert not running(int(pid)), pid


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.slow
def test_an_old_notify_send_without_print_id_still_delivers(
    server: NotificationServer, tmp_path: Path
) -> None:
    real = [d for d in os.environ.get("PATH", "").split(os.pathsep)
            if os.access(os.path.join(d, "notify-send"), os.X_OK)][0]
    path = fake_notify_send(tmp_path, (
        'for a in "$@"; do [ "$a" = --print-id ] && '
        '{ echo "Unknown option --print-id" >&2; exit 1; }; done\n'
        f'exec {real}/notify-send "$@"\n'
    ))
    [result], _ = send_in_subprocess({**server.env, "PATH": path}, ("Old", "m", {}),
                                     jeepney=False)
    assert (result["status"], result["via"], result["id"]) == (
        "accepted", "desktop:notify-send", None
    )
    assert [n["summary"] for n in server.wait_for()] == ["Old"]


def test_a_bus_address_jeepney_cannot_use_falls_back(tmp_path: Path) -> None:
    env = {"DBUS_SESSION_BUS_ADDRESS": "tcp:host=localhost,port=1", "PATH": str(tmp_path)}
    result = deliver("t", "m", env=env)
    if "dbus" in sys.modules or result.via != "terminal":
        pytest.skip("dbus-python is installed: plyer has a backend")
    assert result.status == "printed"
    assert result.reason is not None
    assert result.reason.startswith("no notification backend: jeepney cannot use the bus address")
    assert result.reason.endswith("install libnotify-bin (notify-send) or dbus-python")


class StandInPlyer:
    """Stands in for ``plyer.notification``: records, chatters, warns, raises or hangs."""

    def __init__(self, fail: bool = False, hang: bool = False) -> None:
        self.fail, self.release = fail, threading.Event()
        if not hang:
            self.release.set()
        self.calls: list[dict[str, Any]] = []

    def notify(self, **kwargs: Any) -> None:
        import warnings

        self.calls.append({**kwargs, "DISPLAY": os.environ.get("DISPLAY")})
        print("plyer noise on stdout")
        print("plyer noise on stderr", file=sys.stderr)
        warnings.warn("The Python dbus package is not installed.", stacklevel=1)
        self.release.wait(10)
        if self.fail:
            raise RuntimeError("org.freedesktop.DBus.Error.NoReply: no reply\nsecond line")


def use_plyer(monkeypatch: pytest.MonkeyPatch, fake: StandInPlyer) -> None:
    monkeypatch.setitem(sys.modules, "plyer", types.SimpleNamespace(notification=fake))
    monkeypatch.setattr(DELIVER_MODULE, "find_route", lambda env, deadline: Route(
        "desktop:plyer-dbus"
    ))


def test_plyer_failure_fails_quietly_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_plyer(monkeypatch, StandInPlyer(fail=True))
    result = deliver("t", "m")
    assert result == Delivery(
        "failed", "desktop:plyer-dbus",
        "plyer failed: RuntimeError: org.freedesktop.DBus.Error.NoReply: no reply",
    )
    assert capsys.readouterr() == ("", "")


def test_plyer_gets_the_env_and_the_expiry_and_gives_no_id(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = StandInPlyer()
    use_plyer(monkeypatch, fake)
    monkeypatch.setenv("DISPLAY", ":original")
    result = deliver("t", "m", env={**os.environ, "DISPLAY": ":99"}, expire_ms=90_500)
    assert result == Delivery("accepted", "desktop:plyer-dbus",
                              "plyer gives no id to withdraw it by")
    assert [(c["DISPLAY"], c["timeout"], c["app_name"]) for c in fake.calls] == [
        (":99", 91, APP_NAME)
    ]
    assert os.environ["DISPLAY"] == ":original"


def test_a_hanging_plyer_fails_within_the_timeout_and_blocks_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = StandInPlyer(hang=True)
    use_plyer(monkeypatch, fake)
    try:
        started = time.monotonic()
        first = deliver("t", "m", timeout=0.5)
        second = deliver("t", "m", timeout=0.3)
        elapsed = time.monotonic() - started
    finally:
        fake.release.set()
    assert first == Delivery("failed", "desktop:plyer-dbus", "plyer did not return within 0.5 s")
    assert second == Delivery(
        "failed", "desktop:plyer-dbus", "an earlier notification is still waiting for plyer"
    )
    assert elapsed < 1.2, elapsed
    deadline = time.monotonic() + 5
    while deliver("t", "m").status != "accepted" and time.monotonic() < deadline:
        time.sleep(0.05)  # once plyer returns, the next call goes through
    assert len(fake.calls) >= 2
