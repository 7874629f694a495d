"""What a backup's values may hold: the same rules the commands and forms apply.

A backup written by hand, or by another program, must not put into the database what netrhythm
itself refuses: names that are empty, a 1 MB note, a target of 0, or a week start the app
cannot read (it used to stop every command). (Control characters and bidi overrides never get
here: :mod:`.backup` strips them first, and counts them.)
Each check raises ValueError("must be …" or the message of :mod:`netrhythm.domain.validate`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from netrhythm.domain.errors import InputError
from netrhythm.domain.validate import MAX_NAME, MAX_TEXT, clean_line, clean_name, clean_text
from netrhythm.services.context import FOLLOW_UP_AFTER_EVENT, WEEK_START
from netrhythm.services.practices import PERIODS, RECIPROCITY
from netrhythm.services.settings import MAX_SHOW_MINUTES, NUDGES, SHOW_MINUTES, THEME

# Free text that keeps line breaks and tabs; all other text is one line.
MULTILINE = {("events", "notes"), ("contacts", "notes"), ("actions", "note"),
             ("follow_ups", "note"), ("reviews", "reflection"), ("nudge_log", "title"),
             ("nudge_log", "message")}
# Required one-line names; other text is bounded like the form field it comes from.
NAMES = {("practices", "name"), ("practices", "slug"), ("events", "name"),
         ("contacts", "name"), ("tags", "name"), ("settings", "key")}
SHORT_TEXT = {
    ("practices", "prompt"): 300,
    **{("events", f): MAX_NAME for f in ("location", "url", "tz")},
    **{("events", f): 2_000 for f in ("uid", "recurrence_id")},
    **{("contacts", f): MAX_NAME for f in ("company", "role", "email", "phone", "url", "how_met")},
}


def _bad(expected: str) -> None:
    raise ValueError(f"must be {expected}")


def _one_of(choices: tuple[object, ...]) -> Callable[[Any], None]:
    """A check that the value is one of ``choices`` ("must be 1, 2 or 4")."""
    words = [str(c) for c in choices]
    expected = f"{', '.join(words[:-1])} or {words[-1]}"
    return lambda value: None if value in choices else _bad(expected)


def _text(table: str, name: str, value: str) -> None:
    try:
        if (table, name) in NAMES:
            clean_name(value, name)
        elif (table, name) in MULTILINE:
            clean_text(value, name, SHORT_TEXT.get((table, name), MAX_TEXT))
        else:
            clean_line(value, name, SHORT_TEXT.get((table, name), MAX_TEXT))
    except InputError as exc:
        raise ValueError(exc.message) from None


def _moment(value: str | None) -> None:
    """A stored start or end: ``2026-03-12T18:30:00Z`` (UTC) or a wall time without ``Z``."""
    from netrhythm.domain.event_times import parse_moment

    try:
        parse_moment(value)
    except ValueError:
        _bad("a time like 2026-03-12T18:30:00Z")


def _at_least_one(value: int | None) -> None:
    if value is not None and value < 1:
        _bad("at least 1")


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _weekday(value: Any) -> None:
    if not _whole(value) or not 0 <= value <= 6:
        _bad("a weekday number from 0 (Monday) to 6 (Sunday)")


def _days(value: Any) -> None:
    if not _whole(value) or value < 1:
        _bad("a whole number of days, at least 1")


def _theme(value: Any) -> None:
    if not isinstance(value, str) or not value.strip() or len(value) > 60:
        _bad("a theme name such as textual-dark")


def _minutes(value: Any) -> None:
    if not _whole(value) or not 1 <= value <= MAX_SHOW_MINUTES:
        _bad(f"a whole number of minutes from 1 to {MAX_SHOW_MINUTES}")


def _nudges(value: Any) -> None:
    from netrhythm.domain.nudges import NudgeSettings

    try:
        NudgeSettings.from_dict(value)
    except InputError as exc:
        raise ValueError(f"has a bad nudge setting: {exc.field} {exc.message}") from None


VALUES: dict[tuple[str, str], Callable[[Any], None]] = {
    ("practices", "target"): _at_least_one,
    ("practices", "period_weeks"): _one_of(PERIODS),
    ("practices", "reciprocity"): _one_of(RECIPROCITY),
    ("contacts", "cadence_days"): _at_least_one,
    ("tags", "cadence_days"): _at_least_one,
    ("events", "starts_at"): _moment,
    ("events", "ends_at"): _moment,
}
# Settings by key (the app reads these on every start); unknown keys are kept and never read.
SETTINGS: dict[str, Callable[[Any], None]] = {
    WEEK_START: _weekday, FOLLOW_UP_AFTER_EVENT: _days, THEME: _theme, NUDGES: _nudges,
    SHOW_MINUTES: _minutes,
}


def check(table: str, name: str, kind: str, value: Any, row: dict[str, Any]) -> None:
    """Check one field's value (already of the right type) of a row of ``table``."""
    if kind == "s" and isinstance(value, str):
        _text(table, name, value)
    if (table, name) in VALUES:
        VALUES[(table, name)](value)
    if table == "settings" and name == "value" and str(row.get("key")) in SETTINGS:
        SETTINGS[str(row.get("key"))](row.get("value"))
