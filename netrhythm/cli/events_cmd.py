"""`netrhythm events …`: add, list, edit, delete, import (.ics) and export (.ics)."""

from __future__ import annotations

import sys
from argparse import Namespace
from datetime import datetime
from pathlib import Path

from netrhythm.cli.output import write_data
from netrhythm.cli.render import print_json, table
from netrhythm.domain.dates import format_day
from netrhythm.domain.records import EventRec
from netrhythm.services import events as svc
from netrhythm.services.context import Context


def run_add(ctx: Context, args: Namespace) -> int:
    e = svc.add_event(ctx, svc.EventForm(args.name, args.date, args.location, args.url,
                                         args.notes))
    print(f"Added event {e.name} on {e.held_on.isoformat()}.")
    return 0


def run_edit(ctx: Context, args: Namespace) -> int:
    """`events edit EVENT [--name NEW] [--date DATE] [--location] [--url] [--notes]`."""
    form = svc.EventForm(args.new_name, args.date, args.location, args.url, args.notes)
    if form == svc.EventForm():
        from netrhythm.domain.errors import InputError

        raise InputError("events edit", "give at least one of --name, --date, --location, "
                                        "--url, --notes")
    e = svc.edit_event(ctx, args.name, form)
    print(f"Changed event {e.name} on {e.held_on.isoformat()}.")
    return 0


def run_delete(ctx: Context, args: Namespace) -> int:
    """`events delete EVENT`: the links to it go; undo brings it back."""
    e = svc.delete_event(ctx, args.name)
    print(f"Deleted event {e.name} on {e.held_on.isoformat()}. `netrhythm undo` brings it back.")
    return 0


def run_import(ctx: Context, args: Namespace) -> int:
    """`events import FILE [--dry-run] [--match TEXT] [--from DATE] [--to DATE]`."""
    from netrhythm.services.calendars.importer import import_calendar

    summary = import_calendar(ctx, Path(args.file).expanduser(), dry_run=args.dry_run,
                              match=args.match, first=args.first, last=args.last)
    print(*summary.lines(), sep="\n")
    return 0


def run_export(ctx: Context, args: Namespace) -> int:
    """`events export --format ics [--output FILE] [--with-notes]`."""
    from netrhythm.services.calendars import export

    if args.output:
        export.write_calendar(ctx, Path(args.output).expanduser(), args.with_notes)
        print(f"Wrote {args.output}.", file=sys.stderr)
    else:  # exact bytes to a pipe or a file; a terminal gets plain line ends
        text = export.export_calendar(ctx, args.with_notes).decode("utf-8")
        write_data(text.replace("\r\n", "\n") if sys.stdout.isatty() else text)
    return 0


def run_list(ctx: Context, args: Namespace) -> int:
    """`events list [--json]`: times in the user's zone; cancelled events say so."""
    from netrhythm.domain.event_times import local_span, time_label
    from netrhythm.services.calendars.zone import read_zone

    upcoming, past = svc.list_events(ctx)
    zone = read_zone()
    if args.json:
        print_json([_json(e, local_span(e, zone)) for e in upcoming + past])
        return 0
    today = ctx.today()
    for title, items in (("Upcoming", upcoming), ("Past", past)):
        if items:
            print(title)
            print(*table([[format_day(e.held_on, today) if e.held_on <= today
                           else e.held_on.isoformat(), time_label(e, zone),
                           e.name + (" (cancelled)" if e.cancelled else ""), e.location,
                           ", ".join(e.contact_names)] for e in items]), sep="\n")
    if not upcoming and not past:
        print("No events yet. Add one: netrhythm events add NAME --date YYYY-MM-DD, or import "
              "a calendar: netrhythm events import FILE.ics")
    return 0


def _json(e: EventRec, span: tuple[datetime, datetime] | None) -> dict[str, object]:
    """An event as ``events list --json`` gives it (times local, without a zone)."""
    return {"name": e.name, "held_on": e.held_on, "last_day": e.last_day,
            "starts": span[0].isoformat(timespec="minutes") if span else None,
            "ends": span[1].isoformat(timespec="minutes") if span else None,
            "cancelled": e.cancelled, "location": e.location, "url": e.url, "notes": e.notes,
            "met": list(e.contact_names)}
