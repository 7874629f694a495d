"""The text of a contact's detail view: title, fields, give/ask balance, follow-ups, timeline.

Everything the user typed goes in as literal text, so ``[bold]x`` shows as ``[bold]x``.
"""

from __future__ import annotations

from datetime import date

from textual.content import Content

from netrhythm.domain.dates import format_day
from netrhythm.services.contacts.manage import ContactDetail
from netrhythm.ui.format import day_text, due_text, literal, plural

MUTED = "$text-muted"


def title_text(d: ContactDetail, today: date) -> Content:
    c = d.contact
    parts: list[Content | str | tuple[str, str]] = [literal(c.name, "bold")]
    work = " · ".join(x for x in (c.role, c.company) if x)
    if work:
        parts += ["  ", literal(work, MUTED)]
    if c.archived:
        parts += ["  ", ("archived", "reverse $text-warning")]
    due = due_text(d.due)
    if due:
        style = {"overdue": "bold $text-error", "due soon": "bold $text-warning"}.get(
            d.due.state, "$text-success")
        parts += ["  ", (f"● {due}" if d.due.state == "overdue" else due, style)]
    return Content.assemble(*parts)


def _rows(rows: list[tuple[str, str]]) -> Content:
    shown = [(k, v) for k, v in rows if v]
    width = max((len(k) for k, _ in shown), default=0)
    lines = [Content.assemble((k.rjust(width), MUTED), "  ",
                              literal(v.replace("\n", "\n" + " " * (width + 2))))
             for k, v in shown]
    return Content("\n").join(lines)


def fields_text(d: ContactDetail, today: date) -> Content:
    c = d.contact
    if c.cadence_days:
        cadence = f"every {c.cadence_days} days"
    elif c.tag_cadence:
        cadence = f"every {c.tag_cadence} days (from its tags)"
    else:
        cadence = "no cadence"
    next_due = f"{format_day(d.due.due_on, today)} ({due_text(d.due)})" if d.due.due_on else ""
    return _rows([
        ("Company", c.company), ("Role", c.role), ("Email", c.email), ("Phone", c.phone),
        ("URL", c.url), ("Tags", ", ".join(c.tags)), ("How met", c.how_met),
        ("Met at", c.met_at or ""), ("Met on", format_day(c.met_on, today) if c.met_on else ""),
        ("Connected on", format_day(c.connected_on, today) if c.connected_on else ""),
        ("Keep in touch", cadence), ("Last contact", day_text(c.last_contact, today)),
        ("Next due", next_due), ("Added", format_day(c.created_on, today)), ("Notes", c.notes),
    ])


def balance_text(d: ContactDetail) -> Content:
    c = d.contact
    if c.gives > c.asks:
        verdict = "you give more than you ask"
    elif c.asks > c.gives:
        verdict = "you ask more than you give: offer something next"
    else:
        verdict = "balanced" if c.gives else "no gives or asks yet"
    return Content.assemble(("\nGive/ask  ", "bold"), ("▲" * min(c.gives, 20), "$text-success"),
                            ("▼" * min(c.asks, 20), "$text-warning"),
                            f" {c.gives} given · {c.asks} asked", (f"\n{verdict}", MUTED))


def follow_ups_text(d: ContactDetail, today: date) -> Content:
    lines: list[Content] = [Content("Follow-ups").stylize("bold")]
    if not d.follow_ups:
        lines.append(Content("  none").stylize(MUTED))
    for f in d.follow_ups:
        if f.done_on:
            state = (f"done {format_day(f.done_on, today)}", "$text-success")
        else:
            state = (f"due {format_day(f.due_on, today)}",
                     "$text-error" if f.due_on < today else "$text-warning")
        event = (" — met at ", literal(f.event)) if f.event else ()
        lines.append(Content.assemble("  ", state, *event, *((" — ", literal(f.note, MUTED))
                                                              if f.note else ())))
    return Content("\n").join(lines)


def timeline_text(d: ContactDetail, today: date, log_key: str = "l") -> Content:
    """The timeline; ``log_key``: the key that logs with them (the user's)."""
    name = d.contact.name
    lines: list[Content] = [Content.assemble(("\nTimeline", "bold"),
                                             (f"  {plural(len(d.timeline), 'action')}", MUTED))]
    if not d.timeline:
        lines.append(Content(f"  nothing logged yet: press {log_key}").stylize(MUTED))
    for a in d.timeline:
        others = [n for n in a.contacts if n != name]
        lines.append(Content.assemble(
            ("  " + format_day(a.occurred_on, today).ljust(16), "$text-accent"),
            literal(a.practice_name, "bold"),
            *((" at ", literal(a.event)) if a.event else ()),
            *((" with ", literal(", ".join(others))) if others else ()),
            *((" — ", literal(a.note, MUTED)) if a.note else ()),
        ))
    return Content("\n").join(lines)
