"""The app, open headless on a database that other processes write to (the concurrency test).

Usage: python app_watcher.py DB STOPFILE LOGS  (DB: a file or a postgresql:// URL)
Prints "ready" once the Week screen shows; then, while the others write, logs LOGS give-values
through the Log form (notes "app-0" …) and watches the Week screen reload on its own; once
STOPFILE exists, waits until the screen shows every action, and prints one line of JSON:
{"seen": [reach-out counts the screen showed, in order], "shown": {slug: count at the end},
 "logged": how many the form saved, "problems": [every warning or error the app showed]}.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from netrhythm.services.context import open_context
from netrhythm.ui.app import build_app
from netrhythm.ui.dialogs.log_action import LogDialog
from netrhythm.ui.screens.week import WeekScreen

TIMEOUT = 240.0


async def until(pilot: Any, condition: Callable[[], bool], seconds: float = 60) -> bool:
    """Let the app run until ``condition`` holds (False after ``seconds``). Workers are not
    awaited: with writes landing all the time, reloads keep replacing each other."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        await pilot.pause(0.05)
    return True


def counts(app: Any) -> dict[str, int]:
    week = next((s for s in app.screen_stack if isinstance(s, WeekScreen)), None)
    if week is None or week.view is None:
        return {}
    return {p.practice.slug: p.period.count for p in week.view.status.progress.practices}


async def run(db: str, stop: Path, logs: int) -> dict[str, Any]:
    ctx = open_context(db)
    app = build_app(ctx, poll_seconds=0.2, cursor_blink=False)
    problems: list[str] = []
    notify = app.notify

    def watch(message: str, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("severity", "information") != "information":
            problems.append(f"{kwargs.get('title', '')}: {message}")
        notify(message, *args, **kwargs)

    app.notify = watch  # type: ignore[method-assign]
    seen: list[int] = []
    logged = 0
    show = WeekScreen.show

    def shown(screen: WeekScreen, view: Any) -> None:  # every time the screen shows new data
        show(screen, view)
        look()

    WeekScreen.show = shown  # type: ignore[method-assign]

    def look() -> None:
        count = counts(app).get("reach-out")
        if count is not None and (not seen or seen[-1] != count):
            seen.append(count)

    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: bool(counts(app)))
            print("ready", flush=True)
            deadline = time.monotonic() + TIMEOUT
            while (not stop.exists() or logged < logs) and time.monotonic() < deadline:
                if logged < logs:  # one action through the form, as a person would
                    await pilot.press("2")
                    if not await until(pilot, lambda: isinstance(app.screen, LogDialog)
                                       and app.screen.choices is not None):
                        problems.append("the Log form did not open")
                        break
                    app.screen.query_one("#note").focus()
                    await pilot.press(*f"app-{logged}", "ctrl+s")
                    if not await until(pilot, lambda: not isinstance(app.screen, LogDialog)):
                        problems.append("the Log form did not save")
                        break
                    logged += 1
                look()
                await pilot.pause(0.2)
            # the stop file holds how many reach-outs the others logged: wait to show them all
            wanted = {"reach-out": int(stop.read_text()) if stop.exists() else -1,
                      "give-value": logged}
            while any(counts(app).get(k) != v for k, v in wanted.items()):
                if time.monotonic() > deadline:
                    problems.append(f"timed out: shows {counts(app)}, not {wanted}")
                    break
                look()
                await pilot.pause(0.2)
            look()
            final = counts(app)
    finally:
        ctx.close()
    return {"seen": seen, "shown": final, "logged": logged, "problems": problems}


if __name__ == "__main__":
    result = asyncio.run(run(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])))
    print(json.dumps(result), flush=True)
