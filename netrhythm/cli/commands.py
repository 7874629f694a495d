"""Dispatch: which function runs each command (imported lazily to keep start-up fast)."""

from __future__ import annotations

import gc
import os
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:  # argparse is imported only for the lines cli.quick_args leaves to it
    from argparse import Namespace


def _runs_long(args: Namespace) -> bool:
    """A watch and the commands that handle whole files: they collect garbage as they go
    (``main`` starts every command without the collector; the app turns it on itself once
    its first frame is painted, see ``cli.app.make_app``)."""
    command, action = args.command, getattr(args, "action", None)
    return (command in ("demo", "export", "import")
            or (command in ("contacts", "events") and action in ("import", "export"))
            or (command == "nudge" and args.watch is not None))


def dispatch(args: Namespace, db_path: Path) -> int:
    command = args.command
    if _runs_long(args):
        gc.enable()
    if command is None:
        from netrhythm.cli.app import run_app

        return run_app(db_path)
    if command == "nudge" and args.print_schedule:
        from netrhythm.paths import DB_ENV
        from netrhythm.services.nudges.schedule import database_argument, schedule

        db = database_argument(args.db or os.environ.get(DB_ENV), db_path)
        print(schedule(args.print_schedule, db), end="")
        return 0
    if command == "demo":
        from netrhythm.cli.demo_cmd import run as run_demo

        return int(run_demo(args))
    from netrhythm.services.context import open_context

    ctx = open_context(db_path)
    try:
        if command in ("export", "import") or (
            command == "contacts" and args.action in ("import", "export")
        ):
            from netrhythm.cli import transfer_cmd

            return int(transfer_cmd.run(ctx, args))
        if command in ("contacts", "tags", "practices", "events", "nudge", "draft"):
            from importlib import import_module

            module = import_module(f"netrhythm.cli.{command}_cmd")
            return int(module.run(ctx, args))
        from netrhythm.cli import tracking_cmd

        return int(getattr(tracking_cmd, f"run_{command}")(ctx, args))
    finally:
        ctx.close()
