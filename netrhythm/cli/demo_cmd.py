"""`netrhythm demo`: a year of demo data in its own database, then the app on it.

The demo database is made fresh on every run (default: ``demo.db`` in the user data folder),
so it never touches your own data: an existing file is replaced only if a demo made it. On a
database server (``--db`` a URL) the demo needs an empty database of its own.
``--no-app`` only creates the data.
"""

from __future__ import annotations

import shlex
from argparse import Namespace
from pathlib import Path

from netrhythm.paths import Location


def default_demo_path() -> Path:
    from platformdirs import user_data_dir

    from netrhythm.paths import APP_NAME

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "demo.db"


def _clear(location: Location) -> None:
    """Clear the way for a new demo: a file a demo made is replaced; a server's database must
    be empty (nothing there is ever deleted)."""
    if location.path is not None:
        _remove(location.path)
        return
    from netrhythm.domain.errors import InputError
    from netrhythm.storage.db import is_empty

    if not is_empty(location):
        raise InputError("--db", f"{location} already holds data; the demo goes in an empty "
                                 "database of its own (createdb netrhythm_demo, then give its "
                                 "address). Nothing was changed.")


def _remove(path: Path) -> None:
    """Clear the way for a new demo: only a demo database is ever replaced, never your data."""
    from netrhythm.domain.errors import InputError
    from netrhythm.services.demo.create import is_demo_database

    if path.is_dir():
        raise InputError("--db", f"{path} is a folder; give the path of a new file")
    if path.exists() and path != default_demo_path().resolve() and not is_demo_database(path):
        raise InputError("--db", f"{path} already exists and is not a demo database; the demo "
                                 "goes in a file of its own (nothing was changed)")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def run(args: Namespace, location: Location) -> int:
    """``location`` (your database) is left alone: the demo has its own, ``--db`` after
    ``demo``."""
    from netrhythm.paths import resolve_location
    from netrhythm.services.context import open_context
    from netrhythm.services.demo.create import create_demo

    where = resolve_location(args.demo_db) if args.demo_db else Location(default_demo_path())
    _clear(where)
    ctx = open_context(where)
    try:
        summary = create_demo(ctx)
        print(f"Demo data: {summary.contacts} contacts, {summary.actions} actions, "
              f"{summary.events} events, {summary.follow_ups} follow-ups, in {where}")
        from netrhythm.cli.app import make_app, no_terminal

        if args.no_app or no_terminal():  # without a terminal, as with --no-app
            print(f"Open it with: netrhythm --db {shlex.quote(str(where))}")
            return 0

        return int(make_app(ctx).run() or 0)
    finally:
        ctx.close()

