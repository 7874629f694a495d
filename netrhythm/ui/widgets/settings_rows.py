"""One line of the Settings screen: a label, its value, a hint, and an inline editor.

A ``Row`` says what a line shows and how it is changed: from a list of choices (a ``Select``),
by typing (an ``Input``), or by a flip (Enter or Space, no editor). ``SettingRow`` shows it;
while it is edited the editor takes the place of the value, and a message under the line
says what is wrong with the value typed (naming the field).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, Select

from netrhythm.ui.widgets.form_field import TextInput


@dataclass(frozen=True)
class Row:
    """A setting as shown: ``value`` is the text the service takes (``thursday``, ``10``)."""

    key: str
    label: str
    value: str
    shown: Content
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (label, value): edited with a Select
    placeholder: str = ""  # edited by typing, with this placeholder
    flip: str | None = None  # the value Space (and Enter, without choices) switches to

    @property
    def editable(self) -> bool:
        return bool(self.choices) or self.flip is None


class SettingRow(Vertical):
    """A row of a ``SettingsList``; ``-cursor`` marks the highlighted one."""

    DEFAULT_CSS = """
    SettingRow { height: auto; }
    SettingRow > Horizontal { height: 1; }
    SettingRow .setting-label { width: 18; color: $text-muted; }
    SettingRow .setting-value { width: 17; }
    SettingRow .setting-hint { width: 1fr; color: $text-muted; text-wrap: nowrap;
                               text-overflow: ellipsis; display: none; }
    SettingRow .setting-editor { width: 17; }
    SettingRow .setting-note { width: 1fr; height: auto; color: $text-error; text-style: bold; }
    SettingRow .setting-note.-empty { display: none; }
    SettingRow.-editing .setting-value { display: none; }
    """

    def __init__(self, row: Row, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.row = row
        self.editor: Input | Select[str] | None = None

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(self.row.label, classes="setting-label", markup=False)
            yield Label(self.row.shown, classes="setting-value")
            yield Label(self.row.hint, classes="setting-hint", markup=False)
        yield Label("", classes="setting-note -empty", markup=False)

    def show(self, row: Row) -> None:
        """Show ``row`` (new values for the same setting)."""
        self.row = row
        if not self.query(".setting-label"):
            return  # not composed yet: compose shows the new row
        self.query_one(".setting-label", Label).update(Content(row.label))
        self.query_one(".setting-value", Label).update(row.shown)
        self.query_one(".setting-hint", Label).update(Content(row.hint))

    def start_edit(self) -> Widget:
        """Put the editor in place of the value; returns it (to focus)."""
        if self.editor is not None:
            return self.editor
        row = self.row
        editor: Input | Select[str]
        if row.choices:
            editor = Select(row.choices, value=row.value, allow_blank=False, compact=True,
                            classes="setting-editor")
        else:
            editor = TextInput(row.value, placeholder=row.placeholder,
                               classes="setting-editor")
        self.editor = editor
        self.add_class("-editing")
        self.query_one(Horizontal).mount(editor, after=0)
        return editor

    def stop_edit(self) -> None:
        if self.editor is not None:
            self.editor.remove()
            self.editor = None
        self.remove_class("-editing")
        self.set_error("")

    @property
    def editing(self) -> bool:
        return self.editor is not None

    @property
    def error(self) -> str:
        note = self.query_one(".setting-note", Label)
        return "" if note.has_class("-empty") else str(note.content)

    def set_error(self, message: str) -> None:
        note = self.query_one(".setting-note", Label)
        note.update(Content(message))
        note.set_class(not message, "-empty")
