"""The quick reading of everyday command lines agrees with argparse, or leaves it to argparse."""

from __future__ import annotations

import contextlib
import io
import itertools

import pytest

from netrhythm.cli.parser import build_parser
from netrhythm.cli.quick_args import quick_parse


def argparse_result(argv: list[str]) -> dict[str, object] | None:
    """argparse's namespace as a dict; None when it refuses the line (usage error, help)."""
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return vars(build_parser(argv).parse_args(argv))
    except SystemExit:
        return None


QUICK = [
    ["status"],
    ["--db", "x.db", "status"],
    ["status", "--json"],
    ["status", "--week", "last"],
    ["status", "--week", "2026-W47", "--json"],
    ["status", "--json", "--json"],
    ["nudge"],
    ["nudge", "--dry-run"],
    ["--db", "/tmp/a b.db", "nudge", "--dry-run"],
    ["nudge", "--watch", "15"],
    ["nudge", "--watch", "15", "--dry-run"],
    ["nudge", "--quiet"],
    ["--db", "/tmp/a%h b.db", "nudge", "--quiet", "--watch", "15"],
    ["log", "reach-out"],
    ["--db", "x.db", "log", "reach-out", "--with", "Maria Chen", "--note", "coffee chat"],
    ["log", "--with", "Ana", "reach-out", "--with", "Bo", "--with", "#12"],
    ["log", "give-value", "--date", "yesterday", "--event", "Meetup", "--follow-up", "3"],
    ["log", "reach-out", "--note", "first", "--note", "second"],
    ["log", "reach-out", "--note", ""],
    ["log", "status"],
    ["log", "Reach out", "--with", "nudge"],
    ["log", "reach-out", "--with", "Zoë Müller", "--note", "ünïcode ✓"],
]

ARGPARSE = [
    [],
    ["--version"],
    ["--db"],
    ["--db", "x.db"],
    ["--db", "-x.db", "status"],
    ["--db=x.db", "status"],
    ["--db", "a", "--db", "b", "status"],
    ["status", "--db", "x.db"],
    ["status", "-h"],
    ["status", "--help"],
    ["status", "--js"],
    ["status", "--json=1"],
    ["status", "--week"],
    ["status", "--week", "-1"],
    ["status", "extra"],
    ["status", "--"],
    ["nudge", "--dry"],
    ["nudge", "--print-schedule", "cron"],
    ["nudge", "--qui"],
    ["nudge", "--quiet=1"],
    ["nudge", "--watch", "-5"],
    ["nudge", "--watch=5"],
    ["log"],
    ["log", "-"],
    ["log", "reach-out", "extra"],
    ["log", "reach-out", "--with"],
    ["log", "reach-out", "--with", "-Maria"],
    ["log", "reach-out", "--with=Maria"],
    ["log", "reach-out", "--wit", "Maria"],
    ["log", "reach-out", "--follow-up", "-3"],
    ["log", "--", "reach-out"],
    ["review"],
    ["contacts", "list"],
    ["undo"],
    ["-h"],
    ["Status"],
]


@pytest.mark.parametrize("argv", QUICK, ids=" ".join)
def test_plain_everyday_lines_are_read_quickly_and_as_argparse_reads_them(argv: list[str]) -> None:
    quick = quick_parse(argv)
    assert quick is not None
    assert vars(quick) == argparse_result(argv)


@pytest.mark.parametrize("argv", ARGPARSE, ids=" ".join)
def test_everything_else_is_left_to_argparse(argv: list[str]) -> None:
    assert quick_parse(argv) is None


def test_every_combination_agrees_or_is_left_to_argparse() -> None:
    """Lines made of the words of every quick command: either the same namespace as argparse,
    or None; never an answer where argparse refuses the line."""
    words = ["log", "status", "nudge", "reach-out", "--with", "Ana", "--note", "--json", "--week",
             "last", "--dry-run", "--watch", "5", "--db", "x.db", "-x", "--date", "today"]
    checked = 0
    for length in range(1, 5):
        for argv in itertools.product(words, repeat=length):
            quick = quick_parse(list(argv))
            if quick is not None:
                assert vars(quick) == argparse_result(list(argv)), argv
                checked += 1
    assert checked > 100


def test_log_contacts_are_a_new_list_each_time() -> None:
    first = quick_parse(["log", "reach-out", "--with", "Ana"])
    second = quick_parse(["log", "reach-out"])
    assert first is not None and second is not None
    assert first.contacts == ["Ana"] and second.contacts == []
