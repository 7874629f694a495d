"""The Week screen's welcome: the first steps on a new database, each doable from there.

While the database has no contact or no action (and the welcome is not hidden), the Week
screen shows a "Getting started" panel in place of "Follow-ups due" and "Gone cold" (or, when
either has something to show, of the empty "This week"), listing only the steps left: ``n``
adds a contact (``i`` imports a file), ``,`` opens Settings to adjust the practices, ``1``-``9``
log. Each item also runs with Enter. ``x`` hides the welcome for good (a setting; ``u``
brings it back). The screen mixes this in and implements ``first_practice()``.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding
from textual.content import Content

from netrhythm.services.first_steps import FirstSteps, hide_welcome
from netrhythm.ui.background import in_thread
from netrhythm.ui.screens.base import DataScreen

# step: (the binding id of its key and the key shown unless the keymap moved it, what it
# does, the action it runs); {import} and {log} are the keys of week.import_contacts and
# week.log_1
STEPS = {
    "contacts": ("week.new_contact", "n", "Add a contact, or {import} to import a file",
                 "new_contact"),
    "practices": ("app.settings", ",", "Adjust practices and weekly targets",
                  "adjust_practices"),
    "log": ("week.log_1", "1-9", "Log a first action: {log} for {practice}", "log_first"),
}
KEY_WIDTH = 4


def welcome_items(steps: FirstSteps, practice: str, keys: Mapping[str, str] | None = None
                  ) -> list[tuple[Content, str]]:
    """The welcome's lines (key, then what it does) with the action each runs; ``keys``: the
    keys the user's keymap gave (binding id: key as shown)."""
    keys = keys or {}
    words = {"import": keys.get("week.import_contacts", "i"), "log": keys.get("week.log_1", "1"),
             "practice": practice or "a practice"}
    lines = []
    for step in steps.left:
        binding_id, default, text, action = STEPS[step]
        key = keys.get(binding_id, default)
        lines.append((Content.assemble((key.ljust(KEY_WIDTH), "bold $text-accent"), " " *
                                       (len(key) >= KEY_WIDTH), text.format(**words)), action))
    return lines


class FirstStepActions(DataScreen):
    """The first steps' keys; they work on the Week screen whether or not the welcome shows."""

    BINDINGS = [
        Binding("n", "new_contact", "New contact", show=False, id="week.new_contact"),
        Binding("i", "import_contacts", "Import contacts", show=False,
                id="week.import_contacts"),
        Binding("x", "hide_welcome", "Hide the welcome", show=False, id="week.hide_welcome"),
    ]

    def first_practice(self) -> tuple[str, str] | None:
        """The first practice's slug and name (what ``1`` logs), if any."""
        raise NotImplementedError

    def action_new_contact(self) -> None:
        self.napp.action_new_contact()

    def action_import_contacts(self) -> None:
        from netrhythm.ui.dialogs.import_file import ImportDialog

        self.app.push_screen(ImportDialog(), lambda _: self.napp.data_changed())

    def action_adjust_practices(self) -> None:
        self.app.switch_mode("settings")

    def action_log_first(self) -> None:
        first = self.first_practice()
        self.napp.action_log(first[0] if first else "")

    def action_hide_welcome(self) -> None:
        ctx = self.ctx
        in_thread(self, lambda: hide_welcome(ctx), self._hidden, group="welcome")

    def _hidden(self, message: str) -> None:
        self.notify(message, markup=False)
        self.napp.data_changed()
