"""User settings: week start, event follow-up window, theme, time zone, the nudge rules and
how long a nudge stays on screen, and for drafts your own name (the sign-off) and their tone.

One registry serves `netrhythm settings` and the Settings screen. Values are typed as text
(``sunday``, ``off``, ``21:30``) and validated; every change is one undoable change.
The nudge rules, the undo journal and input validation are imported when first needed: the app
reads the theme at start-up and ``nudge`` the nudge rules, and neither changes a setting.
"""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING, Any

from netrhythm.domain.dates import WEEKDAY_NAMES
from netrhythm.domain.errors import InputError
from netrhythm.services.context import FOLLOW_UP_AFTER_EVENT, WEEK_START, Context
from netrhythm.storage import settings as store

if TYPE_CHECKING:
    from netrhythm.domain.nudges import NudgeSettings

THEME = "theme"
DEFAULT_THEME = "textual-dark"
# The themes the app offers: Textual's built-in ones whose every text the contrast test
# (tests/ui/test_theme_contrast.py) finds readable (WCAG AA) on each screen. With NOT_OFFERED
# they are all of Textual's (tests/ui/test_themes.py); the command line does not import Textual.
THEMES = (
    "atom-one-dark", "atom-one-light", "catppuccin-frappe",
    "catppuccin-latte", "catppuccin-macchiato", "catppuccin-mocha", "dracula", "flexoki",
    "gruvbox", "monokai", "nord", "rose-pine", "rose-pine-dawn", "rose-pine-moon",
    "solarized-dark", "solarized-light", "textual-dark", "textual-light", "tokyo-night",
)
_ANSI = ("uses your terminal's own 16 colours, and with common ones some text cannot be read "
         "(green on green where a practice is met)")
NOT_OFFERED = {"ansi-dark": _ANSI, "ansi-light": _ANSI}
NUDGES = "nudges"
# Stored apart from the rules (``NUDGES``): it says how notifications are shown, not when.
SHOW_MINUTES = "nudge_show_minutes"
DEFAULT_SHOW_MINUTES = 60
MAX_SHOW_MINUTES = 24 * 60
# What the Settings screen calls each nudge setting; undo says it too (set “Quiet from” to 22:00).
NUDGE_LABELS = {
    "nudge.behind-pace": "Behind pace", "nudge.streak-at-risk": "Streak at risk",
    "nudge.follow-up-due": "Follow-ups due", "nudge.gone-cold": "Gone cold",
    "nudge.weekly-review": "Weekly review", "nudge.pace-weekday": "Pace check day",
    "nudge.pace-hour": "Pace check hour", "nudge.review-hour": "Review reminder",
    "nudge.quiet-start": "Quiet from", "nudge.quiet-end": "Quiet until",
    "nudge.cap": "At most per run", "nudge.show-minutes": "Show each for",
}
_BOOL_WORDS = {"on": True, "true": True, "yes": True, "off": False, "false": False, "no": False}


def weekday(text: str, field: str) -> int:
    wanted = text.strip().casefold()
    for number, name in enumerate(WEEKDAY_NAMES):
        if wanted in (name.casefold(), name[:3].casefold()):
            return number
    raise InputError(field, f"{text.strip()[:20]!r} is not a weekday; use monday … sunday")


def nudge_settings() -> NudgeSettings:
    from netrhythm.domain.nudges import NudgeSettings

    return NudgeSettings.from_dict(store.get_setting(NUDGES, {}))


def show_minutes() -> int:
    """How long a notification stays on screen (setting ``nudge.show-minutes``), in minutes."""
    value = store.get_setting(SHOW_MINUTES, DEFAULT_SHOW_MINUTES)
    ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_SHOW_MINUTES
    return value if ok else DEFAULT_SHOW_MINUTES


def theme() -> str:
    return str(store.get_setting(THEME, DEFAULT_THEME))


def check_theme(name: str) -> None:
    """Refuse a theme that is not offered (``InputError`` saying why and what to use)."""
    if name in NOT_OFFERED:
        raise InputError(THEME, f"{name} is not offered: it {NOT_OFFERED[name]}; use one of: "
                                f"{', '.join(THEMES)}")
    if name not in THEMES:
        raise InputError(THEME, f"{name!r} is not a theme; use one of: {', '.join(THEMES)}")


def current(ctx: Context) -> dict[str, str]:
    """Every setting as ``key: value`` text, in a stable order."""
    out = {
        "week-start": WEEKDAY_NAMES[ctx.read_week_start()].lower(),
        "follow-up-after-event": str(ctx.read_follow_up_window()),
        "theme": theme(),
    }
    from netrhythm.services.calendars import zone

    out["time-zone"] = zone.shown_setting()
    from netrhythm.services.drafts import templates as draft_settings

    out["my-name"] = draft_settings.my_name()
    out["draft-tone"] = draft_settings.tone()
    for name, value in nudge_settings().to_dict().items():
        out["nudge." + name.replace("_", "-")] = _nudge_text(name, value)
    out["nudge.show-minutes"] = str(show_minutes())
    return out


def _nudge_text(name: str, value: bool | int | str) -> str:
    """A nudge setting's value as text: ``on``, ``21:00``, ``thursday``, ``3``."""
    if isinstance(value, bool):
        return "on" if value else "off"
    return WEEKDAY_NAMES[int(value)].lower() if name == "pace_weekday" else str(value)


def _nudge_value(name: str, text: str, field: str) -> Any:
    from netrhythm.domain.nudges import NudgeSettings

    default = getattr(NudgeSettings(), name)
    if isinstance(default, bool):
        if text.strip().casefold() not in _BOOL_WORDS:
            raise InputError(field, "must be on or off")
        return _BOOL_WORDS[text.strip().casefold()]
    if isinstance(default, time):
        parsed = NudgeSettings.from_dict({name: text.strip()})
        return getattr(parsed, name)
    if name == "pace_weekday":
        return weekday(text, field)
    if name.endswith("_hour"):  # shown as 10:00: typed as 10 or 10:00
        hour, _, minutes = text.strip().partition(":")
        if minutes not in ("", "00") or not hour.isdigit():
            raise InputError(field, f"{text.strip()[:20]!r} is not a whole hour; type 10 or "
                                    "10:00")
        return int(hour)
    try:
        return int(text.strip())
    except ValueError:
        raise InputError(field, f"{text.strip()[:20]!r} is not a whole number") from None


def set_value(ctx: Context, key: str, text: str) -> str:
    """Change one setting from text; returns what was changed, for the user."""
    # Imported here: reading settings (``nudge``, the app's theme) needs none of these.
    from dataclasses import replace

    from netrhythm.domain.validate import clean_line, positive_int
    from netrhythm.storage.journal import change

    key = key.strip().casefold()
    if key == "week-start":
        from netrhythm.services.tracking.week_start import week_start_change

        day = weekday(text, key)
        streaks = week_start_change(ctx, day).streaks
        with change(f"set the week start to {WEEKDAY_NAMES[day]}", ctx.now()):
            store.set_setting(WEEK_START, day)
        recounted = "".join(f" {s.practice} streak: {s.before} → {s.after} weeks."
                            for s in streaks)
        return f"Weeks now start on {WEEKDAY_NAMES[day]}.{recounted}"
    if key == "follow-up-after-event":
        days = positive_int(text, key, maximum=30)
        with change(f"set the event follow-up window to {days} days", ctx.now()):
            store.set_setting(FOLLOW_UP_AFTER_EVENT, days)
        return f"Meeting someone at an event schedules a follow-up within {days} days."
    if key == "theme":
        name = clean_line(text, key, 60)  # bytes that are not UTF-8 are refused here
        if not name:
            raise InputError(key, "give a theme name such as textual-dark")
        check_theme(name)
        with change(f"set the theme to {name}", ctx.now()):
            store.set_setting(THEME, name)
        return f"Theme: {name}."
    if key == "time-zone":
        from netrhythm.services.calendars.zone import set_time_zone

        return set_time_zone(ctx, text)
    if key in ("my-name", "draft-tone"):
        from netrhythm.services.drafts import templates as draft_settings

        return draft_settings.set_value(ctx, key, text)
    if key == "nudge.show-minutes":
        minutes = positive_int(text, key, maximum=MAX_SHOW_MINUTES)
        with change(f"set {key} to {minutes}", ctx.now()):
            store.set_setting(SHOW_MINUTES, minutes)
        return f"{key}: {minutes} (each notification expires after {minutes} minutes)."
    if key.startswith("nudge."):
        name = key[len("nudge."):].replace("-", "_")
        if name not in nudge_settings().to_dict():
            raise InputError(key, f"unknown setting; known: {', '.join(current(ctx))}")
        try:
            updated = replace(nudge_settings(), **{name: _nudge_value(name, text, key)})
        except InputError as exc:
            raise InputError(key, exc.message) from None
        label, value = NUDGE_LABELS.get(key, key), _nudge_text(name, updated.to_dict()[name])
        with change(f"set “{label}” to {value}", ctx.now()):
            store.set_setting(NUDGES, updated.to_dict())
        return f"{key}: {current(ctx)[key]}."
    raise InputError(key, f"unknown setting; known: {', '.join(current(ctx))}")
