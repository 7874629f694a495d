"""The Contacts screen's list: a ``ContactList`` is the plain list of ``ContactLine``s, sorted.

``contact_list`` keeps its contacts column by column and sorts rows in passes; every check
compares it with ``contact_lines`` (the plain list) and ``sort_lines``, on the demo data and
on names whose case-insensitive order SQLite and Python see differently.
"""

from __future__ import annotations

from datetime import date

import pytest

from netrhythm.services.contacts.contact_list import (
    SORT_KEYS,
    ContactList,
    contact_lines,
    contact_list,
    filter_lines,
    sort_lines,
)
from netrhythm.services.contacts.manage import ContactForm, add_contact, set_archived
from netrhythm.services.context import Context
from netrhythm.services.tracking.log import LogRequest, log_action
from netrhythm.storage import contacts as contact_store
from netrhythm.storage.tables import Contact


def made_up(ctx: Context) -> None:
    """Names equal but for case or folding (``ß``/``SS``, ``É``/``é``) added out of name
    order, cadences of their own and from a tag, met days, a logged contact, one archived."""
    for name, cadence, met in [
        ("émile Zola", "30", ""), ("Straße Eins", "", "2026-01-05"), ("Ada", "7", ""),
        ("STRASSE EINS", "10", ""), ("Émile Zola", "", "2025-06-01"), ("ada", "", ""),
        ("Zoë", "3", "2026-11-01"), ("Bob", "", ""), ("Ölaf", "400", "2024-02-29"),
    ]:
        add_contact(ctx, ContactForm(name=name, cadence_days=cadence, met_on=met,
                                     company="Acme" if "a" in name else "",
                                     tags=["garden"] if "o" in name else []))
    contact_store.set_tag_cadence("garden", 14)
    log_action(ctx, LogRequest("reach-out", ["Bob", "#3"], date="2026-11-20"))
    set_archived(ctx, "Zoë")


@pytest.mark.parametrize("key", SORT_KEYS)
@pytest.mark.parametrize("include_archived", [False, True])
def test_contact_list_is_the_plain_list_sorted(ctx: Context, key: str,
                                               include_archived: bool) -> None:
    made_up(ctx)
    plain = contact_lines(ctx, include_archived)
    found = contact_list(ctx, include_archived, key)  # type: ignore[arg-type]
    assert list(found) == sort_lines(plain, key)  # type: ignore[arg-type]
    assert len(found) == len(plain) == (9 if include_archived else 8)
    assert [found.id_at(i) for i in range(len(found))] == [line.id for line in found]


def test_contact_list_matches_the_plain_list_on_the_demo_data(demo_ctx: Context) -> None:
    plain = contact_lines(demo_ctx, include_archived=True)
    for key in SORT_KEYS:
        assert list(contact_list(demo_ctx, True, key)) == sort_lines(plain, key)
    assert {line.since for line in plain} != {None}
    assert any(line.due.state == "overdue" for line in plain)


def test_a_contact_list_reads_like_a_sequence(ctx: Context) -> None:
    made_up(ctx)
    found = contact_list(ctx)
    plain = list(found)
    assert found[0] == plain[0] and found[-1] == plain[-1]
    assert found[1:3] == plain[1:3]
    assert found.position(plain[2].id) == 2 and found.position(10**6) is None
    assert plain[3] in found and found.index(plain[3]) == 3
    with pytest.raises(IndexError):
        found[len(found)]
    empty = ContactList.empty()
    assert len(empty) == 0 and list(empty) == [] and empty.position(1) is None


def test_only_keeps_the_list_order_for_any_ids(ctx: Context) -> None:
    made_up(ctx)
    found = contact_list(ctx, key="last")
    ids = [line.id for line in found]
    wanted = {ids[0], ids[3], ids[-1]}
    kept = found.only([*sorted(wanted, reverse=True), -5, 0, 10**9])
    assert [line.id for line in kept] == [i for i in ids if i in wanted]
    assert list(found.only([])) == [] and list(found.only(ids)) == list(found)
    assert list(ContactList.empty().only(ids)) == []


def test_only_copes_with_ids_far_apart(ctx: Context) -> None:
    """A contact whose id is far beyond the others (ids are SQLite's, not always dense)."""
    made_up(ctx)
    Contact.insert(id=2**40, name="Far Away", created_on=date(2026, 1, 1)).execute()
    found = contact_list(ctx)
    assert list(found) == sort_lines(contact_lines(ctx), "name") and len(found) == 9
    kept = found.only([2**40, found.id_at(0), -1])
    assert [line.name for line in kept] == [found[0].name, "Far Away"]
    assert kept[1].id == 2**40


def test_filter_lines_searches_the_index_in_the_lists_order(ctx: Context) -> None:
    made_up(ctx)
    found = contact_list(ctx)
    assert filter_lines(found, "  ") is found
    assert list(filter_lines(found, "[]")) == []
    assert [line.name for line in filter_lines(found, "zo")] == ["émile Zola", "Émile Zola"]
    assert [line.name for line in filter_lines(found, "garden")] == \
        [line.name for line in found if "garden" in line.tags]
