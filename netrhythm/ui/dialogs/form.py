"""What every form dialog does the same way: Enter completes a name or saves, the Save and
Cancel buttons, Escape cancels, saving in a thread, and a refusal shown beside the field it
names. Subclasses implement ``action_save`` (calling ``save_in_thread``) and ``field_for``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Button, Input

from netrhythm.domain.errors import InputError
from netrhythm.ui.background import in_thread, report_error
from netrhythm.ui.sheets import sheet
from netrhythm.ui.widgets.form_field import FormField
from netrhythm.ui.widgets.suggest import NameSuggester

R = TypeVar("R")


class FormDialog(ModalScreen[R]):
    """A modal form whose result is ``None`` when cancelled."""

    CSS_PATH = sheet("dialogs")
    # Priority: Tab moves the focus when the app reads the key, so keys typed before it (a
    # paste, a fast typist) reach the field they were typed in, and keys after it the next.
    # A plain binding would wait until the field had handled the keys queued before it.
    BINDINGS = [
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True,
                id="form.next"),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False,
                priority=True, id="form.previous"),
    ]

    saving = False  # a save is under way: Enter and ctrl+s wait for it

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a name field first completes the name; otherwise it saves."""
        event.stop()
        self.submit_field(event.input)

    def submit_field(self, field: Input) -> None:
        """Enter in ``field``: complete the name in it, or save."""
        suggester = field.suggester
        if isinstance(suggester, NameSuggester):
            completed = suggester.complete(field.value)
            if completed and completed != field.value:
                field.value = completed
                field.cursor_position = len(completed)
                return
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)

    def save_in_thread(self, job: Callable[[], Any], done: Callable[[Any], object],
                       group: str) -> None:
        """Run the service call ``job`` in a thread; ``done`` gets its result; a refusal is
        shown beside its field."""
        self.saving = True

        def finished(result: Any) -> None:
            self.saving = False
            done(result)

        in_thread(self, job, finished, group=group, failed=self._failed)

    def select_focused(self) -> None:
        """Select all of the focused field, as focusing it does. Call after filling in values
        loaded in a worker: the field was focused while still empty, and typing must replace
        the loaded text, not add to it."""
        if isinstance(self.focused, Input):
            self.focused.select_all()

    def field_for(self, error_field: str) -> str:
        """The id of the form field (``field-ID``, input ``ID``) a service's error names."""
        raise NotImplementedError

    def _failed(self, exc: Exception) -> None:
        self.saving = False
        if not isinstance(exc, InputError):
            report_error(self, exc)
            return
        key = self.field_for(exc.field)
        field = self.query_one(f"#field-{key}", FormField)
        field.show_error(exc.message)
        self.query_one(f"#{key}").focus()
        self.notify(f"Not saved: {refusal(field.label, exc.message)}", severity="warning",
                    markup=False)


def refusal(label: str, message: str) -> str:
    """``Name is empty; give a name.``: the field's label, then what is wrong with it."""
    joined = f"{label} {message}" if message.split(" ", 1)[0] in _VERBS else f"{label}: {message}"
    return joined if joined.endswith(".") else joined + "."


_VERBS = {"is", "are", "must", "needs", "has", "cannot", "can", "should", "was"}
