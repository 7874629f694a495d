"""Fixtures for the app's tests: the app built on a database with the frozen clock."""

from __future__ import annotations

import pytest

from netrhythm.services.context import Context
from netrhythm.ui.app import NetrhythmApp, build_app


@pytest.fixture
def app(ctx: Context) -> NetrhythmApp:
    """The app on an empty database (default practices, no contacts)."""
    return build_app(ctx, cursor_blink=False)


@pytest.fixture
def demo_app(demo_ctx: Context) -> NetrhythmApp:
    """The app on a copy of the demo data."""
    return build_app(demo_ctx, cursor_blink=False)
