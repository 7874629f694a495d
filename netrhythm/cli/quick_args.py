"""The everyday command lines, read without argparse (importing it costs a command ~3 ms).

``netrhythm [--db PATH] log|status|nudge [options]`` written plainly, every option spelled in
full as its own word followed by its value, gives exactly the namespace that the argparse
parser of :mod:`netrhythm.cli.parser` would give. Anything else (help, an abbreviated or
unknown option, ``--option=value``, a value that starts with ``-``, a missing or extra
argument) returns None, and argparse reads it, with its usual messages and errors.
tests/cli/test_quick_args.py holds the two parsers to the same answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import SimpleNamespace

# Per command: option -> (destination, how it is read), and every destination's default.
# "value" takes the next word (the last one given wins), "append" adds it to a list, "flag"
# stores True. The lists and defaults mirror _log, _status and _nudge in cli/parser.py.
_OPTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "log": {"--with": ("contacts", "append"), "--note": ("note", "value"),
            "--date": ("date", "value"), "--event": ("event", "value"),
            "--follow-up": ("follow_up", "value")},
    "status": {"--json": ("json", "flag"), "--week": ("week", "value")},
    "nudge": {"--dry-run": ("dry_run", "flag"), "--watch": ("watch", "value"),
              "--quiet": ("quiet", "flag")},
}
_DEFAULTS: dict[str, dict[str, object]] = {
    "log": {"note": "", "date": "today", "event": "", "follow_up": None},  # and contacts: []
    "status": {"json": False, "week": None},
    "nudge": {"dry_run": False, "watch": None, "print_schedule": None, "quiet": False},
}
_POSITIONALS = {"log": ("practice",), "status": (), "nudge": ()}


def quick_parse(argv: Sequence[str]) -> SimpleNamespace | None:
    """The parsed arguments of a plain everyday command line, else None (ask argparse)."""
    args = list(argv)
    db = None
    if len(args) >= 2 and args[0] == "--db":
        db = args[1]
        if db.startswith("-"):
            return None
        del args[:2]
    if not args or args[0] not in _OPTIONS:
        return None
    command, words = args[0], iter(args[1:])
    options, positionals = _OPTIONS[command], list(_POSITIONALS[command])
    values: dict[str, object] = {"version": False, "db": db, "command": command,
                                 **_DEFAULTS[command]}
    if command == "log":
        values["contacts"] = []
    for word in words:
        if word.startswith("-"):
            if word not in options:
                return None
            dest, kind = options[word]
            if kind == "flag":
                values[dest] = True
                continue
            value = next(words, None)
            if value is None or value.startswith("-"):
                return None
            if kind == "append":
                values[dest].append(value)  # type: ignore[attr-defined]
            else:
                values[dest] = value
        elif positionals:
            values[positionals.pop(0)] = word
        else:
            return None
    if positionals:
        return None
    return SimpleNamespace(**values)
