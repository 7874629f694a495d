"""What the Week screen's header and panels say, built from a ``WeekView``."""

from __future__ import annotations

from textual.content import Content
from textual.dom import DOMNode

from netrhythm.domain.dates import format_day, short_date
from netrhythm.domain.records import EventRec
from netrhythm.services.week_view import WeekView
from netrhythm.ui.format import literal, plural
from netrhythm.ui.widgets.panel import Panel

MAX_ITEMS = 30


def header_text(view: WeekView) -> tuple[Content, Content]:
    """The header's left side (week, dates, days left) and right side (rhythm score)."""
    st = view.status
    if view.is_current:
        when = ("last day" if st.days_left == 1 else f"{st.days_left} days left", "bold")
    else:
        when = (f"{plural(view.weeks_ago, 'week')} ago", "bold $text-warning")
    left = Content.assemble(("Week ", "bold"), (st.name, "bold $accent"),
                            f" · {st.label} · ", when)
    right = Content.assemble(("Rhythm ", "$text-muted"),
                             (f"{st.progress.overall_score:.0f}", "bold"), ("/100", "$text-muted"))
    return left, right


def _event_text(e: EventRec, view: WeekView) -> str:
    lines = [f"{e.name} — {format_day(e.held_on, view.today)}"]
    lines += [x for x in (e.location, e.notes) if x]
    if e.contact_names:
        lines.append("Met there: " + ", ".join(e.contact_names))
    return "\n".join(lines)


def fill_panels(screen: DOMNode, view: WeekView, wide: bool) -> None:
    """Fill the five panels of the Week screen (``wide``: room for whole sentences)."""
    st, today = view.status, view.today
    muted = "$text-muted"
    screen.query_one("#who-next", Panel).set_items(
        [(Content.assemble(literal(s.name, "bold"), "  ",
                           literal(s.reason if wide else s.short, muted)),
          s.contact_id) for s in view.who_next],
        "Add contacts to get suggestions")
    screen.query_one("#follow-ups", Panel).set_items(
        [(Content.assemble(literal(f.contact_name, "bold"), " ",
                           (format_day(f.due_on, today),
                            "$text-error" if f.due_on < today else "$text-warning"),
                           *((" · ", literal(f.note, muted)) if f.note else ())),
          f.contact_id) for f in st.follow_ups_due[:MAX_ITEMS]],
        "Nothing due. Promises kept.", len(st.follow_ups_due))
    screen.query_one("#gone-cold", Panel).set_items(
        [(Content.assemble(literal(c.name, "bold"), "  ",
                           (f"{c.days_overdue}d overdue", "$text-error")), c.id)
         for c in st.gone_cold[:MAX_ITEMS]],
        "Nobody has gone cold.", len(st.gone_cold))
    screen.query_one("#upcoming", Panel).set_items(
        [(Content.assemble((short_date(e.held_on), "$accent"), " ", literal(e.name, "bold"),
                           *((" · ", literal(e.location, muted)) if e.location else ())),
          _event_text(e, view)) for e in st.upcoming],
        "No upcoming events. Add one: netrhythm events add")
    actions = screen.query_one("#week-actions", Panel)
    actions.title = "This week" if view.is_current else f"Week {st.name}"
    actions.set_items(
        [(Content.assemble((short_date(a.occurred_on)[:3], "$accent"), " ",
                           literal(a.practice_name, "bold"),
                           *((" · ", literal(", ".join(a.contacts))) if a.contacts else ()),
                           *((" — ", literal(a.note, muted)) if a.note else ())), None)
         for a in view.actions],
        "Nothing logged yet. Press 1-9 to log.")
