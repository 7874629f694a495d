"""Add or edit a contact: every field, checked by the same service as ``netrhythm contacts``.

What is wrong is shown beside the field and nothing is saved. ctrl+s saves, Escape cancels.
Dismisses with ``(message, contact id)``, or None.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, TextArea

from netrhythm.domain.records import ContactRec
from netrhythm.services.choices import event_names
from netrhythm.services.contacts.manage import ContactForm, add_contact, get_contact
from netrhythm.services.contacts.manage import edit_contact as edit_service
from netrhythm.ui.appref import ctx_of
from netrhythm.ui.background import in_thread
from netrhythm.ui.dialogs.form import FormDialog
from netrhythm.ui.format import literal
from netrhythm.ui.key_hints import say_keys
from netrhythm.ui.widgets.form_field import FormField, TextInput
from netrhythm.ui.widgets.suggest import NameSuggester, split_names

# (widget id, label, placeholder)
INPUTS = (
    ("name", "Name", "required"), ("company", "Company", ""), ("role", "Role", ""),
    ("email", "Email", ""), ("phone", "Phone", ""), ("url", "URL", ""),
    ("tags", "Tags", "shared interests, separated by commas"),
    ("every", "Keep in touch", "every N days (optional)"),
    ("how-met", "How you met", ""), ("met-at", "Met at", "an event (optional)"),
    ("met-on", "Met on", "a date (optional)"),
    ("last-contact", "Last contact", "when you last talked, if not logged (optional)"),
)
ERROR_FIELDS = {"tag": "tags"}


class ContactFormDialog(FormDialog[tuple[str, int] | None]):
    """A new contact (``contact_id`` None) or an existing one to edit."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="contact_form.cancel"),
        Binding("ctrl+s", "save", "Save", id="contact_form.save"),
    ]

    def __init__(self, contact_id: int | None = None) -> None:
        super().__init__(id="contact-form-dialog")
        self.contact_id = contact_id
        self.loaded = contact_id is None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="contact-form") as form:
            form.border_title = "New contact" if self.contact_id is None else "Edit contact"
            for key, label, placeholder in INPUTS:
                suggester = NameSuggester() if key == "met-at" else None
                yield FormField(label, TextInput(placeholder=placeholder, id=key,
                                                 suggester=suggester,
                                                 type="integer" if key == "every" else "text"),
                                id=f"field-{key}")
            yield FormField("Notes", TextArea(id="notes", compact=True, soft_wrap=True),
                            id="field-notes")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", compact=True, id="save")
                yield Button("Cancel", compact=True, id="cancel")
            yield Label(say_keys(self, "{contact_form.save} saves · {contact_form.cancel} cancels"),
                        classes="dialog-keys")

    def on_mount(self) -> None:
        ctx, contact_id = ctx_of(self), self.contact_id
        in_thread(self, lambda: (event_names(ctx), get_contact(contact_id)
                                 if contact_id is not None else None),
                  self._fill, group="contact-form-load")
        self.query_one("#name").focus()

    def _fill(self, loaded: tuple[list[str], ContactRec | None]) -> None:
        events, contact = loaded
        met_at = self.query_one("#met-at", Input)
        assert isinstance(met_at.suggester, NameSuggester)
        met_at.suggester.set_names(events)
        if contact is not None:
            values = {"name": contact.name, "company": contact.company, "role": contact.role,
                      "email": contact.email, "phone": contact.phone, "url": contact.url,
                      "tags": ", ".join(contact.tags),
                      "every": str(contact.cadence_days or ""), "how-met": contact.how_met,
                      "met-at": contact.met_at or "",
                      "met-on": contact.met_on.isoformat() if contact.met_on else "",
                      "last-contact": contact.last_contact_on.isoformat()
                      if contact.last_contact_on else ""}
            for key, value in values.items():
                self.query_one(f"#{key}", Input).value = value
            self.query_one("#notes", TextArea).text = contact.notes
            if contact.tag_cadence and contact.cadence_days is None:
                self.query_one("#field-every", FormField).set_hint(
                    f"its tags say every {contact.tag_cadence} days")
            self.query_one(".dialog").border_title = literal(f"Edit {contact.name}")
            self.select_focused()
        self.loaded = True

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one(f"#field-{event.input.id}", FormField).clear_error()

    def _form(self) -> ContactForm:
        def value(key: str) -> str:
            return self.query_one(f"#{key}", Input).value

        return ContactForm(
            name=value("name"), company=value("company"), role=value("role"),
            email=value("email"), phone=value("phone"), url=value("url"),
            how_met=value("how-met"), notes=self.query_one("#notes", TextArea).text,
            cadence_days=value("every"), met_at=value("met-at"), met_on=value("met-on"),
            tags=split_names(value("tags")), last_contact=value("last-contact"),
        )

    def action_save(self) -> None:
        if not self.loaded or self.saving:
            return
        ctx, form, contact_id = ctx_of(self), self._form(), self.contact_id

        def save() -> tuple[str, int]:
            if contact_id is None:
                rec = add_contact(ctx, form)
                return f"Added {rec.name}.", rec.id
            rec = edit_service(ctx, f"#{contact_id}", form)
            return f"Saved {rec.name}.", rec.id

        self.save_in_thread(save, self.dismiss, "contact-form-save")

    def field_for(self, error_field: str) -> str:
        key = error_field.lstrip("-").split(" (")[0].replace(" ", "-")
        key = ERROR_FIELDS.get(key, key)
        return key if self.query(f"#field-{key}") else "name"
