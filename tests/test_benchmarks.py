"""The benchmark command keeps working: a tiny run prints the whole results table.

Timings are not asserted (this machine is shared); only that every measure ran and the
table, with its header and a verdict line, came out. The PostgreSQL rows are measured when a
server can be started here (with ``NETRHYTHM_REQUIRE_POSTGRES`` set they must be), and are
reported as skipped, with the reason, when not.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.postgres.server import REQUIRE

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_ROWS = ("netrhythm log (PostgreSQL)", "netrhythm status (PostgreSQL)")
MEASURES = (
    "netrhythm log", "netrhythm status", "netrhythm nudge --dry-run", *POSTGRES_ROWS,
    "review: last weeks", "review: weeks 5 years ago", "review: oldest weeks",
    "streaks and scores, all practices", "draft for one contact",
    "TUI ready: Week screen, first frame",
    "contacts filter: one letter, key to table", "TUI peak memory", "import 100 vCards",
    "import 50 calendar events",
)


@pytest.mark.slow
def test_benchmark_command_prints_the_results_table(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--tiny", "--repeat", "1",
         "--data-dir", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=240, stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("| measure "))
    assert [c.strip() for c in lines[header].strip("|").split("|")] == [
        "measure", "median", "baseline", "ratio", "target", "holds"]
    rows = {line.split("|")[1].strip(): line for line in lines[header + 2:]
            if line.startswith("|")}
    assert set(rows) == set(MEASURES)
    for name, line in rows.items():
        verdict = line.strip("|").split("|")[-1].strip()
        assert verdict in ("yes", "NO") or verdict.startswith("n/a"), (name, line)
    assert "targets hold" in lines[-1]
    assert list(tmp_path.glob("tiny-*.db")), "the data set is cached in --data-dir"
    skipped = "PostgreSQL rows skipped" in proc.stdout
    if os.environ.get(REQUIRE):
        assert not skipped, proc.stdout
    if not skipped:  # the server holds the rows of the file
        assert "the same data set (60 contacts, 400 actions)" in proc.stdout, proc.stdout
    for name in POSTGRES_ROWS:
        verdict = rows[name].strip("|").split("|")[-1].strip()
        assert verdict.startswith("n/a") if skipped else verdict in ("yes", "NO"), rows[name]
    assert [line for line in lines if line.startswith("|")].index(rows[POSTGRES_ROWS[0]]) == 5, \
        "the PostgreSQL rows come right after the SQLite command-line rows"


def test_without_postgresql_its_rows_say_they_were_skipped_and_why(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from benchmarks import measures
    from benchmarks.generate import TINY
    from tests.postgres import server

    monkeypatch.setattr(server, "BIN", tmp_path / "no-postgres")
    rows = measures.pg_rows(tmp_path / "unused.db", TINY, tmp_path, 1)
    assert [(r.measure, r.value, r.holds) for r in rows] == [
        (name, None, None) for name in POSTGRES_ROWS]
    out = capsys.readouterr().out
    assert f"PostgreSQL rows skipped: no PostgreSQL at {tmp_path / 'no-postgres'}" in out
