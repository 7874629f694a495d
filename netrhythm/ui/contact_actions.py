"""Add, edit, archive, delete, log with, draft to, import: the contact actions both contact
screens offer.

A screen mixes this in and implements ``selected()`` -> (id, name, archived) or None. Every
write goes through the services in a worker, says what it did, and makes the app reload.
The dialogs are imported when first opened: the contact form brings Textual's ``TextArea``,
about 1 MiB the Contacts screen need not hold until a contact is added or edited.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib.util import find_spec
from typing import Any

from textual.content import Content
from textual.screen import Screen

from netrhythm.services.contacts import manage as contact_service
from netrhythm.ui.appref import app_of, ctx_of
from netrhythm.ui.background import in_thread
from netrhythm.ui.format import literal
from netrhythm.ui.key_hints import undo_hint

IMPORT_DIALOG = "netrhythm.ui.dialogs.import_file"


@cache
def import_available() -> bool:
    """True once the contacts import dialog exists (it is built separately)."""
    return find_spec(IMPORT_DIALOG) is not None


class ContactActions(Screen[None]):
    """Contact actions for a screen that knows which contact is selected."""

    def selected(self) -> tuple[int, str, bool] | None:
        raise NotImplementedError

    def _changed(self, message: str) -> None:
        self.notify(message, markup=False)
        app_of(self).data_changed()

    def _write(self, job: Callable[[], Any], message: Callable[[Any], str],
               after: Callable[[], Any] | None = None) -> None:
        def done(result: Any) -> None:
            if after:  # first: a page whose contact was deleted closes before the reload
                after()
            self._changed(message(result))

        in_thread(self, job, done, group="write")

    def _need(self) -> tuple[int, str, bool] | None:
        chosen = self.selected()
        if chosen is None:
            self.notify("No contact selected.", markup=False)
        return chosen

    def action_new_contact(self) -> None:
        from netrhythm.ui.dialogs.contact_form import ContactFormDialog

        self.app.push_screen(ContactFormDialog(None), self._saved)

    def action_edit_contact(self) -> None:
        from netrhythm.ui.dialogs.contact_form import ContactFormDialog

        if chosen := self._need():
            self.app.push_screen(ContactFormDialog(chosen[0]), self._saved)

    def _saved(self, result: tuple[str, int] | None) -> None:
        if result:
            self._changed(result[0])

    def action_archive_contact(self) -> None:
        if not (chosen := self._need()):
            return
        contact_id, name, archived = chosen
        ctx = ctx_of(self)
        verb = "Restored" if archived else "Archived"
        self._write(lambda: contact_service.set_archived(ctx, f"#{contact_id}", not archived),
                    lambda rec: f"{verb} {rec.name}. {undo_hint(self)}")

    def action_delete_contact(self) -> None:
        if not (chosen := self._need()):
            return
        contact_id, name, _ = chosen
        question = Content.assemble(
            "Delete ", literal(name, "bold"), "?\n",
            ("Their links to actions, their tags and follow-ups go too. "
             f"{undo_hint(self, afterwards=True)}", "$text-muted"))

        def answered(yes: bool | None) -> None:
            if yes:
                ctx = ctx_of(self)
                self._write(lambda: contact_service.delete_contact(ctx, f"#{contact_id}"),
                            lambda rec: f"Deleted {rec.name}. {undo_hint(self)}",
                            self._after_delete)

        from netrhythm.ui.dialogs.confirm import ConfirmDialog

        self.app.push_screen(ConfirmDialog(question, "Delete", "Delete contact"), answered)

    def _after_delete(self) -> None:
        """What the screen does once its contact is deleted (the detail screen closes)."""

    def action_log_with(self) -> None:
        if chosen := self._need():
            app_of(self).action_log(contact_id=chosen[0])

    def action_draft_with(self) -> None:
        if chosen := self._need():
            app_of(self).action_draft(chosen[0])

    def action_import_contacts(self) -> None:
        if not import_available():
            self.notify("Import is not available in this version; use "
                        "`netrhythm contacts import FILE`.", markup=False)
            return
        from importlib import import_module

        dialog = import_module(IMPORT_DIALOG).ImportDialog()
        self.app.push_screen(dialog, lambda _: app_of(self).data_changed())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "import_contacts":
            return import_available()
        return True
