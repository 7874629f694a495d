"""What every form dialog does the same way: Enter completes a name or saves, the Save and
Cancel buttons, and Escape cancels. Subclasses implement ``action_save``."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen
from textual.widgets import Button, Input

from netrhythm.ui.widgets.suggest import NameSuggester

R = TypeVar("R")


class FormDialog(ModalScreen[R]):
    """A modal form whose result is ``None`` when cancelled."""

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a name field first completes the name; otherwise it saves."""
        event.stop()
        suggester = event.input.suggester
        if isinstance(suggester, NameSuggester):
            completed = suggester.complete(event.value)
            if completed and completed != event.value:
                event.input.value = completed
                event.input.cursor_position = len(completed)
                return
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)
