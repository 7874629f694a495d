"""Several processes writing at once: every write lands and nobody sees "database is locked".

Three processes log 200 reach-outs each through `netrhythm log`, `netrhythm nudge` runs in a
loop, and the app is open (headless) on the same database: it logs through its own Log form
meanwhile and shows the others' writes as they land, without a restart.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import NOW, run_cli

HERE = Path(__file__).parent
PER_PROCESS = 200
APP_LOGS = 5


def start(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "NETRHYTHM_NOW": NOW, "DBUS_SESSION_BUS_ADDRESS": "",
           "PYTHONPATH": str(HERE.parents[1])}
    return subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env)


@pytest.mark.slow
def test_three_loggers_a_nudge_loop_and_the_open_app_all_land(tmp_path: Path) -> None:
    db, stop = tmp_path / "busy.db", tmp_path / "stop"
    assert run_cli(db, "contacts", "add", "Maria Chen").code == 0
    app = start(str(HERE / "app_watcher.py"), str(db), str(stop), str(APP_LOGS))
    assert app.stdout is not None
    first = app.stdout.readline()  # the app is open before anyone writes
    assert first == "ready\n", first + app.communicate(timeout=60)[0]
    writers = [start(str(HERE / "writer.py"), str(db), str(PER_PROCESS), f"w{n}")
               for n in range(3)]
    nudger = start(str(HERE / "writer.py"), str(db), "nudge", str(stop))
    outputs = [p.communicate(timeout=600)[0] for p in writers]
    ready = tmp_path / "stop.tmp"
    ready.write_text(str(3 * PER_PROCESS))
    ready.replace(stop)  # the nudge loop ends; the app waits to show every action
    outputs += [nudger.communicate(timeout=120)[0], app.communicate(timeout=300)[0]]

    for proc, output in zip([*writers, nudger, app], outputs, strict=True):
        assert proc.returncode == 0, output[-3000:]
        assert "FAIL" not in output and "Traceback" not in output, output[-3000:]
        assert "locked" not in output.lower(), output[-3000:]
    for output in outputs[:3]:
        assert output.strip().splitlines()[-1] == f"done {PER_PROCESS} 0"
    nudges, failed = outputs[3].strip().splitlines()[-1].split()[1:]
    assert int(nudges) >= 1 and failed == "0"
    watched = json.loads(outputs[-1].strip().splitlines()[-1])
    assert watched["problems"] == []
    assert watched["logged"] == APP_LOGS
    assert watched["shown"]["reach-out"] == 3 * PER_PROCESS
    assert watched["shown"]["give-value"] == APP_LOGS
    # it noticed the other processes' writes while they happened, not only at the end
    assert len(watched["seen"]) >= 3 and watched["seen"][-1] == 3 * PER_PROCESS

    conn = sqlite3.connect(db)
    try:
        notes = [row[0] for row in conn.execute("SELECT note FROM action")]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert sorted(notes) == sorted([f"w{n}-{i}" for n in range(3) for i in range(PER_PROCESS)]
                                   + [f"app-{i}" for i in range(APP_LOGS)])
