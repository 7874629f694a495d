"""``log --with NAME --new``: someone just met is added and logged with in one change; an
unknown name without ``--new`` exits 2 with the closest names and a hint naming ``--new``."""

from __future__ import annotations

import pytest

from tests.helpers import run_cli

MARIAS = (("Maria Chen", "Acme"), ("Maria Lopez", "Globex"), ("Maria Silva", ""))


@pytest.fixture
def db(where: str) -> str:
    path = where
    for name, company in (*MARIAS, ("Tomás Okafor", "")):
        assert run_cli(path, "contacts", "add", name, "--company", company).code == 0
    return path


def contact_names(db: str) -> str:
    return run_cli(db, "contacts", "list").out


def test_new_adds_the_person_and_logs_in_one_undoable_change(db: str) -> None:
    result = run_cli(db, "log", "reach-out", "--with", "maria chen", "--with", "Lena Park",
                     "--new", "--follow-up", "5")
    assert result.code == 0, result.err
    assert "Logged: Reach out with Maria Chen, Lena Park (today); " \
           "added Lena Park to contacts." in result.out
    assert "Follow-up due" in result.out
    assert "Lena Park" in contact_names(db)
    undo = run_cli(db, "undo")
    assert undo.code == 0 and "added Lena Park to contacts" in undo.out
    assert "Lena Park" not in contact_names(db)
    assert "0/3" in run_cli(db, "status").out  # the action went with the contact


def test_an_unknown_name_without_new_lists_close_names_and_names_new(db: str) -> None:
    result = run_cli(db, "log", "reach-out", "--with", "mraia")
    assert result.code == 2
    assert result.err.strip() == (
        "netrhythm: error: --with: no contact named 'mraia'; did you mean "
        "Maria Chen (Acme), Maria Lopez (Globex) or Maria Silva? "
        "To add 'mraia' as a new contact, add --new.")
    assert "mraia" not in contact_names(db).casefold()
    assert "0/3" in run_cli(db, "status").out


def test_new_never_adds_a_name_that_matches_contacts(db: str) -> None:
    ambiguous = run_cli(db, "log", "reach-out", "--with", "maria", "--new")
    assert ambiguous.code == 2 and "matches several contacts" in ambiguous.err
    unique = run_cli(db, "log", "reach-out", "--with", "tom", "--new")
    assert unique.code == 0 and "with Tomás Okafor (today)." in unique.out
    assert "added" not in unique.out
    assert contact_names(db).count("\n") == 4


def test_a_practice_typo_suggests_it_once(db: str) -> None:
    result = run_cli(db, "log", "reachout")
    assert result.code == 2
    assert "did you mean reach-out?" in result.err and "or reach-out" not in result.err


def test_an_archived_contacts_name_is_never_added_again(db: str) -> None:
    """The same person twice would split one history in two: the name is refused, with the
    command that brings them back, with or without --new; a name that merely begins the
    archived one is someone else and is added."""
    assert run_cli(db, "contacts", "archive", "Tomás Okafor").code == 0
    for extra in ((), ("--new",)):
        result = run_cli(db, "log", "reach-out", "--with", "tomás okafor", *extra)
        assert result.code == 2
        assert result.err.strip() == (
            "netrhythm: error: --with: 'tomás okafor' is an archived contact; restore them "
            "first, then log with them: netrhythm contacts restore 'tomás okafor'")
    assert "0/3" in run_cli(db, "status").out
    listed = run_cli(db, "contacts", "list", "--all").out.splitlines()
    assert [line.split()[-1] for line in listed if "Tomás" in line] == ["archived"]
    assert not any(line.endswith("archived") for line in run_cli(db, "contacts", "list").out
                   .splitlines())
    assert run_cli(db, "contacts", "restore", "tomás okafor").code == 0
    restored = run_cli(db, "log", "reach-out", "--with", "tomás okafor")
    assert restored.code == 0 and "with Tomás Okafor (today)." in restored.out
    assert run_cli(db, "contacts", "archive", "Tomás Okafor").code == 0
    other = run_cli(db, "log", "reach-out", "--with", "Tomás", "--new")
    assert other.code == 0 and "added Tomás to contacts" in other.out
