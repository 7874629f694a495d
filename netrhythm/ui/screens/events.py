"""The Events screen: events (upcoming, then past) beside the selected one's details and people.

``a`` logs attending the highlighted event in one key (the attend-event practice, dated the
day it was held; ``u`` undoes it); ``m`` adds someone you met there (a follow-up is scheduled
within the event follow-up window); ``l`` opens the Log form at the event to log with people;
``n`` / ``e`` / ``d`` add, edit and delete events. Enter on a person opens them, ``f`` logs a
follow-up with them. ``i`` imports a calendar file (.ics); ``x`` exports the events to come
and the open follow-ups as one, into the export folder. The actions take an event id, so the
command palette can call them.
"""

from __future__ import annotations

import time
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static
from textual.worker import get_current_worker

from netrhythm.domain.errors import InputError
from netrhythm.services import events as svc
from netrhythm.services.events import EventDetail, EventOverview
from netrhythm.ui.background import in_thread, report_error
from netrhythm.ui.event_actions import EventActions
from netrhythm.ui.key_hints import say_keys
from netrhythm.ui.screens.base import DataScreen
from netrhythm.ui.sheets import sheet
from netrhythm.ui.widgets.event_detail import info_text, person_item
from netrhythm.ui.widgets.event_list import EventList
from netrhythm.ui.widgets.footer import AppFooter
from netrhythm.ui.widgets.panel import Panel

NOW_DAYS = 7  # the screen opens on a past event this recent that is not logged yet
SETTLE_SECONDS = 0.06  # the cursor rests this long before the event under it is shown


class EventsScreen(EventActions, DataScreen):
    """Events, what happened at them and whom you met."""

    CSS_PATH = sheet("events")

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = [  # in the key bar in this order, as far as there is room
        Binding("a", "attended", "Attended", id="events.attended"),
        Binding("m", "met_someone", "Met someone", id="events.met"),
        Binding("n", "new_event", "New", id="events.new"),
        Binding("e", "edit_event", "Edit", id="events.edit"),
        Binding("l", "log_at_event", "Log here", show=False, id="events.log"),
        Binding("d,delete", "delete_event", "Delete", show=False, id="events.delete"),
        Binding("f", "follow_up", "Follow up", show=False, id="events.follow_up"),
        Binding("i", "import_events", "Import", show=False, id="events.import"),
        Binding("x", "export_events", "Export", show=False, id="events.export"),
        Binding("escape", "focus_list", "Back to the list", show=False, id="events.list"),
    ]

    def __init__(self) -> None:
        super().__init__(id="events")
        self.overview: EventOverview | None = None
        self.detail: EventDetail | None = None
        self.wanted: int | None = None  # an event to highlight once the list is loaded
        self._without_detail = True

    def compose(self) -> ComposeResult:
        with Horizontal(id="events-bar"):
            yield Label("Events", id="events-title")
            yield Label("", id="events-count", markup=False)
        with Horizontal(id="events-body"):
            yield EventList(id="event-list")
            with Vertical(id="event-side"):
                with VerticalScroll(id="event-info"):
                    yield Static("", id="event-info-text")
                yield Panel("Met here", id="event-people")
        yield AppFooter()

    def on_mount(self) -> None:
        self.query_one(EventList).border_title = "Upcoming, then past"
        self.query_one("#event-info").border_title = "Event"
        self.query_one(EventList).focus()

    # -- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        ctx = self.ctx
        in_thread(self, lambda: svc.event_list(ctx), self._listed, group="events-load")

    def _listed(self, overview: EventOverview) -> None:
        first = self.overview is None
        self.overview = overview
        events = self.query_one(EventList)
        select = self.wanted if self.wanted is not None else \
            self._now_event(overview) if first else None
        self.wanted = None
        events.show(overview, self.ctx.today(), select)
        up, past = len(overview.upcoming), len(overview.past)
        practice = overview.practice
        counts = f"{up} upcoming · {past} past"
        self.query_one("#events-count", Label).update(
            f"{counts} · attending counts toward {practice.name}" if practice else
            f"{counts} · no practice counts attending")
        self._load_detail(events.current.event.id if events.current else None)

    def _now_event(self, overview: EventOverview) -> int | None:
        """Today's event, else a recent past one not logged as attended."""
        today = self.ctx.today()
        for s in overview.upcoming[:1] + overview.past[:3]:
            if s.event.held_on == today or (
                    not s.attended_on and (today - s.event.held_on).days <= NOW_DAYS):
                return s.event.id
        return None

    def on_event_list_selected(self, message: EventList.Selected) -> None:
        if self.detail is None or message.event_id != self.detail.event.id:
            self._load_detail(message.event_id, settle=True)

    def on_event_list_opened(self, message: EventList.Opened) -> None:
        if self.detail is not None and self.detail.people:
            self.query_one("#event-people", Panel).focus()
        elif self.detail is not None:
            self.notify(say_keys(self, "No one met here yet: press {events.met} to add someone."),
                        markup=False)

    def _load_detail(self, event_id: int | None, settle: bool = False) -> None:
        """Show an event's details; ``settle``: only once the cursor rests (holding ↓ moves
        through the list without drawing every event on the way)."""
        if event_id is None:
            self._show(None)
            return
        ctx = self.ctx

        def job() -> EventDetail | None:
            if settle:
                time.sleep(SETTLE_SECONDS)
                if get_current_worker().is_cancelled:  # the cursor moved on
                    return None
            return svc.event_detail(ctx, event_id)

        in_thread(self, job, self._show, group="events-detail", failed=self._detail_failed)

    def _detail_failed(self, exc: Exception) -> None:
        if isinstance(exc, InputError):  # deleted meanwhile: the list reloads too
            self._show(None)
        else:
            report_error(self, exc)

    def _show(self, detail: EventDetail | None) -> None:
        self.detail = detail
        info = self.query_one("#event-info")
        people = self.query_one("#event-people", Panel)
        text = self.query_one("#event-info-text", Static)
        if detail is None:
            info.border_title = "Event"
            text.update(Content(say_keys(self, "Add an event with {events.new}: a meetup, a "
                                              "conference, a dinner."))
                        .stylize("$text-muted"))
            people.set_items([], "Nobody yet.")
            people.border_subtitle = ""
        else:
            today = self.ctx.today()
            info.border_title = Content(detail.event.name)
            text.update(info_text(detail, today, lambda t: say_keys(self, t)))
            people.set_items([(person_item(p, today), p.contact_id) for p in detail.people],
                             "No one met here yet.")
            people.border_subtitle = say_keys(self, "{events.met} adds someone · follow-up in ") + \
                f"{detail.follow_up_days} d"
            self._announce_met(detail)
        if (detail is None) != self._without_detail:  # keys dim without an event
            self._without_detail = detail is None
            self.refresh_bindings()

    def selected_event(self) -> EventDetail | None:
        return self.detail

    def person(self) -> int | None:
        payload = self.query_one("#event-people", Panel).current_payload
        return payload if isinstance(payload, int) else None

    def select_event(self, event_id: int) -> None:
        """Highlight an event now, or once the list has loaded."""
        if self.overview is None or not self.query_one(EventList).select(event_id):
            self.wanted = event_id

    def action_focus_list(self) -> None:
        self.query_one(EventList).focus()

    def on_panel_chosen(self, message: Panel.Chosen) -> None:
        from netrhythm.ui.screens.contact_detail import ContactDetailScreen

        if isinstance(message.payload, int):
            self.app.push_screen(ContactDetailScreen(message.payload))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_event", "attended", "met_someone", "log_at_event", "delete_event"):
            return True if self.detail is not None or parameters else None
        return True


def show_events(app: App[Any], event_id: int = 0) -> EventsScreen:
    """Switch to the Events screen (closing what was opened over it) and highlight an event
    (once loaded). For the command palette: ``show_events(app, 12).action_attended(12)``."""
    app.switch_mode("events")
    while not isinstance(app.screen, EventsScreen) and len(app.screen_stack) > 1:
        app.pop_screen()
    screen = app.screen
    assert isinstance(screen, EventsScreen)
    if event_id:
        screen.select_event(event_id)
    return screen
