"""What Enter can pick for the name being typed in a "With" field: the contacts it names
(names starting with it first, then names with a word starting with it), and, unless it is
exactly a contact's name, "Create <name>" as the last choice.

Pure Python: the Log form shows these choices in a list and acts on the highlighted one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    """``token``: what goes into the field; ``label``: what the list shows; ``new``: a person
    to add as a contact."""

    token: str
    label: str
    new: bool = False


@dataclass(frozen=True)
class Choices:
    """The choices for one typed name; ``exact``: it is already a contact's token."""

    typed: str
    items: tuple[Choice, ...] = ()
    exact: bool = False

    @property
    def known(self) -> list[Choice]:
        return [c for c in self.items if not c.new]

    @property
    def settled(self) -> bool:
        """Nothing is left to pick: empty, a token (or ``#id``) as typed."""
        return not self.typed or self.exact or by_id(self.typed)


def by_id(typed: str) -> bool:
    return typed.startswith("#") and typed[1:].isdigit()


class NameChoices:
    """The choices among contacts, each typed as ``tokens[i]`` and shown as ``labels[i]``."""

    def __init__(self, tokens: Sequence[str] = (), labels: Sequence[str] = ()) -> None:
        self.tokens = list(tokens)
        labels = list(labels) or self.tokens
        # "Name #12" says more than its label "Name" (two people of that name, no company)
        self._shown = {t: t if "#" in t else lb for t, lb in zip(self.tokens, labels,
                                                                 strict=True)}
        self._folded = [(t.casefold(), " " + lb.casefold().replace("(", " "))
                        for t, lb in zip(self.tokens, labels, strict=True)]

    def choices(self, typed: str, limit: int = 8) -> Choices:
        """Up to ``limit`` contacts for ``typed`` (one name), then "Create" unless exact."""
        typed = " ".join(typed.split())
        wanted = typed.casefold()
        if not wanted or by_id(wanted):
            return Choices(typed)
        starts: list[str] = []
        words: list[str] = []
        exact = False
        for token, (folded, label) in zip(self.tokens, self._folded, strict=True):
            if folded == wanted:
                exact = True
                starts.insert(0, token)
            elif folded.startswith(wanted):
                starts.append(token)
            elif f" {wanted}" in label or f" {wanted}" in f" {folded}":
                words.append(token)
        shown = [Choice(t, self._shown[t]) for t in (starts + words)[:limit]]
        if not exact:
            shown.append(Choice(typed, f"Create {typed}", new=True))
        return Choices(typed, tuple(shown), exact)
