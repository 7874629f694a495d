"""`netrhythm tags` and `netrhythm tags set TAG --every DAYS|none` through the console script."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_undo import _data
from tests.helpers import run_cli


@pytest.fixture
def db(where: str) -> str:
    path = where
    for args in (["Maria Chen", "--tag", "mentors", "--tag", "rust"],
                 ["Ana Ruiz", "--tag", "Mentors", "--every", "14"],
                 ["Ben Cohen", "--tag", "rustaceans"],
                 ["Old Friend", "--tag", "mentors"]):
        assert run_cli(path, "contacts", "add", *args).code == 0
    assert run_cli(path, "contacts", "archive", "Old Friend").code == 0
    return path


def test_tags_lists_every_tag_with_its_active_contacts_and_cadence(db: str) -> None:
    listed = run_cli(db, "tags")
    assert (listed.code, listed.out) == (0, (
        "Tag         Contacts  Cadence\n"
        "mentors     2         no cadence\n"
        "rust        1         no cadence\n"
        "rustaceans  1         no cadence\n"))
    assert run_cli(db, "tags", "list").out == listed.out


def test_tags_set_gives_everyone_tagged_a_cadence_and_undo_takes_it_back(db: str) -> None:
    before = _data(db)
    done = run_cli(db, "tags", "set", "MENT", "--every", "30")
    assert (done.code, done.out) == (0, (
        "mentors: every 30 days (was no cadence).\n"
        "1 contact now due on Wed 23 Dec, at most 5 a week. `netrhythm undo` takes it back.\n"))
    # Ana keeps her own cadence (14 days); the archived Old Friend is not counted
    maria = json.loads(run_cli(db, "contacts", "show", "maria", "--json").out)
    assert (maria["cadence_days"], maria["due_on"], maria["state"]) == (None, "2026-12-23", "ok")
    assert "every 30 days (since today)" in run_cli(db, "tags").out
    tags = json.loads(run_cli(db, "tags", "--json").out)
    assert tags[0] == {"tag": "mentors", "contacts": 2, "cadence_days": 30,
                       "cadence_set_on": "2026-11-23"}
    again = run_cli(db, "tags", "set", "mentors", "--every", "30")
    assert again.out == "mentors already has every 30 days; nothing changed.\n"
    undone = run_cli(db, "undo")
    assert undone.out == "Undid: set tag mentors to every 30 days.\n"
    assert _data(db) == before


def test_every_none_takes_a_tags_cadence_away(db: str) -> None:
    assert run_cli(db, "tags", "set", "rust", "--every", "7").code == 0
    done = run_cli(db, "tags", "set", "rust", "--every", "none")
    assert done.out.startswith("rust: no cadence (was every 7 days).\n")
    maria = json.loads(run_cli(db, "contacts", "show", "maria", "--json").out)
    assert (maria["state"], maria["due_on"]) == ("none", None)
    assert run_cli(db, "undo").out == "Undid: set tag rust to no cadence.\n"


@pytest.mark.parametrize(("args", "message"), [
    (["nope", "--every", "3"], "netrhythm: error: TAG: no tag named 'nope'\n"),
    (["rus", "--every", "3"], "netrhythm: error: TAG: 'rus' matches several tags: "
                              "rust, rustaceans\n"),
    (["rust", "--every", "0"], "netrhythm: error: --every: must be between 1 and 3650, not 0, "
                               "or none for no cadence\n"),
    (["rust", "--every", "soon"], "netrhythm: error: --every: 'soon' is not a whole number, "
                                  "or none for no cadence\n"),
])
def test_bad_input_names_the_field_and_changes_nothing(db: str, args: list[str],
                                                       message: str) -> None:
    before = _data(db)
    result = run_cli(db, "tags", "set", *args)
    assert (result.code, result.out, result.err) == (2, "", message)
    assert _data(db) == before


def test_every_is_required_and_help_says_what_it_does(db: str) -> None:
    missing = run_cli(db, "tags", "set", "rust")
    assert missing.code == 2 and "--every" in missing.err
    helped = run_cli(db, "tags", "set", "--help")
    assert helped.code == 0 and "at most 5 of them due in any week" in helped.out
