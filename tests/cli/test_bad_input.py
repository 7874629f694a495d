"""Bad input through the real console script: exit 2, one clear line naming the field,
and the database exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import dump, run_cli

LONG_NOTE = "x" * 20_001

CASES = [
    # (args, field named in the message, words the message must contain)
    (["log", "nonsense"], "practice", "no practice named 'nonsense'"),
    (["log", "reach", "--date", "tomorrow"], "--date", "not a date"),
    (["log", "reach-out", "--date", "2026-02-30"], "--date", "2026-02-30"),
    (["log", "reach-out", "--date", "99/99/99"], "--date", "not a date"),
    (["log", "reach-out", "--date", "2026-12-25"], "--date", "in the future"),
    (["log", "reach-out", "--date", ""], "--date", "enter a date"),
    (["log", "reach-out", "--with", "Alex"], "--with", "matches several contacts"),
    (["log", "reach-out", "--with", "Zed Nobody"], "--with", "no contact named"),
    (["log", "reach-out", "--with", "  "], "--with", "empty"),
    (["log", "reach-out", "--note", LONG_NOTE], "--note", "the limit is 20,000"),
    (["log", "reach-out", "--note", "a\x07b"], "--note", "control character"),
    (["log", "reach-out", "--event", "Nowhere Conf"], "--event", "no event named"),
    (["log", "reach-out", "--follow-up", "abc"], "--follow-up", "not a whole number"),
    (["log", "reach-out", "--with", "Maria", "--follow-up", "0"], "--follow-up", "between"),
    (["log", "reach-out", "--follow-up", "3"], "--follow-up", "needs a contact"),
    (["contacts", "add", ""], "name", "empty"),
    (["contacts", "add", "   "], "name", "empty"),
    (["contacts", "add", "Kim", "--every", "abc"], "--every", "not a whole number"),
    (["contacts", "add", "Kim", "--every", "-3"], "--every", "between"),
    (["contacts", "add", "Kim", "--met-on", "2026-13-01"], "--met-on", "month 13 does not exist"),
    (["contacts", "add", "Kim", "--met-at", "Unknown Event"], "--met-at", "no event named"),
    (["contacts", "add", "Kim", "--tag", " "], None, None),  # blank tags are ignored: ok
    (["contacts", "show", "Nobody Here"], "contact", "no contact named"),
    (["contacts", "edit", "Alex", "--company", "X"], "contact", "matches several"),
    (["contacts", "delete", "Nobody"], "contact", "no contact named"),
    (["practices", "add", "Coffee", "--target", "0"], "--target", "between 1 and 100"),
    (["practices", "add", "Coffee", "--target", "-2"], "--target", "between"),
    (["practices", "add", "Coffee", "--period", "3"], "--period", "1, 2 or 4"),
    (["practices", "add", "Coffee", "--kind", "take"], "--kind", "give, ask or neutral"),
    (["practices", "add", "Reach out"], "--slug", "taken"),
    (["practices", "edit", "nope", "--target", "2"], "practice", "no practice named"),
    (["events", "add", "", "--date", "2026-12-01"], "name", "empty"),
    (["events", "add", "Conf", "--date", "someday"], "--date", "not a date"),
    (["review", "--week", "2025-W53"], "--week", "does not exist"),
    (["review", "--week", "2027-W01"], "--week", "future"),
    (["status", "--week", "garbage"], "--week", None),
    (["pause", "soon"], "--week", "not a week"),
    (["pause", "2026-W60"], "--week", "does not exist"),
]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("bad") / "n.db"
    for name in ("Alex Kim", "Alex Stone", "Maria Chen"):
        assert run_cli(db, "contacts", "add", name).code == 0
    return db


@pytest.mark.parametrize(("args", "field", "words"), CASES,
                         ids=[" ".join(c[0])[:40] for c in CASES])
def test_bad_input_is_refused_and_changes_nothing(
    seeded: Path, tmp_path: Path, args: list[str], field: str | None, words: str | None
) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(seeded.read_bytes())
    before = dump(db)
    result = run_cli(db, *args)
    if field is None:  # a tolerated input: succeeds
        assert result.code == 0, result.err
        return
    assert result.code == 2, (result.code, result.out, result.err)
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith(f"netrhythm: error: {field}: "), lines[0]
    if words:
        assert words in lines[0]
    assert "Traceback" not in result.err
    assert dump(db) == before


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    for args in (["log"], ["frobnicate"], ["review", "--format", "pdf"], ["contacts"]):
        result = run_cli(tmp_path / "u.db", *args)
        assert result.code == 2, args
        assert "usage:" in result.err


def test_markup_like_names_are_stored_and_shown_literally(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    for name in ("[bold]x", "[link=http://x]y", "Zoë 🌱 O'Brien", "سارا", "e\u0301mile"):
        assert run_cli(db, "contacts", "add", name).code == 0
    listed = run_cli(db, "contacts", "list").out
    for name in ("[bold]x", "[link=http://x]y", "Zoë 🌱 O'Brien", "سارا", "e\u0301mile"):
        assert name in listed
    assert run_cli(db, "log", "reach-out", "--with", "[bold]x").code == 0
    assert "[bold]x" in run_cli(db, "contacts", "show", "[bold]x").out


def test_ten_thousand_character_note_survives_exactly(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    note = ("Notes 🌍 [b]x[/b] " * 600)[:10_000]
    run_cli(db, "contacts", "add", "Kim Lee")
    assert run_cli(db, "log", "give-value", "--with", "Kim", "--note", note).code == 0
    import json

    shown = json.loads(run_cli(db, "contacts", "show", "Kim", "--json").out)
    assert shown["timeline"][0]["note"] == note.strip()
