"""The Week screen (home): this week's practices, and who and what needs you now.

Keys ``1``-``9`` open the Log form for a practice; ``[`` and ``]`` move a week back and
forward (never past the current one); ``r`` reaches out to the highlighted "who next";
``y`` drafts a message to the person highlighted in Who next, Follow-ups due or Gone cold. On
a new database a welcome lists the first steps (:mod:`netrhythm.ui.first_steps`).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.events import Resize

from netrhythm.services.tracking.progress import PracticeProgress
from netrhythm.services.tracking.week_view import WeekView, week_view
from netrhythm.ui.background import in_thread
from netrhythm.ui.first_steps import FirstStepActions
from netrhythm.ui.key_hints import say_keys
from netrhythm.ui.widgets.footer import AppFooter
from netrhythm.ui.widgets.panel import Panel
from netrhythm.ui.widgets.practice_row import PracticeRow
from netrhythm.ui.widgets.week_panels import WeekHeader, fill_panels, make_panels

WEEKS = Binding.Group("Week")
WIDE = 140  # columns from which panels have room for whole sentences
SUGGESTIONS = 8  # "who next" suggestions
# The panels of people ``y`` drafts to, and the practice each suggests.
DRAFT_PANELS = {"who-next": "reach-out", "follow-ups": "follow-up", "gone-cold": "reach-out"}


def _name_width(practices: list[PracticeProgress]) -> int:
    """The practice-name column: the longest name, at most 24."""
    return min(max((len(p.practice.name) for p in practices), default=10), 24)


class WeekScreen(FirstStepActions):
    """This week at a glance."""

    BINDINGS = [  # in the key bar in this order, as far as there is room
        Binding("1", "quick_log(1)", "Log", key_display="1-9", id="week.log_1"),
        *[Binding(str(n), f"quick_log({n})", f"Log practice {n}", show=False,
                  id=f"week.log_{n}") for n in range(2, 10)],
        Binding("r", "reach_out", "Reach out", id="week.reach_out"),
        Binding("y", "draft", "Draft", id="week.draft"),
        Binding("left_square_bracket", "move(-1)", "Previous", key_display="[", group=WEEKS,
                id="week.previous"),
        Binding("right_square_bracket", "move(1)", "Next", key_display="]", group=WEEKS,
                id="week.next"),
        Binding("t", "this_week", "This week", id="week.this_week"),
    ]

    def __init__(self) -> None:
        super().__init__(id="week")
        self.week: int | None = None  # None: the current week, whatever day it is
        self.view: WeekView | None = None
        self._filled_wide = False

    def compose(self) -> ComposeResult:
        # Built with the current week's data: the first frame shows it, laid out once.
        self.view = view = self._read_first_week()
        self._filled_wide = self.wide
        yield WeekHeader(view, id="week-header")
        box = Vertical(*self._rows(view.status.progress.practices if view else []),
                       id="practices")
        box.border_title = self._practices_title(view)
        yield box
        with Grid(id="panels", classes=self._welcome(view) if view else ""):
            yield from make_panels(view, self._filled_wide, self.napp.shown_keys)
        yield AppFooter()

    def _read_first_week(self) -> WeekView | None:
        """The current week, read here, before the screen is first shown: nothing is on show
        yet to freeze, and the first frame shows the week rather than "Loading" (a worker, a
        second layout and a second frame later). ``None`` if that fails: the usual load in a
        worker then runs on first show and reports the error."""
        try:
            return week_view(self.ctx, None, suggestions=SUGGESTIONS)
        except Exception:
            return None

    def on_mount(self) -> None:
        if self.view is not None:
            self._generation = self.napp.generation  # shown as composed: no reload on resume

    def load(self) -> None:
        week = self.week
        in_thread(self, lambda: week_view(self.ctx, week, suggestions=SUGGESTIONS), self.show,
                  group="week-load")

    def show(self, view: WeekView) -> None:
        was_current = self.view.is_current if self.view else None
        self.view = view
        self.query_one(WeekHeader).show(view)
        self.set_class(not view.is_current, "-past")
        self._show_practices(view)
        self._filled_wide = self.wide
        fill_panels(self, view, self.wide, self.napp.shown_keys)
        place = self._welcome(view)
        self.query_one("#panels", Grid).set_class(place == "-welcome", "-welcome")
        self.query_one("#panels", Grid).set_class(place == "-welcome-low", "-welcome-low")
        if view.is_current != was_current:  # "t This week" and "]" depend on it
            self.refresh_bindings()

    @staticmethod
    def _welcome(view: WeekView) -> str:
        """Where the welcome shows on the current week while first steps are left (a class of
        the panels): in place of Follow-ups due and Gone cold when both are empty, else of This
        week (empty then: nothing was ever logged); "" for nowhere."""
        if not (view.is_current and view.first_steps.show_welcome):
            return ""
        return "-welcome-low" if view.status.follow_ups_due or view.status.gone_cold \
            else "-welcome"

    def first_practice(self) -> tuple[str, str] | None:
        practices = self.view.status.progress.practices if self.view else []
        return (practices[0].practice.slug, practices[0].practice.name) if practices else None

    @property
    def wide(self) -> bool:
        return (self.size.width or self.app.size.width) >= WIDE  # not laid out yet: the app's

    def on_resize(self, event: Resize) -> None:
        if self.view is not None and self.wide != self._filled_wide:
            fill_panels(self, self.view, self.wide, self.napp.shown_keys)
        self._filled_wide = self.wide

    def _show_practices(self, view: WeekView) -> None:
        box = self.query_one("#practices", Vertical)
        practices = view.status.progress.practices
        box.border_title = self._practices_title(view)
        rows = list(box.query(PracticeRow))
        if [r.progress.practice.id for r in rows] == [p.practice.id for p in practices]:
            width = _name_width(practices)
            for row, progress in zip(rows, practices, strict=True):
                row.update(progress, width)
            return
        new_rows = self._rows(practices)

        async def replace() -> None:  # the old rows must be gone before their ids come back
            await box.remove_children()
            await box.mount_all(new_rows)

        self.call_later(replace)

    @staticmethod
    def _practices_title(view: WeekView | None) -> str:
        return f"Practices · weeks run {view.span}, not rolling" if view else "Practices"

    @staticmethod
    def _rows(practices: list[PracticeProgress]) -> list[PracticeRow]:
        width = _name_width(practices)
        return [PracticeRow(p, n + 1, width, id=f"practice-{p.practice.id}")
                for n, p in enumerate(practices)]

    @property
    def on_current_week(self) -> bool:
        """Showing (or, before the first load, about to show) the current week."""
        return self.view.is_current if self.view is not None else self.week is None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "this_week":
            return not self.on_current_week
        if action == "hide_welcome":
            return self.view is not None and bool(self._welcome(self.view))
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
            self.notify(say_keys(self, "No one to suggest yet: add contacts first (press "
                                       "{week.new_contact})."), markup=False)
            return
        self.napp.action_log(contact_id=payload, nudged="reach-out")

    def action_draft(self) -> None:
        """A draft to the person highlighted in the focused people panel (else Who next's),
        on the practice that panel suggests."""
        focused = self.focused
        panel = focused if isinstance(focused, Panel) and focused.id in DRAFT_PANELS else \
            self.query_one("#who-next", Panel)
        payload = panel.current_payload
        if payload is None and panel.id == "who-next" and self.view and self.view.who_next:
            payload = self.view.who_next[0].contact_id
        if payload is None:
            self.notify(say_keys(self, "No one to write to here: add contacts first (press "
                                       "{week.new_contact})."), markup=False)
            return
        self.napp.action_draft(payload, DRAFT_PANELS[str(panel.id)])

    def on_panel_chosen(self, event: Panel.Chosen) -> None:
        panel_id = event.panel.id
        if panel_id in ("who-next", "gone-cold"):
            self.napp.action_log(contact_id=event.payload, nudged="reach-out")
        elif panel_id == "follow-ups":
            self.napp.action_log(contact_id=event.payload, nudged="follow-up")
        elif panel_id == "welcome":
            getattr(self, f"action_{event.payload}")()
        elif panel_id == "upcoming" and event.payload:
            self.notify(event.payload, title="Upcoming event", markup=False, timeout=8)
