"""`review --reflect` never overwrites a different reflection silently: it refuses (exit 2,
nothing changed) unless told to --replace or --append."""

from __future__ import annotations

import json

import pytest

from tests.helpers import dump, run_cli

WEEK = ("--week", "2026-W47")


@pytest.fixture
def db(where: str) -> str:
    path = where
    assert run_cli(path, "review", *WEEK, "--reflect", "Helped Ana.").code == 0
    return path


def reflection(db: str) -> str:
    out = run_cli(db, "review", *WEEK, "--format", "json").out
    return str(json.loads(out)["reflection"])


def test_a_different_reflection_is_refused_and_nothing_changes(db: str) -> None:
    before = dump(db)
    result = run_cli(db, "review", *WEEK, "--reflect", "Met Bo.")
    assert result.code == 2
    assert result.out == ""
    assert result.err == (
        "netrhythm: error: --reflect: week 2026-W47 already has a different reflection "
        "('Helped Ana.'); nothing was changed. Add --replace to write yours instead, or "
        "--append to add it after the saved one.\n")
    assert dump(db) == before


def test_the_same_reflection_again_is_fine_and_changes_nothing(db: str) -> None:
    before = dump(db)
    assert run_cli(db, "review", *WEEK, "--reflect", "  Helped Ana. ").code == 0
    assert dump(db) == before


def test_replace_and_append(db: str) -> None:
    assert run_cli(db, "review", *WEEK, "--reflect", "Met Bo.", "--append").code == 0
    assert reflection(db) == "Helped Ana.\n\nMet Bo."
    assert run_cli(db, "review", *WEEK, "--reflect", "Only this.", "--replace").code == 0
    assert reflection(db) == "Only this."
    undone = run_cli(db, "undo")
    assert undone.out == "Undid: saved the reflection for 2026-W47.\n"
    assert reflection(db) == "Helped Ana.\n\nMet Bo."


def test_append_on_an_empty_week_just_saves(db: str) -> None:
    assert run_cli(db, "review", "--week", "2026-W46", "--reflect", "First.", "--append").code == 0
    out = run_cli(db, "review", "--week", "2026-W46", "--format", "json").out
    assert '"reflection": "First."' in out


@pytest.mark.parametrize("args", [["--replace"], ["--append"],
                                  ["--reflect", "x", "--replace", "--append"]])
def test_replace_and_append_need_reflect_and_exclude_each_other(db: str,
                                                                args: list[str]) -> None:
    before = dump(db)
    result = run_cli(db, "review", *WEEK, *args)
    assert result.code == 2
    assert "--reflect" in result.err or "not allowed with" in result.err
    assert dump(db) == before
