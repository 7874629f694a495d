"""The questions the parity tests ask storage on both backends, and a fixture-free runner:
the demo (a year of contacts, actions, events, tags, follow-ups, reviews) made on a SQLite
file and on a PostgreSQL database with the same seed and clock, then a scenario on each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from netrhythm.domain.clock import FixedClock
from netrhythm.paths import Location
from netrhythm.services.context import Context
from netrhythm.services.demo.create import create_demo
from netrhythm.storage import (
    actions,
    cadence,
    contact_list,
    contacts,
    drafts,
    events,
    followups,
    fresh,
    practices,
    settings,
    transfer,
)
from netrhythm.storage import db as storage_db
from netrhythm.storage.tables import Contact, Tag
from tests.helpers import FROZEN_NOW

TODAY = FROZEN_NOW.date()
DAY = TODAY.toordinal()
Scenario = Callable[[Context, Path], Any]  # the data, and a folder for files


def questions() -> dict[str, Callable[[], Any]]:
    """Storage's answers about the data in use, by name."""
    tag_ids = [t.id for t in Tag.select(Tag.id).order_by(Tag.id)]
    some = [c.id for c in Contact.select(Contact.id).order_by(Contact.id).limit(40)]
    first_event = next((e.id for e in reversed(events.list_events())), 0)
    return {
        "contact_lines": lambda: list(contact_list.contact_lines(TODAY, include_archived=True)),
        "contact_lines_some": lambda: list(contact_list.contact_lines(TODAY, ids=some[:7])),
        "longest_quiet": lambda: contact_list.longest_quiet(TODAY, TODAY - timedelta(30), 10),
        "longest_quiet_tagged": lambda: contact_list.longest_quiet(
            TODAY, TODAY - timedelta(14), 5, tag_ids[:2]),
        "load_contacts": lambda: contacts.load_contacts(as_of=TODAY),
        "load_some_active": lambda: contacts.load_contacts(some[:9], include_archived=False),
        "names_index": lambda: sorted(contacts.names_index()),
        "names_containing": lambda: sorted(contacts.names_containing("an")),
        "list_tags": contacts.list_tags,
        "tag_cadences": lambda: sorted(contacts.tag_cadences()),
        "overdue": lambda: contacts.overdue_contacts(TODAY),
        "overdue_later": lambda: contacts.overdue_contacts(TODAY + timedelta(60)),
        "new_between": lambda: contacts.ids_new_between(TODAY - timedelta(90), TODAY),
        "contact_facts": lambda: cadence.contact_facts(some),
        "due_week_counts": lambda: sorted(cadence.due_week_counts(TODAY, 0).items()),
        "fresh_ranked": lambda: fresh.ranked(DAY - 7, [first_event], ["acme", "initech"],
                                             tag_ids[:3], 12),
        "recent_people": lambda: sorted(fresh.recent_people(DAY - 60, DAY)),
        "recent_events": lambda: sorted(fresh.recent_events(DAY - 60, DAY)),
        "tags_of": lambda: sorted(fresh.tags_of(some)),
        "tag_sizes": lambda: fresh.tag_sizes(tag_ids),
        "active_count": fresh.active_count,
        "peers": lambda: [drafts.peers(c, tag_ids[:4], TODAY) for c in some[:10]],
        "practice_use": lambda: [drafts.practice_use(c) for c in some[:10]],
        "list_events": events.list_events,
        "upcoming": lambda: events.upcoming_events(TODAY),
        "summaries": lambda: events.event_summaries(4),
        "events_named": lambda: events.events_named("TECH MEETUP"),
        "people_at": lambda: [events.people_at(e.id) for e in events.list_events()],
        "actions_at": lambda: [events.actions_at(e.id) for e in events.list_events()],
        "actions_between": lambda: actions.actions_between(TODAY - timedelta(70), TODAY),
        "first_day": actions.first_day,
        "practices": lambda: practices.list_practices(include_archived=True),
        "action_counts": practices.action_counts,
        "weekly_counts": lambda: practices.weekly_counts(0),
        "weekly_counts_until": lambda: practices.weekly_counts(0, TODAY - timedelta(3)),
        "weekly_counts_tuesday": lambda: practices.weekly_counts(1, TODAY),
        "open_follow_ups": lambda: followups.open_follow_ups(TODAY + timedelta(30)),
        "due_with_meeting": lambda: followups.due_with_meeting(TODAY + timedelta(30)),
        "done_between": lambda: followups.follow_ups_done_between(TODAY - timedelta(90), TODAY),
        "paused_days": settings.paused_days,
        "review": lambda: settings.get_review(TODAY - timedelta(14), TODAY - timedelta(8)),
        # As an import asks it, while writing; without the next ids: a server's sequences do
        # not go back with undo (the ids an undone change took are not given again).
        "merge_state": _writing(lambda: replace(transfer.merge_state(), next_ids={})),
    }


def _writing(ask: Callable[[], Any]) -> Callable[[], Any]:
    """``ask`` inside a write transaction (which writes nothing), where storage holds the ids
    it reports until commit (a server's LOCK TABLE needs one)."""
    from netrhythm.storage.db import write_transaction

    def asked() -> Any:
        with write_transaction():
            return ask()

    return asked


def answers() -> dict[str, Any]:
    return {name: ask() for name, ask in questions().items()}


def run_on_both(scenario: Scenario, folder: Path, server_url: str) -> tuple[Any, Any]:
    """``scenario`` on the demo made on a file in ``folder``, then on the server: both
    results (the caller closes the last database)."""
    clock = FixedClock(FROZEN_NOW)
    both = []
    for where in (Location(folder / "demo.db"), Location.of(server_url)):
        storage_db.open_database(where, TODAY)
        ctx = Context(where, clock)
        create_demo(ctx)
        both.append(scenario(ctx, folder))
        storage_db.close_database()
    return both[0], both[1]
