"""Each everyday command talks to the database a fixed number of times, whatever its size.

On a file that costs little, but on a database server every statement is a round trip over
the network: ``status``, ``log`` and ``nudge --dry-run`` must not grow with the data. The
statements are counted through Peewee's own query log, in a process of their own, on the demo
data and on the demo data grown by hundreds of contacts and actions. README's Performance
section gives the same numbers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from netrhythm.domain.clock import FixedClock
from netrhythm.services.contacts.manage import ContactForm, add_contact
from netrhythm.services.context import open_context
from netrhythm.services.tracking.log import LogRequest, log_action
from tests.helpers import NOW

STATEMENTS = {  # the statements each command makes (README, Performance)
    ("status",): 11,
    ("log", "reach-out", "--with", "Maria Chen", "--note", "coffee"): 20,
    ("nudge", "--dry-run"): 18,
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


def statements(db: Path, *args: str) -> int:
    env = {**os.environ, "NETRHYTHM_NOW": NOW}
    done = subprocess.run([sys.executable, "-c", COUNTING, "--db", str(db), *args],
                          capture_output=True, text=True, env=env, timeout=60,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    return int(done.stderr.rsplit("STATEMENTS=", 1)[1])


def grow(db: Path, clock: FixedClock) -> None:
    """Hundreds more contacts, and actions with them spread over the past year."""
    ctx = open_context(db, clock)
    try:
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
def small_and_large(tmp_path: Path, demo_template: Path, clock: FixedClock
                    ) -> tuple[Path, Path]:
    small, large = tmp_path / "small" / "demo.db", tmp_path / "large" / "demo.db"
    for path in (small, large):
        path.parent.mkdir()
        shutil.copyfile(demo_template, path)
    grow(large, clock)
    return small, large


def test_everyday_commands_make_a_fixed_number_of_statements(
        small_and_large: tuple[Path, Path]) -> None:
    for args, expected in STATEMENTS.items():
        counts = [statements(db, *args) for db in small_and_large]
        assert counts == [expected, expected], (args, counts)
