"""Autocomplete for names typed into inputs: contacts (several, comma-separated) and events.

The suggestion completes the name being typed (the text after the last comma when several
names are allowed); ``→`` (or Enter in the Log form) accepts it. ``matches`` lists the names
that contain what was typed at the start of any word, for a hint under the field.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.suggester import Suggester


def split_last(value: str) -> tuple[str, str]:
    """``("Maria Chen, ", "lu")`` from ``"Maria Chen, lu"``: what is kept, what is typed."""
    cut = value.rfind(",") + 1
    token = value[cut:]
    stripped = token.lstrip()
    return value[: cut + len(token) - len(stripped)], stripped


def split_names(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


class NameSuggester(Suggester):
    """Completes the name typed from ``names``."""

    def __init__(self, names: Sequence[str] = ()) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.set_names(names)

    def set_names(self, names: Sequence[str]) -> None:
        self.names = list(names)
        self._folded = [n.casefold() for n in self.names]

    async def get_suggestion(self, value: str) -> str | None:
        return self.complete(value)

    def complete(self, value: str) -> str | None:
        """``value`` with the name being typed completed, or None without a completion."""
        wanted = value.lstrip().casefold()
        if not wanted:
            return None
        for name, folded in zip(self.names, self._folded, strict=True):
            if folded.startswith(wanted) and folded != wanted:
                return name
        return None

    def matches(self, value: str, limit: int = 5) -> tuple[list[str], int]:
        """Up to ``limit`` names matching the name being typed, and how many match in all."""
        wanted = value.casefold().strip()
        if not wanted:
            return [], 0
        found = [name for name, folded in zip(self.names, self._folded, strict=True)
                 if folded.startswith(wanted) or f" {wanted}" in f" {folded}"]
        return found[:limit], len(found)
