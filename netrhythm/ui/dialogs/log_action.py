"""The Log form: practice, date, contacts (choices, several, new people), event, note,
follow-up.

Dates use the command line's grammar (today, yesterday, a weekday name, YYYY-MM-DD). Every
field is checked by the same service as ``netrhythm log``; what is wrong is shown beside the
field and nothing is saved. Enter or ctrl+s saves (Enter in "With" first takes the highlighted
name: see ``WithField``), Escape cancels. Opened for a contact, the practice is the one
``start_practice`` chooses and the Note has focus, so Enter saves. Keys typed before the
choices are loaded are kept, Enter included. Dismisses with a line saying what was logged,
or None.
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
from netrhythm.domain.resolve import NoMatch
from netrhythm.domain.validate import positive_int
from netrhythm.services.choices import LogChoices, log_choices
from netrhythm.services.tracking.log import Logged, LogRequest, log_action
from netrhythm.services.tracking.start_practice import start_slug
from netrhythm.ui.appref import ctx_of
from netrhythm.ui.background import in_thread
from netrhythm.ui.dialogs.form import FormDialog
from netrhythm.ui.key_hints import say_keys
from netrhythm.ui.widgets.form_field import FormField, TextInput
from netrhythm.ui.widgets.name_map import NameMap
from netrhythm.ui.widgets.suggest import NameSuggester
from netrhythm.ui.widgets.with_field import WithField

FIELDS = {"practice": "practice", "--date": "date", "--with": "contacts", "--event": "event",
          "--note": "note", "--follow-up": "follow-up"}


@dataclass(frozen=True)
class LogPrefill:
    practice: str = ""  # a slug, chosen by the user
    contact_ids: tuple[int, ...] = ()
    event: str = ""
    nudged: str = ""  # the slug a nudge (Who next, gone cold, a follow-up due) named


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
        self.start = ""  # the practice to start on: the prefill's, or start_practice's
        self._pending: Input | None = None  # Enter pressed before the choices were loaded

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="log-form") as form:
            form.border_title = "Log an action"
            yield FormField("Practice", Select[str]([], prompt="Choose a practice",
                                                    compact=True, id="practice"),
                            id="field-practice")
            yield FormField("Date", TextInput("today", id="date"),
                            "today, yesterday, mon…sun or YYYY-MM-DD", id="field-date")
            yield WithField(id="field-contacts")
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
            yield Label(say_keys(self, "Enter or {log.save} saves · {log.cancel} cancels"),
                        classes="dialog-keys")

    def on_mount(self) -> None:
        prefill, ctx = self.prefill, ctx_of(self)
        first = "#note" if prefill.contact_ids else "#contacts" if prefill.practice \
            else "#practice"
        self.query_one(first).focus()

        def load() -> tuple[LogChoices, str]:
            start = prefill.practice or prefill.nudged
            if prefill.contact_ids and not prefill.practice:
                start = start_slug(ctx, prefill.contact_ids[0], prefill.nudged)
            return log_choices(ctx), start

        in_thread(self, load, self._fill, group="log-choices")

    def _fill(self, loaded: tuple[LogChoices, str]) -> None:
        choices, self.start = loaded
        self.choices = choices
        self.names = NameMap(choices.contacts)
        select = self.query_one("#practice", Select)
        select.set_options([(Text(p.name), p.slug) for p in choices.practices])
        if self.start in [p.slug for p in choices.practices]:
            select.value = self.start
        if self.prefill.contact_ids:
            self.query_one("#contacts", Input).value = ", ".join(
                self.names.token_for(i) for i in self.prefill.contact_ids if self.names.has(i))
        self.query_one(WithField).set_names(self.names.tokens, self.names.labels)
        event = self.query_one("#event", Input)
        assert isinstance(event.suggester, NameSuggester)
        event.suggester.set_names([e.name for e in choices.events])
        if self.prefill.event:
            event.value = self.prefill.event
        self._show_prompt()
        if self._pending is not None:
            self.submit_field(self._pending)

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

    def submit_field(self, field: Input) -> None:
        """Enter in ``field``: kept until the choices are loaded; in "With", takes the
        highlighted name first."""
        if self.choices is None:
            self._pending = field
            return
        self._pending = None
        if field.id != "contacts":
            super().submit_field(field)
        elif self.query_one(WithField).enter():
            self.action_save()

    def action_save(self) -> None:
        if self.choices is None or self.saving:
            return
        value = self.query_one("#practice", Select).value
        if not isinstance(value, str):
            self._failed(InputError("practice", "choose a practice"))
            return
        known, new = self.query_one(WithField).names()
        request = LogRequest(
            practice=value,
            contacts=[self.names.for_service(n) for n in known],
            new_contacts=new,
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

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, NoMatch):
            exc = exc.with_hint("To add them as a new contact, press Enter on “Create …” in With.")
        super()._failed(exc)

    def field_for(self, error_field: str) -> str:
        return FIELDS.get(error_field, "practice")
