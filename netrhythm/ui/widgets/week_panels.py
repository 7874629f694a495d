"""What the Week screen's header and panels say, built from a ``WeekView``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from textual.content import Content
from textual.dom import DOMNode
from textual.widget import Widget

from netrhythm.domain.dates import format_day, short_date
from netrhythm.domain.records import EventRec
from netrhythm.services.tracking.week_view import WeekView
from netrhythm.ui.first_steps import key_words, welcome_items
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
    left = Content.assemble(("Week ", "bold"), (st.name, "bold $text-accent"),
                            f" · {st.label} · ", when)
    right = Content.assemble(("Rhythm ", "$text-muted"),
                             (f"{st.progress.overall_score:.0f}", "bold"), ("/100", "$text-muted"))
    return left, right


class WeekHeader(Widget):
    """One line: the week, its dates and days left on the left, the rhythm score on the
    right (the left side is cut short first when the line is too narrow)."""

    def __init__(self, view: WeekView | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.left, self.right = header_text(view) if view else (Content("Loading this week…"),
                                                                Content(""))

    def show(self, view: WeekView) -> None:
        self.left, self.right = header_text(view)
        self.refresh()

    def render(self) -> Content:
        room = max(0, self.content_size.width - self.right.cell_length)
        return Content.assemble(self.left.truncate(room, ellipsis=True, pad=True), self.right)


def _event_text(e: EventRec, view: WeekView) -> str:
    lines = [f"{e.name} — {format_day(e.held_on, view.today)}"]
    lines += [x for x in (e.location, e.notes) if x]
    if e.contact_names:
        lines.append("Met there: " + ", ".join(e.contact_names))
    return "\n".join(lines)


class Fill(NamedTuple):
    """What one panel shows: its title, items (prompt, payload), the quiet text when there
    are none, how many there are in all when only the first ``MAX_ITEMS`` are shown, and a
    subtitle (the day gone cold is counted on, as the review names it)."""

    title: str
    items: list[tuple[Content, Any]]
    empty: str
    total: int | None = None
    subtitle: str = ""


# Empty panels say what fills them, in lines that fit a panel at 80 columns (24 cells).
# Empty panels name keys by their words (``first_steps.KEY_WORDS``), the user's keymap's.
NO_CONTACTS = "No contacts yet:\n{new} adds one,\n{import} imports a file."
NOBODY_DUE = "Nobody to suggest now:\nall heard from lately.\n{new} adds a contact."
NO_EVENTS = "No upcoming events.\n{events}, then {new_event} adds one."
NOTHING_LOGGED = "Nothing logged yet.\nPress {logs} to log."


def _first_practice_name(view: WeekView) -> str:
    practices = view.status.progress.practices
    return practices[0].practice.name if practices else ""


def panel_fills(view: WeekView, wide: bool, keys: Mapping[str, str] | None = None
                ) -> dict[str, Fill]:
    """The Week screen's panels by id (``wide``: room for whole sentences); the welcome's
    items are its first steps left (none once done or hidden)."""
    st, today = view.status, view.today
    muted = "$text-muted"
    steps = view.first_steps
    words = key_words(keys)
    return {
        "who-next": Fill("Who next", [
            (Content.assemble(literal(s.name, "bold"), "  ",
                              literal(s.reason if wide else s.short, muted)), s.contact_id)
            for s in view.who_next],
            (NOBODY_DUE if steps.has_contacts else NO_CONTACTS).format(**words)),
        "welcome": Fill("Getting started", welcome_items(steps, _first_practice_name(view), words)
                        if steps.show_welcome else [], "", subtitle=f"{words['hide']} hides this"),
        "follow-ups": Fill("Follow-ups due", [
            (Content.assemble(literal(f.contact_name, "bold"), " ",
                              (format_day(f.due_on, today),
                               "$text-error" if f.due_on < today else "$text-warning"),
                              *((" · ", literal(f.note, muted)) if f.note else ())),
             f.contact_id) for f in st.follow_ups_due[:MAX_ITEMS]],
            "Nothing due.\nPromises kept.", len(st.follow_ups_due)),
        "gone-cold": Fill("Gone cold", [
            (Content.assemble(literal(c.name, "bold"), "  ",
                              (f"{c.days_overdue}d overdue", "$text-error")), c.id)
            for c in st.gone_cold[:MAX_ITEMS]], "Nobody has gone cold.", len(st.gone_cold),
            f"as of {short_date(today)}"),
        "upcoming": Fill("Upcoming events", [
            (Content.assemble((short_date(e.held_on), "$text-accent"), " ", literal(e.name, "bold"),
                              *((" · ", literal(e.location, muted)) if e.location else ())),
             _event_text(e, view)) for e in st.upcoming],
            NO_EVENTS.format(**words)),
        "week-actions": Fill("This week" if view.is_current else f"Week {st.name}", [
            (Content.assemble((short_date(a.occurred_on)[:3], "$text-accent"), " ",
                              literal(a.practice_name, "bold"),
                              *((" at ", literal(a.event)) if a.event else ()),
                              *((" · ", literal(", ".join(a.contacts))) if a.contacts else ()),
                              *((" — ", literal(a.note, muted)) if a.note else ())), None)
            for a in view.actions], NOTHING_LOGGED.format(**words)),
    }


def make_panels(view: WeekView | None, wide: bool, keys: Mapping[str, str] | None = None
                ) -> list[Panel]:
    """The panels, filled when ``view`` is known (before they are mounted: no updates)."""
    fills = panel_fills(view, wide, keys) if view is not None else {
        "who-next": Fill("Who next", [], ""), "welcome": Fill("Getting started", [], ""),
        "follow-ups": Fill("Follow-ups due", [], ""),
        "gone-cold": Fill("Gone cold", [], ""), "upcoming": Fill("Upcoming events", [], ""),
        "week-actions": Fill("This week", [], "")}
    panels = []
    for panel_id, fill in fills.items():
        panel = Panel(fill.title, id=panel_id)
        if view is not None:
            panel.set_items(fill.items, fill.empty, fill.total)
            panel.border_subtitle = fill.subtitle
        panels.append(panel)
    return panels


def fill_panels(screen: DOMNode, view: WeekView, wide: bool,
                keys: Mapping[str, str] | None = None) -> None:
    """Show ``view`` in the Week screen's panels (``keys``: the keymap's, for the welcome)."""
    for panel_id, fill in panel_fills(view, wide, keys).items():
        panel = screen.query_one(f"#{panel_id}", Panel)
        panel.title = fill.title
        panel.set_items(fill.items, fill.empty, fill.total)
        panel.border_subtitle = fill.subtitle
