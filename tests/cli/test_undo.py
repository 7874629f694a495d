"""Undo reverts the latest change, also across processes, and says what it reverted."""

from __future__ import annotations

from tests.helpers import dump, run_cli


def _data(db: str) -> list[str]:
    """The user's data, without the journal that records how it got there and the search
    index's internal segments (checked through search results instead)."""
    skip = ('INSERT INTO "change"', 'INSERT INTO "change_op"', 'INSERT INTO "nudge_log"',
            'INSERT INTO "contact_search_', "change: ", "change_row: ", "journal_cursor: ",
            "nudge_log: ")
    return [line for line in dump(db) if not line.startswith(skip)]


def test_undo_each_change_in_turn_restores_each_earlier_state(where: str) -> None:
    db = where
    added = run_cli(db, "contacts", "add", "Maria Chen", "--company", "Acme", "--tag", "ai")
    assert added.code == 0
    states = [_data(db)]
    steps = [
        ["log", "reach-out", "--with", "Maria", "--note", "coffee", "--follow-up", "5"],
        ["contacts", "edit", "Maria", "--company", "Initech", "--tag", "ml", "--every", "14"],
        ["contacts", "delete", "Maria"],
    ]
    for step in steps:
        assert run_cli(db, *step).code == 0
        states.append(_data(db))
    expected = ["deleted contact Maria Chen", "edited contact Maria Chen",
                "logged Reach out with Maria Chen (today)", "added contact Maria Chen"]
    for i, description in enumerate(expected):
        result = run_cli(db, "undo")
        assert result.code == 0
        assert result.out.strip() == f"Undid: {description}."
        if i < len(states) - 1:
            assert _data(db) == states[-2 - i]
    assert run_cli(db, "undo").out.strip() == "Nothing to undo."
    assert "Maria" not in run_cli(db, "search", "maria").out


def test_undo_restores_search_index(where: str) -> None:
    db = where
    run_cli(db, "contacts", "add", "Lee Park", "--notes", "beekeeping club")
    run_cli(db, "contacts", "delete", "Lee")
    assert "Lee Park" not in run_cli(db, "search", "beekeeping").out
    run_cli(db, "undo")
    assert "Lee Park" in run_cli(db, "search", "beekeeping").out
