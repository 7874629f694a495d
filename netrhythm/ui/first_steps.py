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
from netrhythm.ui.key_hints import undo_hint
from netrhythm.ui.screens.base import DataScreen

# Words that name a key in the welcome and in the Week screen's empty panels: the binding id,
# and the key shown unless the user's keymap moves it.
KEY_WORDS = {"new": ("week.new_contact", "n"), "import": ("week.import_contacts", "i"),
             "settings": ("app.settings", ","), "log": ("week.log_1", "1"),
             "logs": ("week.log_1", "1-9"), "events": ("app.events", "E"),
             "new_event": ("events.new", "n"), "hide": ("week.hide_welcome", "x")}

# step: (the word of its key, what it does, the action it runs)
STEPS = {
    "contacts": ("new", "Add a contact, or {import} to import a file", "new_contact"),
    "practices": ("settings", "Adjust practices and weekly targets", "adjust_practices"),
    "log": ("logs", "Log a first action: {log} for {practice}", "log_first"),
}
KEY_WIDTH = 4


def key_words(keys: Mapping[str, str] | None) -> dict[str, str]:
    """The keys the words name: the user's keymap's (``keys``: binding id, key as shown),
    else ours."""
    keys = keys or {}
    return {word: keys.get(binding_id, default)
            for word, (binding_id, default) in KEY_WORDS.items()}


def welcome_items(steps: FirstSteps, practice: str, words: Mapping[str, str]
                  ) -> list[tuple[Content, str]]:
    """The welcome's lines (key, then what it does) with the action each runs; ``words``:
    :func:`key_words`."""
    lines = []
    for step in steps.left:
        word, text, action = STEPS[step]
        key = words[word]
        lines.append((Content.assemble((key.ljust(KEY_WIDTH), "bold $text-accent"), " " *
                                       (len(key) >= KEY_WIDTH),
                                       text.format(practice=practice or "a practice", **words)),
                       action))
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
        self.notify(f"{message} {undo_hint(self)}", markup=False)
        self.napp.data_changed()
