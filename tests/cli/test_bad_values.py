"""Bad values outside the arguments (the environment, standard output): one line, and exit 2
for input, 1 for a runtime failure, never Python's own messages or exit code 120.

(Bad arguments and files are in tests/data/hostile.toml; a full disk is in
tests/reliability/test_disk_full.py.)
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers import NOW, SCRIPT, run_cli

# (case, environment, arguments, exit code, the one line on standard error)
CASES = [
    ("NETRHYTHM_NOW garbage", {"NETRHYTHM_NOW": "garbage"}, ["status"], 2,
     "netrhythm: error: NETRHYTHM_NOW: 'garbage' is not a date and time like 2026-11-23T10:00; "
     "set it so, or unset it"),
    ("NETRHYTHM_NOW in year 9999", {"NETRHYTHM_NOW": "9999-12-31T23:00"}, ["status"], 2,
     "netrhythm: error: NETRHYTHM_NOW: 9999-12-31 is out of range: netrhythm keeps dates from "
     "1900-01-01 to 2199-12-31"),
    ("NETRHYTHM_NOW in year 1", {"NETRHYTHM_NOW": "0001-01-01T00:00"}, ["log", "reach-out"], 2,
     "netrhythm: error: NETRHYTHM_NOW: 0001-01-01 is out of range: netrhythm keeps dates from "
     "1900-01-01 to 2199-12-31"),
    ("NETRHYTHM_NOW with an escape", {"NETRHYTHM_NOW": "2026\x1b[2J"}, ["status"], 2,
     "netrhythm: error: NETRHYTHM_NOW: '2026\\x1b[2J' is not a date and time like "
     "2026-11-23T10:00; set it so, or unset it"),
]


@pytest.mark.parametrize(("env", "args", "code", "line"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_a_bad_value_in_the_environment_is_one_line(tmp_path: Path, env: dict[str, str],
                                                    args: list[str], code: int,
                                                    line: str) -> None:
    db = tmp_path / "n.db"
    result = run_cli(db, *args, env=env)
    assert (result.code, result.out, result.err) == (code, "", line + "\n")
    assert not db.exists()  # refused before anything was opened or created


def _to_dev_full(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    with open("/dev/full", "w") as full:
        return subprocess.run([str(SCRIPT), "--db", str(db), *args], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=60,
                              env={**os.environ, "NETRHYTHM_NOW": NOW})


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", [["export"], ["contacts", "export"], ["contacts", "list"],
                                  ["status", "--json"], ["review", "--format", "markdown"]])
def test_output_to_a_full_device_is_a_runtime_failure_in_one_line(where: str,
                                                                  args: list[str]) -> None:
    db = where
    assert run_cli(db, "contacts", "add", "Maria Chen").code == 0
    result = _to_dev_full(db, *args)
    assert (result.returncode, result.stderr) == (
        1, "netrhythm: cannot write the output to /dev/full: No space left on device\n")


def test_a_closed_pipe_ends_quietly(where: str, tmp_path: Path) -> None:
    db = where
    people = tmp_path / "people.csv"
    people.write_text("name,notes\n" + "".join(f"Person {n},{'x' * 3000}\n" for n in range(30)))
    imported = run_cli(db, "contacts", "import", str(people))
    assert imported.code == 0, imported.err
    proc = subprocess.Popen([str(SCRIPT), "--db", str(db), "contacts", "list", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "NETRHYTHM_NOW": NOW})
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()  # like `| head -c 10`
    assert proc.wait(timeout=60) == 0
    assert proc.stderr.read() == b""


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_terminal_that_cannot_show_a_name_gets_replacement_characters(
        where: str, encoding: str) -> None:
    db = where
    assert run_cli(db, "contacts", "add", "Zoë 李").code == 0
    proc = subprocess.run([str(SCRIPT), "--db", str(db), "contacts", "list"],
                          capture_output=True, timeout=60,
                          env={**os.environ, "NETRHYTHM_NOW": NOW, "PYTHONIOENCODING": encoding})
    assert (proc.returncode, proc.stderr) == (0, b"")
    shown = "Zo? ?" if encoding == "ascii" else "Zoë ?"
    assert proc.stdout.decode(encoding).startswith(shown), proc.stdout


def test_an_export_to_a_pipe_is_exact_utf8_whatever_the_encoding(where: str) -> None:
    db = where
    assert run_cli(db, "contacts", "add", "Zoë 李").code == 0
    proc = subprocess.run([str(SCRIPT), "--db", str(db), "contacts", "export", "--format", "csv"],
                          capture_output=True, timeout=60,
                          env={**os.environ, "NETRHYTHM_NOW": NOW, "PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 0, proc.stderr
    assert "Zoë 李".encode() in proc.stdout
