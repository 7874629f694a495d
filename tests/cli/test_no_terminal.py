"""Without a terminal (a pipe, a file, cron) the full-screen app does not start: it would write
its screen into the pipe and wait for keys forever. ``netrhythm`` says so in one line and exits
2 without touching the database; ``netrhythm demo`` makes the data and says how to open it."""

from __future__ import annotations

import shlex
from pathlib import Path

from tests.helpers import query, run_cli


def test_the_app_without_a_terminal_says_so_and_opens_nothing(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    result = run_cli(db, timeout=20)  # standard input and output are not terminals here
    assert result.code == 2 and result.out == ""
    assert result.err == (
        "netrhythm: the app needs a terminal, and standard input is not one; in scripts use "
        "the commands (netrhythm status, netrhythm log …; netrhythm --help lists them)\n")
    assert not db.exists()


def test_demo_without_a_terminal_makes_the_data_and_says_how_to_open_it(
        unopened: str, tmp_path: Path) -> None:
    result = run_cli(tmp_path / "mine.db", "demo", "--db", unopened, timeout=60)
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == f"Open it with: netrhythm --db {shlex.quote(unopened)}"
    assert query(unopened, "SELECT count(*) FROM contact")[0][0] > 100
    assert not (tmp_path / "mine.db").exists()
