"""Small pieces of display text. User text always goes in as literal ``Content``, never markup."""

from __future__ import annotations

from datetime import date

from textual.content import Content

from netrhythm.domain.cadence import Due
from netrhythm.domain.dates import format_day

FILLED, EMPTY = "█", "░"


def literal(text: str, style: str = "") -> Content:
    """``text`` exactly as typed (``[bold]x`` stays ``[bold]x``), optionally styled."""
    content = Content(text)
    return content.stylize(style) if style else content


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def bar(count: int, target: int, width: int = 10, met: bool = False) -> Content:
    """A progress bar like ``███████░░░``, green once the target is met."""
    filled = min(width, round(width * min(count, target) / max(target, 1)))
    style = "$success" if met else "$accent"
    return Content.assemble((FILLED * filled, style), (EMPTY * (width - filled), "$text-muted"))


def due_text(due: Due) -> str:
    """``12 days overdue``, ``due today``, ``due in 3 days`` or nothing without a cadence."""
    if due.due_on is None:
        return ""
    if due.days_overdue > 0:
        return f"{plural(due.days_overdue, 'day')} overdue"
    if due.days_overdue == 0:
        return "due today"
    return f"due in {plural(-due.days_overdue, 'day')}"


def day_text(day: date | None, today: date, never: str = "never") -> str:
    return format_day(day, today) if day else never


def clip(text: str, width: int) -> str:
    """``text`` shortened to ``width`` characters with an ellipsis."""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"
