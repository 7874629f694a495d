"""The lines of an .ics file: decoded, unfolded, checked for shape, and cut down for icalendar.

icalendar drops line numbers when it parses, and quietly returns nothing for a calendar that
never ends. This pass runs first: it refuses what is not an iCalendar file or is cut off, naming
the line, and remembers where each VEVENT and each of its properties begins, so that a bad value
found later can be reported as "line 27" rather than as a library's exception.

It also hands icalendar only what needs it. icalendar reads each content line character by
character in Python: on the 5,000-event benchmark file (``benchmarks/ics.py``, 2.7 MB) it took
2.6-3.1 s of CPU to parse everything, and recurring-ical-events 1.3-1.6 s more to expand it.
So text properties (SUMMARY, LOCATION, URL, DESCRIPTION) are split off here with icalendar's
own unescaping; properties netrhythm does not read (ATTENDEE, DTSTAMP, X-...) and components
it does not read (VALARM, VTODO, ...) are left out; events that do not repeat are read by
``ics_simple`` and never reach icalendar's parser. What icalendar gets is the calendar's own
lines, its VTIMEZONEs and the repeating events, each VEVENT with an ``X-NETRHYTHM-BLOCK`` line
naming its ``Block`` (expanded copies keep it). The whole read of that file takes 1.1-1.5 s of
CPU.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field

from icalendar.parser import unescape_backslash

from netrhythm.domain.errors import InputError
from netrhythm.formats.ics_records import MAX_ICS_BYTES

SOURCE = "calendar file"
BLOCK_PROPERTY = "X-NETRHYTHM-BLOCK"
MAX_DEPTH = 8  # VCALENDAR > VEVENT > VALARM is 3; deeper nesting is hostile
TEXTS = frozenset({"SUMMARY", "LOCATION", "URL", "DESCRIPTION", "X-NETRHYTHM-KIND"})
TIMES = frozenset({"UID", "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE",
                   "RECURRENCE-ID", "SEQUENCE", "STATUS"})
REPEATS = ("RRULE", "RDATE", "RECURRENCE-ID")
HEADERS = frozenset({"X-WR-TIMEZONE", "X-WR-CALNAME"})
_KEPT = frozenset({"VCALENDAR", "VEVENT", "VTIMEZONE", "STANDARD", "DAYLIGHT"})
# NAME, then parameters (quoted strings may hold ":" and ";"), then the ":" before the value.
_LINE = re.compile(r'([A-Za-z0-9-]+)((?:;(?:[^:"]|"[^"]*")*)?):')
_NAME = re.compile(r"([A-Za-z0-9-]+)[;:]")
_FIX = "save it as UTF-8 and import again"


@dataclass(slots=True)
class Block:
    """One VEVENT: where it begins, the first line of each of its own properties, its text
    properties (unescaped, not yet cleaned), its time properties (raw parameters and value)
    and the lines icalendar gets if it repeats."""

    line: int
    calendar: int  # which VCALENDAR of the file it is in, from 0
    props: dict[str, int] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    times: dict[str, tuple[str, str]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    @property
    def repeats(self) -> bool:
        return any(name in self.props for name in REPEATS)

    @property
    def uid(self) -> str:
        """Its UID, or a stand-in made from its start and summary (stable across imports)."""
        if "UID" in self.times:
            return unescape_backslash(self.times["UID"][1]).strip()
        seed = f"{self.times.get('DTSTART')}|{self.texts.get('SUMMARY', '')}"
        return "no-uid-" + hashlib.sha256(seed.encode("utf-8", "replace")).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Lines:
    """What icalendar is given (zones and repeating events, one content line per line), every
    VEVENT in file order, and each VCALENDAR's X-WR-* headers as (value, line)."""

    text: str
    events: tuple[Block, ...]
    headers: tuple[dict[str, tuple[str, int]], ...]


def decode(data: bytes) -> str:
    """UTF-8 text (RFC 5545's charset), with or without a byte-order mark, within the size limit."""
    if len(data) > MAX_ICS_BYTES:
        raise InputError(SOURCE, f"is {len(data) / 1e6:.1f} MB; the limit is "
                                 f"{MAX_ICS_BYTES / 1e6:.0f} MB. Export a shorter date range")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(SOURCE, f"is UTF-16 text; {_FIX}")
    try:
        text = data.decode("utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(SOURCE, f"line {line}: the byte 0x{data[exc.start]:02x} is not valid "
                                 f"UTF-8; {_FIX}") from None
    if not text.strip():
        raise InputError(SOURCE, "is empty; there is nothing to import")
    return text


def split(text: str) -> Lines:
    """Unfold ``text``, check its BEGIN/END structure and keep what icalendar must parse."""
    pieces: list[list[str]] = []  # joined once: adding to a growing string is quadratic
    numbers: list[int] = []
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if raw[:1] in (" ", "\t") and pieces:
            pieces[-1].append(raw[1:])
        elif raw.strip():
            pieces.append([raw])
            numbers.append(number)
    logical = ["".join(parts) for parts in pieces]
    if not logical:
        raise InputError(SOURCE, "is empty; there is nothing to import")
    _check_start(logical[0], numbers[0])
    return _Pass().run(logical, numbers)


class _Pass:
    """One walk over the content lines: nesting checked, lines kept or set aside."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, int, Block | None]] = []
        self.events: list[Block] = []
        self.kept: list[str | Block] = []
        self.headers: list[dict[str, tuple[str, int]]] = []
        self.dropped = 0  # depth inside a component icalendar is not given

    def run(self, logical: list[str], numbers: list[int]) -> Lines:
        for content, number in zip(logical, numbers, strict=True):
            found = _LINE.match(content)
            if not found and self.unread(content):
                continue
            if not found:
                raise InputError(SOURCE, f"line {number}: {_shown(content)} is not an "
                                         "iCalendar line (NAME:value); a folded line must "
                                         "begin with a space")
            name, value = found.group(1).upper(), content[found.end():]
            if name in ("BEGIN", "END"):
                self.begin_end(name, value.strip().upper(), number)
            elif not self.stack:
                raise InputError(SOURCE, f"line {number}: {_shown(content)} comes after "
                                         "END:VCALENDAR; the file is damaged")
            elif not self.dropped:
                self.property(name, found.group(2), value, content, number)
        if self.stack:
            kind, begun, _ = self.stack[-1]
            raise InputError(SOURCE, f"line {begun}: BEGIN:{kind} has no END:{kind}; the "
                                     "file is cut off or damaged")
        return Lines(self.text(), tuple(self.events), tuple(self.headers))

    def unread(self, content: str) -> bool:
        """Whether a line that is not well formed (a stray quote in a parameter, as some
        exporters write in ATTENDEE) belongs to what netrhythm does not read, and can go."""
        name = _NAME.match(content)
        if not name or ":" not in content or not self.stack:
            return False
        inside_event = self.stack[-1][2] is not None
        return bool(self.dropped) or inside_event and name.group(1).upper() not in TIMES | TEXTS

    def text(self) -> str:
        """The kept lines, with the lines of the events that repeat (their UID's other
        VEVENTs too: RECURRENCE-ID exceptions belong with their series)."""
        repeating = {block.uid for block in self.events if block.repeats}
        out: list[str] = []
        for item in self.kept:
            if isinstance(item, str):
                out.append(item)
            elif item.uid in repeating:
                out.extend(item.lines)
        return "\n".join(out) + "\n"

    def property(self, name: str, params: str, value: str, content: str, number: int) -> None:
        kind, _, block = self.stack[-1]
        if block is None:
            self.kept.append(content)
            if kind == "VCALENDAR" and name in HEADERS:
                self.headers[-1].setdefault(name, (value.strip(), number))
            return
        block.props.setdefault(name, number)
        if name in TIMES:
            block.lines.append(content)
            block.times.setdefault(name, (params, value))
        elif name in TEXTS and name not in block.texts:
            block.texts[name] = unescape_backslash(value)

    def begin_end(self, name: str, kind: str, number: int) -> None:
        if name == "END":
            if not self.stack or self.stack[-1][0] != kind:
                expected = f"END:{self.stack[-1][0]}" if self.stack else "nothing more"
                raise InputError(SOURCE, f"line {number}: END:{kind} where {expected} was "
                                         "expected; the file is damaged")
            block = self.stack.pop()[2]
            if self.dropped:
                self.dropped -= 1
            else:
                (block.lines if block is not None else self.kept).append(f"END:{kind}")
            return
        if not self.stack and kind != "VCALENDAR":
            raise InputError(SOURCE, f"line {number}: BEGIN:{kind} comes after "
                                     "END:VCALENDAR; the file is damaged")
        if len(self.stack) >= MAX_DEPTH:
            raise InputError(SOURCE, f"line {number}: components nested more than "
                                     f"{MAX_DEPTH} deep; the file is damaged")
        if self.dropped or kind not in _KEPT or (self.stack and self.stack[-1][2] is not None):
            self.dropped += 1
            self.stack.append((kind, number, None))
            return
        if kind == "VCALENDAR":
            self.headers.append({})
        block = None
        if kind == "VEVENT":
            block = Block(number, len(self.headers) - 1)
            block.lines += [f"BEGIN:{kind}", f"{BLOCK_PROPERTY}:{len(self.events)}"]
            self.events.append(block)
            self.kept.append(block)
        else:
            self.kept.append(f"BEGIN:{kind}")
        self.stack.append((kind, number, block))


def _check_start(first: str, number: int) -> None:
    found = _LINE.match(first)
    kind = first[found.end():].strip().upper() if found and found.group(1).upper() == "BEGIN" \
        else ""
    if kind == "VCALENDAR":
        return
    what = "a vCard (contacts)" if kind == "VCARD" else "not an iCalendar (.ics) file"
    raise InputError(SOURCE, f"line {number}: does not begin with BEGIN:VCALENDAR; this is "
                             f"{what}")


def _shown(content: str) -> str:
    return repr(content[:40] + ("…" if len(content) > 40 else ""))
