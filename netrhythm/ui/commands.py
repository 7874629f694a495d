"""The command palette (ctrl+p): go to a screen, log a practice with someone, open a contact.

"Log reach out with Maria Chen" and "Open contact Maria Chen" exist for every contact, so
hits are generated per query rather than listed: every typed word must appear in the
command (any order, ignoring case). Matches are highlighted on literal text, never markup;
user text never goes into a hit's help line (the palette renders help as markup).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from netrhythm.domain.dates import short_date
from netrhythm.services.choices import ContactName, contact_names, practices
from netrhythm.services.events import event_list
from netrhythm.ui.appref import app_of
from netrhythm.ui.screens.events import show_events
from netrhythm.ui.screens.review import ReviewScreen

PER_KIND = 25  # hits of one kind (per practice, or contacts to open) at most
Command = tuple[str, Callable[[], object], str]  # text, what it does, help (or company)


def highlight(text: str, words: list[str], style: object) -> Content:
    """``text`` as literal content with the first occurrence of each word styled."""
    content = Content(text)
    folded = text.casefold()
    for word in words:
        start = folded.find(word)
        if start >= 0:
            content = content.stylize(style, start, start + len(word))  # type: ignore[arg-type]
    return content


def score(text: str, words: list[str]) -> float:
    """0 when a word is missing; more for words that start a word and for shorter commands."""
    folded = f" {text.casefold()}"
    if not all(w in folded for w in words):
        return 0.0
    starts = sum(1 for w in words if f" {w}" in folded)
    return 0.4 + 0.4 * starts / max(len(words), 1) + 0.2 * min(1.0, 12 / max(len(text), 1))


class NetrhythmCommands(Provider):
    """Screens, logging and contacts, for the command palette."""

    def _tags(self) -> None:
        from netrhythm.ui.dialogs.tags import TagsDialog

        app_of(self.screen).push_screen(TagsDialog())

    async def startup(self) -> None:
        ctx = app_of(self.screen).ctx
        self.practices, self.contacts, self.events = await asyncio.to_thread(
            lambda: (practices(), contact_names(), event_list(ctx)))

    def _static(self) -> list[Command]:
        app = app_of(self.screen)
        commands: list[Command] = [
            ("Go to week", partial(app.switch_mode, "week"), "This week's practices (w)"),
            ("Go to contacts", partial(app.switch_mode, "contacts"), "Search contacts (c)"),
            ("Go to review", partial(app.switch_mode, "review"),
             "Last week's review and your reflection (v)"),
            ("Go to events", partial(app.switch_mode, "events"), "Upcoming and past events (E)"),
            ("Go to settings", partial(app.switch_mode, "settings"),
             "Practices, week start, nudges, theme (,)"),
            ("Log an action", app.action_log, "Open the Log form (l)"),
            ("Add a contact", app.action_new_contact, "A new contact"),
            ("Add an event", lambda: show_events(app).action_new_event(), "A new event (n)"),
            ("Tags and their cadences", self._tags,
             "Keep in touch with everyone tagged … every N days (t on Contacts)"),
            ("Export the review as Markdown",
             partial(self._on_review, "action_export_markdown"),
             "The week shown on the Review screen (m)"),
            ("Write the weekly reflection", partial(self._on_review, "action_reflect"),
             "What did I learn? Whom did I help? What next? (r)"),
            ("Undo the latest change", app.action_undo, "u"),
            ("Help", app.action_help, "Keys and how weeks work (?)"),
        ]
        return commands + [(f"Log {p.name}", partial(app.action_log, p.slug),
                            "Open the Log form") for p in self.practices]

    def _on_review(self, action: str) -> None:
        app = app_of(self.screen)
        app.switch_mode("review")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        screen.when_loaded(getattr(screen, action))

    def _events(self, words: list[str]) -> Iterator[Command]:
        """Open any event; log attending one that was held and not yet logged."""
        app = app_of(self.screen)
        every = self.events.upcoming + self.events.past
        for verb, kinds in (("Open event", every),
                            ("Log attended", [s for s in self.events.past if not s.attended_on]),
                            ("Met someone at", self.events.past)):
            rest = [w for w in words if w not in verb.casefold()]
            if not rest:
                continue
            found = [s.event for s in kinds if all(w in s.event.name.casefold() for w in rest)]
            for event in found[:PER_KIND]:
                day = short_date(event.held_on, with_year=True)
                if verb == "Open event":
                    command: Callable[[], object] = partial(show_events, app, event.id)
                elif verb == "Log attended":
                    command = partial(self._event_action, event.id, "action_attended")
                else:
                    command = partial(self._event_action, event.id, "action_met_someone")
                yield f"{verb} {event.name}", command, day

    def _event_action(self, event_id: int, action: str) -> None:
        getattr(show_events(app_of(self.screen), event_id), action)(event_id)

    def _people(self, words: list[str]) -> Iterator[Command]:
        app = app_of(self.screen)

        def named(head: str) -> list[ContactName]:
            rest = [w for w in words if w not in head.casefold()]
            if not rest:
                return []
            return [c for c in self.contacts
                    if all(w in c.name.casefold() for w in rest)][:PER_KIND]

        for c in named("open contact "):
            yield f"Open contact {c.name}", partial(app.action_open_contact, c.id), c.company
        for p in self.practices:
            for c in named(f"log {p.name} with "):
                yield (f"Log {p.name} with {c.name}", partial(app.action_log, p.slug, c.id),
                       c.company)

    async def search(self, query: str) -> Hits:
        words = query.casefold().split()
        style = self.match_style or "bold underline"
        for text, command, help_text in self._static():
            if found := score(text, words):
                yield Hit(found, highlight(text, words, style), command, text=text,
                          help=help_text)
        for text, command, company in [*self._events(words), *self._people(words)]:
            if found := score(text, words):
                prompt = highlight(text, words, style)
                if company:
                    prompt += Content(f"  ({company})").stylize("$text-muted")
                yield Hit(found, prompt, command, text=text)

    async def discover(self) -> Hits:
        for text, command, help_text in self._static():
            yield DiscoveryHit(Content(text), command, text=text, help=help_text)
