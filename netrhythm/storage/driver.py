"""Which database driver a process loads: none but SQLite's, for a SQLite file.

Peewee imports psycopg, PostgreSQL's driver, the moment Peewee itself is imported, whenever it
is installed. With the ``postgres`` extra installed that added about 260 ms and 17 MiB to every
command on a SQLite file (``python -c "import peewee"``: 371 ms instead of 108 ms, peak memory
37.1 MiB instead of 20.3 MiB, measured with psycopg[binary] 3.3.9 and Peewee 4.5.3; README's
Performance section lists it). The composition root, knowing the location before anything of
storage is imported, calls :func:`prepare` first.
"""

from __future__ import annotations

import sys

from netrhythm.paths import Location

DRIVERS = ("psycopg", "psycopg2")


def prepare(*locations: Location) -> None:
    """When every location a command uses is a SQLite file, keep PostgreSQL's drivers from
    loading (Peewee then finds none); when one is a server, nothing. Call before the first
    import of Peewee."""
    if any(where.path is None for where in locations) or "peewee" in sys.modules:
        return  # a server; or too late to matter
    for name in DRIVERS:
        if name not in sys.modules:
            sys.modules[name] = None  # type: ignore[assignment]  # "import psycopg" fails
