"""Every measure of the benchmark command, each returning rows of the results table.

Whole-process measures run the installed ``netrhythm`` script (or a driver module) with a
fixed ``NETRHYTHM_NOW``, interleaved with their baseline, after one untimed warm-up run (the
first open of a day makes the daily backup). In-process measures run in a fresh interpreter.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from importlib.util import find_spec
from pathlib import Path

from benchmarks.generate import NOW, Size
from benchmarks.report import Row
from benchmarks.timing import Sample, interleaved, median, run_once

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SCRIPT = str(Path(sys.executable).with_name("netrhythm"))
ENV = {"NETRHYTHM_NOW": NOW.isoformat(), "PYTHONPATH": str(ROOT)}
READY_TARGET = "≤ 1.3× empty app + Peewee"
# The baseline ``import peewee`` as a program on a SQLite file loads it: without PostgreSQL's
# drivers, which Peewee would import too when the ``postgres`` extra is installed (the
# ``netrhythm`` command keeps them out for a file: ``storage.driver``). The same numbers with
# or without the extra.
PEEWEE_ALONE = "import sys; sys.modules.update(psycopg=None, psycopg2=None); import peewee"
# On a server the baseline loads what such a program needs: Peewee and PostgreSQL's driver.
PEEWEE_PSYCOPG = "import peewee, psycopg"
PG_TARGET = "≤ 1.5× import peewee, psycopg"
PG_NAMES = ("netrhythm log (PostgreSQL)", "netrhythm status (PostgreSQL)")
FILTER_TEXT = "m"  # one letter: the most matches (about 4,000 of 5,000), the worst keystroke


def use_bytecode_cache(folder: Path) -> None:
    """Measure with compiled bytecode, as after a normal install: cache it in ``folder``
    (whatever ``PYTHONDONTWRITEBYTECODE`` says; the warm-up runs fill the cache)."""
    ENV["PYTHONDONTWRITEBYTECODE"] = ""  # removed from the measured processes' environment
    ENV["PYTHONPYCACHEPREFIX"] = str(folder)


def _ms(samples: list[Sample]) -> float:
    return 1000 * median([s.seconds for s in samples])


def _mib(samples: list[Sample]) -> float:
    return median([s.peak_kib for s in samples]) / 1024


def log_contact(db: Path) -> str:
    """The name of the active contact logged with most often (a unique name)."""
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(
            "SELECT c.name FROM contact c JOIN action_contact ac ON ac.contact_id = c.id "
            "WHERE c.archived = 0 AND (SELECT count(*) FROM contact d "
            "WHERE d.name = c.name COLLATE NOCASE) = 1 "
            "GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1").fetchone()
    finally:
        conn.close()
    return str(row[0])


def cli_rows(db: Path, repeat: int) -> list[Row]:
    base = [SCRIPT, "--db", str(db)]
    commands = {
        "peewee": [PYTHON, "-c", PEEWEE_ALONE],
        "netrhythm log": [*base, "log", "reach-out", "--with", log_contact(db),
                          "--note", "coffee chat"],
        "netrhythm status": [*base, "status"],
        "netrhythm nudge --dry-run": [*base, "nudge", "--dry-run"],
    }
    for argv in commands.values():
        run_once(argv, ENV)
    samples = interleaved(commands, repeat, ENV)
    baseline = _ms(samples.pop("peewee"))
    return [Row(name, _ms(s), "ms", 1.5, "≤ 1.5× import peewee", baseline, "import peewee")
            for name, s in samples.items()]


def pg_rows(db: Path, size: Size, work: Path, repeat: int) -> list[Row]:
    """``log`` and ``status`` on the same data set on a local server (Unix socket), against
    ``import peewee, psycopg``; rows without values, and a line saying why, when no server
    can be started here (:mod:`benchmarks.postgres`)."""
    from benchmarks import postgres
    from tests.postgres.server import Unavailable

    why = postgres.unavailable()
    if why is None:
        env = {**ENV, "XDG_DATA_HOME": str(work / "xdg")}  # the daily export goes in ``work``
        try:
            with postgres.heavy_server(size, env) as (url, about):
                print(about, flush=True)
                return _pg_measure(url, log_contact(db), repeat, env)
        except Unavailable as exc:  # the server could not start
            why = str(exc)
    print(f"PostgreSQL rows skipped: {why}", flush=True)
    return [Row(name, None, "ms", 1.5, PG_TARGET, note="PostgreSQL skipped, see above")
            for name in PG_NAMES]


def _pg_measure(url: str, contact: str, repeat: int, env: dict[str, str]) -> list[Row]:
    base = [SCRIPT, "--db", url]
    commands = {
        "peewee": [PYTHON, "-c", PEEWEE_PSYCOPG],
        PG_NAMES[0]: [*base, "log", "reach-out", "--with", contact, "--note", "coffee chat"],
        PG_NAMES[1]: [*base, "status"],
    }
    for argv in commands.values():
        run_once(argv, env)
    samples = interleaved(commands, repeat, env)
    baseline = _ms(samples.pop("peewee"))
    return [Row(name, _ms(s), "ms", 1.5, PG_TARGET, baseline, PEEWEE_PSYCOPG)
            for name, s in samples.items()]


def inproc_rows(db: Path, repeat: int) -> list[Row]:
    _, out = run_once([PYTHON, "-m", "benchmarks.inproc", str(db), str(repeat)], ENV)
    return [Row(name, 1000 * median(times), "ms", 30, "< 30 ms")
            for name, times in json.loads(out).items()]


def tui_rows(db: Path, repeat: int) -> list[Row]:
    """The first frame against an empty Textual app in a process that also imports Peewee
    (the floor of this stack); peak memory against the bare empty Textual app."""
    names = ("TUI ready: Week screen, first frame", "contacts filter: one letter, key to table",
             "TUI peak memory")
    if find_spec("netrhythm.ui.app") is None:
        note = "netrhythm/ui/app.py does not exist yet"
        return [Row(names[0], None, "ms", 1.3, READY_TARGET, note=note),
                Row(names[1], None, "ms", 50, "< 50 ms", note=note),
                Row(names[2], None, "MiB", 1.5, "≤ 1.5× empty app", note=note)]
    driver = [PYTHON, "-m", "benchmarks.tui_driver"]
    commands = {"empty": [*driver, "empty"], "floor": [*driver, "floor"],
                "ready": [*driver, "ready", str(db)]}
    for argv in commands.values():
        run_once(argv, ENV)
    samples = interleaved(commands, repeat, ENV)
    keystrokes: list[float] = []
    peaks: list[Sample] = []  # a session that also opens Contacts and filters: the peak
    for _ in range(max(1, (repeat + 1) // 2)):  # each session: type, erase, three times
        sample, out = run_once([*driver, "filter", str(db), FILTER_TEXT, "3"], ENV)
        keystrokes += json.loads(out)["keystrokes"]
        peaks.append(sample)
    return [
        Row(names[0], _ms(samples["ready"]), "ms", 1.3, READY_TARGET, _ms(samples["floor"]),
            "empty Textual app + Peewee"),
        Row(names[1], 1000 * median(keystrokes), "ms", 50, "< 50 ms"),
        Row(names[2], max(_mib(peaks), _mib(samples["ready"])), "MiB", 1.5,
            "≤ 1.5× empty app", _mib(samples["empty"]), "empty Textual app"),
    ]


def calendar_row(db: Path, work: Path, size: Size, repeat: int) -> Row:
    """Importing a calendar of ``size.ics_events`` events (5,754 occurrences for 5,000) into
    a copy of the data set, in a process of its own, start-up excluded."""
    from benchmarks.ics import write_calendar

    name = f"import {size.ics_events:,} calendar events"
    path = write_calendar(work / "calendar.ics", size.ics_events)
    seconds = []
    for number in range(min(3, repeat)):
        target = work / f"calendar-{number}.db"
        shutil.copyfile(db, target)
        _, out = run_once([PYTHON, "-m", "benchmarks.ics", "--import", str(target), str(path)],
                          ENV)
        seconds.append(json.loads(out)["seconds"])
    return Row(name, median(seconds), "s", 5, "< 5 s")


def import_row(db: Path, work: Path, size: Size, repeat: int) -> Row:
    from benchmarks.vcard import write_vcards

    name = f"import {size.vcards:,} vCards"
    if find_spec("netrhythm.services.transfer.exchange") is None:
        return Row(name, None, "s", 5, "aim < 5 s",
                   note="netrhythm/services/transfer.py does not exist yet")
    cards = write_vcards(work / "contacts.vcf", size.vcards)
    seconds = []
    for number in range(min(3, repeat)):
        target = work / f"import-{number}.db"
        shutil.copyfile(db, target)
        _, out = run_once([PYTHON, "-m", "benchmarks.vcard", str(target), str(cards)], ENV)
        seconds.append(json.loads(out)["seconds"])
    return Row(name, median(seconds), "s", 5, "aim < 5 s")
