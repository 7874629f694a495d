"""The Contacts screen with 5,000 contacts: filtering stays correct and fast.

Measures the time from a keystroke reaching the screen to the table holding the new rows
(``ContactsScreen.filter_latency``) and the time to render the visible rows; the numbers are
printed (run with ``-s``). Target: under 50 ms per keystroke.
"""

from __future__ import annotations

import statistics
import time
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
async def test_filtering_5000_contacts_is_correct_and_fast(ctx: Context) -> None:
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
        latencies = []
        typed = ""
        for key in "gardening":
            typed += key
            await pilot.press(key)
            await settle(pilot)
            assert screen.filter_latency is not None
            latencies.append(screen.filter_latency)
            expected = set(matching_ids(typed))
            assert {line.id for line in table.lines} == expected
        start = time.perf_counter()
        text = widget_text(table)
        render = time.perf_counter() - start
        assert "Talked about" not in text  # notes are searched, not shown
        assert len(table.lines) == COUNT // 17 + (1 if COUNT % 17 > 9 else 0)
        median = statistics.median(latencies)
        print(f"\n5,000 contacts: keystroke to table median {median * 1000:.1f} ms, "
              f"max {max(latencies) * 1000:.1f} ms; rendering the visible rows "
              f"{render * 1000:.1f} ms")
        assert median < 0.050
