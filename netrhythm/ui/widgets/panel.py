"""A titled list on the Week screen (who next, follow-ups, gone cold, events, the week's actions)
and the Events screen (who you met there).

Textual's ``OptionList`` whose items carry a payload (a contact id, an event's details):
choosing an item (Enter or a click) posts ``Panel.Chosen`` with it, and ``current_payload``
is the highlighted item's. An empty panel shows one quiet line that cannot be chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class Item(Option):
    """An option with a payload."""

    def __init__(self, prompt: Content, payload: Any) -> None:
        super().__init__(prompt)
        self.payload = payload


class Panel(OptionList):
    """An option list with a border title (and a count) and a payload per item."""

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

    def set_items(self, items: Sequence[tuple[Content, Any]], empty: str,
                  total: int | None = None) -> None:
        """Show ``items`` (prompt, payload), or the quiet line ``empty`` when there are none;
        ``total`` counts the items when more exist than are shown. The highlight stays on the
        same row (or the last one) across reloads."""
        highlighted = self.highlighted
        count = len(items) if total is None else total
        self.border_title = Content.assemble(self.title, (f" {count}", "$text-muted")) \
            if count else self.title
        if items:
            self.set_options(Item(prompt, payload) for prompt, payload in items)
            self.highlighted = min(highlighted or 0, len(items) - 1)
        else:
            self.set_options([Option(Content(empty).stylize("$text-muted"), disabled=True)])

    @property
    def current_payload(self) -> Any:
        """The highlighted item's payload (``None`` when the panel is empty)."""
        option = self.highlighted_option
        return option.payload if isinstance(option, Item) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if isinstance(event.option, Item):
            self.post_message(self.Chosen(self, event.option.payload))
