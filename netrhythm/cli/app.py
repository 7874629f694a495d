"""Start the full-screen app (with demo_cmd, the only places the command line imports Textual)."""

from __future__ import annotations

from pathlib import Path


def run_app(db_path: Path) -> int:
    from netrhythm.services.context import open_context
    from netrhythm.ui.app import run

    ctx = open_context(db_path)
    try:
        return int(run(ctx))
    finally:
        ctx.close()
