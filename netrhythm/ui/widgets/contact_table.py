"""The contact table: renders only the rows on screen (Line API), so 5,000 rows cost nothing.

Its rows are a ``ContactList``, which makes a contact's ``ContactLine`` only when the row is
drawn. ``set_lines`` swaps the rows in one step (keeping the cursor on the same contact when
it is still there); each frame renders the header and the visible rows. Up/Down/PageUp/
PageDown/Home/End move, Enter (or a double click) opens; a click on a column title sorts by it.
A new search or sort puts the cursor on the first row; a reload keeps it on its contact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from netrhythm.services.contacts.contact_list import ContactLine, ContactList, SortKey
from netrhythm.ui.format import day_text, due_text

MARKS = {"overdue": "●", "due soon": "◐"}
# (title, share of the free width or fixed width, sort key when the title is clicked)
COLUMNS: tuple[tuple[str, float, SortKey | None], ...] = (
    ("Name", 0.42, "name"), ("Company", 0.30, None), ("Tags", 0.28, None),
    ("Last contact", 15, "last"), ("Keep in touch", 16, "overdue"),
)


class ContactTable(ScrollView, can_focus=True):
    """Contacts, one per line, with a fixed header; the cursor row is highlighted."""

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False, id="table.up"),
        Binding("down", "move(1)", "Down", show=False, id="table.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="table.page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="table.page_down"),
        Binding("home", "jump(0)", "First", show=False, id="table.first"),
        Binding("end", "jump(-1)", "Last", show=False, id="table.last"),
        Binding("enter", "open", "Open", show=False, id="table.open"),
    ]
    COMPONENT_CLASSES = {"contact-table--header", "contact-table--cursor",
                         "contact-table--overdue", "contact-table--due-soon",
                         "contact-table--muted"}

    cursor = reactive(0, repaint=False)

    @dataclass
    class Opened(Message):
        contact_id: int

    @dataclass
    class SortRequested(Message):
        key: SortKey

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lines = ContactList.empty()
        self.today = date.today()
        self.empty = ""  # shown (muted) under the header when there are no rows

    # -- data -------------------------------------------------------------------------------
    def set_lines(self, lines: ContactList, today: date, keep_cursor: bool) -> None:
        """Show ``lines``; the cursor stays on its contact when ``keep_cursor``, else goes up."""
        current = self.current_id if keep_cursor else None
        self.lines = lines
        self.today = today
        index = (lines.position(current) if current is not None else None) or 0
        self.virtual_size = Size(0, len(self.lines) + 1)
        self.set_reactive(ContactTable.cursor, index)
        self._scroll_cursor_into_view()
        self.refresh()

    @property
    def current_id(self) -> int | None:
        return self.lines.id_at(self.cursor) if 0 <= self.cursor < len(self.lines) else None

    @property
    def current(self) -> ContactLine | None:
        return self.lines[self.cursor] if 0 <= self.cursor < len(self.lines) else None

    # -- movement ---------------------------------------------------------------------------
    def watch_cursor(self) -> None:
        self._scroll_cursor_into_view()
        self.refresh()

    def _scroll_cursor_into_view(self) -> None:
        rows = max(1, self.size.height - 1)
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + rows:
            self.scroll_to(y=self.cursor - rows + 1, animate=False, immediate=True)

    def _go(self, index: int) -> None:
        if self.lines:
            self.cursor = max(0, min(index, len(self.lines) - 1))

    def action_move(self, step: int) -> None:
        self._go(self.cursor + step)

    def action_page(self, step: int) -> None:
        self._go(self.cursor + step * max(1, self.size.height - 2))

    def action_jump(self, index: int) -> None:
        self._go(index if index >= 0 else len(self.lines) - 1)

    def action_open(self) -> None:
        if self.current_id is not None:
            self.post_message(self.Opened(self.current_id))

    def on_click(self, event: Click) -> None:
        if event.y == 0:
            x = 0
            for (_title, _, key), width in zip(COLUMNS, self._widths(), strict=True):
                if x <= event.x < x + width + 1 and key:
                    self.post_message(self.SortRequested(key))
                x += width + 1
            return
        self._go(round(self.scroll_y) + event.y - 1)
        if event.chain >= 2:
            self.action_open()

    # -- rendering --------------------------------------------------------------------------
    def _widths(self) -> list[int]:
        width = max(self.scrollable_content_region.width, 40) - 2  # the mark column
        fixed = sum(int(w) for _, w, _ in COLUMNS if w >= 1) + len(COLUMNS) - 1
        free = max(width - fixed, 30)
        return [int(w) if w >= 1 else int(free * w) for _, w, _ in COLUMNS]

    def _cells(self, line: ContactLine) -> list[str]:
        return [line.name, line.company, ", ".join(line.tags),
                day_text(line.last_contact, self.today), due_text(line.due)]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        widths = self._widths()
        if y == 0:
            titles = [t for t, _, _ in COLUMNS]
            return self._strip("  ", titles, widths, self.get_component_rich_style(
                "contact-table--header"), width)
        index = round(self.scroll_y) + y - 1
        if index >= len(self.lines):
            if y == 2 and not self.lines and self.empty:
                muted = self.rich_style + self.get_component_rich_style("contact-table--muted")
                return Strip([Segment("  " + fit(self.empty, width - 2), muted)], width)
            return Strip.blank(width, self.rich_style)
        line = self.lines[index]
        style = self.rich_style
        if line.archived:
            style += self.get_component_rich_style("contact-table--muted")
        if index == self.cursor:
            style += self.get_component_rich_style("contact-table--cursor")
        mark = MARKS.get(line.due.state, " ")
        state = {"overdue": "overdue", "due soon": "due-soon"}.get(line.due.state)
        mark_style = Style(color=self.get_component_rich_style(
            f"contact-table--{state}").color) if state else None
        return self._strip(mark + " ", self._cells(line), widths, style, width, mark_style)

    def _strip(self, mark: str, cells: list[str], widths: list[int], style: Style,
               width: int, mark_style: Style | None = None) -> Strip:
        """One line: the mark in its colour, then the cells, each fitted to its column."""
        rest = " ".join(fit(cell, cell_width) for cell, cell_width in zip(cells, widths,
                                                                          strict=True))
        segments = [Segment(mark[:1], style + mark_style if mark_style else style),
                    Segment(fit(mark[1:] + rest, width - 1), style)]
        return Strip(segments, width)


def fit(text: str, width: int) -> str:
    """``text`` on one line, padded or cut (with an ellipsis) to exactly ``width`` cells.

    Plain ASCII takes a fast path; wide characters (CJK, emoji) are measured in cells.
    """
    if any(ch in text for ch in "\t\n\r"):
        text = " ".join(text.split())
    if text.isascii():
        return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"
