"""A newcomer's first day, built with the real command line: a few weeks of use with the
fixture files of tests/data/import, then 1,000 LinkedIn connections imported with
``--tag linkedin`` and the tag given a 90-day cadence.

History (``BEFORE``): the fixtures imported (LinkedIn, Google and plain CSV), Maria Chen
(Acme, Inc.) reached out to last week, Ana Ruiz (Globex) given value the week before. Day one
(``DAY_ONE``, a Thursday, after the pace check): the big import and ``tags set``.
"""

from __future__ import annotations

from pathlib import Path

from netrhythm.paths import Location
from tests.helpers import run_cli
from tests.transfer.linkedin_gen import connections_csv

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
BEFORE = "2026-11-10T09:00:00"
DAY_ONE = "2026-11-26T12:00:00"  # Thursday of 2026-W48 (Mon 23 – Sun 29 Nov)
CONNECTIONS = 1000


def ok(db: Path | str, *args: str, now: str) -> str:
    result = run_cli(db, *args, now=now)
    assert result.code == 0, (args, result.err)
    return result.out


def write_connections(folder: Path, count: int = CONNECTIONS) -> Path:
    path = folder / "Connections.csv"
    path.write_text(connections_csv(count), encoding="utf-8")
    return path


def build_history(db: Path | str) -> None:
    """The weeks of use before day one."""
    for name in ("Connections.csv", "google.csv", "plain.csv"):
        ok(db, "contacts", "import", str(DATA / name), now=BEFORE)
    ok(db, "log", "give-value", "--with", "Ana Ruiz", now="2026-11-12T18:00:00")
    ok(db, "log", "reach-out", "--with", "Maria Chen", now="2026-11-18T17:00:00")


def build_day_one(folder: Path, where: Location | None = None) -> tuple[Path | str, str]:
    """The database at the end of day one (``where``, else a file in ``folder``), and what
    the big import printed."""
    db = folder / "day-one.db" if where is None else str(where)
    build_history(db)
    imported = ok(db, "contacts", "import", str(write_connections(folder)), "--tag",
                  "linkedin", now=DAY_ONE)
    ok(db, "tags", "set", "linkedin", "--every", "90", now=DAY_ONE)
    return db, imported
