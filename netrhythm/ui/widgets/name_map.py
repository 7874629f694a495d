"""How contacts are named in forms: the name when it is unique, else "Name (Company)" or
"Name #id", and back to what the services resolve without ambiguity (``#id``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from netrhythm.services.choices import ContactName


class NameMap:
    """Tokens to type for contacts (``tokens``), with labels for hints (``labels``)."""

    def __init__(self, contacts: Sequence[ContactName]) -> None:
        names = Counter(c.name.casefold() for c in contacts)
        labels = Counter(c.label.casefold() for c in contacts)
        self._token: dict[int, str] = {}
        for c in contacts:
            if names[c.name.casefold()] == 1:
                token = c.name
            elif c.company and labels[c.label.casefold()] == 1:
                token = c.label
            else:
                token = f"{c.name} #{c.id}"
            self._token[c.id] = token
        self._ids = {token.casefold(): i for i, token in self._token.items()}
        self.tokens = [self._token[c.id] for c in contacts]
        self.labels = [c.label for c in contacts]

    def has(self, contact_id: int) -> bool:
        return contact_id in self._token

    def token_for(self, contact_id: int) -> str:
        return self._token[contact_id]

    def for_service(self, typed: str) -> str:
        """``#id`` for a token of this map; anything else as typed (the service resolves it)."""
        found = self._ids.get(typed.strip().casefold())
        if found is not None:
            return f"#{found}"
        if "#" in typed:
            tail = typed.rsplit("#", 1)[1].strip()
            if tail.isdigit():
                return f"#{tail}"
        return typed
