"""What the Settings screen lists: each setting's label, how its value reads, how it is edited.

Keys are those of `netrhythm settings KEY VALUE` (``services.settings``); paused weeks are
rows keyed ``pause:WEEK`` plus ``pause:add`` for typing any week; ``templates`` opens the
draft templates (``netrhythm draft --set-template``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from textual.content import Content

from netrhythm.domain.dates import WEEKDAY_NAMES
from netrhythm.domain.weeks import weekday_span
from netrhythm.services.settings import NUDGE_LABELS
from netrhythm.services.tracking.pause import PauseLine
from netrhythm.ui.format import plural
from netrhythm.ui.widgets.settings_rows import Row

WEEKDAYS = tuple((name, name.lower()) for name in WEEKDAY_NAMES)
ON_OFF = (("on", "on"), ("off", "off"))
PAUSE_ADD = "pause:add"
# key: (label, kind, hint); kinds: weekday, theme, switch, hour, time, number, days, minutes,
# zone
GENERAL = {
    "week-start": ("Weeks start on", "weekday", "streaks follow it"),
    "follow-up-after-event": ("Event follow-up", "days",
                              "after meeting someone at an event"),
    "theme": ("Theme", "theme", "or ctrl+p, then Theme"),
    "time-zone": ("Time zone", "zone", "times show in it; system follows the computer"),
}
NUDGES = {key: (NUDGE_LABELS[key], kind, hint) for key, (kind, hint) in {
    "nudge.behind-pace": ("switch", "a practice below its share of the target"),
    "nudge.streak-at-risk": ("switch", "last day of a period, not yet met"),
    "nudge.follow-up-due": ("switch", "follow-ups due today or overdue"),
    "nudge.gone-cold": ("switch", "contacts past their cadence"),
    "nudge.weekly-review": ("switch", "end of the week, review not written"),
    "nudge.pace-weekday": ("weekday", "when the behind-pace check runs"),
    "nudge.pace-hour": ("hour", "from this hour of that day"),
    "nudge.review-hour": ("hour", "from this hour on the last day"),
    "nudge.quiet-start": ("time", "no nudges from this time…"),
    "nudge.quiet-end": ("time", "…until this time (equal: never quiet)"),
    "nudge.cap": ("number", "more are grouped into one"),
    "nudge.show-minutes": ("minutes", "then expires; withdrawn once done"),
}.items()}
DRAFTS = {
    "my-name": ("Your name", "text", "signs your drafts; empty: no sign-off"),
    "draft-tone": ("Tone", "tone", "warm, or brief: fewer words"),
}
TEMPLATES = "templates"
TONES = (("warm", "warm"), ("brief", "brief"))
PLACEHOLDERS = {"days": "days, 1-30", "hour": "an hour, 0-23", "time": "HH:MM",
                "number": "1-100", "minutes": "minutes, 1-1440",
                "zone": "Europe/Lisbon, or system", "text": "your name (empty: none)"}


def label_of(key: str) -> str:
    """The name the screen gives a setting (or a paused week row)."""
    if key.startswith("pause:"):
        return "Week"
    if key == TEMPLATES:
        return "Templates"
    return {**GENERAL, **NUDGES, **DRAFTS}.get(key, (key, "", ""))[0]


def shown(kind: str, value: str) -> Content:
    """How a value reads: ``Thursday``, ``10:00``, ``● on``, ``within 3 days``."""
    if kind == "weekday":
        return Content(value.capitalize())
    if kind == "switch":
        return Content.styled("● on", "$text-success") if value == "on" else Content.styled(
            "○ off", "$text-muted")
    if kind == "hour" and value.isdigit():
        return Content(f"{int(value):02d}:00")
    if kind == "days" and value.isdigit():
        return Content(f"within {plural(int(value), 'day')}")
    if kind == "minutes" and value.isdigit():
        return Content(plural(int(value), "minute"))
    if kind == "text" and not value:
        return Content.styled("not set", "$text-muted")
    return Content(value)


def _rows(spec: Mapping[str, tuple[str, str, str]], values: Mapping[str, str],
          themes: Sequence[str] = ()) -> list[Row]:
    rows = []
    for key, (label, kind, hint) in spec.items():
        value = values.get(key, "")
        if key == "week-start" and value.capitalize() in WEEKDAY_NAMES:
            span = weekday_span(WEEKDAY_NAMES.index(value.capitalize()))
            hint = f"weeks run {span}; {hint}"
        choices: tuple[tuple[str, str], ...] = ()
        shown_value: Content | None = None
        if kind == "weekday":
            choices = WEEKDAYS
        elif kind == "switch":
            choices = ON_OFF
        elif kind == "tone":
            choices = TONES
        elif kind == "theme":
            choices = tuple((name, name) for name in sorted({*themes, value}))
            if themes and value not in themes:  # saved by an older version: refused
                hint = f"{value} is hard to read: choose another"
                shown_value = Content.styled("not offered", "$text-error")
        flip = ("off" if value == "on" else "on") if kind == "switch" else None
        rows.append(Row(key, label, value, shown_value or shown(kind, value), hint, choices,
                        PLACEHOLDERS.get(kind, ""), flip))
    return rows


def general_rows(values: Mapping[str, str], themes: Iterable[str]) -> list[Row]:
    return _rows(GENERAL, values, tuple(themes))


def nudge_rows(values: Mapping[str, str]) -> list[Row]:
    return _rows(NUDGES, values)


def draft_rows(values: Mapping[str, str], own_templates: int) -> list[Row]:
    """Your name and the tone, then a row that opens the templates (Enter or Space)."""
    own = (Content(f"{own_templates} of yours") if own_templates
           else Content.styled("the defaults", "$text-muted"))
    return [*_rows(DRAFTS, values),
            Row(TEMPLATES, "Templates", "", own, "enter edits; also netrhythm draft",
                flip="edit")]


def pause_rows(lines: Sequence[PauseLine]) -> list[Row]:
    """A row per week (Enter or Space pauses or resumes it), then one to type any week."""
    rows = []
    for line in lines:
        state = (Content.styled("‖ paused", "bold $text-warning") if line.paused
                 else Content.styled("not paused", "$text-muted"))
        label = line.when.capitalize() if line.when in ("this week", "next week") else line.name
        hint = f"{line.name} · {line.label}" if label != line.name else line.label
        rows.append(Row(f"pause:{line.week}", label, "paused" if line.paused else "",
                        state, hint, flip="" if line.paused else "paused"))
    rows.append(Row(PAUSE_ADD, "Pause a week…", "", Content.styled("type a week", "$text-muted"),
                    "next, 2026-W52, or any date in that week",
                    placeholder="next, 2026-W52, a date"))
    return rows
