"""What the Events screen does to events: add, edit, delete, attended, met someone, log there.

The screen mixes this in and implements ``selected_event()`` (the detail on show, or None),
``person()`` (the highlighted person's contact id, or None) and ``select_event(id)``. Every
action that concerns an event takes an optional ``event_id`` (0: the highlighted one), so the
command palette can call them for any event. Every write goes through the services in a
worker, says what it did (``u`` undoes it) and makes the app reload.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.content import Content
from textual.screen import Screen

from netrhythm.domain.dates import short_date
from netrhythm.domain.errors import InputError
from netrhythm.services import events as svc
from netrhythm.services.events import EventDetail
from netrhythm.ui.appref import app_of, ctx_of
from netrhythm.ui.background import in_thread, report_error
from netrhythm.ui.format import literal
from netrhythm.ui.key_hints import say_keys, undo_hint


class EventActions(Screen[None]):
    """Event actions for a screen that knows which event is selected."""

    _met: tuple[int, str] | None = None  # (contact id, message) to announce once shown

    def selected_event(self) -> EventDetail | None:
        raise NotImplementedError

    def person(self) -> int | None:
        raise NotImplementedError

    def select_event(self, event_id: int) -> None:
        raise NotImplementedError

    def _with_event(self, event_id: int, then: Callable[[EventDetail], Any]) -> None:
        """Call ``then`` with the event's details (the highlighted event's when 0)."""
        shown = self.selected_event()
        if shown is not None and event_id in (0, shown.event.id):
            then(shown)
        elif event_id:
            ctx = ctx_of(self)
            in_thread(self, lambda: svc.event_detail(ctx, event_id), then,
                      group="events-act", failed=self._refused)
        else:
            self.notify(say_keys(self, "No event selected: press {events.new} to add one."),
                        markup=False)

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, InputError):
            self.notify(exc.message[:1].upper() + exc.message[1:] + ".", title="Not done",
                        severity="warning", markup=False)
        else:
            report_error(self, exc)

    def _changed(self, message: str, event_id: int | None = None) -> None:
        self.notify(message, markup=False)
        if event_id is not None:
            self.select_event(event_id)
        app_of(self).data_changed()

    # -- the events themselves --------------------------------------------------------------
    def action_new_event(self) -> None:
        from netrhythm.ui.dialogs.event_form import EventFormDialog

        self.app.push_screen(EventFormDialog(None), self._saved)

    def action_edit_event(self, event_id: int = 0) -> None:
        from netrhythm.ui.dialogs.event_form import EventFormDialog

        self._with_event(event_id, lambda d: self.app.push_screen(
            EventFormDialog(d.event.id), self._saved))

    def _saved(self, result: tuple[str, int] | None) -> None:
        if result:
            self._changed(result[0], result[1])

    def action_delete_event(self, event_id: int = 0) -> None:
        from netrhythm.ui.dialogs.confirm import ConfirmDialog

        def ask(d: EventDetail) -> None:
            question = Content.assemble(
                "Delete ", literal(d.event.name, "bold"), f" ({short_date(d.event.held_on)})?\n",
                ("Actions logged there and people met there stay, without the link. "
                 f"{undo_hint(self, afterwards=True)}", "$text-muted"))
            self.app.push_screen(ConfirmDialog(question, "Delete", "Delete event"),
                                 lambda yes: self._delete(d.event.id) if yes else None)

        self._with_event(event_id, ask)

    def _delete(self, event_id: int) -> None:
        ctx = ctx_of(self)
        in_thread(self, lambda: svc.delete_event(ctx, f"#{event_id}"),
                  lambda e: self._changed(f"Deleted {e.name}. {undo_hint(self)}"),
                  group="events-write", failed=self._refused)

    # -- going, and the people met there ----------------------------------------------------
    def action_attended(self, event_id: int = 0) -> None:
        """Log attending the event now: its practice, on the day it was held."""
        ctx = ctx_of(self)

        def log(d: EventDetail) -> None:
            in_thread(self, lambda: svc.log_attended(ctx, d.event.id),
                      lambda text: self._changed(f"{text} {undo_hint(self)}", d.event.id),
                      group="events-write", failed=self._attend_refused)

        self._with_event(event_id, log)

    def _attend_refused(self, exc: Exception) -> None:
        if isinstance(exc, InputError) and exc.field == "practice":
            exc = InputError(exc.field, exc.message + say_keys(
                self, "; press {events.log} to choose a practice"))
        self._refused(exc)

    def action_met_someone(self, event_id: int = 0) -> None:
        """Add a contact met at the event (a follow-up is scheduled for them)."""
        from netrhythm.ui.dialogs.event_contact import MetAtEventDialog

        def added(result: tuple[str, int] | None, d: EventDetail) -> None:
            if result:
                self._met = result[1], result[0]
                self._changed(result[0], d.event.id)

        self._with_event(event_id, lambda d: self.app.push_screen(
            MetAtEventDialog(d), lambda result: added(result, d)))

    def _announce_met(self, detail: EventDetail) -> None:
        """Once the new person shows, say when to follow up (the window closes fast)."""
        if self._met is None:
            return
        person = next((p for p in detail.people if p.contact_id == self._met[0]), None)
        if person is not None and person.follow_up_due is not None:
            self._met = None
            self.notify(f"Follow up with {person.name} by {short_date(person.follow_up_due)}"
                        f", while {detail.event.name} is fresh.", title="Follow-up scheduled",
                        markup=False)

    def action_log_at_event(self, event_id: int = 0) -> None:
        """The Log form at the event, on its day: attending (unless logged) with people."""
        from netrhythm.ui.dialogs.event_log import EventLogDialog

        def logged(description: str | None) -> None:
            if description:
                self.notify(description, markup=False)
                app_of(self).data_changed()

        self._with_event(event_id, lambda d: self.app.push_screen(
            EventLogDialog(d, d.event.held_on <= ctx_of(self).today()), logged))

    # -- calendars --------------------------------------------------------------------------
    def action_import_events(self) -> None:
        """The Import dialog for an .ics file; the list reloads when it closes."""
        from netrhythm.ui.dialogs.import_file import CALENDAR, ImportDialog

        self.app.push_screen(ImportDialog(kind=CALENDAR),
                             lambda result: app_of(self).data_changed() if result else None)

    def action_export_events(self) -> None:
        """Write the events to come and the open follow-ups as an .ics file."""
        from netrhythm.services.calendars.export import write_to_folder

        ctx = ctx_of(self)
        in_thread(self, lambda: write_to_folder(ctx),
                  lambda path: self.notify(f"Wrote {path} (events to come and open "
                                           "follow-ups).", title="Exported", markup=False),
                  group="events-export", failed=self._refused)

    def action_follow_up(self) -> None:
        """The Log form for a follow-up with the highlighted person, at the event shown."""
        contact_id = self.person()
        if contact_id is None:
            self.notify("Highlight someone under Met here first (tab).", markup=False)
            return
        shown = self.selected_event()
        app_of(self).action_log("follow-up", contact_id=contact_id,
                                event=shown.event.name if shown else "")
