"""`netrhythm copy --to`: the whole database, journal included, into an empty one elsewhere
(a SQLite file or a database server), so that work goes on there, ``undo`` too.

The checks come first, each an ``InputError`` that names the flag to fix and changes nothing:
the target must be another database than the one in use, and empty (a new or empty file, or
a server database without tables); the one in use must hold something. The copy itself is
storage's (:mod:`netrhythm.storage.copying`): all or nothing, the source only read.
"""

from __future__ import annotations

import shlex
from typing import NamedTuple

from netrhythm.domain.clock import Clock
from netrhythm.domain.errors import InputError
from netrhythm.paths import Location
from netrhythm.services.context import open_context
from netrhythm.storage import copying
from netrhythm.storage.db import is_empty

# What the summary counts, by table, in this order.
COUNTED = (("contact", "contact"), ("action", "action"), ("event", "event"),
           ("follow_up", "follow-up"), ("week_review", "reflection"),
           ("change", "change undo can take back"))


class Copied(NamedTuple):
    """A finished copy: from where, to where, and how many rows each table held."""

    source: Location
    target: Location
    counts: dict[str, int]

    def lines(self) -> list[str]:
        """What was copied where, then how to go on with the copy."""
        parts = [_count(self.counts.get(table, 0), label) for table, label in COUNTED]
        listed = ", ".join(parts[:-1]) + " and " + parts[-1]
        where = shlex.quote(str(self.target))
        return [f"Copied {listed} from {self.source} to {self.target}.",
                f"To work on the copy: export NETRHYTHM_DB={where} (or netrhythm --db {where} "
                f"…); {self.source} is left as it was."]


def _count(n: int, label: str) -> str:
    if n == 1:
        return f"1 {label}"
    noun, _, rest = label.partition(" ")
    return f"{n} {noun}s" + (f" {rest}" if rest else "")


def copy_database(source: Location, target: Location, clock: Clock | None = None) -> Copied:
    """Copy the database at ``source`` (``--db``) into the empty ``target`` (``--to``)."""
    check(source, target)
    ctx = open_context(source, clock)
    try:
        counts = copying.copy_into(target, ctx.today())
    finally:
        ctx.close()
    return Copied(source, target, counts)


def check(source: Location, target: Location) -> None:
    """Refuse (``InputError``) a target that is the database in use, a folder, or not empty,
    and a source with nothing to copy; nothing is created or changed."""
    if target == source or (target.path is not None and source.path is not None
                            and target.path.exists() and source.path.exists()
                            and target.path.samefile(source.path)):
        raise InputError("--to", f"{target} is the database in use (--db); give --to another "
                                 "place: a new file, or an empty database on a server")
    if target.path is not None and target.path.is_dir():
        raise InputError("--to", f"{target} is a folder; give the path of a new file in it")
    if not is_empty(target, "--to"):
        raise InputError("--to", f"{target} already holds data; a copy goes into an empty "
                                 "database only: give a new file, or an empty database on a "
                                 "server (createdb NAME). Nothing was changed.")
    if is_empty(source):
        raise InputError("--db", f"{source} holds no netrhythm database yet: nothing to copy; "
                                 "give --db (or NETRHYTHM_DB) the database to copy")
