"""The command-line fast path never imports Textual (it would cost ~300 ms per command)."""

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
except SystemExit:
    pass
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich", "plyer"))
print("HEAVY:" + ",".join(heavy))
"""


@pytest.mark.parametrize("args", [
    ["status"], ["log", "reach-out"], ["review"], ["contacts", "list"],
    ["contacts", "show", "Maria"], ["search", "maria"], ["undo"],
])
def test_fast_commands_do_not_import_textual(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "f.db"
    assert run_cli(db, "contacts", "add", "Maria Chen").code == 0
    proc = subprocess.run(
        [sys.executable, "-c", CHECK.format(db=str(db), args=args)],
        capture_output=True, text=True, env={**os.environ, "NETRHYTHM_NOW": NOW}, timeout=60,
    )
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


LEAN = """
import sys, runpy
sys.argv = ["netrhythm", "--db", {db!r}] + {args!r}
try:
    runpy.run_module("netrhythm", run_name="__main__")
except SystemExit:
    pass
print("LOADED:" + ",".join(sorted(m for m in {watch!r} if m in sys.modules)))
"""
WATCH = ["netrhythm.services.contacts.manage", "netrhythm.services.lookup", "difflib", "shutil",
         "dataclasses", "typing", "argparse", "glob", "netrhythm.cli.parser",
         "netrhythm.domain.validate", "netrhythm.storage.journal", "netrhythm.storage.triggers"]
WRITES = {"netrhythm.domain.validate", "netrhythm.storage.journal"}


@pytest.mark.parametrize(("args", "allowed"), [
    (["status"], set()),
    (["status", "--json"], set()),
    (["nudge", "--dry-run"], {"dataclasses"}),  # the nudge settings are dataclasses
    (["log", "reach-out", "--with", "Maria"], {"netrhythm.services.lookup", *WRITES}),
])
def test_fast_commands_load_only_what_they_use(tmp_path: Path, args: list[str],
                                               allowed: set[str]) -> None:
    """No contact forms, no fuzzy matching (difflib: only to explain a name not found), no
    shutil (argparse sizes its help with it), no dataclasses but the nudge settings; no typing
    (records are built by domain.tuples), no argparse for a plain everyday line (cli.quick_args
    reads it), no glob and triggers (migrations only), no journal or input checks when
    nothing is written."""
    db = tmp_path / "f.db"
    assert run_cli(db, "contacts", "add", "Maria Chen").code == 0
    proc = subprocess.run(
        [sys.executable, "-c", LEAN.format(db=str(db), args=args, watch=WATCH)],
        capture_output=True, text=True, env={**os.environ, "NETRHYTHM_NOW": NOW}, timeout=60,
    )
    line = [x for x in proc.stdout.splitlines() if x.startswith("LOADED:")][-1]
    loaded = set(filter(None, line.removeprefix("LOADED:").split(",")))
    assert loaded <= allowed, loaded - allowed


def test_main_in_process_leaves_the_garbage_collector_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run as a program, a quick command freezes its objects just before the process ends (the
    interpreter's last collection then skips them); called with arguments, it does not."""
    import contextlib
    import gc
    import io

    from netrhythm.cli.main import main

    db = tmp_path / "f.db"
    assert run_cli(db, "contacts", "add", "Maria Chen").code == 0
    monkeypatch.setenv("NETRHYTHM_NOW", NOW)
    frozen, enabled = gc.get_freeze_count(), gc.isenabled()
    with contextlib.redirect_stdout(io.StringIO()) as out:
        assert main(["--db", str(db), "status"]) == 0
    assert "Week" in out.getvalue()
    assert (gc.get_freeze_count(), gc.isenabled()) == (frozen, enabled)
