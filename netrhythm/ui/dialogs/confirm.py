"""Ask before doing something drastic (deleting a contact); dismisses True or False."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from netrhythm.ui.sheets import sheet


class ConfirmDialog(ModalScreen[bool]):
    """``question`` (literal Content, so names show as typed) with Yes / No."""

    CSS_PATH = sheet("dialogs")

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: Content, yes: str = "Delete", title: str = "Are you sure?"):
        super().__init__(id="confirm-dialog")
        self.question = question
        self.yes = yes
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm") as box:
            box.border_title = self.title_text
            yield Label(self.question, id="confirm-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (y)", variant="error", compact=True, id="yes")
                yield Button("Cancel (n)", compact=True, id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
