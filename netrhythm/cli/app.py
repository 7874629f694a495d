"""Start the full-screen app (with demo_cmd, the only places the command line imports Textual)."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netrhythm.services.context import Context
    from netrhythm.ui.app import NetrhythmApp


def make_app(ctx: Context, *, nudges: bool = True) -> NetrhythmApp:
    """The app as ``netrhythm`` runs it (the benchmark starts it this way too, without the
    nudge checks).

    Everything made until now (Textual, Peewee, netrhythm: classes, functions, constants)
    lives as long as the process, so it is frozen out of the garbage collector's sight
    (``gc.freeze``): a full collection then walks only what the app makes since, 30 ms
    less each, and typing in a long list no longer stalls on one.
    """
    from netrhythm.ui.app import NUDGE_SECONDS, build_app

    app = build_app(ctx, nudge_seconds=NUDGE_SECONDS if nudges else None)
    gc.freeze()
    return app


def run_app(db_path: Path) -> int:
    from netrhythm.services.context import open_context

    ctx = open_context(db_path)
    try:
        return int(make_app(ctx).run() or 0)
    finally:
        ctx.close()
