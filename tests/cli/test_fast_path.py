"""The command line never loads the app's libraries: no Textual, Rich or plyer (Textual alone
would cost a command about 300 ms). How long a command takes is the benchmark's business."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import NOW, run_cli

CHECK = """
import sys, runpy
sys.argv = ["netrhythm", "--db", {db!r}] + {args!r}
try:
    runpy.run_module("netrhythm", run_name="__main__")
except SystemExit as stop:
    print(f"EXIT:{{stop.code}}")
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich", "plyer"))
print("HEAVY:" + ",".join(heavy))
"""


@pytest.mark.parametrize("args", [
    ["status"], ["status", "--json"], ["log", "reach-out", "--with", "Maria"],
    ["nudge", "--dry-run"], ["review"], ["contacts", "list"], ["contacts", "show", "Maria"],
    ["search", "maria"], ["undo"],
])
def test_commands_do_not_import_textual_rich_or_plyer(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "f.db"
    assert run_cli(db, "contacts", "add", "Maria Chen").code == 0
    proc = subprocess.run(
        [sys.executable, "-c", CHECK.format(db=str(db), args=args)],
        capture_output=True, text=True, env={**os.environ, "NETRHYTHM_NOW": NOW}, timeout=60,
    )
    assert "EXIT:0" in proc.stdout.splitlines(), proc.stdout + proc.stderr
    line = [x for x in proc.stdout.splitlines() if x.startswith("HEAVY:")][-1]
    assert line == "HEAVY:", line


def test_console_script_itself_stays_light(tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    script = Path(sys.executable).with_name("netrhythm")
    proc = subprocess.run([str(script), "--db", str(db), "status"], capture_output=True,
                          text=True, env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1",
                                          "NETRHYTHM_NOW": NOW}, timeout=60)
    assert proc.returncode == 0
    imported = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.splitlines()
                if line.startswith("import time:")}
    assert "peewee" in imported  # the profile really was taken
    assert not imported & {"textual", "rich", "plyer"}


def test_commands_run_with_the_garbage_collector_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Start-up runs without the collector; the command itself (a long import, a watch)
    collects as usual, and the collector is on again afterwards."""
    import gc

    from netrhythm.cli import tracking_cmd
    from netrhythm.cli.main import main

    db = tmp_path / "f.db"
    assert run_cli(db, "contacts", "add", "Maria Chen").code == 0
    monkeypatch.setenv("NETRHYTHM_NOW", NOW)
    seen: list[bool] = []
    monkeypatch.setattr(tracking_cmd, "print_status", lambda ctx: seen.append(gc.isenabled()))
    assert main(["--db", str(db), "status"]) == 0
    assert seen == [True]
    assert gc.isenabled()
    with pytest.raises(SystemExit):
        main(["--db", str(db), "status", "--no-such-flag"])
    assert gc.isenabled()


@pytest.mark.parametrize("args", [["status"], ["log", "reach-out"], ["nudge", "--dry-run"]])
def test_a_sqlite_file_never_loads_the_postgresql_driver(tmp_path: Path,
                                                         args: list[str]) -> None:
    """Peewee imports psycopg as it is imported, whenever psycopg is installed (the postgres
    extra): a command on a file must not pay for it. A stand-in psycopg that leaves a mark when
    imported shows whether it was."""
    fake = tmp_path / "site" / "psycopg"
    fake.mkdir(parents=True)
    mark = tmp_path / "psycopg-was-imported"
    (fake / "__init__.py").write_text(f"open({str(mark)!r}, 'w').close()\n"
                                      "raise ImportError('a stand-in')\n")
    env = {**os.environ, "NETRHYTHM_NOW": NOW,
           "PYTHONPATH": os.pathsep.join([str(fake.parent), os.environ.get("PYTHONPATH", "")])}
    control = subprocess.run([sys.executable, "-c", "import peewee"], env=env, timeout=60)
    assert control.returncode == 0 and mark.exists()  # Peewee alone does import it
    mark.unlink()
    script = Path(sys.executable).with_name("netrhythm")
    done = subprocess.run([str(script), "--db", str(tmp_path / "f.db"), *args],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert not mark.exists()
