"""Start the full-screen app (the only place the command line imports Textual)."""

from __future__ import annotations

from pathlib import Path


def run_app(db_path: Path) -> int:
    from netrhythm.services.context import open_context

    ctx = open_context(db_path)
    try:
        try:
            from netrhythm.ui.app import run
        except ImportError:
            from netrhythm.cli.tracking_cmd import print_status

            print_status(ctx)
            return 0
        return int(run(ctx))
    finally:
        ctx.close()
