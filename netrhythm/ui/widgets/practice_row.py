"""One practice on the Week screen: key, name, bar ``2/3``, streaks, score and slack in words.

On one line when the width allows, else the slack goes on a second line. A met practice
looks done: a check mark, a green bar and a green "Done" line. A click logs the practice.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.events import Click
from textual.geometry import Size
from textual.widget import Widget

from netrhythm.services.tracking.progress import PracticeProgress
from netrhythm.ui.appref import app_of
from netrhythm.ui.format import bar, literal

BAR_WIDTH = 10


class PracticeRow(Widget):
    """A practice's standing this week; ``number`` is its quick-log key (1-9, or 0 for none)."""

    DEFAULT_CSS = """
    PracticeRow { height: auto; width: 1fr; }
    """

    def __init__(self, progress: PracticeProgress, number: int, name_width: int,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.number = number
        self.progress = progress
        self.name_width = name_width
        self._show_state()

    def update(self, progress: PracticeProgress, name_width: int) -> None:
        """Show ``progress`` (names fit ``name_width``); nothing happens if it is on show."""
        if self.progress == progress and self.name_width == name_width:
            return
        self.progress = progress
        self.name_width = name_width
        self._show_state()
        if self.is_mounted:
            self.refresh(layout=True)

    def _show_state(self) -> None:
        self.set_class(self.progress.period.met, "-met")
        self.set_class(self.progress.period.paused, "-paused")

    def parts(self) -> tuple[Content, Content]:
        """The line of figures and the slack line."""
        p = self.progress
        period = p.period
        met = period.met
        key = f"{self.number} " if 0 < self.number < 10 else "  "
        name = p.practice.name
        if len(name) > self.name_width:
            name = name[: self.name_width - 1] + "…"
        count = f"{period.count}/{period.target}"
        figures = Content.assemble(
            (key, "bold $text-accent"),
            ("✓ " if met else "  ", "bold $text-success"),
            literal(name.ljust(self.name_width), "bold"),
            "  ", bar(period.count, period.target, BAR_WIDTH, met),
            "  ", (count.ljust(5), "bold $text-success" if met else "bold"),
            f" streak {p.current_streak:>2} wk · best {p.longest_streak:>2}",
            ("  score ", "$text-muted"), f"{p.score:.0f}",
        )
        style = "$text-success" if met else ("$text-muted" if period.paused else "$text-warning")
        return figures, literal(p.slack, style)

    def _one_line(self, figures: Content, slack: Content, width: int) -> bool:
        return figures.cell_length + 3 + slack.cell_length <= width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # From the width being laid out: ``content_size`` is not known before the first layout.
        return 1 if self._one_line(*self.parts(), width) else 2

    def render(self) -> Content:
        figures, slack = self.parts()
        if self._one_line(figures, slack, self.content_size.width or 80):
            return Content.assemble(figures, "   ", slack)
        return Content.assemble(figures, "\n", " " * 4, slack)

    def on_click(self, event: Click) -> None:
        event.stop()
        app_of(self).action_log(self.progress.practice.slug)
