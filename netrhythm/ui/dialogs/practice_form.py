"""Add or edit a practice: name, target, period, kind, prompt and its command-line name.

Checked by the same service as `netrhythm practices add|edit`: what is wrong is shown beside
the field and nothing is saved. Enter or ctrl+s saves, Escape cancels. Dismisses with
``(message, practice id)``, or None.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select

from netrhythm.domain.records import PracticeRec
from netrhythm.services.practices import PracticeForm, add_practice, edit_practice
from netrhythm.ui.appref import ctx_of
from netrhythm.ui.dialogs.form import FormDialog
from netrhythm.ui.format import literal
from netrhythm.ui.key_hints import say_keys, undo_hint
from netrhythm.ui.widgets.form_field import FormField, TextInput

PERIODS = (("every week", "1"), ("every 2 weeks", "2"), ("every 4 weeks", "4"))
KINDS = (("neutral", "neutral"), ("give: helping others", "give"),
         ("ask: asking for help", "ask"))
FIELDS = ("name", "target", "period", "kind", "prompt", "slug")


class PracticeFormDialog(FormDialog[tuple[str, int] | None]):
    """A new practice (``practice`` None) or an existing one to edit."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="practice_form.cancel"),
        Binding("ctrl+s", "save", "Save", id="practice_form.save"),
    ]

    def __init__(self, practice: PracticeRec | None = None) -> None:
        super().__init__(id="practice-form-dialog")
        self.practice = practice

    def compose(self) -> ComposeResult:
        p = self.practice
        with VerticalScroll(classes="dialog", id="practice-form") as form:
            form.border_title = literal(f"Edit {p.name}") if p else "New practice"
            yield FormField("Name", TextInput(p.name if p else "", id="name",
                                              placeholder="required"), id="field-name")
            yield FormField("Target", TextInput(str(p.target) if p else "1", id="target",
                                                type="integer", placeholder="times per period"),
                            hint="how many times per period (1-100)", id="field-target")
            yield FormField("Period", Select(PERIODS, value=str(p.period_weeks) if p else "1",
                                             allow_blank=False, compact=True, id="period"),
                            hint="calendar weeks, never a rolling window", id="field-period")
            yield FormField("Kind", Select(KINDS, value=p.reciprocity if p else "neutral",
                                           allow_blank=False, compact=True, id="kind"),
                            id="field-kind")
            yield FormField("Prompt", TextInput(p.prompt if p else "", id="prompt",
                                                placeholder="one line of advice"),
                            id="field-prompt")
            yield FormField("Command name", TextInput(p.slug if p else "", id="slug",
                                                      placeholder="made from the name"),
                            hint="for `netrhythm log NAME`", id="field-slug")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", compact=True, id="save")
                yield Button("Cancel", compact=True, id="cancel")
            yield Label(say_keys(self, "Enter or {practice_form.save} saves · "
                                       "{practice_form.cancel} cancels"), classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#name" if self.practice is None else "#target").focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one(f"#field-{event.input.id}", FormField).clear_error()

    def _form(self) -> PracticeForm:
        def value(key: str) -> str:
            return self.query_one(f"#{key}", Input).value

        def choice(key: str) -> str:
            return str(self.query_one(f"#{key}", Select).value)

        slug = value("slug").strip()
        return PracticeForm(name=value("name"), slug=slug or None, target=value("target"),
                            period_weeks=choice("period"), reciprocity=choice("kind"),
                            prompt=value("prompt"))

    def action_save(self) -> None:
        if self.saving:
            return
        ctx, form, practice = ctx_of(self), self._form(), self.practice
        undo = undo_hint(self)

        def save() -> tuple[str, int]:
            if practice is None:
                rec = add_practice(ctx, form)
                return f"Added {rec.name}. {undo}", rec.id
            rec = edit_practice(ctx, f"#{practice.id}", form)
            return f"Saved {rec.name}. {undo}", rec.id

        self.save_in_thread(save, self.dismiss, "practice-form-save")

    def field_for(self, error_field: str) -> str:
        key = error_field.lstrip("-")
        return key if key in FIELDS else "name"
