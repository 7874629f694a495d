"""The key bar at the bottom: compact, and the palette key only where there is room for it."""

from __future__ import annotations

from textual.events import Resize
from textual.widgets import Footer

PALETTE_MIN_WIDTH = 110


class AppFooter(Footer):
    """A compact footer that leaves out ``^p palette`` on narrow terminals (see ``?``)."""

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)

    def on_resize(self, event: Resize) -> None:
        wide = event.size.width >= PALETTE_MIN_WIDTH
        if wide != self.show_command_palette:
            self.show_command_palette = wide
