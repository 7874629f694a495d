"""Search contacts by anything you remember about them ("who was into gardening?")."""

from __future__ import annotations

from collections.abc import Iterator

from netrhythm.domain.records import ContactRec
from netrhythm.storage import contacts as contact_store
from netrhythm.storage.search import search_contact_ids


def search(text: str, limit: int = 50, include_archived: bool = False) -> list[ContactRec]:
    ids = list(search_contact_ids(text, limit=None if include_archived else limit * 2))
    if not ids:
        return []
    found = {c.id: c for c in contact_store.load_contacts(ids, include_archived=include_archived)}
    return [found[i] for i in ids if i in found][:limit]


def matching_ids(text: str) -> Iterator[int]:
    """Every matching contact id, in no order (the Contacts screen filters its list on this)."""
    return search_contact_ids(text, ranked=False)
