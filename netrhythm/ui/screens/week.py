"""The Week screen (home): this week's practices, and who and what needs you now.

Keys ``1``-``9`` open the Log form for a practice; ``[`` and ``]`` move a week back and
forward (never past the current one); ``r`` reaches out to the highlighted "who next".
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.events import Resize
from textual.widgets import Label

from netrhythm.services.week_view import WeekView, week_view
from netrhythm.ui.background import in_thread
from netrhythm.ui.screens.base import DataScreen
from netrhythm.ui.widgets.footer import AppFooter
from netrhythm.ui.widgets.panel import Panel
from netrhythm.ui.widgets.practice_row import PracticeRow
from netrhythm.ui.widgets.week_panels import fill_panels, header_text

WEEKS = Binding.Group("Week")
WIDE = 140  # columns from which panels have room for whole sentences


class WeekScreen(DataScreen):
    """This week at a glance."""

    BINDINGS = [
        Binding("1", "quick_log(1)", "Log", key_display="1-9", id="week.log_1"),
        *[Binding(str(n), f"quick_log({n})", f"Log practice {n}", show=False,
                  id=f"week.log_{n}") for n in range(2, 10)],
        Binding("left_square_bracket", "move(-1)", "Previous", key_display="[", group=WEEKS,
                id="week.previous"),
        Binding("right_square_bracket", "move(1)", "Next", key_display="]", group=WEEKS,
                id="week.next"),
        Binding("t", "this_week", "This week", id="week.this_week"),
        Binding("r", "reach_out", "Reach out", id="week.reach_out"),
    ]

    def __init__(self) -> None:
        super().__init__(id="week")
        self.week: int | None = None  # None: the current week, whatever day it is
        self.view: WeekView | None = None
        self._filled_wide = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="week-header"):
            yield Label("Loading this week…", id="week-title", markup=False)
            yield Label("", id="week-score", markup=False)
        yield Vertical(id="practices")
        with Grid(id="panels"):
            yield Panel("Who next", id="who-next")
            yield Panel("Follow-ups due", id="follow-ups")
            yield Panel("Gone cold", id="gone-cold")
            yield Panel("Upcoming events", id="upcoming")
            yield Panel("This week", id="week-actions")
        yield AppFooter()

    def on_mount(self) -> None:
        self.query_one("#practices").border_title = "Practices"

    def load(self) -> None:
        week = self.week
        in_thread(self, lambda: week_view(self.ctx, week, suggestions=8), self.show,
                  group="week-load")

    def show(self, view: WeekView) -> None:
        was_current = self.view.is_current if self.view else None
        self.view = view
        title, score = header_text(view)
        self.query_one("#week-title", Label).update(title)
        self.query_one("#week-score", Label).update(score)
        self.set_class(not view.is_current, "-past")
        self._show_practices(view)
        self._filled_wide = self.wide
        fill_panels(self, view, self.wide)
        if view.is_current != was_current:  # "t This week" and "]" depend on it
            self.refresh_bindings()

    @property
    def wide(self) -> bool:
        return self.size.width >= WIDE

    def on_resize(self, event: Resize) -> None:
        if self.view is not None and self.wide != self._filled_wide:
            fill_panels(self, self.view, self.wide)
        self._filled_wide = self.wide

    def _show_practices(self, view: WeekView) -> None:
        box = self.query_one("#practices", Vertical)
        practices = view.status.progress.practices
        box.border_title = f"Practices · weeks run {view.span}, not rolling"
        rows = list(box.query(PracticeRow))
        width = max((len(p.practice.name) for p in practices), default=10)
        if [r.progress.practice.id for r in rows] == [p.practice.id for p in practices]:
            for row, progress in zip(rows, practices, strict=True):
                row.progress = progress
                row.name_width = min(width, 24)
                row.set_class(progress.period.met, "-met")
                row.refresh(layout=True)
            return
        new_rows = [PracticeRow(p, n + 1, min(width, 24), id=f"practice-{p.practice.id}")
                    for n, p in enumerate(practices)]

        async def replace() -> None:  # the old rows must be gone before their ids come back
            await box.remove_children()
            await box.mount_all(new_rows)

        self.call_later(replace)

    @property
    def on_current_week(self) -> bool:
        """Showing (or, before the first load, about to show) the current week."""
        return self.view.is_current if self.view is not None else self.week is None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "this_week":
            return not self.on_current_week
        if action == "move" and parameters == (1,):
            return None if self.on_current_week else True
        return True

    def action_quick_log(self, number: int) -> None:
        if self.view is None:
            return
        practices = self.view.status.progress.practices
        if number <= len(practices):
            self.napp.action_log(practices[number - 1].practice.slug)
        else:
            self.notify(f"There is no practice {number}.", markup=False)

    def action_move(self, offset: int) -> None:
        if self.view is None:
            return
        target = self.view.status.week + offset
        if target > self.view.current_week:
            self.notify("This is the current week; there is no next one yet.", markup=False)
            return
        self.week = None if target == self.view.current_week else target
        self.load()

    def action_this_week(self) -> None:
        self.week = None
        self.load()

    def action_reach_out(self) -> None:
        panel = self.query_one("#who-next", Panel)
        payload = panel.current_payload or (self.view.who_next[0].contact_id
                                            if self.view and self.view.who_next else None)
        if payload is None:
            self.notify("No one to suggest yet: add contacts first (c, then n).", markup=False)
            return
        self.napp.action_log("reach-out", contact_id=payload)

    def on_panel_chosen(self, event: Panel.Chosen) -> None:
        panel_id = event.panel.id
        if panel_id in ("who-next", "gone-cold"):
            self.napp.action_log("reach-out", contact_id=event.payload)
        elif panel_id == "follow-ups":
            self.napp.action_log("follow-up", contact_id=event.payload)
        elif panel_id == "upcoming" and event.payload:
            self.notify(event.payload, title="Upcoming event", markup=False, timeout=8)
