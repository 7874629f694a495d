"""New, edit, archive or restore, delete and reorder practices: the Settings screen's actions.

Mixed into the screen, so the table's keys and the command palette call the same actions
(``screen.new_practice``, ``screen.move_practice(-1)`` …). Each write goes through
``services.practices`` in a worker, says what it did, and makes every screen recompute.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable

from netrhythm.services import practices as service
from netrhythm.services.practices import PracticeLine
from netrhythm.ui.appref import app_of, ctx_of
from netrhythm.ui.background import in_thread
from netrhythm.ui.dialogs.confirm import ConfirmDialog
from netrhythm.ui.format import literal, plural
from netrhythm.ui.key_hints import undo_hint
from netrhythm.ui.widgets.settings_practices import PracticeTable


class PracticeActions(Screen[None]):
    """Practice actions for a screen with a ``PracticeTable``."""

    def _table(self) -> PracticeTable:
        return self.query_one(PracticeTable)

    def _need(self) -> PracticeLine | None:
        line = self._table().current
        if line is None:
            self.notify("No practice selected.", markup=False)
        return line

    def _write(self, job: Callable[[], Any], message: Callable[[Any], str]) -> None:
        def done(result: Any) -> None:
            self.notify(message(result), markup=False)
            app_of(self).data_changed()

        in_thread(self, job, done, group="practice-write")

    def action_new_practice(self) -> None:
        from netrhythm.ui.dialogs.practice_form import PracticeFormDialog

        self.app.push_screen(PracticeFormDialog(None), self._saved)

    def action_edit_practice(self) -> None:
        from netrhythm.ui.dialogs.practice_form import PracticeFormDialog

        if line := self._need():
            self.app.push_screen(PracticeFormDialog(line.practice), self._saved)

    def _saved(self, result: tuple[str, int] | None) -> None:
        if result:
            message, practice_id = result
            self._table().follow(practice_id)
            self.notify(message, markup=False)
            app_of(self).data_changed()

    def action_archive_practice(self, archived: bool = True) -> None:
        if not (line := self._need()):
            return
        ctx, practice, undo = ctx_of(self), line.practice, undo_hint(self)
        if archived:
            def said(rec: Any) -> str:
                return (f"Archived {rec.name}: it leaves the Week screen; its history stays "
                        f"in Review. {undo}")
        else:
            def said(rec: Any) -> str:
                return f"Restored {rec.name}: it is back on the Week screen. {undo}"
        self._write(lambda: service.set_archived(ctx, f"#{practice.id}", archived), said)

    def action_delete_practice(self) -> None:
        if not (line := self._need()):
            return
        practice, count = line.practice, line.actions
        what = f" and its {plural(count, 'logged action')}?" if count else "? Nothing is logged."
        question = Content.assemble(
            "Delete ", literal(practice.name, "bold"), what, "\n",
            ("Its streaks and history go too; archive it instead to keep them. "
             f"{undo_hint(self, afterwards=True)}", "$text-muted"))

        def answered(yes: bool | None) -> None:
            if yes:
                ctx, undo = ctx_of(self), undo_hint(self)
                self._write(lambda: service.delete_practice(ctx, f"#{practice.id}"),
                            lambda result: f"Deleted {result[0].name} and "
                                           f"{plural(result[1], 'action')}. {undo}")

        self.app.push_screen(ConfirmDialog(question, "Delete", "Delete practice"), answered)

    def action_move_practice(self, offset: int) -> None:
        if not (line := self._need()):
            return
        ctx, practice, undo = ctx_of(self), line.practice, undo_hint(self)
        where = "up" if offset < 0 else "down"
        self._write(lambda: service.move_practice(ctx, f"#{practice.id}", offset),
                    lambda moved: f"Moved {practice.name} {where}. {undo}" if moved
                    else f"{practice.name} is already {'first' if offset < 0 else 'last'}.")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if isinstance(event.data_table, PracticeTable):
            event.stop()
            self.action_edit_practice()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.refresh_bindings()  # "a Archive" or "a Restore"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "archive_practice":
            line = self._table().current
            archived = line is not None and line.practice.archived
            return parameters != (archived,) if parameters else not archived
        return True
