"""Add or edit an event: name, date, where, link, notes, checked by the events service.

The date takes the command line's forms (YYYY-MM-DD, today, yesterday, a weekday name for the
last one) and shows the day it means as you type; events may be in the future. What is wrong
is shown beside the field and nothing is saved. Enter or ctrl+s saves, Escape cancels.
Dismisses with ``(message, event id)``, or None.
"""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, TextArea

from netrhythm.domain.dates import resolve_date
from netrhythm.domain.errors import InputError
from netrhythm.domain.records import EventRec
from netrhythm.services.events import EventForm, add_event, edit_event, get_event
from netrhythm.ui.appref import ctx_of
from netrhythm.ui.background import in_thread
from netrhythm.ui.dialogs.form import FormDialog
from netrhythm.ui.format import literal
from netrhythm.ui.key_hints import say_keys
from netrhythm.ui.widgets.event_detail import when_text
from netrhythm.ui.widgets.form_field import FormField, TextInput

# (widget id, label, placeholder)
INPUTS = (("name", "Name", "required"), ("date", "Date", "YYYY-MM-DD"),
          ("location", "Where", "a venue or a city (optional)"),
          ("url", "Link", "the event's page (optional)"))
DATE_HINT = "YYYY-MM-DD, today, yesterday, mon…sun (the last one)"
FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
FIELDS = {"name": "name", "--date": "date", "--location": "location", "--url": "url",
          "--notes": "notes", "event": "name"}


class EventFormDialog(FormDialog[tuple[str, int] | None]):
    """A new event (``event_id`` None) or an existing one to edit."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="event_form.cancel"),
        Binding("ctrl+s", "save", "Save", id="event_form.save"),
    ]

    def __init__(self, event_id: int | None = None) -> None:
        super().__init__(id="event-form-dialog")
        self.event_id = event_id
        self.loaded = event_id is None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="event-form") as form:
            form.border_title = "New event" if self.event_id is None else "Edit event"
            for key, label, placeholder in INPUTS:
                yield FormField(label, TextInput(placeholder=placeholder, id=key),
                                DATE_HINT if key == "date" else "", id=f"field-{key}")
            yield FormField("Notes", TextArea(id="notes", compact=True, soft_wrap=True),
                            "topics, who will be there, what to ask", id="field-notes")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", compact=True, id="save")
                yield Button("Cancel", compact=True, id="cancel")
            yield Label(say_keys(self, "Enter or {event_form.save} saves · {event_form.cancel} "
                                       "cancels"), classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#name").focus()
        if self.event_id is not None:
            event_id = self.event_id
            in_thread(self, lambda: get_event(event_id), self._fill, group="event-form-load")

    def _fill(self, event: EventRec) -> None:
        values = {"name": event.name, "date": event.held_on.isoformat(),
                  "location": event.location, "url": event.url}
        for key, value in values.items():
            self.query_one(f"#{key}", Input).value = value
        self.query_one("#notes", TextArea).text = event.notes
        self.query_one(".dialog").border_title = literal(f"Edit {event.name}")
        self.select_focused()
        self.loaded = True

    def on_input_changed(self, event: Input.Changed) -> None:
        field = self.query_one(f"#field-{event.input.id}", FormField)
        field.clear_error()
        if event.input.id == "date":
            self._show_day(field, event.value)

    def _show_day(self, field: FormField, text: str) -> None:
        """The day the date names, as you type (or the forms it accepts)."""
        today = ctx_of(self).today()
        try:
            day = resolve_date(text, today, "--date") if text.strip() else None
        except InputError as exc:
            if FULL_DATE.fullmatch(text.strip()):  # not while a date is half typed
                field.show_error(exc.message)
            day = None
        field.set_hint(f"→ {when_text(day, today)}" if day else DATE_HINT)

    def _form(self) -> EventForm:
        def value(key: str) -> str:
            return self.query_one(f"#{key}", Input).value

        return EventForm(name=value("name"), held_on=value("date"), location=value("location"),
                         url=value("url"), notes=self.query_one("#notes", TextArea).text)

    def action_save(self) -> None:
        if not self.loaded or self.saving:
            return
        ctx, form, event_id = ctx_of(self), self._form(), self.event_id

        def save() -> tuple[str, int]:
            if event_id is None:
                rec = add_event(ctx, form)
                return f"Added {rec.name}.", rec.id
            rec = edit_event(ctx, f"#{event_id}", form)
            return f"Saved {rec.name}.", rec.id

        self.save_in_thread(save, self.dismiss, "event-form-save")

    def field_for(self, error_field: str) -> str:
        return FIELDS.get(error_field, "name")
