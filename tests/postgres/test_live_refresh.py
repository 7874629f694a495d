"""Live across machines: the open app shows, within about a second, an action that another
process (another machine) logged on the same PostgreSQL database; it learns of it by LISTEN
(no table is polled), and after its listening connection breaks (a laptop waking up) it
listens again and reloads."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from netrhythm.domain.clock import FixedClock
from netrhythm.paths import Location
from netrhythm.services.context import Context
from netrhythm.storage import db
from netrhythm.storage.tables import database, file_database
from netrhythm.ui.app import build_app
from netrhythm.ui.widgets.practice_row import PracticeRow
from tests.helpers import FROZEN_NOW
from tests.postgres.server import Server
from tests.ui.helpers import screen_text, settle, wait_until

# The other machine: storage and services directly (the command line keeps a server's
# address for when PostgreSQL is complete).
OTHER = """
import sys
from datetime import datetime
from netrhythm.domain.clock import FixedClock
from netrhythm.paths import Location
from netrhythm.services.context import Context
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.storage import db
url, note = sys.argv[1], sys.argv[2]
db.open_database(url, datetime.fromisoformat(sys.argv[3]).date())
ctx = Context(Location.of(url), FixedClock(datetime.fromisoformat(sys.argv[3])))
log_action(ctx, LogRequest("reach-out", note=note))
"""


@pytest.fixture
def url(pg_server: Server, pg_database: str) -> Iterator[str]:
    address = pg_server.url(pg_database)
    db.open_database(address, FROZEN_NOW.date())
    yield address
    db.close_database()
    database.initialize(file_database)


def _log_elsewhere(url: str, note: str) -> None:
    subprocess.run([sys.executable, "-c", OTHER, url, note, FROZEN_NOW.isoformat()],
                   check=True, capture_output=True, timeout=60,
                   env={**os.environ, "NETRHYTHM_MACHINE": "desktop"})


def _reach_out(app: object) -> str:
    return str(app.screen.query(PracticeRow).first().render())  # type: ignore[attr-defined]


async def test_an_action_logged_on_another_machine_shows_within_a_second(
        url: str, pg_server: Server, pg_database: str) -> None:
    import psycopg

    from netrhythm.storage.server_watch import _listeners

    app = build_app(Context(Location.of(url), FixedClock(FROZEN_NOW)), cursor_blink=False)
    async with app.run_test(size=(110, 32)) as pilot:
        await settle(pilot)
        assert "0/3" in _reach_out(app)
        assert _listeners[url].connected.wait(10)
        _log_elsewhere(url, "from the desktop")
        took = await wait_until(pilot, lambda: "1/3" in _reach_out(app), timeout=10,
                                what="the other machine's action to show")
        assert took < 1.5
        assert "from the desktop" in screen_text(pilot)

        # The listening connection breaks (a laptop asleep, a server restarted) and an action
        # is written before it is back, its notice lost: it listens again and reloads.
        day = FROZEN_NOW.date()
        with psycopg.connect(**pg_server.connect_kwargs(pg_database), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE query LIKE 'LISTEN %'")
            admin.execute("INSERT INTO action (practice_id, occurred_on, day, note, created_at) "
                          "SELECT id, %s, %s, 'while it was away', now() FROM practice "
                          "WHERE slug = 'reach-out'", (day, day.toordinal()))
        await wait_until(pilot, lambda: "2/3" in _reach_out(app), timeout=10,
                         what="the action written while the listener was away")
        assert "while it was away" in screen_text(pilot)
