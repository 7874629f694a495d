"""Tags and their keep-in-touch cadences (``t`` on the Contacts screen).

A table of every tag: how many contacts hold it and its cadence. Enter edits the highlighted
tag's cadence in the field below (a number of days; empty or ``none`` for no cadence), Enter
there saves it, Escape goes back to the table and then closes. Saving goes through
``services.contacts.tags`` as one change: ``u`` undoes it, here too, and the table follows
(this dialog reloads on every data change, as the screens do).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label

from netrhythm.domain.errors import InputError
from netrhythm.services.contacts.tags import TagCadence, TagRow, list_tags, set_tag_cadence
from netrhythm.ui.background import in_thread, report_error
from netrhythm.ui.key_hints import say_keys, undo_hint
from netrhythm.ui.screens.base import DataScreen
from netrhythm.ui.sheets import sheet
from netrhythm.ui.widgets.form_field import FormField, TextInput

KEYS = "Enter edits · Enter saves · {tags.undo} undoes · {tags.close} closes"


def cadence_text(days: int | None) -> str:
    return f"every {days} days" if days else "—"


class TagsDialog(DataScreen, ModalScreen[None]):
    """Every tag, its contacts and cadence; the highlighted one's cadence can be changed."""

    CSS_PATH = sheet("dialogs")
    # A modal screen hides the app's keys: undo is offered here too.
    BINDINGS = [Binding("escape", "back", "Close", id="tags.close"),
                Binding("u", "app.undo", "Undo", id="tags.undo")]

    def __init__(self) -> None:
        super().__init__(id="tags-dialog")
        self.tags: list[TagRow] = []
        self.editing: str | None = None  # the tag whose cadence the field below edits

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="tags") as box:
            box.border_title = "Tags"
            yield DataTable(cursor_type="row", zebra_stripes=False, id="tags-table")
            yield FormField("Every", TextInput(placeholder="days; empty for no cadence",
                                               id="every", disabled=True), id="field-every")
            yield Label(say_keys(self, KEYS), classes="dialog-keys")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Tag", "Contacts", "Cadence")
        table.focus()  # the tags load when the dialog is first shown (DataScreen)

    def load(self) -> None:
        in_thread(self, list_tags, self.show, group="tags-load")

    def show(self, tags: list[TagRow]) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        self.tags = tags
        table.clear()
        for t in tags:
            table.add_row(Text(t.name), Text(str(t.contacts), justify="right"),
                          Text(cadence_text(t.cadence_days)))
        if tags:
            table.move_cursor(row=min(row, len(tags) - 1))
        else:
            self.query_one("#field-every", FormField).set_hint(
                "No tags yet: give contacts tags (edit a contact, then Tags).")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if 0 <= event.cursor_row < len(self.tags):
            tag = self.tags[event.cursor_row]
            self.editing = tag.name
            field = self.query_one("#every", Input)
            field.disabled = False
            field.value = str(tag.cadence_days or "")
            self.query_one("#field-every", FormField).set_hint(
                f"keep in touch with everyone tagged {tag.name} every … days")
            field.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#field-every", FormField).clear_error()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name, text = self.editing, event.value
        if name is None:
            return
        ctx = self.ctx
        in_thread(self, lambda: set_tag_cadence(ctx, name, text), self._saved,
                  group="tags-save", failed=self._failed)

    def _saved(self, done: TagCadence) -> None:
        self._stop_editing()
        if done.before == done.cadence_days:
            self.notify(f"{done.name}: nothing changed.", markup=False)
            return
        spread = f"; {len(done.first_dues)} now due from {done.first_dues[0].isoformat()}, " \
                 "at most 5 a week" if done.first_dues else ""
        self.notify(f"{done.name}: {cadence_text(done.cadence_days)}{spread}. "
                    f"{undo_hint(self, binding_id='tags.undo')}", markup=False)
        self.napp.data_changed()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, InputError):
            self.query_one("#field-every", FormField).show_error(exc.message)
        else:
            report_error(self, exc)

    def _stop_editing(self) -> None:
        self.editing = None
        field = self.query_one("#every", Input)
        field.value = ""
        field.disabled = True
        self.query_one("#field-every", FormField).clear_error()
        self.query_one("#field-every", FormField).set_hint("")
        self.query_one(DataTable).focus()

    def action_back(self) -> None:
        if self.editing is not None:
            self._stop_editing()
        else:
            self.dismiss(None)
