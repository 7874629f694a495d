"""The key bar at the bottom: compact, and the palette key only where there is room for it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

PALETTE_MIN_WIDTH = 110


class AppFooter(Footer):
    """A compact footer that leaves out ``^p palette`` on narrow terminals (see ``?``).

    Textual's footer rebuilds its keys (a widget each) whenever the screen's bindings may have
    changed, several times while a screen opens and on every focus move; this one rebuilds
    them only when the keys it shows would differ (each rebuild costs ~40 ms), and makes
    them compact from the start rather than restyling each once mounted.
    """

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        # The keys from the first compose on, so that they are laid out with the screen's
        # first frame rather than added after it (Textual waits for "bindings changed").
        self.set_reactive(Footer._bindings_ready, True)
        try:
            self.set_reactive(Footer.show_command_palette,
                              self.app.size.width >= PALETTE_MIN_WIDTH)
        except RuntimeError:  # made outside a running app
            pass
        self._shown: tuple[object, ...] | None = None  # what the keys on show were built from

    def on_resize(self, event: Resize) -> None:
        wide = event.size.width >= PALETTE_MIN_WIDTH
        if wide != self.show_command_palette:
            self.show_command_palette = wide

    def _keys(self) -> tuple[object, ...]:
        """Everything ``compose`` builds the keys from."""
        return self.show_command_palette, tuple(
            (binding.key, binding.action, binding.description, binding.key_display,
             binding.group, binding.tooltip, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys()
        for widget in super().compose():
            if isinstance(widget, FooterKey):  # it would take the class once mounted, and
                widget.add_class("-compact", update=False)  # restyling it costs ~3 ms
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        if (self._bindings_ready and self.is_attached and screen is self.screen
                and self._keys() == self._shown):
            return
        super().bindings_changed(screen)
