"""Start the full-screen app (with demo_cmd, the only places the command line imports Textual)."""

from __future__ import annotations

from argparse import Namespace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netrhythm.paths import Location
    from netrhythm.services.context import Context
    from netrhythm.ui.app import NetrhythmApp


def make_app(ctx: Context, *, nudges: bool = True) -> NetrhythmApp:
    """The app as ``netrhythm`` runs it, with the user's keymap (the benchmark starts it this
    way too, without the nudge checks)."""
    from netrhythm.paths import keymap_path
    from netrhythm.ui.app import NUDGE_SECONDS, build_app

    return build_app(ctx, nudge_seconds=NUDGE_SECONDS if nudges else None,
                     keymap_path=keymap_path())


def run_app(args: Namespace, location: Location) -> int:
    """``netrhythm`` with no command: the app on the database in use."""
    from netrhythm.services.context import open_context

    ctx = open_context(location)
    try:
        return int(make_app(ctx).run() or 0)
    finally:
        ctx.close()
