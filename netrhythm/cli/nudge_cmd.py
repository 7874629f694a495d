"""`netrhythm nudge [--dry-run] [--watch MINUTES]`: send the nudges that are due."""

from __future__ import annotations

import time

from netrhythm.services.context import Context

TYPE_CHECKING = False
if TYPE_CHECKING:  # argparse is imported only for the lines cli.quick_args leaves to it
    from argparse import Namespace


def _print(via: str, title: str, message: str, reason: str | None) -> None:
    from netrhythm.notify import format_terminal

    if via == "terminal":
        print(format_terminal(title, message, reason), flush=True)
    else:
        print(f"Sent: {title} ({via})", flush=True)


def once(ctx: Context, dry_run: bool) -> int:
    from netrhythm.services.nudges import check as nudges

    if dry_run:
        result = nudges.plan(ctx)
        if result.suppressed_reason:
            print(f"Nothing would be sent: {result.suppressed_reason}.")
        for n in result.to_send:
            print(f"Would send: {n.title}\n  {n.message}")
        if not result.to_send and not result.suppressed_reason:
            print("Nothing to nudge about right now.")
        return 0
    sent, suppressed = nudges.send_due(ctx, nudges.desktop)
    for s in sent:
        _print(s.via, s.nudge.title, s.nudge.message, s.reason)
    if not sent:
        print(f"Nothing sent: {suppressed}." if suppressed else "Nothing to nudge about right now.")
    return 0


def run(ctx: Context, args: Namespace) -> int:
    if args.watch is None:
        return once(ctx, args.dry_run)
    from netrhythm.domain.validate import positive_int

    minutes = positive_int(args.watch, "--watch", maximum=24 * 60)
    assert minutes is not None
    while True:
        once(ctx, args.dry_run)
        time.sleep(minutes * 60)
