"""The one argument parser: every command runs a handler that exists, and explains itself."""

from __future__ import annotations

import argparse
import inspect
from collections.abc import Iterator

import pytest

from netrhythm.cli.commands import handler
from netrhythm.cli.parser import build_parser

Command = tuple[tuple[str, ...], argparse.ArgumentParser]


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[Command]:
    """Every command and action parser, with the words that reach it (``contacts add``)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*path, name), sub
                yield from commands(sub, (*path, name))


def leaves() -> list[Command]:
    """The parsers that run something (``contacts`` itself only leads to its actions)."""
    return [(path, p) for path, p in commands(build_parser())
            if not any(isinstance(a, argparse._SubParsersAction) for a in p._actions)]


def test_every_command_is_reachable() -> None:
    names = {" ".join(path) for path, _ in leaves()}
    assert {"log", "status", "nudge", "contacts add", "contacts import", "practices move",
            "events list", "export", "import", "demo", "undo"} <= names


@pytest.mark.parametrize("path", [path for path, _ in leaves()], ids=" ".join)
def test_each_command_names_a_handler_that_takes_its_arguments(path: tuple[str, ...]) -> None:
    parser = dict(leaves())[path]
    name = parser.get_default("handler")
    assert name and name.startswith("netrhythm.cli."), path
    run = handler(name)
    expected = ["ctx", "args"] if parser.get_default("opens_database") else ["args", "location"]
    assert list(inspect.signature(run).parameters) == expected, name


def test_no_command_opens_the_app() -> None:
    args = build_parser().parse_args([])
    assert (args.command, args.handler, args.opens_database) == (
        None, "netrhythm.cli.app:run_app", False)
    assert handler(args.handler).__name__ == "run_app"


def test_every_command_has_a_description_and_every_argument_help() -> None:
    parser = build_parser()
    for path, p in [((), parser), *commands(parser)]:
        assert path == () or p.description, f"{' '.join(path)}: no description"
        for action in p._actions:
            if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
                continue
            assert action.help, f"{' '.join(path)} {action.option_strings or action.dest}"


def test_a_command_line_gives_its_values_and_defaults() -> None:
    parser = build_parser()
    args = parser.parse_args(["--db", "x.db", "log", "reach-out", "--with", "Ana",
                              "--with", "#12", "--note", "coffee"])
    assert (args.db, args.practice, args.contacts, args.note, args.date, args.event,
            args.follow_up) == ("x.db", "reach-out", ["Ana", "#12"], "coffee", "today", "", None)
    assert args.handler == "netrhythm.cli.tracking_cmd:run_log"
    assert parser.parse_args(["log", "give-value"]).contacts == []  # a new list each time
    restore = parser.parse_args(["contacts", "restore", "Ana"])
    assert (restore.action, restore.handler) == (
        "restore", "netrhythm.cli.contacts_cmd:run_archive")
    assert parser.parse_args(["demo", "--db", "d.db"]).demo_db == "d.db"


def test_a_command_help_page_shows_its_description(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["log", "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert "usage: netrhythm log" in out
    assert "Log something you did for a practice" in out
    assert "a note about what you did" in out


def parsed(argv: list[str], full: bool) -> dict[str, object] | str:
    """The namespace as a dict, or the usage error's text."""
    import contextlib
    import io

    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            return vars(build_parser(None if full else argv).parse_args(argv))
    except SystemExit:
        return err.getvalue().splitlines()[-1]


@pytest.mark.parametrize("argv", [
    ["status"], ["--db", "x.db", "status", "--json"], ["--db=x.db", "log", "reach-out"],
    ["--d", "log", "status"], ["--db", "status", "log", "reach-out", "--with", "Ana"],
    ["contacts", "add", "Ana", "--tag", "a", "--tag", "b"], ["nudge", "--dry"],
    ["log", "--with", "Ana", "reach-out"], ["--version"], [], ["Status"], ["status", "extra"],
    ["contacts"], ["log"], ["demo", "--db", "d.db", "--no-app"],
], ids=" ".join)
def test_a_command_line_reads_the_same_with_only_its_command_built(argv: list[str]) -> None:
    assert parsed(argv, full=False) == parsed(argv, full=True)
