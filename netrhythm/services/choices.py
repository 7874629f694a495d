"""What the app's forms offer to pick from: practices, contact names, events."""

from __future__ import annotations

from dataclasses import dataclass

from netrhythm.domain.records import EventRec, PracticeRec
from netrhythm.services.context import Context
from netrhythm.services.events import list_events
from netrhythm.storage import contacts as contact_store
from netrhythm.storage import practices as practice_store


@dataclass(frozen=True)
class ContactName:
    id: int
    name: str
    company: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.company})" if self.company else self.name


@dataclass(frozen=True)
class LogChoices:
    practices: list[PracticeRec]
    contacts: list[ContactName]
    events: list[EventRec]  # past and today's, newest first, then upcoming


def practices(include_archived: bool = False) -> list[PracticeRec]:
    """Practices in their display order (the order of keys 1-9 on the Week screen)."""
    return practice_store.list_practices(include_archived=include_archived)


def contact_names(include_archived: bool = False) -> list[ContactName]:
    return sorted((ContactName(i, n, c) for i, n, c in
                   contact_store.names_index(include_archived=include_archived)),
                  key=lambda c: (c.name.casefold(), c.id))


def log_choices(ctx: Context) -> LogChoices:
    upcoming, past = list_events(ctx)
    today = ctx.today()
    held = [e for e in upcoming if e.held_on == today] + past
    later = [e for e in upcoming if e.held_on > today]
    return LogChoices(practices(), contact_names(), held + later)


def event_names(ctx: Context) -> list[str]:
    upcoming, past = list_events(ctx)
    return [e.name for e in upcoming + past]
