"""What went wrong with a database server, in one line for people: the server cannot be
reached, refuses the user or the password, has no such database, or dropped the connection in
the middle of a command. Every line ends with what to do and says that nothing was changed
(a command is one transaction: the server undoes what it had not committed).

The driver's own messages are matched here, in storage, so that nothing outside storage knows
the driver; an address is always shown without its password (``str(location)``).
"""

from __future__ import annotations

import os
import re
from urllib.parse import parse_qs, urlsplit

from netrhythm.paths import Location
from netrhythm.storage.errors import ServerError

_USER = re.compile(r'for user "([^"]*)"')
_DATABASE = re.compile(r'database "([^"]*)" does not exist')
_ROLE = re.compile(r'role "([^"]*)" does not exist')
_LOST = ("server closed the connection", "terminating connection", "connection is lost",
         "connection is closed", "consuming input failed", "ssl syscall error",
         "connection already closed", "the connection is closed", "server conn crashed")
_UNREACHABLE = ("connection refused", "no such file or directory", "could not translate host",
                "name or service not known", "timeout expired", "network is unreachable",
                "no route to host", "could not connect", "connection timed out")
_LOCAL = {"", "localhost", "127.0.0.1", "::1"}
_ENCRYPTED = {"require", "verify-ca", "verify-full"}


def server_problem(exc: BaseException, location: Location) -> ServerError | None:
    """``exc`` from the driver as one clear :class:`ServerError`, or None when it is not about
    reaching or keeping the server (a refused row, a bug)."""
    text = " ".join(str(exc).split())
    low = text.lower()
    if "password authentication failed" in low:
        found = _USER.search(text)
        user = found.group(1) if found else "the user"
        return ServerError(f"{location}: the server refused the password of {user}; put the "
                           "right one in ~/.pgpass or PGPASSWORD (or in NETRHYTHM_DB). "
                           "Nothing was changed.")
    if "no password supplied" in low:
        return ServerError(f"{location}: the server asks for a password; put it in "
                           "~/.pgpass or PGPASSWORD (or in NETRHYTHM_DB). Nothing was changed.")
    if found := _DATABASE.search(text):
        name = found.group(1)
        return ServerError(f"{location}: the server has no database {name}; create it first "
                           f"(createdb {name}, as the user that will own it). Nothing was "
                           "changed.")
    if found := _ROLE.search(text):
        name = found.group(1)
        return ServerError(f"{location}: the server has no user {name}; create it (createuser "
                           f"{name}) or give another in the address. Nothing was changed.")
    if any(sign in low for sign in _LOST):
        return ServerError(f"the connection to {location} was lost in the middle of the "
                           "command; nothing of it was written. Try again.")
    if "invalid response to ssl negotiation" in low:
        return ServerError(f"{location}: what answers at that address is not a PostgreSQL "
                           "server; is the address (host and port) right? Nothing was changed.")
    if any(sign in low for sign in _UNREACHABLE):
        return ServerError(f"cannot reach the database server of {location} ({_reason(text)});"
                           " is it running, and is the address right? Nothing was changed.")
    return None


def _reason(text: str) -> str:
    """The driver's reason, short: its last line, without the connection attempt's preamble
    and without libpq's own question (the line asks it already)."""
    reason = text.rsplit(": ", 1)[-1].split(" Is the server", 1)[0].strip().rstrip(".?")
    return reason[:1].lower() + reason[1:120] if reason else "no answer"


def unencrypted_warning(url: str) -> str | None:
    """A warning when ``url`` names a remote host and does not require encryption
    (``sslmode=require`` or ``verify-…`` in the address, or ``PGSSLMODE``); None otherwise."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    hosts = [h for h in (query.get("host", [""])[0], parts.hostname or "") if h]
    host = hosts[0] if hosts else os.environ.get("PGHOST", "")
    mode = query.get("sslmode", [os.environ.get("PGSSLMODE", "")])[0]
    if host.startswith("/") or host.lower() in _LOCAL or mode in _ENCRYPTED:
        return None
    return (f"the connection to {host} is not required to be encrypted: anyone on the way can "
            "read your contacts; add ?sslmode=verify-full (or require) to the address")
