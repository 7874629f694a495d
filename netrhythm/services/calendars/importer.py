"""``netrhythm events import FILE.ics`` and ``i`` on the Events screen.

The whole file is read and checked first (an error names its line and nothing is written),
then every change is written as one change that ``netrhythm undo`` reverts. Occurrences are
read within the coming and past 12 months (narrowed by ``--from``/``--to``) in the user's zone;
``--match`` keeps those whose name, place or description contains the text. ``plan`` says what
each occurrence does to the events here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from netrhythm.domain.dates import parse_date
from netrhythm.domain.errors import InputError
from netrhythm.domain.validate import clean_line
from netrhythm.formats.ics_read import read_ics
from netrhythm.formats.ics_records import MAX_ICS_BYTES, Window, own_id
from netrhythm.services.calendars.identity import read_database_id
from netrhythm.services.calendars.plan import Plan, make_plan
from netrhythm.services.calendars.summary import CalendarSummary
from netrhythm.services.calendars.zone import read_zone_name
from netrhythm.services.context import Context
from netrhythm.services.transfer.summary import count
from netrhythm.storage import calendar as store
from netrhythm.storage.journal import change


def read_calendar_file(path: Path, field_name: str = "FILE") -> bytes:
    """The bytes of a regular file of at most ``MAX_ICS_BYTES`` (a FIFO, a device, a folder
    or a larger file is refused, unread), or an InputError that says why not."""
    from netrhythm.services.transfer.exchange import read_file

    return read_file(path, field_name, limit=MAX_ICS_BYTES, what="calendar file")


def import_calendar(ctx: Context, path: Path, *, dry_run: bool = False, match: str = "",
                    first: str | None = None, last: str | None = None) -> CalendarSummary:
    """Import the events of an .ics file: checked whole, then one change (or, in a dry run,
    only the summary of what would change)."""
    match = clean_line(match, "--match", 200)
    today = ctx.today()
    window = Window.around(today)
    dates = _dates(first, last, today, window)
    zone_name = read_zone_name()
    zone = ZoneInfo(zone_name)
    data = read_calendar_file(path)
    try:
        read = read_ics(data, zone=zone, window=window, dates=dates, match=match,
                        source=path.name)
    except InputError as exc:
        if exc.field != "date range":
            raise
        raise InputError("--from/--to", exc.message) from None
    summary = CalendarSummary(path.name, zone_name, read.calendar_name, dry_run,
                              own_skipped=read.own_skipped, unmatched=read.unmatched,
                              match=match, stripped=read.stripped)
    database = read_database_id()

    def plan() -> Plan:
        ids = [i for i in (own_id(e.uid, database) for e in read.events) if i is not None] \
            if database else []
        return make_plan(read, store.stored_events(ids), summary, database=database,
                         zone=zone, today=today, match=match)

    if dry_run:
        plan()
        return summary
    with change(f"imported events from {path.name}", ctx.now()) as entry:
        done = plan()
        store.write_events(done.new, done.updates, done.cancel, done.remove)
        entry.description = _description(summary, path.name)
    return summary


def _dates(first: str | None, last: str | None, today: date, window: Window) -> Window | None:
    """The ``--from``/``--to`` range (either end open), or None for the whole window."""
    if not first and not last:
        return None
    start = parse_date(first, today, "--from", allow_future=True) if first else window.first
    end = parse_date(last, today, "--to", allow_future=True) if last else window.last
    if first and last and start > end:
        raise InputError("--from", f"{start.isoformat()} is after --to {end.isoformat()}; "
                                   "give the earlier date first")
    return Window(start, end)


def _description(summary: CalendarSummary, source: str) -> str:
    parts = [count(len(summary.added), "event")]
    for label, items in (("updated", summary.updated), ("cancelled", summary.cancelled),
                         ("removed", summary.removed)):
        if items:
            parts.append(f"{label} {len(items)}")
    return f"imported {parts[0]} from {source}" + "".join(f", {p}" for p in parts[1:])

