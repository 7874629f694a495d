"""Snapshots of Week, Log, Contacts, Review, Events and Settings on the demo data (frozen
date) at 80x24 and 160x48.

Update them after a deliberate change with ``pytest tests/snapshots --snapshot-update`` and
look at the report before committing.
"""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from netrhythm.domain.clock import FixedClock
from netrhythm.services.context import Context, open_context
from netrhythm.ui.app import build_app
from tests.ui.helpers import settle

SIZES = [(80, 24), (160, 48)]
SCREENS = {"week": (), "log": ("1",), "contacts": ("c",), "review": ("v",), "events": ("E",),
           "settings": ("comma",), "draft": ("y",)}


@pytest.fixture
def stable_demo_ctx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_template: Path,
                    clock: FixedClock) -> Iterator[Context]:
    """A copy of the demo database in this test's own temporary folder, opened by a relative
    path from there: Settings shows the database's path, which is then the same on every run;
    so is the system's time zone, which Settings shows too (UTC)."""
    monkeypatch.setenv("TZ", "UTC")
    shutil.copyfile(demo_template, tmp_path / "demo.db")
    monkeypatch.chdir(tmp_path)
    context = open_context(Path("demo.db"), clock)
    yield context
    context.close()


def steps(keys: tuple[str, ...]) -> Callable[[Pilot], Awaitable[None]]:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("keys", SCREENS.values(), ids=SCREENS.keys())
def test_screen(snap_compare: Callable[..., bool], stable_demo_ctx: Context,
                keys: tuple[str, ...], size: tuple[int, int]) -> None:
    app = build_app(stable_demo_ctx, cursor_blink=False)
    assert snap_compare(app, terminal_size=size, run_before=steps(keys))
