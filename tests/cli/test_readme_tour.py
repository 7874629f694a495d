"""README's tour of the command line, run top to bottom on a new database, as a newcomer would
paste it: every line succeeds."""

from __future__ import annotations

import shlex
from pathlib import Path

from tests.helpers import run_cli

README = Path(__file__).parents[2] / "README.md"


def tour() -> list[list[str]]:
    """The command lines of README's "A short tour of the command line" block."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## A short tour of the command line", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    lines = [shlex.split(line, comments=True) for line in block.splitlines()]
    return [words[1:] for words in lines if words and words[0] == "netrhythm"]


def test_readme_tour_runs_top_to_bottom_on_a_new_database(where: str) -> None:
    commands = tour()
    assert len(commands) >= 10
    for args in commands:
        result = run_cli(where, *args)
        assert result.code == 0, (args, result.err)
        assert "Traceback" not in result.err
