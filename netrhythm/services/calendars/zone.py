"""The user's time zone: the ``time-zone`` setting, else the system's, else UTC.

Times are shown in this zone and calendar times without a zone are read in it. The system's
zone is ``$TZ`` when it names an IANA zone (``Europe/Lisbon``, ``:Europe/Lisbon``, or a path
under a ``zoneinfo`` folder), else the zone ``/etc/localtime`` links to under a ``zoneinfo``
folder, else UTC. ``netrhythm settings time-zone system`` goes back to following the system.

Changing the zone moves the local days of events whose times have a zone (a talk at 01:00 UTC
is on the 12th in Lisbon and the 11th in New York), in the same undoable change.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo

from netrhythm.domain.errors import InputError
from netrhythm.domain.event_times import days_covered, local, parse_moment
from netrhythm.services.context import Context
from netrhythm.storage import settings as store

TIME_ZONE = "time_zone"  # the setting's key in the database ("" or missing: the system's)
SYSTEM = "system"
LOCALTIME = Path("/etc/localtime")
_MARKER = "zoneinfo/"


def zone_or_none(name: str) -> ZoneInfo | None:
    """The zone ``name`` names exactly, or None."""
    if not name or len(name) > 80:
        return None
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):  # not found is a KeyError; a folder an OSError
        return None


def _after_zoneinfo(path: str) -> str:
    at = path.rfind(_MARKER)
    name = path[at + len(_MARKER):] if at >= 0 else ""
    for prefix in ("posix/", "right/"):
        name = name.removeprefix(prefix)
    return name


def system_zone_name(environ: Mapping[str, str] | None = None,
                     localtime: Path = LOCALTIME) -> str:
    """The system's zone: ``$TZ``, else what ``/etc/localtime`` links to, else ``UTC``."""
    env = os.environ if environ is None else environ
    tz = env.get("TZ", "").strip().removeprefix(":")
    for name in (tz, _after_zoneinfo(tz)):
        if zone_or_none(name) is not None:
            return name
    try:
        target = os.path.realpath(localtime) if localtime.is_symlink() else ""
    except OSError:
        target = ""
    name = _after_zoneinfo(target)
    return name if zone_or_none(name) is not None else "UTC"


def read_zone_name() -> str:
    """The user's zone, by name (a query)."""
    chosen = str(store.get_setting(TIME_ZONE, "") or "")
    return chosen if zone_or_none(chosen) is not None else system_zone_name()


def read_zone() -> ZoneInfo:
    """The user's zone (a query)."""
    return ZoneInfo(read_zone_name())


def shown_setting() -> str:
    """The setting as ``netrhythm settings`` shows it: the zone, and whether it is the
    system's (``Europe/Lisbon (system)``)."""
    chosen = str(store.get_setting(TIME_ZONE, "") or "")
    if zone_or_none(chosen) is not None:
        return chosen
    return f"{system_zone_name()} ({SYSTEM})"


def set_time_zone(ctx: Context, text: str) -> str:
    """Choose the zone (an IANA name, or ``system``); days of zoned events follow it."""
    from netrhythm.storage.journal import change

    wanted = text.strip()
    if wanted.casefold() == SYSTEM or wanted.endswith(f"({SYSTEM})"):  # as it is shown
        name, stored = system_zone_name(), ""
    elif zone_or_none(wanted) is not None:
        name, stored = wanted, wanted
    else:
        raise InputError("time-zone", f"{wanted[:40]!r} is not a time zone; use an IANA name "
                                      "such as Europe/Lisbon or America/New_York, or system")
    zone = ZoneInfo(name)
    with change(f"set the time zone to {name}", ctx.now()):
        store.set_setting(TIME_ZONE, stored)
        moved = _redate(zone)
    days = f"; {moved} event{'s' if moved != 1 else ''} moved to another day" if moved else ""
    return f"Time zone: {name}{' (the system’s)' if not stored else ''}{days}."


def _redate(zone: ZoneInfo) -> int:
    """Set the local days of events with zoned times for ``zone``; how many changed."""
    from netrhythm.storage import calendar as calendar_store

    changed = []
    for event_id, starts, ends, held_on, last_day in calendar_store.zoned_events():
        start = parse_moment(starts)
        assert start is not None
        end = parse_moment(ends) or start
        days = days_covered(local(start, zone), local(end, zone))
        if days != (held_on, last_day):
            changed.append((event_id, *days))
    calendar_store.set_days(changed)
    return len(changed)
