"""`netrhythm demo`: a year of demo data in its own database, then the app on it.

The demo database is made fresh on every run (default: ``demo.db`` in the user data folder),
so it never touches your own data. ``--no-app`` only creates the data.
"""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path


def default_demo_path() -> Path:
    from platformdirs import user_data_dir

    from netrhythm.paths import APP_NAME

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "demo.db"


def _remove(path: Path) -> None:
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder; pass --db with a file path")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def run(args: Namespace) -> int:
    from netrhythm.services.context import open_context
    from netrhythm.services.demo import create_demo

    path = Path(args.demo_db).expanduser().resolve() if args.demo_db else default_demo_path()
    _remove(path)
    ctx = open_context(path)
    try:
        summary = create_demo(ctx)
        print(f"Demo data: {summary.contacts} contacts, {summary.actions} actions, "
              f"{summary.events} events, {summary.follow_ups} follow-ups, in {path}")
        if args.no_app:
            print(f"Open it with: netrhythm --db {path}")
            return 0
        from netrhythm.ui.app import run as run_app

        return int(run_app(ctx))
    finally:
        ctx.close()
