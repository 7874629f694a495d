"""Ready-to-install scheduler entries for `netrhythm nudge --quiet`: systemd, cron, launchd.

Each entry runs this netrhythm (its absolute path) on the database in use every 15 minutes,
with ``--quiet`` (output only for a nudge that could not be shown, so cron mails nothing on an
ordinary run). Every word is escaped for the program that reads it:

- systemd ``ExecStart``: ``%`` becomes ``%%`` (specifiers such as ``%h``), ``$`` becomes
  ``$$`` in the arguments (environment variables), words are double-quoted with ``\\`` and
  ``"`` escaped. In the program path systemd resolves specifiers but not ``$``, and refuses
  quotes and backslashes; a program path with ``$`` is given with ``@`` and a separate argv[0].
- cron: the command goes to ``/bin/sh``, so words are shell-quoted; cron itself ends the
  command at an unescaped ``%``, so every ``%`` is written ``\\%`` outside the shell's quotes.
  The line sets ``DBUS_SESSION_BUS_ADDRESS`` to this session's address when it is set, else to
  ``unix:path=/run/user/UID/bus`` (the usual address of a systemd login session).
- launchd: the plist is written by ``plistlib``, so the XML is escaped.

A path that no entry can carry safely (a line break or another control character, or text that
is not valid UTF-8) is refused with an ``InputError`` naming ``--db`` (exit 2). A server's
address (``postgresql://``) is printed without its password (``str(location)``): the scheduled
command finds it in ``~/.pgpass``.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sys
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from netrhythm.domain.errors import InputError

INTERVAL_MINUTES = 15
LABEL = "org.netrhythm.nudge"
_PLAIN = re.compile(r"[A-Za-z0-9/._+:@=,-]+")


def executable() -> list[str]:
    """The absolute command that runs this netrhythm."""
    script = Path(sys.argv[0])
    if script.name == "netrhythm" and script.exists():
        return [str(script.resolve())]
    found = shutil.which("netrhythm")
    if found:
        return [str(Path(found).resolve())]
    return [str(Path(sys.executable).resolve()), "-m", "netrhythm"]


def _check(value: str, field: str, what: str, fix: str) -> str:
    for char in value:
        if unicodedata.category(char) in ("Cc", "Cs"):
            raise InputError(field, (f"{what} contains {_name(char)}, which a scheduler "
                                     f"entry cannot hold safely; {fix}"))
    return value


def _name(char: str) -> str:
    if char in "\n\r":
        return "a line break"
    if unicodedata.category(char) == "Cs":
        return "bytes that are not valid UTF-8"
    return f"a control character (U+{ord(char):04X})"


def command(db: str, program: list[str] | None = None) -> list[str]:
    """The words of the scheduled command, each checked (see the module docstring)."""
    words = [_check(word, "--print-schedule", f"the path of netrhythm ({word!r})",
                    "install netrhythm in a folder without one")
             for word in program or executable()]
    db = _check(db, "--db", "the database path", "give --db a path without one (move or rename "
                "the database file) and print the entry again")
    return [*words, "--db", db, "nudge", "--quiet"]


def _systemd_word(word: str, dollars: bool = True) -> str:
    text = word.replace("%", "%%")
    text = text.replace("$", "$$") if dollars else text
    if _PLAIN.fullmatch(text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def systemd_exec(words: list[str]) -> str:
    """The value of ``ExecStart=`` that runs exactly ``words``."""
    program, rest = words[0], [_systemd_word(w) for w in words[1:]]
    if any(c in program for c in "\"'\\"):
        raise InputError("--print-schedule", (
            f"systemd does not accept a quote or backslash in a program path ({program!r}); "
            "install netrhythm in a folder without one, or use the cron entry"
        ))
    if "$" in program:  # systemd runs the path as written but expands $ in argv[0]
        rest.insert(0, _systemd_word(program))
        return " ".join(["@" + _systemd_word(program, dollars=False), *rest])
    return " ".join([_systemd_word(program, dollars=False), *rest])


def systemd(words: list[str]) -> str:
    return f"""\
# ~/.config/systemd/user/netrhythm-nudge.service
[Unit]
Description=netrhythm: desktop nudges that keep your networking rhythm

[Service]
Type=oneshot
ExecStart={systemd_exec(words)}

# ~/.config/systemd/user/netrhythm-nudge.timer
[Unit]
Description=Check netrhythm nudges every {INTERVAL_MINUTES} minutes

[Timer]
OnCalendar=*:0/{INTERVAL_MINUTES}
Persistent=true

[Install]
WantedBy=timers.target

# Save the two parts above as those files, then run:
#   systemctl --user daemon-reload && systemctl --user enable --now netrhythm-nudge.timer
"""


def cron_word(word: str) -> str:
    """``word`` for a crontab command: quoted for sh, each ``%`` escaped for cron."""
    if not word:
        return "''"
    return "\\%".join(shlex.quote(part) if part else "" for part in word.split("%"))


def cron(words: list[str], env: Mapping[str, str]) -> str:
    bus = env.get("DBUS_SESSION_BUS_ADDRESS", "").strip()
    whose = "this session's bus (DBUS_SESSION_BUS_ADDRESS)"
    if not bus:
        bus = f"unix:path=/run/user/{os.getuid() if hasattr(os, 'getuid') else 1000}/bus"
        whose = "a guess, as DBUS_SESSION_BUS_ADDRESS is not set here"
    _check(bus, "DBUS_SESSION_BUS_ADDRESS", "the session bus address",
           "print the entry from a session whose address has none")
    line = " ".join(cron_word(w) for w in words)
    return (f"# Add with `crontab -e`. Cron runs outside your desktop session, so the line\n"
            f"# gives the session bus address: {whose}.\n"
            f"*/{INTERVAL_MINUTES} * * * * DBUS_SESSION_BUS_ADDRESS={cron_word(bus)} {line}\n")


def launchd(words: list[str]) -> str:
    import plistlib

    entry = {"Label": LABEL, "ProgramArguments": words, "StartInterval": INTERVAL_MINUTES * 60}
    declaration, rest = plistlib.dumps(entry, sort_keys=False).decode().split("\n", 1)
    where = f"~/Library/LaunchAgents/{LABEL}.plist"
    return f"{declaration}\n<!-- {where}; then:\n     launchctl load {where} -->\n{rest}"


def schedule(kind: str, db: str, env: Mapping[str, str] | None = None) -> str:
    """The ``kind`` entry (systemd, cron, launchd) for database ``db``; InputError if unsafe."""
    words = command(db)
    if kind == "cron":
        return cron(words, os.environ if env is None else env)
    return systemd(words) if kind == "systemd" else launchd(words)
