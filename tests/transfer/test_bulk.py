"""Big files: a fixed number of queries whatever the number of cards, all-or-nothing, undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netrhythm.services.contacts.search import search
from netrhythm.services.context import Context
from netrhythm.services.transfer.exchange import import_contacts
from netrhythm.services.undo import undo
from netrhythm.storage import transfer as storage
from netrhythm.storage.tables import Contact, database
from tests.transfer.conftest import by_name
from tests.transfer.vcard_gen import cards


def _count_queries(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every statement Peewee runs, and every executemany batch."""
    seen: list[str] = []
    real_sql: Callable[..., Any] = database.execute_sql
    real_many = storage._execute_many

    def sql(query: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(query)
        return real_sql(query, *args, **kwargs)

    def many(query: str, table: str, rows: list[list[Any]]) -> None:
        seen.append(query)
        real_many(query, table, rows)

    monkeypatch.setattr(database.obj, "execute_sql", sql)  # the proxy forwards to it
    monkeypatch.setattr(storage, "_execute_many", many)
    return seen


@pytest.mark.parametrize("count", [60, 1500])
def test_queries_do_not_grow_with_the_number_of_cards(ctx: Context, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      count: int) -> None:
    path = tmp_path / "many.vcf"
    path.write_text(cards(count), newline="")
    seen = _count_queries(monkeypatch)
    summary = import_contacts(ctx, path, tag="bulk")
    assert (summary.read, summary.added, summary.merged, summary.skipped) == (count, count, 0, [])
    assert len(seen) < 40, seen  # the same few dozen statements for 60 or 1,500 cards
    assert Contact.select().count() == count
    person = by_name()["Person Number 1"]
    assert person.notes.startswith("Met at an event, talked about gardening\nand climbing; "
                                   "follow up in spring.")
    assert "Jürgen Müller 0" in by_name()
    assert [c.name for c in search("Number 1")][:1] == ["Person Number 1"]
    seen.clear()
    again = import_contacts(ctx, path)
    assert (again.added, again.merged, len(again.skipped)) == (0, 0, count)
    assert len(seen) < 30
    assert undo() == f"imported {count} contacts from many.vcf"
    assert Contact.select().count() == 0


def test_a_failure_half_way_through_writing_leaves_nothing_behind(
        ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.transfer.conftest import state

    path = tmp_path / "many.vcf"
    path.write_text(cards(300), newline="")
    before = state(ctx.location)

    def crash(*args: object) -> None:  # after the contacts are inserted
        assert Contact.select().count() == 300
        raise RuntimeError("killed")

    monkeypatch.setattr(storage, "_link", crash)
    with pytest.raises(RuntimeError, match="killed"):
        import_contacts(ctx, path)
    assert state(ctx.location) == before
