"""The Log form: practice, date, contacts (autocomplete, several), event, note, follow-up.

Dates use the command line's grammar (today, yesterday, a weekday name, YYYY-MM-DD). Every
field is checked by the same service as ``netrhythm log``; what is wrong is shown beside the
field and nothing is saved. Enter or ctrl+s saves, Escape cancels. Dismisses with a line
saying what was logged, or None.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select

from netrhythm.domain.dates import format_day, parse_date
from netrhythm.domain.errors import InputError
from netrhythm.domain.validate import positive_int
from netrhythm.services.choices import LogChoices, log_choices
from netrhythm.services.tracking.log import Logged, LogRequest, log_action
from netrhythm.ui.appref import ctx_of
from netrhythm.ui.background import in_thread
from netrhythm.ui.dialogs.form import FormDialog
from netrhythm.ui.widgets.form_field import FormField, TextInput
from netrhythm.ui.widgets.name_map import NameMap
from netrhythm.ui.widgets.suggest import NameSuggester, split_names

FIELDS = {"practice": "practice", "--date": "date", "--with": "contacts", "--event": "event",
          "--note": "note", "--follow-up": "follow-up"}


@dataclass(frozen=True)
class LogPrefill:
    practice: str = ""  # a slug
    contact_ids: tuple[int, ...] = ()
    event: str = ""


class LogDialog(FormDialog[str | None]):
    """Log one action."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="log.cancel"),
        Binding("ctrl+s", "save", "Save", id="log.save"),
    ]

    def __init__(self, prefill: LogPrefill | None = None) -> None:
        super().__init__(id="log-dialog")
        self.prefill = prefill or LogPrefill()
        self.choices: LogChoices | None = None
        self.names = NameMap([])
        self.labels = NameSuggester(several=True)  # "Name (Company)", for the hint line

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="log-form") as form:
            form.border_title = "Log an action"
            yield FormField("Practice", Select[str]([], prompt="Choose a practice",
                                                    compact=True, id="practice"),
                            id="field-practice")
            yield FormField("Date", TextInput("today", id="date"),
                            "today, yesterday, mon…sun or YYYY-MM-DD", id="field-date")
            yield FormField("With", TextInput(placeholder="names, separated by commas",
                                              id="contacts",
                                              suggester=NameSuggester(several=True)),
                            "→ completes a name; commas separate several", id="field-contacts")
            yield FormField("Event", TextInput(placeholder="optional", id="event",
                                               suggester=NameSuggester()), id="field-event")
            yield FormField("Note", TextInput(placeholder="optional", id="note"),
                            id="field-note")
            yield FormField("Follow up in", TextInput(placeholder="days (optional)",
                                                      id="follow-up", type="integer"),
                            id="field-follow-up")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", compact=True, id="save")
                yield Button("Cancel", compact=True, id="cancel")
            yield Label("Enter or ctrl+s saves · Esc cancels", classes="dialog-keys")

    def on_mount(self) -> None:
        ctx = ctx_of(self)
        in_thread(self, lambda: log_choices(ctx), self._fill, group="log-choices")

    def _fill(self, choices: LogChoices) -> None:
        self.choices = choices
        self.names = NameMap(choices.contacts)
        self.labels.set_names(self.names.labels)
        select = self.query_one("#practice", Select)
        select.set_options([(Text(p.name), p.slug) for p in choices.practices])
        slugs = [p.slug for p in choices.practices]
        if self.prefill.practice in slugs:
            select.value = self.prefill.practice
        contacts = self.query_one("#contacts", Input)
        assert isinstance(contacts.suggester, NameSuggester)
        contacts.suggester.set_names(self.names.tokens)
        contacts.value = ", ".join(self.names.token_for(i) for i in self.prefill.contact_ids
                                   if self.names.has(i))
        event = self.query_one("#event", Input)
        assert isinstance(event.suggester, NameSuggester)
        event.suggester.set_names([e.name for e in choices.events])
        event.value = self.prefill.event
        first = "#contacts" if select.value in slugs else "#practice"
        self.query_one(first).focus()
        self._show_prompt()

    def _show_prompt(self) -> None:
        value = self.query_one("#practice", Select).value
        practice = next((p for p in self.choices.practices if p.slug == value), None) \
            if self.choices else None
        self.query_one("#field-practice", FormField).set_hint(practice.prompt if practice else "")

    def on_select_changed(self, event: Select.Changed) -> None:
        self.query_one("#field-practice", FormField).clear_error()
        self._show_prompt()

    def on_input_changed(self, event: Input.Changed) -> None:
        field = self.query_one(f"#field-{event.input.id}", FormField)
        try:
            if event.input.id == "date" and event.value.strip():
                parse_date(event.value, ctx_of(self).today(), "--date")
            elif event.input.id == "follow-up":
                positive_int(event.value, "--follow-up", allow_empty=True, maximum=365)
        except InputError as exc:
            field.show_error(exc.message)
            return
        field.clear_error()
        if event.input.id == "contacts":
            shown, total = self.labels.matches(event.value, limit=3)
            more = f" (+{total - len(shown)})" if total > len(shown) else ""
            field.set_hint("; ".join(shown) + more if shown else
                           "→ completes a name; commas separate several")

    def action_save(self) -> None:
        if self.choices is None or self.saving:
            return
        value = self.query_one("#practice", Select).value
        if not isinstance(value, str):
            self._failed(InputError("practice", "choose a practice"))
            return
        request = LogRequest(
            practice=value,
            contacts=[self.names.for_service(n) for n in
                      split_names(self.query_one("#contacts", Input).value)],
            note=self.query_one("#note", Input).value,
            date=self.query_one("#date", Input).value,
            event=self.query_one("#event", Input).value,
            follow_up_days=self.query_one("#follow-up", Input).value,
        )
        ctx = ctx_of(self)
        self.save_in_thread(lambda: log_action(ctx, request), self._saved, "log-save")

    def _saved(self, logged: Logged) -> None:
        text = logged.description[0].upper() + logged.description[1:]
        due = ""
        if logged.follow_up_due:  # ISO for the command line; here as everywhere: Mon 30 Nov
            day = date.fromisoformat(logged.follow_up_due)
            due = f"; follow-up due {format_day(day, ctx_of(self).today())}"
        self.dismiss(text + due)

    def field_for(self, error_field: str) -> str:
        return FIELDS.get(error_field, "practice")
