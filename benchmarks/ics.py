"""The calendar measure: a file of invented events, read and imported as ``events import`` does.

``python -m benchmarks.ics FILE [COUNT]`` writes COUNT (default 5,000) VEVENTs to FILE when it
does not exist, then reads it with ``netrhythm.formats.ics_read.read_ics`` in the import window
(12 months either side of the benchmark's today) and prints JSON with the seconds the read
took (wall clock and CPU, start-up excluded) and how many occurrences came out.
``python -m benchmarks.ics --import DB FILE`` imports FILE into the database DB (the whole
``netrhythm events import``: reading, matching, writing as one change) and prints the seconds.
The file looks like a busy exported calendar: two VTIMEZONEs, times in Lisbon, New York and
UTC, one in twenty all-day, one in fifty a weekly series of ten with an EXDATE, folded
descriptions with non-ASCII text.
"""

from __future__ import annotations

import json
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from benchmarks import words
from benchmarks.generate import NOW, SEED

_ZONES = ("Europe/Lisbon", "America/New_York", "")  # "" = UTC
_VTIMEZONES = {
    "Europe/Lisbon": ("+0000", "+0100", "WET", "WEST", "3;BYDAY=-1SU", "10;BYDAY=-1SU"),
    "America/New_York": ("-0500", "-0400", "EST", "EDT", "3;BYDAY=2SU", "11;BYDAY=1SU"),
}


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def _fold(line: str) -> str:
    return line[:70] + "".join(f"\r\n {line[i:i + 70]}" for i in range(70, len(line), 70))


def _vtimezone(zone: str) -> list[str]:
    std, dst, std_name, dst_name, spring, autumn = _VTIMEZONES[zone]
    return ["BEGIN:VTIMEZONE", f"TZID:{zone}", "BEGIN:DAYLIGHT", f"TZOFFSETFROM:{std}",
            f"TZOFFSETTO:{dst}", f"TZNAME:{dst_name}", "DTSTART:19700308T020000",
            f"RRULE:FREQ=YEARLY;BYMONTH={spring}", "END:DAYLIGHT", "BEGIN:STANDARD",
            f"TZOFFSETFROM:{dst}", f"TZOFFSETTO:{std}", f"TZNAME:{std_name}",
            "DTSTART:19701025T020000", f"RRULE:FREQ=YEARLY;BYMONTH={autumn}", "END:STANDARD",
            "END:VTIMEZONE"]


def _when(zone: str, moment: datetime) -> str:
    if not zone:
        return f":{moment:%Y%m%dT%H%M%S}Z"
    return f";TZID={zone}:{moment:%Y%m%dT%H%M%S}"


def event(rnd: random.Random, number: int, today: date) -> list[str]:
    city, kind = rnd.choice(words.CITIES), rnd.choice(words.EVENT_KINDS)
    topic = rnd.choice(words.TAGS)[0]
    day = today + timedelta(days=rnd.randint(-360, 360))
    lines = ["BEGIN:VEVENT", f"UID:bench-{number}@example.net", "DTSTAMP:20261101T090000Z",
             f"SUMMARY:{_escape(f'{city} {topic} {kind} #{number}')}",
             f"LOCATION:{_escape(f'{city}, Sala {rnd.randint(1, 40)}, 2º andar')}",
             f"URL:https://events.example.net/{number}"]
    if number % 20 == 0:
        lines += [f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{day + timedelta(days=rnd.randint(1, 3)):%Y%m%d}"]
    else:
        zone = rnd.choice(_ZONES)
        start = datetime.combine(day, datetime.min.time()) + timedelta(hours=rnd.randint(8, 20))
        lines += [f"DTSTART{_when(zone, start)}", f"DTEND{_when(zone, start + timedelta(hours=2))}"]
        if number % 50 == 1:
            lines += ["RRULE:FREQ=WEEKLY;COUNT=10",
                      f"EXDATE{_when(zone, start + timedelta(weeks=3))}"]
    description = _escape(f"{kind} about {topic} in {city}.\nTalks, demos and time to meet "
                          f"people working on {topic}; café e pastéis included. " * 2)
    lines += [_fold(f"DESCRIPTION:{description}"), "END:VEVENT"]
    return lines


def write_calendar(path: Path, count: int, today: date | None = None) -> Path:
    """``count`` events in one file (the same every time)."""
    today = today or NOW.date()
    rnd = random.Random(SEED + count)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//netrhythm//benchmark//EN",
             "X-WR-CALNAME:Benchmark"]
    for zone in _VTIMEZONES:
        lines += _vtimezone(zone)
    for number in range(1, count + 1):
        lines += event(rnd, number, today)
    lines.append("END:VCALENDAR")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8", newline="")
    return path


def import_main(db: Path, path: Path) -> int:
    from netrhythm.domain.clock import FixedClock
    from netrhythm.services.calendars.importer import import_calendar
    from netrhythm.services.context import open_context

    ctx = open_context(db, FixedClock(NOW))
    try:
        start, cpu = time.perf_counter(), time.process_time()
        summary = import_calendar(ctx, path)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        ctx.close()
    print(json.dumps({"seconds": seconds, "cpu_seconds": round(cpu, 3),
                      "events": len(summary.added)}))
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--import"]:
        return import_main(Path(argv[1]), Path(argv[2]))
    from zoneinfo import ZoneInfo

    from netrhythm.formats.ics_read import read_ics
    from netrhythm.formats.ics_records import Window

    path = Path(argv[0])
    if not path.exists():
        write_calendar(path, int(argv[1]) if len(argv) > 1 else 5_000)
    data = path.read_bytes()
    start, cpu = time.perf_counter(), time.process_time()
    found = read_ics(data, zone=ZoneInfo("Europe/Lisbon"), window=Window.around(NOW.date()))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({"seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3),
                      "occurrences": len(found.events), "bytes": len(data)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
