"""The Contacts screen with 5,000 contacts: every keystroke of a filter shows exactly the
matching contacts. How fast is the benchmark's business (``python -m benchmarks.run``:
"contacts filter: one letter, key to table"), not a test's on a shared machine."""

from __future__ import annotations

from datetime import date

import pytest
from peewee import chunked

from netrhythm.services.contacts.search import matching_ids
from netrhythm.services.context import Context
from netrhythm.services.demo.words import COMPANIES, FIRST_NAMES, LAST_NAMES, TAGS
from netrhythm.storage.journal import bulk_load
from netrhythm.storage.tables import Contact, ContactTag, Tag
from netrhythm.ui.app import build_app
from netrhythm.ui.screens.contacts import ContactsScreen
from netrhythm.ui.widgets.contact_table import ContactTable
from tests.ui.helpers import settle, widget_text

COUNT = 5_000


def make_contacts(count: int) -> None:
    """``count`` contacts with varied names, companies, tags and notes, in one transaction."""
    fields = [Contact.name, Contact.company, Contact.notes, Contact.cadence_days,
              Contact.created_on]
    rows = [(f"{FIRST_NAMES[i % 60]} {LAST_NAMES[(i // 60) % 60]} {i}", COMPANIES[i % 30],
             f"Talked about {TAGS[i % 17][0]} at length", (None, 30, 60)[i % 3],
             date(2025, 1, 1)) for i in range(count)]
    with bulk_load():
        for chunk in chunked(rows, 2000):
            Contact.insert_many(chunk, fields=fields).execute()
        tag_ids = [Tag.insert(name=name).execute() for name, _ in TAGS]
        links = [(i + 1, tag_ids[i % len(tag_ids)]) for i in range(count)]
        for chunk in chunked(links, 5000):
            ContactTag.insert_many(chunk, fields=[ContactTag.contact, ContactTag.tag]).execute()


@pytest.mark.slow
async def test_filtering_5000_contacts_shows_exactly_the_matches(ctx: Context) -> None:
    make_contacts(COUNT)
    app = build_app(ctx, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ContactsScreen)
        table = screen.query_one(ContactTable)
        assert len(table.lines) == COUNT
        await pilot.press("slash")
        typed = ""
        for key in "gardening":
            typed += key
            await pilot.press(key)
            await settle(pilot)
            assert {line.id for line in table.lines} == set(matching_ids(typed))
        assert "Talked about" not in widget_text(table)  # notes are searched, not shown
        assert len(table.lines) == COUNT // 17 + (1 if COUNT % 17 > 9 else 0)
