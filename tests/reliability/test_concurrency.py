"""Several processes writing at once: every write lands and nobody sees "database is locked"."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import NOW, run_cli

WRITER = Path(__file__).with_name("writer.py")
PER_PROCESS = 200


@pytest.mark.slow
def test_three_loggers_and_a_nudge_loop_all_land(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    assert run_cli(db, "contacts", "add", "Maria Chen").code == 0
    env = {**os.environ, "NETRHYTHM_NOW": NOW, "DBUS_SESSION_BUS_ADDRESS": "",
           "PYTHONPATH": str(Path.cwd())}
    procs = [subprocess.Popen([sys.executable, str(WRITER), str(db), str(PER_PROCESS), f"w{n}"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
             for n in range(3)]
    procs.append(subprocess.Popen([sys.executable, str(WRITER), str(db), "nudge", "20"],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  env=env))
    outputs = [p.communicate(timeout=600)[0] for p in procs]
    for proc, output in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, output
        assert "FAIL" not in output, output
        assert "locked" not in output.lower(), output
    for output in outputs[:3]:
        assert output.strip().splitlines()[-1] == f"done {PER_PROCESS} 0"
    conn = sqlite3.connect(db)
    try:
        notes = {row[0] for row in conn.execute("SELECT note FROM action")}
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert notes == {f"w{n}-{i}" for n in range(3) for i in range(PER_PROCESS)}
