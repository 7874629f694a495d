"""`netrhythm nudge [--dry-run] [--watch MINUTES] [--quiet]`: send the nudges that are due;
`--print-schedule KIND` prints a scheduler entry that runs it.

``--quiet`` (what the printed scheduler entries use) prints only what needs the user: a nudge
that could not be shown on the desktop (printed with the reason), never "Sent" or "Nothing to
nudge" lines, so cron mails nothing on an ordinary run.
"""

from __future__ import annotations

import os
import time
from argparse import Namespace
from pathlib import Path

from netrhythm.services.context import Context


def _print(via: str, title: str, message: str, reason: str | None, quiet: bool) -> None:
    """A nudge shown on the desktop: one "Sent" line (none when ``quiet``); a nudge that was
    not (printed-only, or a delivery that failed): the nudge itself, with why."""
    from netrhythm.notify import format_terminal

    if via == "terminal" or reason is not None:
        print(format_terminal(title, message, reason), flush=True)
    elif not quiet:
        print(f"Sent: {title} ({via})", flush=True)


def once(ctx: Context, dry_run: bool, quiet: bool = False) -> int:
    from netrhythm.services.nudges import check as nudges

    say = (lambda _text: None) if quiet else print
    if dry_run:
        result = nudges.plan(ctx)
        if result.suppressed_reason:
            say(f"Nothing would be sent: {result.suppressed_reason}.")
        for n in result.to_send:
            say(f"Would send: {n.title}\n  {n.message}")
        if not result.to_send and not result.suppressed_reason:
            say("Nothing to nudge about right now.")
        return 0
    sent, suppressed = nudges.send_due(ctx, nudges.desktop)
    for s in sent:
        _print(s.via, s.nudge.title, s.nudge.message, s.reason, quiet)
    if not sent:
        say(f"Nothing sent: {suppressed}." if suppressed else "Nothing to nudge about right now.")
    return 0


def run(args: Namespace, db_path: Path) -> int:
    """Print a scheduler entry (the database is not opened), or check once or every few
    minutes."""
    if args.print_schedule:
        from netrhythm.paths import DB_ENV
        from netrhythm.services.nudges.schedule import database_argument, schedule

        db = database_argument(args.db or os.environ.get(DB_ENV), db_path)
        print(schedule(args.print_schedule, db), end="")
        return 0
    from netrhythm.services.context import open_context

    ctx = open_context(db_path)
    try:
        if args.watch is None:
            return once(ctx, args.dry_run, args.quiet)
        return watch(ctx, args.watch, args.dry_run, args.quiet)
    finally:
        ctx.close()


def watch(ctx: Context, every: str, dry_run: bool, quiet: bool) -> int:
    from netrhythm.domain.validate import positive_int

    minutes = positive_int(every, "--watch", maximum=24 * 60)
    assert minutes is not None
    while True:
        once(ctx, dry_run, quiet)
        time.sleep(minutes * 60)
