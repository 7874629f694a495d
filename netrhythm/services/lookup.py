"""Name lookups shared by the services: practices, contacts and events by what people type."""

from __future__ import annotations

from netrhythm.domain.errors import InputError
from netrhythm.domain.records import PracticeRec
from netrhythm.domain.resolve import pick
from netrhythm.storage import contacts as contact_store
from netrhythm.storage import events as event_store
from netrhythm.storage import practices as practice_store


def practice(text: str, field: str = "practice", include_archived: bool = False) -> PracticeRec:
    """A practice by slug or name (``reach-out``, ``Reach out``, ``reach``)."""
    options = practice_store.list_practices(include_archived=include_archived)
    names = [(p.id, p.slug, p.slug) for p in options] + [(p.id, p.name, p.slug) for p in options]
    chosen = pick(text, names, field, "practice")
    return next(p for p in options if p.id == chosen)


def contact(text: str, field: str = "--with", include_archived: bool = False) -> int:
    """A contact by name (exact, unique prefix, unique part) or ``#id``.

    A name is first looked for among the contacts whose name can hold it (one query, a few
    rows instead of thousands); anything but one clear answer is decided, with its message,
    over every contact.
    """
    wanted = text.strip().casefold()
    if wanted.startswith("#") and wanted[1:].isdigit():  # one row, not every name
        only = contact_store.names_index(include_archived, contact_id=int(wanted[1:]))
        return pick(text, _labelled(only), field, "contact")
    if wanted.isascii() and wanted and not wanted.startswith("#"):
        try:
            return pick(text, _labelled(contact_store.names_containing(wanted, include_archived)),
                        field, "contact")
        except InputError:
            pass
    return pick(text, _labelled(contact_store.names_index(include_archived=include_archived)),
                field, "contact")


def _labelled(rows: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    return [(i, n, f"{n} ({c})" if c else n) for i, n, c in rows]


def event(text: str, field: str = "--event") -> int:
    options = [(i, n, f"{n} ({d})") for i, n, d in event_store.event_choices()]
    return pick(text, options, field, "event")
