"""A keymap file: TOML mapping binding ids to keys, read into ``{id: "key,key"}``.

Either form works, and they mix::

    "week.reach_out" = "R"        # a quoted id
    app.review = "ctrl+r"         # a dotted key: the same as [app] review = "ctrl+r"
    [contacts]
    new = ["n", "insert"]         # several keys: a list, or one string "n,insert"

Only the shape is checked here (TOML, text values); whether the ids and keys exist is the
app's business. Errors name the line when one can be found.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping

from netrhythm.domain.errors import InputError


def find_line(text: str, binding_id: str) -> int | None:
    """The line (from 1) that sets ``binding_id``: ``a.b =``, ``"a.b" =`` or ``b =`` under
    ``[a]``; None when none looks like it."""
    section = ""
    head, _, last = binding_id.rpartition(".")
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        table = re.fullmatch(r"\[\s*\"?([^\]\"]*)\"?\s*\]", stripped)
        if table:
            section = table.group(1).strip()
            continue
        key = re.match(r"\"?([^\"=]+?)\"?\s*=", stripped)
        if not key:
            continue
        name = key.group(1).strip()
        if f"{section}.{name}".lstrip(".") == binding_id or (name == last and section == head):
            return number
    return None


def _flatten(table: Mapping[str, object], prefix: str, out: dict[str, object]) -> None:
    for name, value in table.items():
        if isinstance(value, dict):
            _flatten(value, f"{prefix}{name}.", out)
        else:
            out[prefix + name] = value


def _where(text: str, binding_id: str) -> str:
    line = find_line(text, binding_id)
    return f"line {line}, {binding_id}" if line else binding_id


def parse_keymap(text: str) -> dict[str, str]:
    """``{binding id: "key,key"}`` from the file's text; ``InputError`` names what is wrong,
    with the line (``field``: ``line 3, week.reach_out``)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # its message ends "(at line 3, column 7)"
        match = re.search(r"line (\d+)", str(exc))
        reason = re.sub(r"\s*\(at line.*\)$", "", str(exc))
        raise InputError(f"line {match.group(1)}" if match else "file",
                         f"not TOML: {reason.lower()}; write id = \"key\", "
                         "e.g. \"week.reach_out\" = \"R\"") from None
    flat: dict[str, object] = {}
    _flatten(data, "", flat)
    keymap: dict[str, str] = {}
    for binding_id, value in flat.items():
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = ",".join(value)
        if not isinstance(value, str) or not value.strip(" ,"):
            raise InputError(_where(text, binding_id),
                             "give the key as text, e.g. \"R\", \"ctrl+r\" or [\"R\", \"f5\"] "
                             "(the comma key is \"comma\")")
        keymap[binding_id] = ",".join(k.strip() for k in value.split(",") if k.strip())
    return keymap
