"""Dispatch: which function runs each command (imported lazily to keep start-up fast)."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path


def dispatch(args: Namespace, db_path: Path) -> int:
    command = args.command
    if command is None:
        from netrhythm.cli.app import run_app

        return run_app(db_path)
    from netrhythm.services.context import open_context

    ctx = open_context(db_path)
    try:
        if command in ("contacts", "practices", "events"):
            from importlib import import_module

            module = import_module(f"netrhythm.cli.{command}_cmd")
            return int(module.run(ctx, args))
        from netrhythm.cli import tracking_cmd

        return int(getattr(tracking_cmd, f"run_{command}")(ctx, args))
    finally:
        ctx.close()
