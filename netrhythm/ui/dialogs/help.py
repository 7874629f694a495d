"""The help screen (``?``): what the app is for, how weeks work, and every key."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from netrhythm.ui.sheets import sheet

INTRO = (
    "Networking is a verb: a little every week. Each [b]practice[/b] asks for a number of "
    "actions per calendar week (Mon–Sun by default, never a rolling window). Meet the target "
    "to keep the [b]streak[/b]; the [b]rhythm score[/b] (0–100) forgives one missed week."
)
KEYS = {
    "Everywhere": [
        ("w c v E ,", "Week, Contacts, Review, Events, Settings"),
        ("l", "Log an action"),
        ("u", "Undo the latest change (also from the command line)"),
        ("ctrl+p", "Commands: “Log reach out with …”, “Open contact …”"),
        ("?", "This help"),
        ("q", "Quit"),
    ],
    "Week": [
        ("1 – 9", "Log that practice: the form opens prefilled"),
        ("[  ]", "Previous, next week;  t  back to this week"),
        ("r", "Reach out to the highlighted “who next”"),
        ("y", "Draft a message to the person highlighted in Who next, Follow-ups due or "
              "Gone cold"),
        ("tab ↑ ↓ enter", "Move in the panels; Enter logs with that person"),
        ("n  i", "New contact, import contacts (as on Contacts)"),
        ("x", "Hide the welcome (Getting started) on a new database"),
    ],
    "Log form": [
        ("Date", "today, yesterday, a weekday (mon) or 2026-11-20"),
        ("With", "letters, ↑↓, Enter takes it or “Create …”; commas: more"),
        ("enter  ctrl+s", "Save"),
        ("esc", "Cancel"),
    ],
    "Contacts": [
        ("/", "Search names, companies, tags, notes, events, actions"),
        ("↑ ↓ enter", "Move; open the contact"),
        ("s", "Sort by name, days overdue or last contact"),
        ("n  e", "New contact, edit"),
        ("a  d", "Archive (or restore), delete after you confirm"),
        ("l", "Log an action with the contact"),
        ("y", "Draft a message to the contact (also on a contact's page)"),
        ("A", "Show or hide archived contacts"),
        ("i", "Import contacts: vCard, LinkedIn or Google CSV"),
        ("t", "Tags: how many contacts each holds, its cadence; enter edits it"),
    ],
    "Draft": [
        ("letters", "Edit the draft: it is yours to change"),
        ("ctrl+c", "Copy it (or the selection); OSC 52, which some terminals ignore"),
        ("ctrl+s", "Log the practice with them, the text kept as the note;  u  undoes"),
        ("tab", "Practice: choose another and the draft is written for it"),
        ("esc", "Cancel: nothing is saved"),
    ],
    "Review": [
        ("[  ]", "Previous, next week;  t  back to last week"),
        ("r", "Write the reflection (saved as you type);  esc  when done"),
        ("m", "Export the review as Markdown (to Documents or $NETRHYTHM_EXPORT_DIR)"),
    ],
    "Events": [
        ("n  e  d", "New event, edit, delete after you confirm"),
        ("a", "Attended: logs Attend an event on the day it was held"),
        ("m", "Met someone there: a new contact with a follow-up in a few days"),
        ("l", "Log form at the event;  enter  to its people, enter opens one"),
        ("f", "Follow up with the highlighted person, at this event"),
        ("i", "Import events from a calendar file (.ics)"),
        ("x", "Export events to come and follow-ups as .ics (to Documents or "
              "$NETRHYTHM_EXPORT_DIR)"),
    ],
    "Settings": [
        ("n  e  a  d", "Practices: new, edit, archive (or restore), delete"),
        ("K  J", "Move a practice up or down (also ctrl+↑ ctrl+↓)"),
        ("tab  enter", "Next box; change the highlighted setting"),
        ("space", "Flip a switch or pause a week"),
        ("Drafts", "Your name (the sign-off), the tone, the templates (enter edits)"),
    ],
}
OUTRO = (
    "[$text-error]●[/] overdue: past the keep-in-touch cadence\n"
    "[$text-warning]◐[/] due soon: in the last fifth of it\n\n"
    "Changes made in another terminal (netrhythm log …) appear here within a second."
)


# The binding ids whose keys each section lists (a user's keymap changes what it shows).
SECTION_IDS = {"Everywhere": ("app.",), "Week": ("week.",), "Log form": ("log.",),
               "Contacts": ("contacts.", "contact.", "table."), "Review": ("review.",),
               "Events": ("events.",), "Settings": ("settings.", "settings_list.")}


def renamed_keys(app: App[object], keymap: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """For each section, the default keys the user's ``keymap`` moved, as shown ("r") and
    what they are now ("R", "ctrl+r/f5")."""
    if not keymap:
        return {}
    from netrhythm.ui.key_hints import readable
    from netrhythm.ui.keymap import all_ids, shown_keys

    shown = shown_keys(app, keymap)
    out: dict[str, dict[str, str]] = {}
    for binding_id, binding in all_ids().items():
        if binding_id not in keymap:
            continue
        section = next((name for name, prefixes in SECTION_IDS.items()
                        if binding_id.startswith(prefixes)), None)
        if section is None:
            continue
        new = shown[binding_id]
        old = [readable(key) for key in binding.key.split(",")]
        if binding.key_display:
            old.append(binding.key_display)
        out.setdefault(section, {}).update(dict.fromkeys(old, new))
    return out


def help_rows(renamed: Mapping[str, Mapping[str, str]] | None = None) -> Iterator[Widget]:
    """The help, a static per paragraph, heading and key (only our own words: markup is safe);
    a key's description wraps in its own column. ``renamed``: for a section, the keys the
    user's keymap replaced (:func:`renamed_keys`)."""
    renamed = renamed or {}
    keys = {section: [("".join(renamed.get(section, {}).get(word, word)
                               for word in re.split(r"(\s+)", key)), text)
                      for key, text in rows] for section, rows in KEYS.items()}
    width = max(len(key) for rows in keys.values() for key, _ in rows) + 4  # indent, gap
    yield Static(Content.from_markup(INTRO))
    for section, rows in keys.items():
        yield Static(Content.from_markup("\n[b $text-accent]$s[/]", s=section))
        for key, text in rows:
            key_cell = Static(Content.styled("  " + key, "bold $text-accent"))
            key_cell.styles.width = width
            yield Horizontal(key_cell, Static(Content(text), classes="help-text"),
                             classes="help-row")
    yield Static(Content.from_markup("\n" + OUTRO))


class HelpDialog(ModalScreen[None]):
    """Keys and concepts; any of Esc, ? or q closes it."""

    CSS_PATH = sheet("dialogs")

    BINDINGS = [
        Binding("escape,question_mark,q", "close", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help") as box:
            box.border_title = "netrhythm · help"
            box.border_subtitle = "Esc closes"
            yield from help_rows(renamed_keys(self.app, getattr(self.app, "keymap", {})))

    def action_close(self) -> None:
        self.dismiss(None)
