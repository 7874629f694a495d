"""The app, open headless beside `netrhythm nudge` runs, checking nudges every few tenths of a
second (the tests of exactly-once delivery, withdrawal and quitting).

Usage: python app_nudger.py DB FOLDER [EVERY]  (DB: a file or a postgresql:// URL)
FOLDER holds the files it talks through: ``now`` (optional: the time its clock reads, ISO,
rewritten by the test as the simulated week goes on; without it NETRHYTHM_NOW or the real time),
``checks.jsonl`` (written: one line as each check starts, ``{"start": NOW}``, and one as it
ends, ``{"now": NOW, "outcomes": [[key, status], ...], "withdrawn": [key, ...]}``) and ``stop``
(created by the test: the app quits with ``q``). Prints "ready" once the Week screen shows,
and at the end one line of JSON: {"quit_seconds": time from seeing ``stop`` to the app's end,
"toasts": [titles of the toasts shown], "problems": [errors the app showed]}.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import netrhythm.services.nudges.check as check
from netrhythm.services.context import clock_from_env, open_context
from netrhythm.ui.app import build_app


class FileClock:
    """The time written in a file (the simulated week); the environment's clock without it."""

    def __init__(self, path: Path) -> None:
        self.path, self.fallback = path, clock_from_env()

    def now(self) -> datetime:
        try:
            return datetime.fromisoformat(self.path.read_text().strip())
        except (OSError, ValueError):
            return self.fallback.now()


def record(folder: Path) -> None:
    """Write a line to ``checks.jsonl`` as each check starts and ends."""
    real = check.run_check
    out = folder / "checks.jsonl"

    def write(line: dict[str, Any]) -> None:
        with out.open("a") as handle:
            handle.write(json.dumps(line) + "\n")

    def run_check(ctx: Any, **kwargs: Any) -> check.CheckResult:
        now = ctx.now().isoformat()
        write({"start": now})
        result = real(ctx, **kwargs)
        write({"now": now, "outcomes": [[o.nudge.key, o.status] for o in result.outcomes],
               "withdrawn": [w.key for w in result.withdrawn if w.error is None]})
        return result

    check.run_check = run_check  # type: ignore[assignment]  # the app imports it per check


async def run(db: str, folder: Path, every: float) -> dict[str, Any]:
    ctx = open_context(db, FileClock(folder / "now"))
    record(folder)
    app = build_app(ctx, poll_seconds=0.2, cursor_blink=False, nudge_seconds=every)
    problems: list[str] = []
    toasts: list[str] = []
    notify = app.notify

    def watch(message: str, *args: Any, **kwargs: Any) -> None:
        toasts.append(str(kwargs.get("title", "")))
        if kwargs.get("severity", "information") != "information":
            problems.append(f"{kwargs.get('title', '')}: {message}")
        notify(message, *args, **kwargs)

    app.notify = watch  # type: ignore[method-assign]
    quit_seconds = -1.0
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause(0.2)
            print("ready", flush=True)
            while not (folder / "stop").exists():
                await pilot.pause(0.05)
            seen = time.monotonic()
            await pilot.press("q")
        quit_seconds = time.monotonic() - seen
    finally:
        ctx.close()
    return {"quit_seconds": quit_seconds, "toasts": toasts, "problems": problems}


if __name__ == "__main__":
    every = float(sys.argv[3]) if len(sys.argv) > 3 else 0.3
    result = asyncio.run(run(sys.argv[1], Path(sys.argv[2]), every))
    print(json.dumps(result), flush=True)
