"""The benchmark command keeps working: a tiny run prints the whole results table.

Timings are not asserted (this machine is shared); only that every measure ran and the
table, with its header and a verdict line, came out.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MEASURES = (
    "netrhythm log", "netrhythm status", "netrhythm nudge --dry-run",
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
