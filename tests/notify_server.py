"""A real, private notification server for tests: a D-Bus session bus, Xvfb and dunst.

Everything is started by this module, by PID, with its own files (bus config, dunstrc, logs) in
``tmp_path``, and killed in reverse order on exit; nothing is found or stopped by name, and the
user's own bus, display and dunst configuration are never used. Missing programs skip the test
with the packages to install. A ``dbus-monitor`` watches every method call to the notification
interface, so that a test counts ``Notify`` and ``CloseNotification`` calls on the bus
(``server.calls("Notify")``) rather than reading dunst's history, which merges duplicates.
Use it as a context manager, or wrap it in a fixture::

    from tests.notify_server import notification_server

    @pytest.fixture
    def server(tmp_path):
        with notification_server(tmp_path) as running:
            yield running

    def test_nudge_arrives(server):
        subprocess.run([... "netrhythm", "nudge"], env=server.env, check=True)
        assert server.wait_for(lambda n: n["appname"] == "netrhythm")

The bus has no service directories, so D-Bus never starts anything on demand (dunst's own
service file would otherwise start a second dunst); ``private_bus(services=...)`` adds some.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

INSTALL = "apt-get install dbus dbus-x11 libnotify-bin xvfb dunst (or scripts/ci-system-deps.sh)"
NOTIFICATIONS = "org.freedesktop.Notifications"
STARTUP_TIMEOUT = 10.0  # seconds for each program to become ready

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>{listen}</listen>
  <auth>EXTERNAL</auth>
  {servicedir}
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

DUNSTRC = """[global]
    markup = full
    history_length = 200
    notification_limit = 0
    idle_threshold = 0
    show_indicators = no
"""

Notification = dict[str, str]


@dataclass(frozen=True)
class Call:
    """A method call seen on the bus: its member and its arguments as dbus-monitor prints them
    (``string "netrhythm"``, ``uint32 0``, ``int32 60000``; arrays as ``array [`` ... ``]``)."""

    member: str
    args: list[str] = field(default_factory=list)

    def last(self, kind: str) -> str:
        """The value of the last argument of type ``kind`` (``int32``, ``uint32``)."""
        return [a.split(" ", 1)[1] for a in self.args if a.startswith(kind + " ")][-1]


def require(*programs: str) -> dict[str, str]:
    """Full paths of ``programs``; skips the test when one is missing."""
    found = {name: shutil.which(name) for name in programs}
    missing = [name for name, path in found.items() if path is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed: {INSTALL}")
    return {name: path for name, path in found.items() if path is not None}


@dataclass
class NotificationServer:
    """A running server: ``env`` for subprocesses, and what dunst received."""

    env: dict[str, str]
    dunstctl: str
    dunst: subprocess.Popen[bytes]
    monitor_log: Path

    def calls(self, member: str) -> list[Call]:
        """Every call of ``member`` (``Notify``, ``CloseNotification``) seen so far."""
        found: list[Call] = []
        current: Call | None = None
        for line in self.monitor_log.read_text(errors="replace").splitlines():
            if not line.startswith(" "):
                current = None
                if line.startswith("method call ") and line.endswith(f"; member={member}"):
                    current = Call(member)
                    found.append(current)
            elif current is not None:
                current.args.append(line.strip())
        return found

    def displayed(self) -> int:
        """How many notifications dunst shows right now."""
        return int(self._dunstctl("count", "displayed").strip())

    @contextmanager
    def paused(self) -> Iterator[None]:
        """dunst stopped (SIGSTOP): it owns its name but answers nothing, as a hung server."""
        self.dunst.send_signal(signal.SIGSTOP)
        try:
            yield
        finally:
            self.dunst.send_signal(signal.SIGCONT)

    def history(self) -> list[Notification]:
        """Close every shown notification, then dunst's history, newest first.

        Each item has ``appname``, ``summary``, ``body`` (as received) and ``message`` (what
        dunst renders, Pango markup).
        """
        self._dunstctl("close-all")
        data = json.loads(self._dunstctl("history"))["data"]
        items = data[0] if data else []
        keys = ("appname", "summary", "body", "message")
        return [{key: item[key]["data"] for key in keys if key in item} for item in items]

    def history_ids(self) -> list[int]:
        """The ids of the notifications in dunst's history, newest first."""
        self._dunstctl("close-all")
        data = json.loads(self._dunstctl("history"))["data"]
        return [int(item["id"]["data"]) for item in (data[0] if data else [])]

    def wait_for(
        self,
        match: Callable[[Notification], bool] = lambda _: True,
        at_least: int = 1,
        timeout: float = 5.0,
    ) -> list[Notification]:
        """History items that ``match``, polling until ``at_least`` do or ``timeout`` passes."""
        deadline = time.monotonic() + timeout
        while True:
            found = [item for item in self.history() if match(item)]
            if len(found) >= at_least or time.monotonic() > deadline:
                return found
            time.sleep(0.05)

    def _dunstctl(self, *args: str) -> str:
        done = subprocess.run(
            [self.dunstctl, *args], env=self.env, capture_output=True, text=True, timeout=10
        )
        if done.returncode != 0:
            raise RuntimeError(f"dunstctl {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout


@contextmanager
def private_bus(
    tmp_path: Path, services: Mapping[str, str] | None = None
) -> Iterator[dict[str, str]]:
    """A session bus of our own; yields the current env pointing at it (and at no display).

    ``services`` maps bus names to commands that D-Bus may start on demand.
    """
    tools = require("dbus-daemon", "dbus-send")
    with ExitStack() as stack:
        # A short directory: a socket path longer than 107 bytes fails, and tmp_path can be long.
        socket_dir = tempfile.mkdtemp(
            prefix="nr-bus-", dir="/tmp" if os.path.isdir("/tmp") else None
        )
        stack.callback(shutil.rmtree, socket_dir, ignore_errors=True)
        address = f"unix:path={socket_dir}/bus"
        servicedir = ""
        if services:
            folder = tmp_path / "dbus-services"
            folder.mkdir(exist_ok=True)
            for name, command in services.items():
                (folder / f"{name}.service").write_text(
                    f"[D-BUS Service]\nName={name}\nExec={command}\n"
                )
            servicedir = f"<servicedir>{folder}</servicedir>"
        config = tmp_path / "bus.conf"
        config.write_text(BUS_CONFIG.format(listen=address, servicedir=servicedir))
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        daemon = [tools["dbus-daemon"], "--nofork", "--nopidfile", f"--config-file={config}"]
        bus = _start(stack, daemon, env, tmp_path / "dbus-daemon.log")
        ping = [tools["dbus-send"], "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus", "org.freedesktop.DBus.GetId"]  # fmt: skip
        _wait_until("the D-Bus session bus", bus, lambda: _ok(ping, env))
        yield env


@contextmanager
def notification_server(tmp_path: Path) -> Iterator[NotificationServer]:
    """Bus, virtual display, dunst and a dbus-monitor, ready; everything stopped on exit."""
    tools = require("dbus-daemon", "dbus-send", "dbus-monitor", "Xvfb", "dunst", "dunstctl")
    with ExitStack() as stack:
        env = stack.enter_context(private_bus(tmp_path))
        env["DISPLAY"] = _start_xvfb(stack, tools["Xvfb"], env, tmp_path / "xvfb.log")
        (tmp_path / "config").mkdir(exist_ok=True)
        env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # no dunstrc.d drop-ins from home
        rc = tmp_path / "dunstrc"
        rc.write_text(DUNSTRC)
        dunst = _start(stack, [tools["dunst"], "-config", str(rc)], env, tmp_path / "dunst.log")
        owned = [tools["dbus-send"], "--session", "--print-reply=literal",
                 "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
                 "org.freedesktop.DBus.NameHasOwner", f"string:{NOTIFICATIONS}"]  # fmt: skip
        _wait_until("dunst", dunst, lambda: "true" in _output(owned, env))
        log = tmp_path / "dbus-monitor.log"
        rule = f"type='method_call',interface='{NOTIFICATIONS}'"
        monitor = _start(stack, [tools["dbus-monitor"], "--session", rule], env, log)
        # A monitor drops its own name once it is attached: from then on it sees every call.
        _wait_until("dbus-monitor", monitor, lambda: "member=NameLost" in _tail(log))
        yield NotificationServer(env, tools["dunstctl"], dunst, log)


def _start(
    stack: ExitStack,
    command: list[str],
    env: Mapping[str, str],
    log: Path,
    pass_fds: tuple[int, ...] = (),
) -> subprocess.Popen[bytes]:
    """Start ``command`` with output to ``log``; it is stopped (by PID) when ``stack`` closes."""
    out = stack.enter_context(log.open("ab"))
    process = subprocess.Popen(
        command, env=dict(env), stdin=subprocess.DEVNULL, stdout=out, stderr=out, pass_fds=pass_fds
    )
    stack.callback(stop_process, process)
    return process


def stop_process(process: subprocess.Popen[bytes]) -> None:
    """End ``process`` if it still runs: terminate, then kill after 3 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=3)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=3)


def _start_xvfb(stack: ExitStack, xvfb: str, env: Mapping[str, str], log: Path) -> str:
    """Start Xvfb on a display it picks itself (``-displayfd``); return ``:N``."""
    read_end, write_end = os.pipe()
    try:
        command = [xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x800x24",
                   "-nolisten", "tcp"]  # fmt: skip
        process = _start(stack, command, env, log, pass_fds=(write_end,))
        os.close(write_end)
        write_end = -1
        number = b""
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not number.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([read_end], [], [], left)[0]:
                raise RuntimeError(f"Xvfb gave no display number in time:\n{_tail(log)}")
            chunk = os.read(read_end, 16)
            if not chunk:
                raise RuntimeError(f"Xvfb exited ({process.poll()}):\n{_tail(log)}")
            number += chunk
        return f":{number.decode().strip()}"
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)


def _wait_until(what: str, process: subprocess.Popen[bytes], ready: Callable[[], bool]) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while not ready():
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}: {process.args!r}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} not ready after {STARTUP_TIMEOUT} s: {process.args!r}")
        time.sleep(0.02)


def _output(command: list[str], env: Mapping[str, str]) -> str:
    try:
        done = subprocess.run(command, env=dict(env), capture_output=True, text=True, timeout=5)
    except subprocess.TimeoutExpired:
        return ""
    return done.stdout if done.returncode == 0 else ""


def _ok(command: list[str], env: Mapping[str, str]) -> bool:
    return bool(_output(command, env))


def _tail(log: Path) -> str:
    return log.read_text(errors="replace")[-2000:] if log.exists() else ""
