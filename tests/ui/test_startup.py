"""How the app starts: the work its first frame is spared (measured by ``benchmarks/``)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from netrhythm.cli.app import make_app
from netrhythm.services.context import Context
from tests.ui.helpers import screen_text, settle

SIZE = (120, 36)


@pytest.fixture
def collector() -> Iterator[None]:
    """Whatever a test does to the garbage collector is undone after it."""
    enabled = gc.isenabled()
    try:
        yield
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()
        else:
            gc.disable()


async def test_the_collector_is_off_until_the_first_frame_then_on_and_start_up_frozen(
        ctx: Context, collector: None) -> None:
    gc.enable()
    app = make_app(ctx, nudges=False)
    assert not gc.isenabled()
    frozen_before = gc.get_freeze_count()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Practices" in screen_text(pilot)
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen_before
