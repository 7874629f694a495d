"""The user's keys: ``keymap.toml`` in the config folder, keyed by binding id (as posting does).

Every ``Binding`` of the app has an ``id`` (``week.reach_out``, ``app.review``); the file
gives some of them other keys and Textual's ``App.set_keymap`` applies them everywhere the
binding is used, the key bar and the help (``?``) included. A file that is not TOML, names
an unknown id or key, or puts two actions on one key in one screen changes nothing: the app
starts with its own keys and says what to fix (:func:`load_keymap`).

The screens and their widgets are imported only when a keymap file exists (to check it).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import Keys, _character_to_key, key_to_character

from netrhythm.domain.errors import InputError
from netrhythm.formats.keymap_toml import find_line, parse_keymap

# Each screen (or dialog) and the classes whose keys work there at once.
SCOPES: dict[str, tuple[str, ...]] = {
    "Week": ("app:NetrhythmApp", "screens.week:WeekScreen"),
    "Contacts": ("app:NetrhythmApp", "screens.contacts:ContactsScreen",
                 "screens.contacts:FilterInput", "widgets.contact_table:ContactTable"),
    "Contact": ("app:NetrhythmApp", "screens.contact_detail:ContactDetailScreen"),
    "Review": ("app:NetrhythmApp", "screens.review:ReviewScreen",
               "widgets.review_reflection:ReflectionArea"),
    "Events": ("app:NetrhythmApp", "screens.events:EventsScreen"),
    "Settings": ("app:NetrhythmApp", "screens.settings:SettingsScreen",
                 "widgets.settings_list:SettingsList", "widgets.settings_practices:PracticeTable"),
    "Log form": ("dialogs.log_action:LogDialog", "widgets.with_field:NameInput"),
    "Contact form": ("dialogs.contact_form:ContactFormDialog",),
    "Event form": ("dialogs.event_form:EventFormDialog",),
    "Practice form": ("dialogs.practice_form:PracticeFormDialog",),
    "Confirm": ("dialogs.confirm:ConfirmDialog",),
    "Import": ("dialogs.import_file:ImportDialog",),
    "Tags": ("dialogs.tags:TagsDialog",),
    "Help": ("dialogs.help:HelpDialog",),
    "Draft": ("dialogs.draft:DraftDialog",),
    "Draft templates": ("dialogs.draft_templates:TemplatesDialog",),
}
MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}
NAMED_KEYS = {key.value for key in Keys if "+" not in key.value and "<" not in key.value}


def scope_classes(scope: str) -> list[type[DOMNode]]:
    classes = []
    for spec in SCOPES[scope]:
        module, _, name = spec.partition(":")
        classes.append(getattr(importlib.import_module(f"netrhythm.ui.{module}"), name))
    return classes


def scope_bindings(scope: str) -> Iterator[Binding]:
    """Every binding that works in ``scope``, inherited ones (Tab, ctrl+q) included."""
    for cls in scope_classes(scope):
        for bindings in cls._merge_bindings().key_to_bindings.values():
            yield from bindings
        palette = getattr(cls, "COMMAND_PALETTE_BINDING", None)  # the app's ctrl+p
        if isinstance(palette, str):
            yield Binding(palette, "command_palette", "Commands")


def all_ids() -> dict[str, Binding]:
    """Every binding id of the app, with its binding (the default keys)."""
    return {b.id: b for scope in SCOPES for b in scope_bindings(scope) if b.id}


def check_key(key: str) -> str | None:
    """What is wrong with one key (``ctrl+r``, ``R``, ``f5``, ``question_mark``), or None."""
    *mods, base = key.split("+") if key != "+" else ["+"]
    unknown = [m for m in mods if m not in MODIFIERS]
    if unknown or not base:
        return f"{unknown[0] if unknown else key!r} is not a modifier; use ctrl, alt, shift"
    if len(base) == 1 and base.isprintable():
        return None
    if base in NAMED_KEYS or key_to_character(base) is not None:
        return None
    return (f"{base!r} is not a key name; use a character (R, ?), a name such as enter, "
            "escape, tab, space, up, pageup, f5, or the name of a sign: comma, slash")


def _keys(binding: Binding, keymap: dict[str, str]) -> list[str]:
    keys = keymap.get(binding.id or "", binding.key)
    return [_character_to_key(k) if len(k) == 1 else k for k in keys.split(",")]


def check_keymap(keymap: dict[str, str], text: str) -> None:
    """Raise ``InputError`` (naming the line and id) for an unknown id or key, or for two
    actions on one key in one screen where the file made them meet."""
    known = all_ids()

    def where(binding_id: str) -> str:
        line = find_line(text, binding_id)
        return f"line {line}, {binding_id}" if line else binding_id

    for binding_id, keys in keymap.items():
        if binding_id not in known:
            raise InputError(where(binding_id), "no key has this id; the ids are in README "
                             "(Keys you choose), e.g. week.reach_out, app.review")
        for key in keys.split(","):
            problem = check_key(key)
            if problem:
                raise InputError(where(binding_id), problem)
    for scope in SCOPES:
        taken: dict[str, Binding] = {}
        for binding in scope_bindings(scope):
            for key in _keys(binding, keymap):
                other = taken.setdefault(key, binding)
                same = other.id == binding.id or other.action == binding.action
                if not same and (binding.id in keymap or other.id in keymap):
                    mine = binding if binding.id in keymap else other
                    theirs = other if mine is binding else binding
                    raise InputError(where(mine.id or ""), (
                        f"{key} already does {theirs.description or theirs.action} "
                        f"({theirs.id or 'built in'}) on the {scope} screen; choose another "
                        "key, or move that one too"))


def load_keymap(path: Path | None) -> tuple[dict[str, str], str | None]:
    """The keymap in ``path`` and None, or ``{}`` and a message naming the file, the line
    and id, and the fix. No file (or ``path`` None): ``{}``, None."""
    if path is None or not path.exists():
        return {}, None
    try:
        text = path.read_text(encoding="utf-8")
        keymap = parse_keymap(text)
        check_keymap(keymap, text)
    except InputError as exc:
        return {}, f"{path}: {exc.field}: {exc.message}. Using the default keys."
    except (OSError, UnicodeDecodeError) as exc:
        return {}, f"{path}: cannot be read ({exc}). Using the default keys."
    return keymap, None


def shown_keys(app: App[Any], keymap: Mapping[str, str]) -> dict[str, str]:
    """Each binding id the ``keymap`` moves, with its new keys as the app shows them
    ("ctrl+r/f5" for "ctrl+r,f5")."""
    from netrhythm.ui.key_hints import readable

    return {binding_id: "/".join(dict.fromkeys(readable(key) for key in keys.split(",")))
            for binding_id, keys in keymap.items()}
