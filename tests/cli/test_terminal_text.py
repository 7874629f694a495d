"""Text that reaches the terminal is escaped, whatever wrote it: another program's write to the
database, a file's column, a file name in an error message. Every printing command is run on
a database whose text holds escape sequences, C1 controls and bidi overrides; none reaches
standard output or error raw. JSON output keeps the exact text (as ``\\u`` escapes).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from netrhythm.paths import Location
from tests.backends import copy_of_built
from tests.helpers import execute, run_cli

HOSTILE = "Mal\x1b]0;pwned\x07 \x9b31m \u202eexe.pdf\x1b[2J"
SHOWN = "Mal\\x1b]0;pwned\\x07 \\x9b31m \\u202eexe.pdf\\x1b[2J"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


def hostile(db: Location) -> None:
    """Another program writes HOSTILE into every kind of text."""
    for args in (["contacts", "add", "Placeholder", "--every", "7", "--met-on", "2026-01-05",
                  "--tag", "gardening", "--company", "Acme"],
                 ["events", "add", "Meetup", "--date", "2026-12-10", "--location", "Hall"],
                 ["log", "give-value", "--with", "Placeholder", "--note", "n", "--date",
                  "2026-11-17", "--follow-up", "3"],
                 ["review", "--week", "2026-W47", "--reflect", "r"]):
        assert run_cli(str(db), *args).code == 0, args
    for sql in ("UPDATE contact SET name = ?1, company = ?1, email = ?1, notes = ?1, "
                "how_met = ?1", "UPDATE tag SET name = ?1", "UPDATE event SET name = ?1, "
                "location = ?1", "UPDATE action SET note = ?1", "UPDATE follow_up SET note = ?1",
                "UPDATE week_review SET reflection = ?1",
                "UPDATE practice SET name = ?1 WHERE slug = 'give-value'",
                "UPDATE change SET description = ?1"):
        execute(db, sql, (HOSTILE,))


@pytest.fixture
def written(backend: str, request: pytest.FixtureRequest) -> str:
    """A copy of a database where another program wrote HOSTILE into every kind of text
    (built once per backend)."""
    return str(copy_of_built(request, "hostile", hostile)[0])


COMMANDS = [
    ["contacts", "list"], ["contacts", "show", "#1"],
    ["search", "pwned"], ["status"], ["review", "--week", "2026-W47"],
    ["review", "--week", "2026-W47", "--format", "markdown"], ["events", "list"],
    ["practices", "list"], ["nudge", "--dry-run"], ["draft", "#1"],
]
JSON = [["contacts", "list", "--json"], ["contacts", "show", "#1", "--json"],
        ["status", "--json"], ["review", "--week", "2026-W47", "--format", "json"],
        ["search", "pwned", "--json"], ["export"]]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_text_from_the_database_is_printed_escaped(written: str, args: list[str]) -> None:
    result = run_cli(written, *args)
    assert result.code == 0, result.err
    assert not RAW.search(result.out + result.err), repr(result.out)
    assert "\\x1b]0;pwned" in result.out, result.out  # it was printed, escaped


@pytest.mark.parametrize("args", JSON, ids=" ".join)
def test_json_output_keeps_the_exact_text_escaped(written: str, args: list[str]) -> None:
    result = run_cli(written, *args)
    assert result.code == 0, result.err
    assert not RAW.search(result.out), repr(result.out)
    assert HOSTILE in strings(json.loads(result.out))


def strings(data: object) -> set[str]:
    """Every string value in a JSON document."""
    if isinstance(data, str):
        return {data}
    if isinstance(data, dict):
        return set().union(*(strings(v) for v in data.values()))
    if isinstance(data, list):
        return set().union(*(strings(v) for v in data))
    return set()


def test_an_export_to_a_pipe_is_the_exact_data(written: str) -> None:
    """Data for other programs goes out as it is stored (a person reading a terminal gets
    the escaped form, as every printed line)."""
    import subprocess

    from tests.helpers import NOW, SCRIPT

    proc = subprocess.run([str(SCRIPT), "--db", str(written), "contacts", "export", "--format",
                           "csv"], capture_output=True, timeout=60,
                          env={"NETRHYTHM_NOW": NOW, "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    assert HOSTILE.encode() in proc.stdout


def test_undo_names_the_change_escaped(written: str) -> None:
    result = run_cli(written, "undo")
    assert result.code == 0, result.err
    assert not RAW.search(result.out + result.err) and SHOWN in result.out, result.out


@pytest.mark.parametrize("args", [
    ["contacts", "show", f"Zed {HOSTILE}"],
    ["contacts", "import", f"/nonexistent/{HOSTILE}.csv"],
    ["import", f"/nonexistent/{HOSTILE}.json"],
    ["log", f"Zed {HOSTILE}"],
    ["status", HOSTILE],  # argparse's own "unrecognized arguments"
], ids=["show", "contacts-import", "import", "log", "argparse"])
def test_error_messages_show_names_and_paths_escaped(written: str,
                                                     args: list[str]) -> None:
    result = run_cli(written, *args)
    assert result.code == 2, result
    assert not RAW.search(result.out + result.err), repr(result.err)
    assert "pwned" in result.err


def test_an_import_summary_shows_the_files_text_escaped(written: str, tmp_path: Path) -> None:
    """A dry run names what it would skip and the columns it ignores: from the file."""
    path = tmp_path / f"{HOSTILE}.csv"
    path.write_text(f"name,email,{HOSTILE}\n,{HOSTILE}@x.org,1\n", "utf-8")
    result = run_cli(written, "contacts", "import", str(path), "--dry-run")
    assert result.code == 0, result.err
    assert not RAW.search(result.out + result.err), repr(result.out)
    assert result.out.count("pwned") >= 3, result.out  # file name, column, skipped email
