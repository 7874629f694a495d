"""A labelled form field with its error message beside it, and inputs the forms share.

``FormField`` lays out ``label │ control`` with a line under the control for a hint or, in
red, what is wrong with the value. ``TextInput`` is an ``Input`` that follows the app's
cursor-blink setting (off in tests and screenshots, so pictures are stable).
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label


class TextInput(Input):
    """A compact one-line input."""

    def __init__(self, value: str = "", **kwargs: Any) -> None:
        super().__init__(value, compact=True, **kwargs)

    def on_mount(self) -> None:
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))


class FormField(Vertical):
    """``label`` beside ``control``; a hint or an error under the control."""

    DEFAULT_CSS = """
    FormField { height: auto; }
    FormField > Horizontal { height: auto; }
    FormField .field-label { width: 14; padding-right: 1; text-align: right; color: $text-muted; }
    FormField .field-note { margin-left: 14; height: auto; color: $text-muted; }
    FormField .field-note.-error { color: $text-error; text-style: bold; }
    FormField .field-note.-empty { display: none; }
    """

    def __init__(self, label: str, control: Widget, hint: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.label = label
        self.control = control
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(self.label, classes="field-label", markup=False)
            yield self.control
        yield Label(self.hint, classes="field-note" + ("" if self.hint else " -empty"),
                    markup=False)

    @property
    def note(self) -> Label:
        return self.query_one(".field-note", Label)

    @property
    def error(self) -> str:
        return str(self.note.content) if self.note.has_class("-error") else ""

    def set_hint(self, text: str) -> None:
        if text == self.hint:
            return
        self.hint = text
        if not self.note.has_class("-error"):
            self.note.update(text)
            self.note.set_class(not text, "-empty")

    def show_error(self, message: str) -> None:
        self.note.update(message)
        self.note.add_class("-error")
        self.note.remove_class("-empty")

    def clear_error(self) -> None:
        # Called on every keystroke: without an error the note already shows the hint, and
        # updating it anyway re-lays out the whole screen (about 0.1 s a key, measured).
        if not self.note.has_class("-error"):
            return
        self.note.remove_class("-error")
        self.note.update(self.hint)
        self.note.set_class(not self.hint, "-empty")
