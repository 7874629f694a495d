"""The JSON backup format (``netrhythm export``): versioned, dates as ISO text, ids kept.

``to_json`` turns the rows storage dumps into JSON-ready data; ``parse`` checks a file field by
field (types, dates, references between tables, values by :mod:`.backup_checks`) and returns
rows of Python values, or raises an InputError naming the file, the table, the row and the field.
Control characters and bidi overrides are stripped from text (and counted) rather than
refusing the file; numbers longer than 19 digits and dates outside 1900–2199 are refused.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, NamedTuple

from netrhythm.domain.dates import FIRST_DAY, LAST_DAY, SUPPORTED
from netrhythm.domain.errors import InputError
from netrhythm.formats.decode import decode
from netrhythm.formats.sanitize import strip_unsafe
from netrhythm.services.transfer.backup_checks import MULTILINE, check

FORMAT, VERSION = "netrhythm-export", 1
# kind per field: i int, n int >= 0 (0 when missing), s text, d date, t date-time, b bool,
# j any JSON, l list of ids; a trailing "?" allows null. Fields missing from a row take the
# default of their kind (exports of older versions lack the events' calendar fields).
FIELDS: dict[str, dict[str, str]] = {
    "practices": {"id": "i", "name": "s", "slug": "s", "prompt": "s", "target": "i",
                  "period_weeks": "i", "reciprocity": "s", "position": "i", "archived": "b",
                  "created_on": "d"},
    "events": {"id": "i", "name": "s", "held_on": "d", "location": "s", "url": "s",
               "notes": "s", "created_on": "d", "last_day": "d?", "starts_at": "s?",
               "ends_at": "s?", "tz": "s", "uid": "s?", "recurrence_id": "s", "sequence": "n",
               "cancelled": "b", "revision": "n"},
    "contacts": {"id": "i", "name": "s", "company": "s", "role": "s", "email": "s", "phone": "s",
                 "url": "s", "how_met": "s", "met_at": "i?", "met_on": "d?", "notes": "s",
                 "cadence_days": "i?", "archived": "b", "created_on": "d",
                 "connected_on": "d?", "last_contact_on": "d?", "cadence_from": "d?",
                 "first_due_on": "d?"},
    "tags": {"id": "i", "name": "s", "cadence_days": "i?", "cadence_set_on": "d?"},
    "contact_tags": {"contact": "i", "tag": "i"},
    "actions": {"id": "i", "practice": "i", "occurred_on": "d", "occurred_at": "s?",
                "note": "s", "event": "i?", "created_at": "t", "contacts": "l"},
    "follow_ups": {"id": "i", "contact": "i", "due_on": "d", "note": "s", "done_on": "d?",
                   "action": "i?", "event": "i?", "created_on": "d", "revision": "n"},
    "reviews": {"week_start": "d", "reflection": "s", "written_at": "t"},
    "settings": {"key": "s", "value": "j"},
    "paused_weeks": {"week_start": "d"},
    "nudge_log": {"key": "s", "sent_at": "t", "title": "s", "message": "s",
                  "delivered_via": "s"},
}
# (table, field) → the table its ids point into
REFERENCES = {
    ("contacts", "met_at"): "events", ("contact_tags", "contact"): "contacts",
    ("contact_tags", "tag"): "tags", ("actions", "practice"): "practices",
    ("actions", "event"): "events", ("actions", "contacts"): "contacts",
    ("follow_ups", "contact"): "contacts", ("follow_ups", "action"): "actions",
    ("follow_ups", "event"): "events",
}
_DEFAULTS: dict[str, Any] = {"s": "", "b": False, "l": [], "n": 0}
MAX_DIGITS = 19  # SQLite's integers are 64-bit: up to 9,223,372,036,854,775,807
_INT64 = range(-(2 ** 63), 2 ** 63)
_READ: dict[str, Callable[[Any], Any]] = {
    "i": lambda v: v if isinstance(v, int) and not isinstance(v, bool) and v in _INT64
    else _bad("a whole number that fits in 64 bits"),
    "n": lambda v: v if isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2 ** 63
    else _bad("a whole number, 0 or more, that fits in 64 bits"),
    "s": lambda v: v if isinstance(v, str) and "\x00" not in v else _bad("text without NUL"),
    "d": lambda v: _supported(_iso(date.fromisoformat, v, "a date like 2026-11-23")),
    "t": lambda v: _supported(_iso(datetime.fromisoformat, v,
                                   "a date-time like 2026-11-23T10:00:00")),
    "b": lambda v: v if isinstance(v, bool) else _bad("true or false"),
    "j": lambda v: json.dumps(v),
    "l": lambda v: list(v) if isinstance(v, list) and all(
        isinstance(i, int) and not isinstance(i, bool) for i in v) else _bad("a list of ids"),
}


def _bad(expected: str) -> Any:
    raise ValueError(f"must be {expected}")


def _supported(value: date) -> date:
    day = value.date() if isinstance(value, datetime) else value
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"is {value.isoformat()}, out of range: {SUPPORTED}")
    return value


class _LongNumber(ValueError):
    """A number too long to be anything netrhythm writes (and slow to read: 4,300 digits is
    as far as Python reads one at all)."""


def _read_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _LongNumber(text)
    return int(text)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _iso(read: Callable[[str], Any], value: Any, expected: str) -> Any:
    try:
        return read(value)
    except (TypeError, ValueError):
        return _bad(expected)


def _out(value: Any, kind: str) -> Any:
    if kind == "j":
        return json.loads(value)
    if kind == "b":
        return bool(value)
    return value.isoformat() if isinstance(value, date) else value


def to_json(tables: dict[str, list[dict[str, Any]]], exported_at: datetime,
            schema_version: int) -> dict[str, Any]:
    """The export document, from rows of Python values (settings values are JSON text)."""
    out: dict[str, Any] = {"format": FORMAT, "version": VERSION,
                           "exported_at": exported_at.isoformat(timespec="seconds"),
                           "schema_version": schema_version}
    for table, fields in FIELDS.items():
        out[table] = [{f: _out(row.get(f), kind.rstrip("?")) for f, kind in fields.items()}
                      for row in tables.get(table, [])]
    return out


class Backup(NamedTuple):
    """A backup file's rows, checked, and how many control characters and bidi overrides
    were stripped from its text."""

    tables: dict[str, list[dict[str, Any]]]
    removed: int


def parse(data: bytes, source: str) -> Backup:
    """The rows of a backup file, checked; an InputError names what is wrong and where."""
    text = decode(data, source)
    try:
        doc = json.loads(text, parse_int=_read_int, parse_constant=_no_constant)
    except RecursionError:
        raise InputError(source, "is nested too deeply to be a netrhythm export") from None
    except _LongNumber as exc:
        line = text.count("\n", 0, text.find(str(exc))) + 1
        raise InputError(source, f"line {line}: a number of {len(str(exc)):,} digits; numbers "
                                 f"in a netrhythm export have at most {MAX_DIGITS}") from None
    except json.JSONDecodeError as exc:
        hint = "" if text.lstrip().startswith(("{", "[")) else (
            "; contacts files (vCard, CSV) are imported with `netrhythm contacts import FILE`")
        raise InputError(source, f"line {exc.lineno}, column {exc.colno}: not valid JSON "
                                 f"({exc.msg}){hint}") from None
    except ValueError as exc:  # NaN or Infinity
        raise InputError(source, f"not valid JSON: {exc}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InputError(source, "is not a netrhythm export (it has no \"format\": "
                                 "\"netrhythm-export\"); contacts files are imported with "
                                 "`netrhythm contacts import FILE`")
    version = doc.get("version")
    if not isinstance(version, int) or version < 1:
        raise InputError(source, f"has no valid export version ({version!r}); it should be 1")
    if version > VERSION:
        raise InputError(source, f"was written by a newer netrhythm (export version {version}; "
                                 f"this one reads up to {VERSION}); upgrade netrhythm first")
    removed = [0]
    tables = {table: _rows(doc.get(table, []), table, fields, source, removed)
              for table, fields in FIELDS.items()}
    _check_references(tables, source)
    return Backup(tables, removed[0])


def _rows(rows: Any, table: str, fields: dict[str, str], source: str,
          removed: list[int]) -> list[dict[str, Any]]:
    if not isinstance(rows, list):
        raise InputError(source, f"{table!r} must be a list of rows")
    out = []
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            raise InputError(source, f"{table}[{index}] must be an object")
        values: dict[str, Any] = {}
        for name, kind in fields.items():
            value = row.get(name, _DEFAULTS.get(kind))
            try:
                if value is None and (kind.endswith("?") or kind == "j"):
                    values[name] = None if kind != "j" else "null"
                elif value is None:
                    raise ValueError("is missing")
                else:
                    values[name] = _READ[kind.rstrip("?")](value)
                if kind.startswith("s") and values[name] is not None:
                    values[name], stripped = strip_unsafe(
                        values[name], one_line=(table, name) not in MULTILINE)
                    removed[0] += stripped
                check(table, name, kind, values[name], row)
            except ValueError as exc:
                raise InputError(source, f"{table}[{index}]{_ident(row)}.{name} {exc}") from None
        out.append(values)
    return out


def _ident(row: dict[str, Any]) -> str:
    """How messages name a row: ``(id 5)``, or a setting's ``(week_start)``."""
    if "id" in row:
        return f" (id {row['id']})"
    return f" ({row['key'][:40]})" if isinstance(row.get("key"), str) else ""


def _check_references(tables: dict[str, list[dict[str, Any]]], source: str) -> None:
    ids: dict[str, set[int]] = {}
    for table, rows in tables.items():
        if "id" in FIELDS[table]:
            seen = [row["id"] for row in rows]
            ids[table] = set(seen)
            if len(ids[table]) != len(seen):
                raise InputError(source, f"{table}: the same id appears twice")
    for (table, name), target in REFERENCES.items():
        for index, row in enumerate(tables[table]):
            value = row[name]
            for ref in value if isinstance(value, list) else [value]:
                if ref is not None and ref not in ids[target]:
                    raise InputError(source, f"{table}[{index}].{name}: refers to {target} id "
                                             f"{ref}, which the file does not have")
