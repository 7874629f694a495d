"""The scheduler of the simulated week: `netrhythm nudge --quiet` run hour after hour, in one
long-lived process so that a week of hourly runs fits in a test (a process start costs more than
a run). Each run goes through the command line's own ``main`` with ``NETRHYTHM_NOW`` set, as a
systemd timer or cron would start it.

Usage: python week_runner.py DB  then, on stdin, one line per run: ``NOW`` or ``NOW nobus`` (a
run with no session bus, as from cron without its address). For each, one line of JSON on
stdout: {"now": NOW, "code": exit code, "out": what it printed}. Ends at end of input.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys

from netrhythm.cli.main import main


def run(db: str) -> None:
    bus = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    for line in sys.stdin:
        now, *flags = line.split()
        os.environ["NETRHYTHM_NOW"] = now
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = "" if "nobus" in flags else bus
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = main(["--db", db, "nudge", "--quiet"])
        print(json.dumps({"now": now, "code": code, "out": out.getvalue()}), flush=True)


if __name__ == "__main__":
    run(sys.argv[1])
