"""Shared by the exactly-once tests: databases (a file, or a PostgreSQL database's URL) with
nudges due, `netrhythm nudge` and the app (tests/nudge/app_nudger.py) started as processes
against a test's notification server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.helpers import SCRIPT, run_cli
from tests.notify_server import NotificationServer

HERE = Path(__file__).parent
MONDAY = "2026-11-23T12:00:00"
TUESDAY = "2026-11-24T12:00:00"
QUIET = "2026-11-22T23:00:00"  # Sunday night: quiet hours, nothing is sent
NO_BUS = {"DBUS_SESSION_BUS_ADDRESS": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""}
# Run `netrhythm` as if jeepney were not installed: notify-send (found on PATH) is the route.
WITHOUT_JEEPNEY = ("import sys; sys.modules['jeepney'] = None; "
                   "from netrhythm.cli.main import main; raise SystemExit(main())")


def follow_ups(db: Path | str, due: dict[str, int]) -> None:
    """One contact per name, each with a follow-up due in that many days from Saturday 21
    November 2026 (2: Monday, 3: Tuesday); last week's review written (no review nudge)."""
    for name, days in due.items():
        assert run_cli(db, "contacts", "add", name).code == 0
        logged = run_cli(db, "log", "reach-out", "--with", name, "--date", "2026-11-21",
                         "--follow-up", str(days))
        assert logged.code == 0, logged.err
    assert run_cli(db, "review", "--week", "2026-W47", "--reflect", "Done.").code == 0


MANY = """
import contextlib, io, json, sys
from netrhythm.cli.main import main
for args in json.loads(sys.argv[1]):
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(args)
    if code:
        sys.exit(f"{args}: exit {code}: {err.getvalue()}")
"""


def run_many(db: Path | str, commands: list[list[str]], now: str) -> None:
    """Run each ``netrhythm`` command (no session bus) in one process: quicker than one
    process each when a test sets up a database."""
    env = {**os.environ, **NO_BUS, "NETRHYTHM_NOW": now}
    env.pop("NETRHYTHM_DEBUG", None)
    subprocess.run([sys.executable, "-c", MANY,
                    json.dumps([["--db", str(db), *args] for args in commands])],
                   env=env, check=True, timeout=120, stdin=subprocess.DEVNULL)


def server_env(server: NotificationServer) -> dict[str, str]:
    return {k: server.env[k] for k in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "PATH")}


def nudge(db: Path | str, env: dict[str, str], now: str, *more: str,
          program: tuple[str, ...] = (str(SCRIPT),)) -> subprocess.Popen[str]:
    """`netrhythm --db DB nudge --quiet` started at ``now`` (``program``: how to run it)."""
    full = {**os.environ, **env, "NETRHYTHM_NOW": now}
    full.pop("NETRHYTHM_DEBUG", None)
    return subprocess.Popen([*program, "--db", str(db), "nudge", "--quiet", *more],
                            env=full, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def finished(process: subprocess.Popen[str], timeout: float = 60) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


class OpenApp:
    """The app open headless on ``db``, its clock at the time written with ``set_now``."""

    def __init__(self, db: Path | str, folder: Path, env: dict[str, str], now: str,
                 every: float = 0.25) -> None:
        folder.mkdir(exist_ok=True)
        self.folder = folder
        self.set_now(now)
        full = {**os.environ, **env, "PYTHONPATH": str(HERE.parents[1])}
        full.pop("NETRHYTHM_NOW", None)
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "app_nudger.py"), str(db), str(folder), str(every)],
            env=full, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True)
        assert self.process.stdout is not None
        first = self.process.stdout.readline()
        assert first == "ready\n", first + self.process.communicate(timeout=60)[0]

    def set_now(self, now: str) -> None:
        tmp = self.folder / "now.tmp"
        tmp.write_text(now)
        tmp.replace(self.folder / "now")

    def checks(self) -> list[dict[str, Any]]:
        path = self.folder / "checks.jsonl"
        lines = path.read_text().splitlines() if path.exists() else []
        return [json.loads(line) for line in lines]

    def wait_for_check(self, now: str, timeout: float = 30) -> dict[str, Any]:
        """The first check that started after this call, at ``now``, once it has ended."""
        seen = len([c for c in self.checks() if "start" in c])
        deadline = time.monotonic() + timeout
        while True:
            starts = [c for c in self.checks() if "start" in c]
            ends = [c for c in self.checks() if "outcomes" in c]
            later = [c for c in ends[seen:] if c["now"] == now]
            if len(ends) == len(starts) and later:
                return later[0]
            assert time.monotonic() < deadline, f"no check at {now}: {self.checks()[-4:]}"
            time.sleep(0.05)

    def stop(self, timeout: float = 60) -> tuple[dict[str, Any], float]:
        """Quit (``q``); what the app reported, and the seconds from asking to its exit."""
        asked = time.monotonic()
        (self.folder / "stop").touch()
        out, _ = self.process.communicate(timeout=timeout)
        took = time.monotonic() - asked
        assert self.process.returncode == 0, out[-3000:]
        assert "Traceback" not in out, out[-3000:]
        return json.loads(out.strip().splitlines()[-1]), took


def wait_until(condition: Callable[[], bool], timeout: float = 30, what: str = "it") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)
