"""The Review screen: how a week went, and what to do about it.

At the top, four plain answers (kept the rhythm? slipping? neglected? next week?); then each
practice met or missed with streaks, score and trend; a 52-week heat map; the people of the
week; and the reflection note, saved as it is typed. All of it comes from one
``services.review.page.Page``, which ``m`` exports as Markdown (``netrhythm review``'s text).
It opens on the last finished week; ``[`` and ``]`` move a week (never past the current one),
each opened at its top; ``t`` goes back to the last finished week; ``r`` writes the note.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, VerticalScroll
from textual.events import Resize
from textual.widgets import Label, Static

from netrhythm.domain.weeks import weekday_span
from netrhythm.services.review.build import default_week, review
from netrhythm.services.review.page import HEAT_TITLE, page
from netrhythm.services.review.render import write_markdown
from netrhythm.ui.background import error_text, in_thread
from netrhythm.ui.screens.base import DataScreen
from netrhythm.ui.sheets import sheet
from netrhythm.ui.widgets.footer import AppFooter
from netrhythm.ui.widgets.review_glance import ReviewGlance
from netrhythm.ui.widgets.review_header import Loaded, header_text
from netrhythm.ui.widgets.review_heatmap import show_heat
from netrhythm.ui.widgets.review_people import ReviewPeople
from netrhythm.ui.widgets.review_practices import go_to_hint, practice_table
from netrhythm.ui.widgets.review_reflection import Reflection, Saver

WEEKS = Binding.Group("Week")
WIDE = 140  # columns from which the review is laid out in two columns
NOT_WHILE_TYPING = {"move", "last_week", "export_markdown", "reflect"}


class ReviewScreen(DataScreen):
    """One week's review."""

    CSS_PATH = sheet("review")

    AUTO_FOCUS = "#review-body"
    BINDINGS = [  # in the key bar in this order, as far as there is room
        Binding("left_square_bracket", "move(-1)", "Previous", key_display="[", group=WEEKS,
                id="review.previous"),
        Binding("right_square_bracket", "move(1)", "Next", key_display="]", group=WEEKS,
                id="review.next"),
        Binding("r", "reflect", "Reflect", id="review.reflect"),
        Binding("t", "last_week", "Last week", id="review.last_week"),
        Binding("m", "export_markdown", "Markdown", id="review.markdown"),
    ]

    def __init__(self) -> None:
        super().__init__(id="review")
        self.week: int | None = None  # None: the last finished week, whatever day it is
        self.loaded: Loaded | None = None
        self.saver = Saver()
        self.export_dir: Path | None = None  # None: $NETRHYTHM_EXPORT_DIR, Documents or home
        self._when_loaded: list[Callable[[], object]] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="review-header"):
            yield Label("Loading the review…", id="review-title", markup=False)
            yield Label("", id="review-score", markup=False)
        with VerticalScroll(id="review-body"):
            yield ReviewGlance(id="review-glance", classes="review-panel")
            with Container(id="review-grid"):
                yield Static(id="review-practices", classes="review-panel")
                yield ReviewPeople(id="review-people", classes="review-panel")
                yield Static(id="review-heat", classes="review-panel")
                yield Reflection(self.saver, id="reflection", classes="review-panel")
        yield AppFooter()

    def on_mount(self) -> None:
        titles = {"#review-glance": "At a glance", "#review-heat": HEAT_TITLE,
                  "#review-people": "People", "#review-practices": "Practices"}
        for selector, title in titles.items():
            self.query_one(selector).border_title = title

    @property
    def reflection(self) -> Reflection:
        return self.query_one(Reflection)

    def _typing(self) -> bool:
        """Whether the reflection note has focus (False before the screen is composed)."""
        notes = self.query(Reflection)
        return bool(notes) and notes.first().area.has_focus

    def load(self) -> None:
        ctx, saver, week = self.ctx, self.saver, self.week

        def job() -> Loaded:
            with saver.lock:  # never read while a save is half done
                chosen = default_week(ctx) if week is None else week
                r = review(ctx, chosen)
                return Loaded(r, page(r), ctx.read_current_week(), ctx.today(),
                              ctx.read_week_start())

        in_thread(self, job, self.show, group="review-load")

    def show(self, loaded: Loaded) -> None:
        before, r, pg = self.loaded, loaded.review, loaded.page
        self.loaded = loaded
        title, score = header_text(loaded)
        self.query_one("#review-title", Label).update(title)
        self.query_one("#review-score", Label).update(score)
        self.set_class(not r.finished, "-current")
        self.query_one(ReviewGlance).show(pg.glance)
        practices = self.query_one("#review-practices", Static)
        practices.update(practice_table(pg, go_to_hint(r, pg)))
        practices.set_class(bool(pg.empty), "-empty")  # the reason wraps; rows never do
        practices.border_title = f"Practices · weeks run {weekday_span(loaded.week_start)}"
        self._show_heat()
        people = self.query_one(ReviewPeople)
        people.show(pg.people)
        people.display = bool(pg.people)
        self.reflection.show(r, loaded.today)
        if before is None or before.review.week != r.week:
            self.refresh_bindings()
            self.query_one("#review-body").scroll_home(animate=False)  # "At a glance" first
        waiting, self._when_loaded = self._when_loaded, []
        for action in waiting:
            action()

    def when_loaded(self, action: Callable[[], object]) -> None:
        """Run ``action`` now if the review is shown, else once it is (the palette uses it)."""
        if self.loaded is None:
            self._when_loaded.append(action)
        else:
            action()

    def _show_heat(self) -> None:
        if self.loaded is not None:
            show_heat(self.query_one("#review-heat", Static), self.loaded.review,
                      cell=2 if self.has_class("-wide") else 1)

    def on_resize(self, event: Resize) -> None:
        wide = event.size.width >= WIDE
        if wide != self.has_class("-wide"):
            self.set_class(wide, "-wide")
            self._show_heat()

    def on_screen_suspend(self) -> None:
        self.reflection.end_session()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in NOT_WHILE_TYPING and self._typing():
            return False  # the note is being typed in: these keys type
        if self.loaded is None:
            return True
        if action == "last_week":
            return self.loaded.review.week != self.loaded.current_week - 1
        if action == "move" and parameters == (1,):
            return None if self.loaded.review.week >= self.loaded.current_week else True
        return True

    def action_move(self, offset: int) -> None:
        if self.loaded is None:
            return
        target = self.loaded.review.week + offset
        if target > self.loaded.current_week:
            self.notify("This is the current week; there is no next one yet.", markup=False)
            return
        self.week = None if target == self.loaded.current_week - 1 else target
        self.reflection.end_session()  # the note typed for this week is saved first
        self.load()

    def action_last_week(self) -> None:
        self.week = None
        self.reflection.end_session()
        self.load()

    def action_reflect(self) -> None:
        self.reflection.area.focus()

    def action_export_markdown(self) -> None:
        """Write the shown week's review as Markdown; say where (after saving the note)."""
        if self.loaded is None:
            return
        ctx, week, folder = self.ctx, self.loaded.review.week, self.export_dir
        pending = self.reflection.take_pending()

        def job() -> tuple[bool, Path]:
            written = self.saver.write(ctx, pending)
            with self.saver.lock:
                return written, write_markdown(review(ctx, week), folder)

        def done(result: tuple[bool, Path]) -> None:
            self.reflection.saved(pending, result[0])
            self.notify(str(result[1]), title="Review saved as Markdown", markup=False,
                        timeout=10)

        def failed(exc: Exception) -> None:
            self.reflection.saved(pending, False)  # the next save (or leaving) includes it
            self.notify(error_text(exc), title="The review was not exported",
                        severity="error", markup=False, timeout=10)

        in_thread(self, job, done, group="review-export", exclusive=False, failed=failed)
