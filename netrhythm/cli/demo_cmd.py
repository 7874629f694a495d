"""`netrhythm demo`: a year of demo data in its own database, then the app on it.

The demo database is made fresh on every run (default: ``demo.db`` in the user data folder),
so it never touches your own data: an existing file is replaced only if a demo made it.
``--no-app`` only creates the data.
"""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from netrhythm.paths import Location


def default_demo_path() -> Path:
    from platformdirs import user_data_dir

    from netrhythm.paths import APP_NAME

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "demo.db"


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
    from netrhythm.services.context import open_context
    from netrhythm.services.demo.create import create_demo

    path = Path(args.demo_db).expanduser().resolve() if args.demo_db else default_demo_path()
    _remove(path)
    ctx = open_context(path)
    try:
        summary = create_demo(ctx)
        print(f"Demo data: {summary.contacts} contacts, {summary.actions} actions, "
              f"{summary.events} events, {summary.follow_ups} follow-ups, in {path}")
        from netrhythm.cli.app import make_app, no_terminal

        if args.no_app or no_terminal():  # without a terminal, as with --no-app
            print(f"Open it with: netrhythm --db {path}")
            return 0

        return int(make_app(ctx).run() or 0)
    finally:
        ctx.close()
