"""Name lookups shared by the services: practices, contacts and events by what people type."""

from __future__ import annotations

from netrhythm.domain.records import PracticeRec
from netrhythm.services.resolve import pick
from netrhythm.storage import contacts as contact_store
from netrhythm.storage import practices as practice_store
from netrhythm.storage.tables import Event


def practice(text: str, field: str = "practice", include_archived: bool = False) -> PracticeRec:
    """A practice by slug or name (``reach-out``, ``Reach out``, ``reach``)."""
    options = practice_store.list_practices(include_archived=include_archived)
    names = [(p.id, p.slug, p.slug) for p in options] + [(p.id, p.name, p.slug) for p in options]
    chosen = pick(text, names, field, "practice")
    return next(p for p in options if p.id == chosen)


def contact(text: str, field: str = "--with", include_archived: bool = False) -> int:
    options = [(i, n, f"{n} ({c})" if c else n)
               for i, n, c in contact_store.names_index(include_archived=include_archived)]
    return pick(text, options, field, "contact")


def event(text: str, field: str = "--event") -> int:
    options = [(i, n, f"{n} ({d})") for i, n, d in
               Event.select(Event.id, Event.name, Event.held_on).tuples()]
    return pick(text, options, field, "event")
