"""Several processes writing at once: every write lands and nobody sees "database is locked".

Loggers (three × 200 on a SQLite file; on a PostgreSQL server four × 100, as two machines'
worth) log reach-outs through `netrhythm log`, `netrhythm nudge` runs in a loop, and the app is
open (headless) on the same database: it logs through its own Log form meanwhile and shows the
others' writes as they land, without a restart. At the end the week's counts (``status --json``
and the ``week_count`` table the triggers keep) are exact.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import NOW, query, run_cli

HERE = Path(__file__).parent
WRITERS = {"sqlite": (3, 200), "postgres": (4, 100)}  # processes, logs each
APP_LOGS = 5


def start(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "NETRHYTHM_NOW": NOW, "DBUS_SESSION_BUS_ADDRESS": "",
           "PYTHONPATH": str(HERE.parents[1])}
    env.pop("NETRHYTHM_DEBUG", None)
    return subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env)


def tails(names: list[str], outputs: list[str]) -> str:
    """The end of every process's output, to read when something failed."""
    return "\n".join(f"--- {name} (last lines) ---\n" + "\n".join(out.splitlines()[-15:])
                     for name, out in zip(names, outputs, strict=True))


@pytest.mark.slow
@pytest.mark.both_backends
def test_loggers_a_nudge_loop_and_the_open_app_all_land(
    where: str, backend: str, tmp_path: Path
) -> None:
    processes, per_process = WRITERS[backend]
    total = processes * per_process
    stop = tmp_path / "stop"
    assert run_cli(where, "contacts", "add", "Maria Chen").code == 0
    started = time.monotonic()
    app = start(str(HERE / "app_watcher.py"), where, str(stop), str(APP_LOGS))
    assert app.stdout is not None
    first = app.stdout.readline()  # the app is open before anyone writes
    assert first == "ready\n", first + app.communicate(timeout=60)[0]
    writers = [start(str(HERE / "writer.py"), where, str(per_process), f"w{n}")
               for n in range(processes)]
    nudger = start(str(HERE / "writer.py"), where, "nudge", str(stop))
    outputs = [p.communicate(timeout=600)[0] for p in writers]
    ready = tmp_path / "stop.tmp"
    ready.write_text(str(total))
    ready.replace(stop)  # the nudge loop ends; the app waits to show every action
    outputs += [nudger.communicate(timeout=120)[0], app.communicate(timeout=300)[0]]
    print(f"{backend}: {processes} × {per_process} logs, the nudge loop and the app took "
          f"{time.monotonic() - started:.1f} s")  # pytest -s

    names = [*(f"writer w{n}" for n in range(processes)), "nudge loop", "app"]
    everything = tails(names, outputs)
    for proc, output in zip([*writers, nudger, app], outputs, strict=True):
        assert proc.returncode == 0, everything
        assert "FAIL" not in output and "Traceback" not in output, everything
        assert "locked" not in output.lower(), everything
    for output in outputs[:processes]:
        assert output.strip().splitlines()[-1] == f"done {per_process} 0", everything
    nudges, failed = outputs[processes].strip().splitlines()[-1].split()[1:]
    assert int(nudges) >= 1 and failed == "0", everything
    watched = json.loads(outputs[-1].strip().splitlines()[-1])
    assert watched["problems"] == [], everything
    assert watched["logged"] == APP_LOGS
    assert watched["shown"]["reach-out"] == total, everything
    assert watched["shown"]["give-value"] == APP_LOGS
    # it noticed the other processes' writes while they happened, not only at the end
    assert len(watched["seen"]) >= 3 and watched["seen"][-1] == total, watched["seen"]

    notes = [note for (note,) in query(where, "SELECT note FROM action")]
    assert sorted(notes) == sorted([f"w{n}-{i}" for n in range(processes)
                                    for i in range(per_process)]
                                   + [f"app-{i}" for i in range(APP_LOGS)])
    # the counts the triggers keep are exact: every increment landed, none twice
    counted = query(where, "SELECT p.slug, w.n FROM week_count w JOIN practice p "
                           "ON p.id = w.practice_id WHERE w.n <> 0 ORDER BY p.slug")
    assert counted == [("give-value", APP_LOGS), ("reach-out", total)]
    status = run_cli(where, "status", "--json")
    assert status.code == 0, status.err
    shown = {p["slug"]: p["count"] for p in json.loads(status.out)["practices"]}
    assert (shown["reach-out"], shown["give-value"]) == (total, APP_LOGS)
    if backend == "sqlite":
        assert query(where, "PRAGMA integrity_check") == [("ok",)]
