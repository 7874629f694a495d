"""``netrhythm events export --format ics`` and ``x`` on the Events screen.

What goes out: every event that has not ended (today's and later, cancelled ones as
STATUS:CANCELLED so calendar apps drop them) and every follow-up not done yet. Follow-ups are
all-day events marked free (TRANSP:TRANSPARENT), not VTODOs: calendar apps that import or
subscribe to a file ignore VTODO, so tasks would not show at all.

UIDs carry the event's (or follow-up's) id and this database's id, so they stay the same from
one export to the next and never clash with another database's; SEQUENCE is the row's
revision, which rises with every change: a calendar app that imports the file again updates
its copy rather than adding a second one. Times go out in the zone their calendar named (a
time without a zone, in the user's zone); notes only with ``with_notes``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from netrhythm.domain.errors import InputError
from netrhythm.domain.event_times import parse_moment
from netrhythm.files.atomic import write_numbered
from netrhythm.formats.ics_write import EventOut, FollowUpOut, write_ics
from netrhythm.services.calendars.identity import database_id
from netrhythm.services.calendars.zone import read_zone, zone_or_none
from netrhythm.services.context import Context
from netrhythm.storage import calendar as store
from netrhythm.storage.calendar import ExportEvent


def export_calendar(ctx: Context, with_notes: bool = False) -> bytes:
    """The .ics file's bytes: events from today on, and open follow-ups."""
    zone = read_zone()
    events = [_event(e, zone, with_notes) for e in store.events_from(ctx.today())]
    follow_ups = [FollowUpOut(f.id, f.contact, f.due_on, f.revision,
                              f.note if with_notes else None)
                  for f in store.open_follow_ups()]
    now = ctx.now()
    stamp = now if now.tzinfo is not None else now.replace(tzinfo=zone)
    return write_ics(events, follow_ups, stamp=stamp, database=database_id())


def write_calendar(ctx: Context, path: Path, with_notes: bool = False,
                   field_name: str = "--output") -> Path:
    """Create ``path`` (0600, whole or not at all) with the export; an existing file is never
    replaced."""
    from netrhythm.services.transfer.exchange import write_private

    write_private(path, export_calendar(ctx, with_notes).decode("utf-8"), field_name)
    return path


def write_to_folder(ctx: Context, folder: Path | None = None, with_notes: bool = False) -> Path:
    """Write ``netrhythm-events-2026-11-23.ics`` into ``folder`` (the export folder:
    ``$NETRHYTHM_EXPORT_DIR``, Documents or home); ``-2``, ``-3`` … rather than replacing."""
    from netrhythm.services.review.render import export_folder

    target = (folder or export_folder()).expanduser().resolve()
    stem = f"netrhythm-events-{ctx.today().isoformat()}"
    try:
        return write_numbered(target, stem, ".ics", export_calendar(ctx, with_notes))
    except FileExistsError as exc:
        raise InputError("export", str(exc)) from None


def _event(e: ExportEvent, zone: tzinfo, with_notes: bool) -> EventOut:
    start: datetime | date
    end: datetime | date | None
    if e.starts_at is None:
        start, end = e.held_on, (e.last_day or e.held_on) + timedelta(days=1)
    else:
        own = zone_or_none(e.tz) if e.tz else None
        start = _moment(e.starts_at, own, zone)
        end = _moment(e.ends_at, own, zone) if e.ends_at else None
        end = end if end is not None and end > start else None
    return EventOut(e.id, e.name, start, end, e.revision, e.location, e.url,
                    e.notes if with_notes else None, e.cancelled)


def _moment(text: str, own: ZoneInfo | None, zone: tzinfo) -> datetime:
    """A stored time, aware: in its calendar's zone, or the user's for a wall time (or a zone
    defined only in the file it came from)."""
    moment = parse_moment(text)
    assert moment is not None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    if own is None:
        return moment.astimezone(zone)
    return moment if own.key == "UTC" else moment.astimezone(own)
