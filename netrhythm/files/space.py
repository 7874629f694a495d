"""Telling a full disk from other failures, and saying how full it is.

A full disk shows up as ``OSError`` ENOSPC (or EDQUOT, over quota) from the system, or as
SQLite's SQLITE_FULL ("database or disk is full"), possibly wrapped by Peewee or chained
behind a later error. :func:`disk_full_cause` finds it anywhere in that chain.
"""

from __future__ import annotations

import errno
from pathlib import Path

SQLITE_FULL = 13
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _linked(exc: BaseException) -> list[BaseException]:
    """The exceptions behind ``exc``: its cause, its context, and one Peewee wraps."""
    out = [e for e in (exc.__cause__, exc.__context__) if e is not None]
    out += [a for a in getattr(exc, "args", ())[:1] if isinstance(a, BaseException)]
    return out


def disk_full_cause(exc: BaseException) -> BaseException | None:
    """The exception in ``exc``'s chain that says the disk is full, if any."""
    todo, seen = [exc], set()
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in _FULL_ERRNOS:
            return current
        if (getattr(current, "sqlite_errorcode", None) == SQLITE_FULL
                or "database or disk is full" in str(current)):
            return current
        todo.extend(_linked(current))
    return None


def free_kb(folder: Path) -> int | None:
    """Free space in ``folder``'s file system, in kB (None when it cannot be told)."""
    import shutil  # only here: the quick commands start without it

    try:
        return shutil.disk_usage(folder).free // 1024
    except OSError:
        return None


def disk_full_message(folder: Path) -> str:
    """``the disk is full (180 kB free at /home/ana/.local/share/netrhythm)``."""
    free = free_kb(folder)
    amount = f"{free:,} kB free" if free is not None else "no free space"
    return f"the disk is full ({amount} at {folder})"


def write_failure(exc: BaseException, folder: Path) -> str:
    """Why a write into ``folder`` failed, on one line: the disk is full, else the error."""
    return disk_full_message(folder) if disk_full_cause(exc) else " ".join(str(exc).split())


def folder_of(exc: BaseException, fallback: Path) -> Path:
    """The folder a failed write was in: the file named by the OSError, else ``fallback``."""
    name = getattr(exc, "filename", None)
    return Path(name).parent if isinstance(name, str) and name else fallback
