"""Write screenshots/*.svg: each screen of the app on demo data, with the date frozen.

    python scripts/screenshots.py            (from the repository root, in the virtualenv)

The demo data is generated fresh into a temporary folder with the clock stopped at Monday
23 November 2026, 10:00, so the pictures are the same on every run; ``welcome`` is the Week
screen of a new, empty database.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.worker import WorkerCancelled  # noqa: E402

from netrhythm.domain.clock import FixedClock  # noqa: E402
from netrhythm.services.context import open_context  # noqa: E402
from netrhythm.services.demo.create import create_demo  # noqa: E402
from netrhythm.ui.app import build_app  # noqa: E402

NOW = datetime(2026, 11, 23, 10, 0)
os.environ["TZ"] = "UTC"  # the system's zone, which Settings shows: the same on every machine
SIZE = (120, 36)
OUT = ROOT / "screenshots"
# file name: keys pressed from the Week screen ("text:…" types text, "theme:…" sets the theme)
SHOTS = {
    "week": [],
    "log": ["1", "text:maria c", "right", "tab", "tab", "text:Coffee near the office"],
    "contacts": ["c", "slash", "text:rust", "enter"],
    "contact": ["c", "slash", "text:maria chen", "enter", "enter"],
    "help": ["question_mark"],
    "palette": ["ctrl+p", "text:log reach maria"],
    "review": ["v"],
    "events": ["E"],
    "settings": ["comma"],
    "draft": ["y"],
    "events-light": ["E", "theme:textual-light"],  # one light theme: every theme offered reads
}


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(10):
        await pilot.pause()
        for worker in list(pilot.app.workers):
            with contextlib.suppress(WorkerCancelled):  # superseded by a newer load
                await worker.wait()
        await pilot.pause()


async def shoot(ctx, name: str, keys: list[str]) -> Path:  # type: ignore[no-untyped-def]
    app = build_app(ctx, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in keys:
            if key.startswith("text:"):
                await pilot.press(*key[len("text:"):])
            elif key.startswith("theme:"):
                app.theme_changed_signal.unsubscribe(app)  # for the picture only: not saved
                app.theme = key[len("theme:"):]
            else:
                await pilot.press(key)
            await settle(pilot)
        app.title = f"netrhythm · {name}"
        return Path(app.save_screenshot(filename=f"{name}.svg", path=str(OUT)))


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    # a folder named the same on every run: Settings shows the database's path
    folder = Path(tempfile.gettempdir()) / "netrhythm-demo"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    ctx = open_context(folder / "demo.db", FixedClock(NOW))
    try:
        create_demo(ctx)
        for name, keys in SHOTS.items():
            print(f"wrote {(await shoot(ctx, name, keys)).relative_to(ROOT)}")
    finally:
        ctx.close()
    new = open_context(folder / "new.db", FixedClock(NOW))  # a first start: the welcome
    try:
        print(f"wrote {(await shoot(new, 'welcome', [])).relative_to(ROOT)}")
    finally:
        new.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
