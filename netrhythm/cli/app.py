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

    Start-up (Textual, Peewee, netrhythm: classes, functions, constants) makes tens of
    thousands of objects that live as long as the process, and the cyclic garbage collector
    would walk them again and again while the first frame is being made (~15 ms). So it is
    off until that frame is painted; then everything made so far is frozen out of its sight
    (``gc.freeze``) and it comes back on: a full collection walks only what the app makes
    since, 30 ms less each, and typing in a long list no longer stalls on one.
    """
    gc.disable()
    from netrhythm.ui.app import NUDGE_SECONDS, build_app

    return build_app(ctx, nudge_seconds=NUDGE_SECONDS if nudges else None,
                     on_first_frame=collect_from_now)


def collect_from_now() -> None:
    """Freeze what start-up made and turn the garbage collector (back) on."""
    gc.freeze()
    gc.enable()


def run_app(db_path: Path) -> int:
    from netrhythm.services.context import open_context

    ctx = open_context(db_path)
    try:
        return int(make_app(ctx).run() or 0)
    finally:
        ctx.close()
