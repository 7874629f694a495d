"""The practices table of the Settings screen, with the keys that change practices.

Rows are in the order of the Week screen's quick-log keys (shown in the first column);
archived practices are listed too, in italics, so they can be restored. The keys call
actions on the screen (``screen.new_practice`` …), which the command palette can call too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.events import Resize
from textual.widgets import DataTable

from netrhythm.domain.slack import target_phrase
from netrhythm.services.practices import PracticeLine

# (title, width; 0 = the rest, for the prompt)
COLUMNS = (("", 1), ("Practice", 0), ("Target", 13), ("Kind", 8), ("Logged", 6), ("Prompt", 0))
NAME_WIDTH = 22


def clipped(text: str, width: int, style: str = "") -> Text:
    """``text`` (always literal) on one line, cut to ``width`` cells with an ellipsis."""
    cell = Text(" ".join(text.split()), style=style, no_wrap=True, overflow="ellipsis")
    cell.truncate(max(width, 1), overflow="ellipsis")
    return cell


class PracticeTable(DataTable[Text]):
    """Every practice; the cursor row is the one the keys act on."""

    BINDINGS = [
        Binding("n", "screen.new_practice", "New", id="settings.practice_new"),
        Binding("e", "screen.edit_practice", "Edit", id="settings.practice_edit"),
        Binding("a", "screen.archive_practice(True)", "Archive", id="settings.practice_archive"),
        Binding("a", "screen.archive_practice(False)", "Restore",
                id="settings.practice_restore"),
        Binding("d,delete", "screen.delete_practice", "Delete", id="settings.practice_delete"),
        Binding("K,ctrl+up", "screen.move_practice(-1)", "Move", key_display="K/J",
                id="settings.practice_up"),
        Binding("J,ctrl+down", "screen.move_practice(1)", "Move down", show=False,
                id="settings.practice_down"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self.lines: list[PracticeLine] = []
        self.wanted: int | None = None  # a practice to put the cursor on once it is listed
        self._filled_width = 0

    @property
    def current(self) -> PracticeLine | None:
        if 0 <= self.cursor_row < len(self.lines) and self.row_count:
            return self.lines[self.cursor_row]
        return None

    def follow(self, practice_id: int) -> None:
        """Put the cursor on ``practice_id`` now, or when it appears (a new practice)."""
        self.wanted = practice_id
        if any(x.practice.id == practice_id for x in self.lines):
            self.set_lines(self.lines)

    def set_lines(self, lines: Sequence[PracticeLine]) -> None:
        """Show ``lines``; the cursor stays on its practice (or goes to the one followed)."""
        if list(lines) == self.lines and self.wanted is None and self.columns:
            return  # nothing changed: no flicker, the cursor stays
        keep = self.current.practice.id if self.current else None
        self.lines = list(lines)
        ids = [x.practice.id for x in self.lines]
        if self.wanted in ids:
            keep, self.wanted = self.wanted, None
        self._fill(keep)

    def _widths(self) -> list[int]:
        width = max(self.scrollable_content_region.width, 60)
        name = min(NAME_WIDTH, max([len(x.practice.name) for x in self.lines] + [8]))
        fixed = sum(w for _, w in COLUMNS) + name + 2 * len(COLUMNS)  # cell padding
        return [w or (name if title else 0) for title, w in COLUMNS[:-1]] + [
            max(width - fixed, 10)]

    def _fill(self, keep: int | None) -> None:
        widths = self._widths()
        self._filled_width = self.scrollable_content_region.width
        self.clear(columns=True)
        for (title, _), width in zip(COLUMNS, widths, strict=True):
            header = title.rjust(width) if title == "Logged" else title
            self.add_column(Text(header, style="bold"), width=width, key=title or "key")
        number = 0
        for line in self.lines:
            p = line.practice
            muted = "italic dim" if p.archived else ""
            if not p.archived:
                number += 1
            key = str(number) if not p.archived and number < 10 else ""
            kind = "archived" if p.archived else p.reciprocity
            cells = [key, p.name, target_phrase(p.target, p.period_weeks), kind,
                     str(line.actions), p.prompt]
            row = [clipped(c, w, muted) for c, w in zip(cells, widths, strict=True)]
            row[4] = Text(cells[4].rjust(widths[4]), style=muted)
            self.add_row(*row, key=str(p.id))
        ids = [x.practice.id for x in self.lines]
        if keep in ids:
            self.move_cursor(row=ids.index(keep), animate=False)

    def on_resize(self, event: Resize) -> None:
        if self.lines and self.scrollable_content_region.width != self._filled_width:
            self._fill(self.current.practice.id if self.current else None)
