"""The text of an event's detail pane: when (times in the user's zone) and where, whether its
calendar cancelled it, notes, attending, actions, people.

Everything the user typed goes in as literal text, so ``[bold]x`` shows as ``[bold]x``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.content import Content

from netrhythm.domain.dates import format_day, short_date
from netrhythm.domain.event_times import time_label
from netrhythm.services.events import EventDetail, MetPerson
from netrhythm.ui.format import literal, plural

MUTED = "$text-muted"
Part = Content | str | tuple[str, str]
Say = Callable[[str], str]  # text naming keys by binding id: ``key_hints.say_keys``


def when_text(day: date, today: date, hours: str = "") -> str:
    """``Sat 28 Nov 2026 · in 5 days`` or ``… · 2 weeks ago``; ``hours`` go after the day:
    ``Sat 28 Nov 2026 18:30–20:30 · in 5 days``."""
    days = (day - today).days
    if days == 0:
        relative = "today"
    elif abs(days) < 14:
        relative = f"in {plural(days, 'day')}" if days > 0 else f"{plural(-days, 'day')} ago"
    else:
        weeks = abs(days) // 7
        relative = f"in {plural(weeks, 'week')}" if days > 0 else f"{plural(weeks, 'week')} ago"
    return f"{short_date(day, with_year=True)}{' ' + hours if hours else ''} · {relative}"


def info_text(d: EventDetail, today: date, say: Say) -> Content:
    e = d.event
    hours = time_label(e, d.zone)
    lines: list[Content] = [Content.assemble((when_text(e.held_on, today, hours), "$text-accent"))]
    if e.cancelled:
        lines.append(Content.assemble(("Cancelled", "bold $text-error"),
                                      (" in its calendar; kept because actions, people met "
                                       "there or follow-ups point at it", MUTED)))
    if e.location:
        lines.append(literal(e.location))
    if e.url:
        lines.append(literal(e.url, "underline"))
    if e.notes:
        lines += [Content(""), literal(e.notes, MUTED)]
    lines += [Content(""), attended_text(d, today, say)]
    if d.actions:
        lines += [Content(""), Content.assemble(("Logged here", "bold"),
                                                (f"  {plural(len(d.actions), 'action')}",
                                                 MUTED))]
        for a in d.actions[:8]:
            lines.append(Content.assemble(
                (format_day(a.occurred_on, today).ljust(10) + "  ", "$text-accent"),
                literal(a.practice_name),
                *((" with ", literal(", ".join(a.contacts))) if a.contacts else ()),
                *((" — ", literal(a.note, MUTED)) if a.note and a.note != e.name else ()),
            ))
        if len(d.actions) > 8:
            lines.append(Content(f"… and {len(d.actions) - 8} more").stylize(MUTED))
    return Content("\n").join(lines)


def attended_text(d: EventDetail, today: date, say: Say) -> Content:
    """Whether going was logged, and the key that logs it."""
    if d.practice is None:
        return Content.assemble(("No active practice counts attending events", "$text-warning"),
                                (say(" (attend-event is archived or renamed): restore it in "
                                     "Settings, or press {events.log} to log another "
                                     "practice."), MUTED))
    if d.attended_on is not None:
        return Content.assemble(("✓ Attended", "bold $text-success"),
                                (" · counts toward ", MUTED), literal(d.practice.name, MUTED))
    if d.event.held_on > today:
        return Content.assemble(("Not yet held", "bold"),
                                (say(" · once you have been, press {events.attended} to log it"),
                                 MUTED))
    return Content.assemble(("Not logged as attended", "bold $text-warning"),
                            (say(" · press {events.attended} to log "), MUTED),
                            literal(d.practice.name, MUTED))


def person_item(p: MetPerson, today: date) -> Content:
    """One person met: name, the follow-up from this event, company."""
    parts: list[Part] = [literal(p.name, "bold" if not p.archived else "italic")]
    if p.follow_up_due is not None:
        late = p.follow_up_due < today
        parts += ["  ", (f"{'overdue' if late else 'follow up'} by "
                         f"{format_day(p.follow_up_due, today)}",
                         "$text-error" if late else "$text-warning")]
    elif p.followed_up_on is not None:
        parts += ["  ", (f"followed up {format_day(p.followed_up_on, today)}", "$text-success")]
    elif not p.met_here:
        parts += ["  ", ("seen here", MUTED)]
    if p.company:
        parts += ["  ", literal(p.company, MUTED)]
    return Content.assemble(*parts)
