"""A box of settings rows: Up/Down pick a row, Enter edits it inline, Space flips a switch.

The list does not save anything: it posts ``Submitted(key, text)`` and its screen saves it,
then calls ``finish(key)``, or ``fail(key, message)`` to keep the editor open with the message
under the row. Escape (or leaving the editor) cancels; nothing is saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Click, DescendantBlur, Resize
from textual.message import Message
from textual.widgets import Input, Select

from netrhythm.ui.widgets.settings_rows import Row, SettingRow

WIDE = 70  # columns from which each row has room for its hint


class SettingsList(Vertical, can_focus=True):
    """Rows of settings with a cursor."""

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False, id="settings_list.up"),
        Binding("down", "move(1)", "Down", show=False, id="settings_list.down"),
        Binding("home", "jump(0)", "First", show=False, id="settings_list.first"),
        Binding("end", "jump(-1)", "Last", show=False, id="settings_list.last"),
        Binding("enter", "edit", "Change", id="settings_list.edit"),
        Binding("space", "flip", "Switch", show=False, id="settings_list.flip"),
        Binding("escape", "cancel", "Cancel", id="settings_list.cancel"),
    ]

    @dataclass
    class Submitted(Message):
        """The user chose or typed ``text`` for the setting ``key``."""

        settings_list: SettingsList
        key: str
        text: str

    def __init__(self, title: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.border_title = title
        self.cursor = 0
        self._rows: list[SettingRow] = []  # mounted rows, without any still being removed

    @property
    def rows(self) -> list[SettingRow]:
        return list(self._rows)

    @property
    def current(self) -> SettingRow | None:
        rows = self.rows
        return rows[self.cursor] if 0 <= self.cursor < len(rows) else None

    def row(self, key: str) -> SettingRow | None:
        return next((r for r in self.rows if r.row.key == key), None)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show ``rows``, keeping the cursor on its key and an editor open on an unchanged row
        (its value updates behind the editor, so closing it shows what is stored)."""
        widgets = self.rows
        if [w.row.key for w in widgets] == [r.key for r in rows]:
            for widget, row in zip(widgets, rows, strict=True):
                widget.show(row)
            return
        key = self.current.row.key if self.current else None
        had_focus = self.has_focus_within
        self.remove_children()
        self._rows = [SettingRow(r) for r in rows]
        self.mount_all(self._rows)
        keys = [r.key for r in rows]
        self.cursor = keys.index(key) if key in keys else min(self.cursor, len(rows) - 1)
        if had_focus:  # an open editor went with its row
            self.focus()
        self.call_after_refresh(self._show_cursor)

    def on_mount(self) -> None:
        self._show_cursor()

    def _show_cursor(self) -> None:
        for n, row in enumerate(self.rows):
            row.set_class(n == self.cursor, "-cursor")
        if self.current is not None and self.has_focus:
            self.current.scroll_visible(animate=False)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width >= WIDE, "-wide")

    def on_focus(self) -> None:
        self._show_cursor()

    # -- moving -----------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        if self.editing is None:
            self.action_jump(max(0, min(self.cursor + step, len(self.rows) - 1)))

    def action_jump(self, index: int) -> None:
        if self.rows and self.editing is None:
            self.cursor = index if index >= 0 else len(self.rows) - 1
            self._show_cursor()

    def on_click(self, event: Click) -> None:
        """A click picks a row; a double click edits it."""
        hit = [r for r in self.rows if r.region.contains(event.screen_x, event.screen_y)]
        if hit and not hit[0].editing:
            self.cancel()
            self.focus()
            self.action_jump(self.rows.index(hit[0]))
            if event.chain >= 2:
                self.action_edit()

    # -- editing ----------------------------------------------------------------------------
    @property
    def editing(self) -> SettingRow | None:
        return next((r for r in self.rows if r.editing), None)

    def action_edit(self, key: str | None = None) -> None:
        """Edit the row under the cursor (or the row ``key``); a switch without choices flips."""
        if key is not None and (wanted := self.row(key)) is not None:
            self.cancel()
            self.cursor = self.rows.index(wanted)
            self._show_cursor()
        current = self.current
        if current is None or current.editing:
            return
        if not current.row.editable:
            self.action_flip()
            return
        editor = current.start_edit()
        editor.focus()
        self.refresh_bindings()
        if isinstance(editor, Select):
            self.watch(editor, "expanded", self._select_closed, init=False)
            self.call_after_refresh(editor.action_show_overlay)

    def action_flip(self) -> None:
        current = self.current
        if current is not None and current.row.flip is not None and not current.editing:
            self.post_message(self.Submitted(self, current.row.key, current.row.flip))

    def _select_closed(self, expanded: bool) -> None:
        row = self.editing
        if expanded or row is None or not isinstance(row.editor, Select):
            return
        chosen = row.editor.value
        if isinstance(chosen, str) and chosen != row.row.value:
            self.post_message(self.Submitted(self, row.row.key, chosen))
        else:
            self.cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        row = self.editing
        if row is not None:
            self.post_message(self.Submitted(self, row.row.key, event.value))

    def on_input_changed(self, event: Input.Changed) -> None:
        if (row := self.editing) is not None:
            row.set_error("")

    def on_descendant_blur(self, event: DescendantBlur) -> None:
        self.call_after_refresh(self._left)

    def _left(self) -> None:
        """Focus went elsewhere (a click, Tab): an open editor is cancelled."""
        focused = self.screen.focused if self.is_attached else None
        if focused is None or not (focused is self or self in focused.ancestors):
            self.cancel()

    def action_cancel(self) -> None:
        self.cancel()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel":
            return self.editing is not None  # "esc Cancel" only while a value is edited
        if action == "flip":
            return self.current is not None and self.current.row.flip is not None
        return True

    def cancel(self) -> None:
        row = self.editing
        if row is not None:
            had_focus = row.editor is not None and row.editor.has_focus_within
            row.stop_edit()
            self.refresh_bindings()
            if had_focus:
                self.focus()

    def finish(self, key: str) -> None:
        """The value of ``key`` was saved: close its editor."""
        row = self.row(key)
        if row is not None and row.editing:
            row.stop_edit()
            self.refresh_bindings()
            self.focus()

    def fail(self, key: str, message: str) -> None:
        """The value of ``key`` was refused: say why under the row; the editor stays open."""
        row = self.row(key)
        if row is None or row.editor is None:  # no editor open (any more): say it aloud
            self.notify(message, title="Not saved", severity="warning", markup=False)
            return
        row.set_error(message)
        row.editor.focus()
