"""Every failure as one line and an exit code: 2 for bad input, 1 for a runtime failure.

Bad input (a value, a file someone named, a database path that is not a file) is an
``InputError`` and names what to fix. Runtime failures: a full disk (wherever it shows up,
also behind a later error), standard output that cannot be written, a database file that
cannot be used, another program holding the database, a system error on a named file. Only
what is none of these is an "internal error", with the stack trace behind NETRHYTHM_DEBUG=1.
"""

from __future__ import annotations

import errno
from pathlib import Path

from netrhythm.cli.output import OutputError
from netrhythm.domain.errors import InputError
from netrhythm.files.space import disk_full_cause, disk_full_message, folder_of
from netrhythm.paths import Location

EXIT_FAILURE, EXIT_USAGE = 1, 2


def _database_error(exc: BaseException) -> bool:
    import sqlite3

    module = exc.__class__.__module__
    return isinstance(exc, sqlite3.DatabaseError) or module in (
        "peewee", "netrhythm.storage.connection") or module.startswith("psycopg")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def explain(exc: BaseException, location: Location) -> tuple[str, int] | None:
    """The message (without the ``netrhythm:`` prefix) and exit code for ``exc``, or None
    when it is an internal error."""
    if isinstance(exc, InputError):
        return f"error: {exc.field}: {_one_line(exc.message)}", EXIT_USAGE
    if isinstance(exc, OutputError):
        return _output(exc), EXIT_FAILURE
    full = disk_full_cause(exc)
    if full is not None:
        near = location.path.parent if location.path else Path.cwd()
        return disk_full_message(folder_of(full, near)), EXIT_FAILURE
    from netrhythm.storage.errors import DatabaseFileError, ServerError

    if isinstance(exc, (DatabaseFileError, ServerError)):
        return _one_line(str(exc)), EXIT_FAILURE
    if location.url is not None and _database_error(exc):
        from netrhythm.storage.server_errors import server_problem

        problem = server_problem(exc, location)
        if problem is not None:  # unreachable, refused, or dropped in the middle of a command
            return str(problem), EXIT_FAILURE
    if _database_error(exc):
        return _database(exc, location), EXIT_FAILURE
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror}", EXIT_FAILURE
    if isinstance(exc, MemoryError):
        return "out of memory; nothing was changed", EXIT_FAILURE
    return None


def _output(exc: OutputError) -> str:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)) \
            and exc.target.startswith("/") and not exc.target.startswith("/dev/"):
        return f"cannot write the output: {disk_full_message(Path(exc.target).parent)}"
    return f"cannot write the output to {exc.target}: {exc.strerror}"


def _database(exc: BaseException, location: Location) -> str:
    from netrhythm.storage.db import corrupt, is_corruption

    if location.path is not None and is_corruption(exc):
        return _one_line(str(corrupt(location.path, exc)))
    text = _one_line(str(exc))
    if "locked" in text or "busy" in text:
        return (f"{location} is busy: another netrhythm (or another program) held it for "
                "10 seconds; nothing was changed, try again")
    return f"database error on {location}: {text}"
