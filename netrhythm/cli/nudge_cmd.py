"""`netrhythm nudge [--dry-run] [--watch MINUTES] [--quiet]`: send the nudges that are due;
`--print-schedule KIND` prints a scheduler entry that runs it.

``--quiet`` (what the printed scheduler entries use) prints only what needs the user: a nudge
that could not be shown on the desktop (printed with the reason, once: later retries stay
silent), never "Sent", "Withdrawn" or "Nothing to nudge" lines, so cron mails nothing on an
ordinary run.
"""

from __future__ import annotations

import time
from argparse import Namespace
from typing import TYPE_CHECKING

from netrhythm.services.context import Context

if TYPE_CHECKING:
    from netrhythm.paths import Location
    from netrhythm.services.nudges.check import Outcome


def _print(outcome: Outcome, quiet: bool) -> None:
    """A nudge shown on the desktop: one "Sent" line (none when ``quiet``). One that was not:
    its text with why, the first time only (so a scheduler does not mail it at every retry);
    after that one line saying it is tried again (none when ``quiet``)."""
    from netrhythm.notify import format_terminal

    title, message = outcome.nudge.title, outcome.nudge.message
    if outcome.print_now:
        print(format_terminal(title, message, outcome.reason), flush=True)
    elif not quiet and outcome.status == "accepted":
        print(f"Sent: {title} ({outcome.via})", flush=True)
    elif not quiet:
        print(f"Not shown yet: {title} ({outcome.reason}); the next run tries again.",
              flush=True)


def once(ctx: Context, dry_run: bool, quiet: bool = False) -> int:
    say = (lambda _text: None) if quiet else print
    if dry_run:
        from netrhythm.services.nudges.facts import plan

        result = plan(ctx)
        if result.suppressed_reason:
            say(f"Nothing would be sent: {result.suppressed_reason}.")
        for n in result.to_send:
            say(f"Would send: {n.title}\n  {n.message}")
        for shown in result.to_withdraw:
            say(f"Would withdraw: {shown.title} (no longer due)")
        if not result.to_send and not result.suppressed_reason and not result.to_withdraw:
            say("Nothing to nudge about right now.")
        return 0
    from netrhythm.services.nudges.check import run_check

    checked = run_check(ctx)
    for outcome in checked.outcomes:
        _print(outcome, quiet)
    for gone in checked.withdrawn:
        if gone.error is None:
            say(f"Withdrawn: {gone.title} (no longer due)")
        else:
            say(f"Not withdrawn: {gone.title} ({gone.error}); the next run tries again.")
    if not checked.outcomes and not checked.withdrawn:
        suppressed = checked.suppressed_reason
        say(f"Nothing sent: {suppressed}." if suppressed else "Nothing to nudge about right now.")
    return 0


def run(args: Namespace, location: Location) -> int:
    """Print a scheduler entry (the database is not opened), or check once or every few
    minutes."""
    if args.print_schedule:
        import sys

        from netrhythm.paths import has_password
        from netrhythm.services.nudges.schedule import schedule

        print(schedule(args.print_schedule, str(location)), end="")
        if location.url is not None and has_password(location.url):
            print("netrhythm: note: the entry gives the server's address without its "
                  "password; put it in ~/.pgpass for the scheduled command (netrhythm never "
                  "writes a password into a file)", file=sys.stderr)
        return 0
    from netrhythm.services.context import open_context

    ctx = open_context(location)
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
