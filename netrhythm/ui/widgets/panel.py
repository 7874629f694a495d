"""A titled list on the Week screen (who next, follow-ups, gone cold, events, the week's actions).

Each item carries a payload; choosing an item (Enter or a click) posts ``Panel.Chosen`` with
it. An empty panel shows one quiet line instead of nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class Panel(OptionList):
    """An option list with a border title and a payload per item."""

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

    def set_items(self, items: Sequence[tuple[Content, Any]], empty: str,
                  total: int | None = None) -> None:
        """Show ``items`` (prompt, payload); ``total`` counts the items when more exist."""
        highlighted = self.highlighted
        self._payloads = [payload for _, payload in items]
        count = len(items) if total is None else total
        self.border_title = Content.assemble(self.title, (f" {count}", "$text-muted")) \
            if count else self.title
        if items:
            self.set_options([Option(prompt) for prompt, _ in items])
            self.highlighted = min(highlighted or 0, len(items) - 1)
        else:
            self.set_options([Option(Content(empty).stylize("$text-muted"), disabled=True)])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._payloads):
            self.post_message(self.Chosen(self, self._payloads[event.option_index]))

    @property
    def current_payload(self) -> Any:
        if self.highlighted is None or not 0 <= self.highlighted < len(self._payloads):
            return None
        return self._payloads[self.highlighted]
