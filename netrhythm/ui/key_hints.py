"""Keys named in the app's own words ("ctrl+s saves · Esc cancels", "press n to add one"):
the keys the user has now, their keymap's when it moved them (:mod:`netrhythm.ui.keymap`).

A text names a key by its binding id in braces, ``"{log.save} saves"``;
:func:`say_keys` puts in that binding's keys, written for reading in a sentence ("ctrl+s",
"Esc", "Enter", "?"), several joined by "/". The binding is looked up on the node and its
ancestors (the screen, the app), so a widget can name its screen's keys.
"""

from __future__ import annotations

import re
from functools import cache

from textual.dom import DOMNode
from textual.keys import format_key

_ID = re.compile(r"\{([a-z_]+\.[a-z_0-9-]+)\}")
_NAMES = {"escape": "Esc", "enter": "Enter", "tab": "Tab", "space": "Space",
          "delete": "Delete", "backspace": "Backspace", "up": "↑", "down": "↓",
          "left": "←", "right": "→", "home": "Home", "end": "End",
          "pageup": "PgUp", "pagedown": "PgDn", "insert": "Insert"}


def say_keys(node: DOMNode, text: str) -> str:
    """``text`` with each ``{binding.id}`` replaced by the keys of that binding as the user
    has them (``KeyError`` for an id that ``node`` and its ancestors do not bind)."""
    return _ID.sub(lambda match: keys_of(node, match.group(1)), text)


def keys_of(node: DOMNode, binding_id: str) -> str:
    """The keys of ``binding_id`` for reading: the user's keymap's, else the binding's own."""
    moved: dict[str, str] = getattr(node.app, "shown_keys", {})  # ``keymap.shown_keys``
    if binding_id in moved:
        return moved[binding_id]
    keys = list(dict.fromkeys(_default_keys(node, binding_id)))
    if not keys and binding_id.startswith("app."):  # a dialog shown by another app (tests)
        from netrhythm.ui.app import NetrhythmApp

        keys = list(_class_keys(NetrhythmApp, binding_id))
    if not keys:
        raise KeyError(f"no binding {binding_id!r} on {node!r} or its ancestors")
    return "/".join(keys)


def readable(key: str) -> str:
    """A key as a sentence names it: ``ctrl+s``, ``Esc``, ``?`` (for ``question_mark``)."""
    *modifiers, name = key.strip().split("+")
    return "+".join([*modifiers, _NAMES.get(name) or format_key(name)])


def _default_keys(node: DOMNode, binding_id: str) -> tuple[str, ...]:
    """The binding's own keys, from the first of ``node`` and its ancestors that binds it."""
    for holder in node.ancestors_with_self:
        if keys := _class_keys(type(holder), binding_id):
            return keys
    return ()


@cache
def _class_keys(cls: type[DOMNode], binding_id: str) -> tuple[str, ...]:
    """The keys a class binds to ``binding_id`` (its own and inherited bindings), for reading."""
    return tuple(binding.key_display or readable(binding.key)
                 for bindings in cls._merge_bindings().key_to_bindings.values()
                 for binding in bindings if binding.id == binding_id)


def undo_hint(node: DOMNode, afterwards: bool = False, binding_id: str = "app.undo") -> str:
    """"Press u to undo." with the user's undo key (``binding_id``: a dialog's own undo)."""
    return f"Press {keys_of(node, binding_id)}{' afterwards' if afterwards else ''} to undo."
