"""The benchmark command: ``python -m benchmarks.run [--tiny] [--repeat N] [--data-dir DIR]``.

Builds the data set once (cached in ``benchmarks/.data/`` under a version key), runs every
measure ``--repeat`` times on a copy of it, prints the results table and a last line saying
how many targets hold. ``log`` and ``status`` are measured on PostgreSQL too, on the same data
generated into a throwaway local server for the run (skipped, saying why, when none can be
started: :mod:`benchmarks.postgres`). Exits 0 when every measure ran (missed targets
included) and 1 when a measure failed to run.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from benchmarks import measures
from benchmarks.generate import HEAVY, TINY, Size, dataset
from benchmarks.report import Row, machine, summary, table

DATA_DIR = Path(__file__).resolve().parent / ".data"


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--tiny", action="store_true", help="a tiny data set (for tests)")
    parser.add_argument("--repeat", type=int, default=7, metavar="N",
                        help="runs of each measure; the median is reported (default 7)")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, metavar="DIR",
                        help="where data sets are cached (default benchmarks/.data)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def describe(db: Path, size: Size) -> str:
    conn = sqlite3.connect(db)
    try:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("contact", "action", "event", "follow_up")}
    finally:
        conn.close()
    years = f"{size.years} year" + ("s" if size.years != 1 else "")
    return (f"Data set {size.name!r}: {years}, {counts['contact']:,} contacts, "
            f"{counts['action']:,} actions, {counts['event']:,} events, "
            f"{counts['follow_up']:,} follow-ups ({db.name})")


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    size = TINY if args.tiny else HEAVY
    started = time.perf_counter()
    source = dataset(size, args.data_dir)
    print(f"Machine: {machine()}", flush=True)
    print(describe(source, size), flush=True)
    measures.use_bytecode_cache(args.data_dir / "pycache")
    rows: list[Row] = []
    failed = False
    with tempfile.TemporaryDirectory(dir=args.data_dir, prefix="run-") as tmp:
        work = Path(tmp)
        db = work / f"{size.name}.db"
        shutil.copyfile(source, db)
        steps: list[tuple[str, Callable[[], list[Row]]]] = [
            ("command line", lambda: measures.cli_rows(db, args.repeat)),
            ("command line on PostgreSQL",
             lambda: measures.pg_rows(source, size, work, args.repeat)),
            ("in process", lambda: measures.inproc_rows(db, args.repeat)),
            ("app", lambda: measures.tui_rows(db, args.repeat)),
            ("import", lambda: [measures.import_row(source, work, size, args.repeat)]),
            ("calendar import",
             lambda: [measures.calendar_row(source, work, size, args.repeat)]),
        ]
        for name, step in steps:
            print(f"Measuring: {name} …", flush=True)
            try:
                rows += step()
            except Exception:  # report it, carry on with the other measures
                failed = True
                print(f"ERROR while measuring {name}:", file=sys.stderr)
                traceback.print_exc()
    print()
    print(table(rows))
    print()
    took = time.perf_counter() - started
    print(f"{summary(rows)} ({args.repeat} runs of each measure, {took:.0f} s in all).")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
