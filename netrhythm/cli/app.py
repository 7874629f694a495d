"""Start the full-screen app (with demo_cmd, the only places the command line imports Textual)."""

from __future__ import annotations

import sys
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


def no_terminal() -> str | None:
    """Why the full-screen app cannot run here (standard input or output is not a terminal:
    a pipe, a file, cron), or None. Started anyway, it would write its screen into the pipe
    and wait for keys that never come."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        return None
    which = "input" if not sys.stdin.isatty() else "output"
    return (f"the app needs a terminal, and standard {which} is not one; in scripts use the "
            "commands (netrhythm status, netrhythm log …; netrhythm --help lists them)")


def run_app(args: Namespace, location: Location) -> int:
    """``netrhythm`` with no command: the app on the database in use (in a terminal only)."""
    from netrhythm.services.context import open_context

    why = no_terminal()
    if why:
        print(f"netrhythm: {why}", file=sys.stderr)
        return 2  # a usage error: nothing was opened
    ctx = open_context(location)
    try:
        return int(make_app(ctx).run() or 0)
    finally:
        ctx.close()
