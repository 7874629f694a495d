"""The app on a full disk: an export that cannot be written says so in words (how much space
is free, where), leaves no file behind, and the app goes on."""

from __future__ import annotations

import re

from netrhythm.services.context import Context
from netrhythm.ui.app import build_app
from netrhythm.ui.screens.review import ReviewScreen
from tests.reliability.small_disk import SmallDisk
from tests.ui.helpers import settle, wait_until
from tests.ui.test_review_screen import open_review, review_screen

FULL = re.compile(r"^The disk is full \(([\d,]+) kB free at (.+)\)\.$")


async def test_a_review_export_to_a_full_disk_says_so_and_leaves_nothing(
        demo_ctx: Context, small_disk: SmallDisk) -> None:
    app = build_app(demo_ctx, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(app, pilot)
        review_screen(app).export_dir = small_disk.path
        small_disk.fill_to(0)
        await pilot.press("m")
        await settle(pilot)
        await wait_until(pilot, lambda: bool(app._notifications), what="a toast")
        [toast] = list(app._notifications)
        assert toast.title == "The review was not exported" and toast.severity == "error"
        found = FULL.match(str(toast.message))
        assert found, toast.message
        assert found.group(2) == str(small_disk.path)
        assert sorted(p.name for p in small_disk.path.iterdir()) == ["filler"]
        await pilot.press("w")  # the app goes on
        await settle(pilot)
        assert not isinstance(app.screen, ReviewScreen)
