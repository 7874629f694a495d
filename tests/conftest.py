"""Shared fixtures: a frozen clock, a temporary database, an open context, demo data.

Databases are real files in a temporary folder (never ``:memory:``): Peewee keeps one
connection per thread, and the app reads and writes from worker threads. ``ctx``,
``demo_ctx`` and ``where`` run a test on a SQLite file and, in the suites that test both
backends, again on a PostgreSQL database (``tests/backends.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from netrhythm.domain.clock import FixedClock
from netrhythm.paths import Location
from netrhythm.services.context import Context, open_context
from tests.helpers import FROZEN_NOW

pytest_plugins = ["tests.backends"]


@pytest.fixture
def clock() -> FixedClock:
    """Monday 23 November 2026, 10:00 (ISO week 2026-W48)."""
    return FixedClock(FROZEN_NOW)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's database goes (not created yet)."""
    return tmp_path / "netrhythm.db"


@pytest.fixture
def ctx(location: Location, clock: FixedClock) -> Iterator[Context]:
    """A new, empty database (default practices seeded), opened with the frozen clock."""
    context = open_context(location, clock)
    yield context
    context.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database made once per session with the frozen clock; copy it, never open it."""
    from netrhythm.services.demo.create import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    context = open_context(path, FixedClock(FROZEN_NOW))
    try:
        create_demo(context)
    finally:
        context.close()
    return path


@pytest.fixture
def demo_ctx(demo_location: Location, clock: FixedClock) -> Iterator[Context]:
    """A private copy of the demo database, opened with the frozen clock."""
    context = open_context(demo_location, clock)
    yield context
    context.close()
