"""`netrhythm events …`: add and list."""

from __future__ import annotations

from argparse import Namespace

from netrhythm.cli.render import print_json, table
from netrhythm.domain.dates import format_day
from netrhythm.services import events as svc
from netrhythm.services.context import Context


def run_add(ctx: Context, args: Namespace) -> int:
    e = svc.add_event(ctx, svc.EventForm(args.name, args.date, args.location, args.url,
                                         args.notes))
    print(f"Added event {e.name} on {e.held_on.isoformat()}.")
    return 0


def run_list(ctx: Context, args: Namespace) -> int:
    upcoming, past = svc.list_events(ctx)
    if args.json:
        print_json([{"name": e.name, "held_on": e.held_on, "location": e.location,
                     "url": e.url, "notes": e.notes, "met": list(e.contact_names)}
                    for e in upcoming + past])
        return 0
    today = ctx.today()
    for title, items in (("Upcoming", upcoming), ("Past", past)):
        if items:
            print(title)
            print(*table([[format_day(e.held_on, today) if e.held_on <= today
                           else e.held_on.isoformat(), e.name, e.location,
                           ", ".join(e.contact_names)] for e in items]), sep="\n")
    if not upcoming and not past:
        print("No events yet. Add one: netrhythm events add NAME --date YYYY-MM-DD")
    return 0
