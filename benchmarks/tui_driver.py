"""Headless app drivers, each run as its own process by the benchmark command.

``python -m benchmarks.tui_driver empty``: an empty Textual app to its first frame, then exit.
``python -m benchmarks.tui_driver floor``: the same after ``import peewee``: the floor of this
stack, the first frame's baseline (netrhythm's own modules, reads and widgets are its cost).
``python -m benchmarks.tui_driver ready DB``: netrhythm's app, started as the ``netrhythm``
command starts it (``cli.app.make_app``; no nudge checks), to the first frame of the Week
screen with its data loaded (workers done), then exit. Both exit at once with
``os._exit`` so that the wall time of the process is start-up to first frame.
``python -m benchmarks.tui_driver filter DB TEXT ROUNDS``: open the Contacts screen, then
ROUNDS times type TEXT one key at a time and erase it with Backspace; prints JSON with the
seconds from each key to the repainted table (a one-letter TEXT is the worst case: the most
matches, and Backspace brings back every contact).
Every mode reports its peak memory (``VmHWM``) on its last line of standard error; the clock
is ``NETRHYTHM_NOW``.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

SIZE = (120, 36)


def report_peak() -> None:
    """Print this process's peak resident memory (``VmHWM``) for the benchmark to read."""
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next((line.split()[1] for line in status if line.startswith("VmHWM:")), "0")
    print(f"PEAK_KIB={peak}", file=sys.stderr, flush=True)


async def settle(app: Any, pilot: Any) -> None:
    """Until every pending message is handled, workers are done and a frame is painted."""
    await pilot._wait_for_screen()
    await app.workers.wait_for_complete()
    await pilot._wait_for_screen()
    painted = asyncio.get_running_loop().create_future()
    app.call_after_refresh(lambda: painted.done() or painted.set_result(None))
    await painted


def _build(db: str | None, peewee: bool = False) -> Any:
    if db is None:
        if peewee:  # the floor: Textual and Peewee (without PostgreSQL's drivers), nothing else
            sys.modules.update(psycopg=None, psycopg2=None)  # type: ignore[arg-type]
            import peewee  # noqa: F401
        from textual.app import App

        return App()
    from netrhythm.paths import Location
    from netrhythm.storage.driver import prepare

    prepare(Location.of(Path(db)))  # as the netrhythm command does, before Peewee is imported
    from netrhythm.cli.app import make_app
    from netrhythm.services.context import open_context

    return make_app(open_context(Path(db)), nudges=False)  # the clock: NETRHYTHM_NOW


async def first_frame(db: str | None, peewee: bool = False) -> None:
    app = _build(db, peewee)
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await settle(app, pilot)
        sys.stdout.flush()
        report_peak()
        os._exit(0)


async def open_contacts(app: Any, pilot: Any) -> Any:
    """Show the Contacts screen through its key binding; the filter input, focused."""
    from textual.widgets import Input

    keys = [key for key, active in app.active_bindings.items()
            if active.binding.action.replace('"', "'") == "switch_mode('contacts')"]
    if not keys:
        raise LookupError("no key binding opens the Contacts screen")
    await pilot.press(keys[0])
    await settle(app, pilot)
    if app.screen.id != "contacts":  # not a dialog that merely mentions contacts
        raise RuntimeError(f"the key {keys[0]!r} showed {app.screen!r}, not Contacts")
    field = app.screen.query(Input).first()
    field.focus()
    await settle(app, pilot)
    return field


async def type_filter(db: str, text: str, rounds: int) -> None:
    from textual import events

    app = _build(db)
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await settle(app, pilot)
        field = await open_contacts(app, pilot)
        times = []

        async def press(key: str, char: str | None, expect: str) -> None:
            start = time.perf_counter()
            event = events.Key(key, char)
            event.set_sender(app)
            app._driver.send_message(event)
            await settle(app, pilot)
            times.append(time.perf_counter() - start)
            if field.value != expect:
                raise RuntimeError(f"the filter holds {field.value!r}, not {expect!r}")

        for _ in range(rounds):
            for end, char in enumerate(text, 1):
                await press(char, char, text[:end])
            for end in range(len(text) - 1, -1, -1):
                await press("backspace", None, text[:end])
        print(json.dumps({"keystrokes": times}))
        sys.stdout.flush()
        report_peak()
        os._exit(0)


def main(argv: list[str]) -> int:
    mode = argv[0]
    if mode == "empty":
        asyncio.run(first_frame(None))
    elif mode == "floor":
        asyncio.run(first_frame(None, peewee=True))
    elif mode == "ready":
        asyncio.run(first_frame(argv[1]))
    elif mode == "filter":
        asyncio.run(type_filter(argv[1], argv[2], int(argv[3])))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
