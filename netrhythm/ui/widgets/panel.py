"""A titled list on the Week screen (who next, follow-ups, gone cold, events, the week's actions)
and the Events screen (who you met there).

Each item carries a payload; choosing an item (Enter or a click) posts ``Panel.Chosen`` with
it. An empty panel shows one quiet line instead of nothing. It looks and moves like Textual's
``OptionList`` (↑/↓ wrap around, Home/End, PageUp/PageDown, a highlight that dims when the
panel loses focus, a hover line) but is one Line-API widget that renders only the lines on
show, each once: an ``OptionList`` measures and renders every option, several times while a
screen opens, and five of them cost the Week screen's first frame tens of milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.events import Click, Leave, MouseMove, Resize
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

ITEM, HIGHLIGHTED = "panel--item", "panel--item-highlighted"
DISABLED, HOVER = "panel--item-disabled", "panel--item-hover"


class Panel(ScrollView, can_focus=True):
    """A list with a border title and a payload per item."""

    DEFAULT_CSS = """
    Panel {
        height: auto; max-height: 100%;
        color: $foreground; background: $surface;
        overflow-x: hidden; border: tall $border-blurred; padding: 0 1;
        text-wrap: nowrap; text-overflow: ellipsis;
        & > .panel--item-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .panel--item-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .panel--item-disabled { color: $text-disabled; }
        & > .panel--item-hover { background: $block-hover-background; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {ITEM, HIGHLIGHTED, DISABLED, HOVER}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("pagedown", "page(1)", "Page Down", show=False),
        Binding("pageup", "page(-1)", "Page Up", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    @dataclass
    class Chosen(Message):
        panel: Panel
        payload: Any

        @property
        def control(self) -> Panel:
            return self.panel

    def __init__(self, title: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.title = title
        self.border_title = title
        self._payloads: list[Any] = []
        self._lines: list[tuple[int, Content]] = []  # (item, one line of its text)
        self._first_line: list[int] = []  # each item's first line
        self._enabled = False  # False: the one line is the quiet "empty" text
        self._highlighted: int | None = None
        self._hover: int | None = None
        self._strips: dict[tuple[int, str, int], Strip] = {}  # (line, look, width)

    # What is shown

    def set_items(self, items: Sequence[tuple[Content, Any]], empty: str,
                  total: int | None = None) -> None:
        """Show ``items`` (prompt, payload); ``total`` counts the items when more exist."""
        highlighted = self._highlighted
        self._payloads = [payload for _, payload in items]
        count = len(items) if total is None else total
        self.border_title = Content.assemble(self.title, (f" {count}", "$text-muted")) \
            if count else self.title
        self._enabled = bool(items)
        prompts = [prompt for prompt, _ in items] or [Content(empty).stylize("$text-muted")]
        self._lines, self._first_line = [], []
        for index, prompt in enumerate(prompts):
            self._first_line.append(len(self._lines))
            parts = prompt.split("\n", allow_blank=True) if "\n" in prompt.plain else [prompt]
            self._lines.extend((index, part) for part in parts)
        self._strips.clear()
        self._hover = None
        self._highlighted = min(highlighted or 0, len(items) - 1) if items else None
        if self.is_mounted:
            self.virtual_size = Size(0, len(self._lines))  # only the height scrolls
            self.refresh()
            self.scroll_to_highlight()
        else:  # filled before it is mounted: laid out once, with these items
            self.set_reactive(Panel.virtual_size, Size(0, len(self._lines)))

    @property
    def option_count(self) -> int:
        """How many lines of items (or the one "empty" line) there are, as ``OptionList``."""
        return len(self._first_line)

    @property
    def highlighted(self) -> int | None:
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is not None and not (self._enabled and 0 <= index < len(self._payloads)):
            return
        if index != self._highlighted:
            self._highlighted = index
            if self.is_mounted:
                self.refresh()
        self.scroll_to_highlight()

    @property
    def current_payload(self) -> Any:
        if self._highlighted is None or not self._enabled:
            return None
        return self._payloads[self._highlighted]

    # Drawing

    def on_resize(self, event: Resize) -> None:
        self._strips.clear()
        self.scroll_to_highlight()

    def notify_style_update(self) -> None:
        self._strips.clear()
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        number = self.scroll_offset.y + y
        if not 0 <= number < len(self._lines):
            return Strip.blank(width, self.get_visual_style(ITEM).rich_style)
        item, text = self._lines[number]
        look = ITEM
        if not self._enabled:
            look = DISABLED
        elif item == self._highlighted:
            look = HIGHLIGHTED
        elif item == self._hover:
            look = HOVER
        key = (number, look, width)
        strip = self._strips.get(key)
        if strip is None:
            style = self.get_visual_style(ITEM, look) if look != ITEM else \
                self.get_visual_style(ITEM)
            strip = Visual.to_strips(self, text, width, 1, style)[0]
            strip = strip.extend_cell_length(width, style.rich_style).crop(0, width)
            self._strips[key] = strip
        return strip

    def scroll_to_highlight(self) -> None:
        index = self._highlighted
        if index is None or not self.is_mounted:
            return
        first = self._first_line[index]
        end = self._first_line[index + 1] if index + 1 < len(self._first_line) \
            else len(self._lines)
        self.scroll_to_region(Region(0, first, self.scrollable_content_region.width,
                                     end - first),
                              force=True, animate=False, immediate=True)

    # Moving and choosing

    def action_cursor(self, step: int) -> None:
        if self._enabled and self._payloads:
            start = self._highlighted if self._highlighted is not None else -step
            self.highlighted = (start + step) % len(self._payloads)

    def action_first(self) -> None:
        if self._enabled:
            self.highlighted = 0

    def action_last(self) -> None:
        if self._enabled:
            self.highlighted = len(self._payloads) - 1

    def action_page(self, direction: int) -> None:
        if not self._enabled:
            return
        if self._highlighted is None:
            self.highlighted = 0 if direction < 0 else len(self._payloads) - 1
            return
        line = self._first_line[self._highlighted] + direction * \
            self.scrollable_content_region.height
        self.highlighted = self._lines[max(0, min(line, len(self._lines) - 1))][0]

    def action_select(self) -> None:
        if self._enabled and self._highlighted is not None:
            self.post_message(self.Chosen(self, self._payloads[self._highlighted]))

    def _item_at(self, event: MouseMove | Click) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        number = offset.y + self.scroll_offset.y
        return self._lines[number][0] if 0 <= number < len(self._lines) else None

    def on_mouse_move(self, event: MouseMove) -> None:
        item = self._item_at(event) if self._enabled else None
        if item != self._hover:
            self._hover = item
            self.refresh()

    def on_leave(self, event: Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_click(self, event: Click) -> None:
        item = self._item_at(event) if self._enabled else None
        if item is not None:
            event.stop()
            self.highlighted = item
            self.action_select()
