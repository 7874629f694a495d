"""The draft templates (Settings, Drafts, Templates): one kind of draft at a time, edited as
plain text with named placeholders, as ``netrhythm draft --set-template`` does.

The same service checks and saves it: a template with an unknown placeholder is refused, the
placeholder named beside the text, nothing saved. ctrl+s saves the kind shown, ctrl+r puts
its default back, Escape cancels; each save is one change ``u`` takes back. Switching kind
keeps what was typed for the other kinds until the dialog closes (only the one shown is
saved). Dismisses with a line saying what was done, or None.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Label, Select, TextArea

from netrhythm.domain.draft_templates import KINDS, PLACEHOLDERS
from netrhythm.services.drafts import templates as draft_settings
from netrhythm.ui.appref import ctx_of
from netrhythm.ui.background import in_thread
from netrhythm.ui.dialogs.form import FormDialog
from netrhythm.ui.key_hints import say_keys, undo_hint
from netrhythm.ui.widgets.form_field import FormField

RULES = ("A sentence is used only when all its placeholders have facts; \"|\" between two "
         "sentences offers the second instead; a line of --- separates templates (the one "
         "with the most facts present is used).")


def kind_label(kind: str) -> str:
    return kind.replace("-", " ").capitalize()


class TemplatesDialog(FormDialog[str | None]):
    """Edit the template of one kind of draft."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="templates.cancel"),
        Binding("ctrl+s", "save", "Save", id="templates.save"),
        Binding("ctrl+r", "reset", "Default", id="templates.reset"),
    ]

    def __init__(self, kind: str = "reach-out") -> None:
        super().__init__(id="templates-dialog")
        self.kind = kind
        self.texts: dict[str, tuple[str, bool]] = {}  # kind: (text as typed, the user's own)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="templates-form") as form:
            form.border_title = "Draft templates"
            yield FormField("Kind", Select([(kind_label(k), k) for k in KINDS], value=self.kind,
                                           allow_blank=False, compact=True, id="kind"),
                            KINDS[self.kind], id="field-kind")
            yield FormField("Template", TextArea(soft_wrap=True, compact=True, id="template"),
                            id="field-template")
            yield Label("Placeholders: " + " ".join("{" + p + "}" for p in PLACEHOLDERS),
                        classes="templates-help", markup=False)
            yield Label(RULES, classes="templates-help", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", compact=True, id="save")
                yield Button("Default", compact=True, id="reset")
                yield Button("Cancel", compact=True, id="cancel")
            yield Label(say_keys(self, "{templates.save} saves · {templates.reset} default · "
                                       "{templates.cancel} cancels · {app.undo} undoes a save"),
                        classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#template", TextArea).cursor_blink = bool(
            getattr(self.app, "cursor_blink", True))

        def load() -> dict[str, tuple[str, bool]]:
            return {kind: draft_settings.template_text(kind) for kind in KINDS}

        in_thread(self, load, self._loaded, group="templates-load")

    def _loaded(self, texts: dict[str, tuple[str, bool]]) -> None:
        self.texts = texts
        self._show(self.kind)
        self.query_one("#template", TextArea).focus()

    def _show(self, kind: str) -> None:
        self.kind = kind
        text, own = self.texts.get(kind, ("", False))
        field = self.query_one("#field-template", FormField)
        field.clear_error()
        field.set_hint("your own" if own else "the default")
        self.query_one("#field-kind", FormField).set_hint(KINDS[kind])
        self.query_one("#template", TextArea).load_text(text)

    def on_select_changed(self, event: Select.Changed) -> None:
        if not self.texts or not isinstance(event.value, str) or event.value == self.kind:
            return
        self.texts[self.kind] = (self.query_one("#template", TextArea).text,
                                 self.texts[self.kind][1])
        self._show(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "reset":
            event.stop()
            self.action_reset()
        else:
            super().on_button_pressed(event)

    def action_save(self) -> None:
        if not self.texts or self.saving:
            return
        ctx, kind = ctx_of(self), self.kind
        text = self.query_one("#template", TextArea).text
        undo = undo_hint(self)
        self.save_in_thread(lambda: draft_settings.set_template(ctx, kind, text),
                            lambda _: self.dismiss(f"Saved your {kind_label(kind)} template. "
                                                   f"{undo}"), "templates-save")

    def action_reset(self) -> None:
        if not self.texts or self.saving:
            return
        ctx, kind = ctx_of(self), self.kind
        self.save_in_thread(lambda: draft_settings.reset_template(ctx, kind),
                            self.dismiss, "templates-save")

    def field_for(self, error_field: str) -> str:
        return "template"
