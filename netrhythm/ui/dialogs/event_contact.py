"""A new contact met at an event: the contact form with "Met at" and "Met on" filled in.

Saving it goes through the contacts service, which schedules a follow-up within the event
follow-up window (Settings, ``follow-up-after-event``; 3 days by default) whose nudge names
the event. Dismisses like the contact form: ``(message, contact id)``, or None.
"""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from netrhythm.domain.dates import short_date
from netrhythm.services.events import EventDetail
from netrhythm.ui.appref import ctx_of
from netrhythm.ui.dialogs.contact_form import ContactFormDialog
from netrhythm.ui.format import literal
from netrhythm.ui.widgets.form_field import FormField


class MetAtEventDialog(ContactFormDialog):
    """Someone you met at ``detail.event``."""

    def __init__(self, detail: EventDetail) -> None:
        super().__init__(None)
        self.detail = detail

    def on_mount(self) -> None:
        # ContactFormDialog.on_mount runs after this one (Textual calls both).
        event, today = self.detail.event, ctx_of(self).today()
        self.query_one("#met-at", Input).value = self.detail.ref
        if event.held_on <= today:
            self.query_one("#met-on", Input).value = event.held_on.isoformat()
        self.query_one(".dialog").border_title = literal(f"Someone you met at {event.name}")
        self.call_after_refresh(self._hint, event.name, event.held_on, today)

    def _hint(self, name: str, held_on: date, today: date) -> None:
        due = date.fromordinal(max(held_on, today).toordinal() + self.detail.follow_up_days)
        what = f" · {self.detail.ref} is {name}, {short_date(held_on)}" \
            if self.detail.ref != name else ""
        self.query_one("#field-met-at", FormField).set_hint(
            f"follow-up due {short_date(due)}{what}")
