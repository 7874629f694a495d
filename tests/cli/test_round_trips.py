"""Each everyday command talks to the database a fixed number of times, whatever its size.

On a file that costs little, but on a database server every statement is a round trip over
the network: ``status``, ``log`` and ``nudge --dry-run`` must not grow with the data. The
statements are counted through Peewee's own query log, in a process of their own, on the demo
data and on the demo data grown by hundreds of contacts and actions. README's Performance
section gives the same numbers.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest

from netrhythm.domain.clock import FixedClock
from netrhythm.paths import Location
from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import open_context
from netrhythm.services.demo.create import create_demo
from netrhythm.services.tracking.log import LogRequest, log_action
from tests.backends import copy_of_built
from tests.helpers import FROZEN_NOW, NOW, run_cli

STATEMENTS = {  # the statements each command makes on a file, and on a server (README,
    # Performance; a server checks the schema's version in one statement more)
    ("status",): {"sqlite": 11, "postgres": 12},
    ("log", "reach-out", "--with", "Maria Chen", "--note", "coffee"): {"sqlite": 20,
                                                                        "postgres": 21},
    ("nudge", "--dry-run"): {"sqlite": 18, "postgres": 19},
}

COUNTING = """
import logging, sys
from netrhythm.cli.main import main

class Count(logging.Handler):
    n = 0
    def emit(self, record):
        Count.n += 1

log = logging.getLogger("peewee")
log.setLevel(logging.DEBUG)
log.propagate = False
log.addHandler(Count())
code = main(sys.argv[1:])
print(f"STATEMENTS={Count.n}", file=sys.stderr)
sys.exit(code)
"""


def statements(db: str, *args: str) -> int:
    env = {**os.environ, "NETRHYTHM_NOW": NOW}
    done = subprocess.run([sys.executable, "-c", COUNTING, "--db", str(db), *args],
                          capture_output=True, text=True, env=env, timeout=60,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    return int(done.stderr.rsplit("STATEMENTS=", 1)[1])


def grown_demo(db: Location) -> None:
    """The demo data and hundreds more contacts, with actions spread over the past year."""
    ctx = open_context(db, FixedClock(FROZEN_NOW))
    try:
        create_demo(ctx)
        today = ctx.today()
        for n in range(300):
            add_contact(ctx, ContactForm(name=f"Extra Person {n:03d}", tags="extra"))
        for n in range(300):
            day = today - timedelta(days=n + 1)
            log_action(ctx, LogRequest("reach-out", [f"Extra Person {n:03d}"],
                                       date=day.isoformat(), note="met"))
    finally:
        ctx.close()


@pytest.fixture
def small_and_large(demo_location: Location, request: pytest.FixtureRequest
                    ) -> tuple[str, str]:
    """The demo, and the demo grown (built once per backend), each after the day's first
    command (which, on a server, writes the day's export: once a day, not counted)."""
    both = str(demo_location), str(copy_of_built(request, "grown_demo", grown_demo)[0])
    for db in both:
        assert run_cli(db, "status").code == 0
    return both


def test_everyday_commands_make_a_fixed_number_of_statements(
        small_and_large: tuple[str, str], backend: str) -> None:
    for args, by_backend in STATEMENTS.items():
        expected = by_backend[backend]
        counts = [statements(db, *args) for db in small_and_large]
        assert counts == [expected, expected], (args, counts)
