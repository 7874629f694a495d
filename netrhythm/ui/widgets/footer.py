"""The key bar at the bottom: one line of text; the keys of the whole app (each screen by name,
undo, help, quit) always, the current screen's keys as far as there is room, the palette key
from ``PALETTE_MIN_WIDTH`` columns on. At 80 columns on the Week screen:
``1-9 Log r Reach out c Contacts v Review E Events , Settings u Undo ? Help q Quit``; every key
is in the help (``?``). Disabled keys are muted; clicking a key presses it.

Why not Textual's ``Footer``: it makes a widget per key and rebuilds them all whenever the
screen's bindings may have changed (four times while the Week screen opens, again on each
screen). Measured with the benchmark's data and drivers (``benchmarks/``), the panels being
Textual's ``OptionList`` either way: the app's peak memory grows from 46.6 to 51.1-51.6 MiB
(1.43× to 1.57× the empty app's; the target is ≤ 1.5×) and its first frame takes 30-40% longer.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from textual.binding import Binding
from textual.content import Content
from textual.events import MouseDown
from textual.screen import Screen
from textual.widget import Widget

PALETTE_MIN_WIDTH = 110
KEY = "bold $footer-key-foreground"
DESCRIPTION = "$footer-description-foreground"
MUTED = f"{DESCRIPTION} italic"  # a key that does nothing here: no key colour, slanted


class Key(NamedTuple):
    """A key on show: what it reads, whether it works, and what to press."""

    key: str
    display: str
    description: str
    enabled: bool


class Item(NamedTuple):
    """One entry of the bar ("r Reach out", or a group: "[ ] Week") and its keys."""

    parts: list[tuple[Content, Key | None]]
    app_wide: bool  # the app's own keys, shown whatever the width

    @property
    def width(self) -> int:
        return sum(text.cell_length for text, _ in self.parts)


class AppFooter(Widget, can_focus=False):
    """The keys of the current screen, grouped as Textual's footer groups them."""

    DEFAULT_CSS = """
    AppFooter {
        dock: bottom; height: 1;
        color: $footer-foreground; background: $footer-background;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[object, ...] | None = None  # what the line on show was built from
        self._spans: list[tuple[int, int, Key]] = []  # columns of each key, for clicks
        self.needed_width = 0  # columns the app's keys and those shown need, as last drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self._signature() != self._shown:
            self.refresh()

    def _signature(self) -> tuple[object, ...]:
        return self.size.width, tuple(
            (key, binding.action, binding.description, binding.key_display, binding.group,
             enabled)
            for key, (_, binding, enabled, _) in self.screen.active_bindings.items()
            if binding.show)

    def _key(self, binding: Binding, enabled: bool) -> Key:
        return Key(binding.key, self.app.get_key_display(binding), binding.description,
                   enabled)

    def _items(self) -> list[Item]:
        """The entries in footer order: one key per action, runs of a group together."""
        by_action: defaultdict[str, list[tuple[Binding, bool, bool]]] = defaultdict(list)
        for node, binding, enabled, _ in self.screen.active_bindings.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled, node is self.app))
        runs: list[tuple[Binding.Group | None, bool, list[Key]]] = []
        for (binding, enabled, app_wide), *_ in by_action.values():
            key = self._key(binding, enabled)
            if runs and binding.group is not None and runs[-1][0] is binding.group:
                runs[-1][2].append(key)
            else:
                runs.append((binding.group, app_wide, [key]))
        items = []
        for group, app_wide, keys in runs:
            if group is not None and len(keys) > 1:  # "[ ] Week": keys, then the group's name
                parts: list[tuple[Content, Key | None]] = []
                for key in keys:
                    parts += [(Content.styled(key.display, KEY), key), (Content(" "), None)]
                parts.append((Content.styled(group.description, DESCRIPTION), None))
                items.append(Item(parts, app_wide))
            else:
                items += [Item([(Content.assemble((key.display, KEY),
                                                  (f" {key.description}", DESCRIPTION)), key)],
                               app_wide) for key in keys]
        return items

    def _palette(self) -> Key | None:
        if self.size.width < PALETTE_MIN_WIDTH or not self.app.ENABLE_COMMAND_PALETTE:
            return None
        active = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        return None if active is None else self._key(active.binding, active.enabled)

    def render(self) -> Content:
        self._shown = self._signature()
        width = self.size.width
        palette = self._palette()
        right = Content.assemble(("▏", "$foreground 20%"), (palette.display, KEY),
                                 (f" {palette.description}", DESCRIPTION), " ") \
            if palette is not None else Content("")
        room = max(0, width - right.cell_length)
        items = self._items()
        used = sum(item.width + 1 for item in items if item.app_wide)
        shown = []
        for item in items:  # the screen's keys in order, as long as they fit
            if not item.app_wide and used + item.width + 1 > room + 1:
                continue
            used += 0 if item.app_wide else item.width + 1
            shown.append(item)
        parts: list[Content] = []
        spans: list[tuple[int, int, Key]] = []
        at = 0
        for n, item in enumerate(shown):
            for text, key in ([(Content(" "), None)] if n else []) + item.parts:
                if key is not None:
                    text = text if key.enabled else Content(text.plain).stylize(MUTED)
                    spans.append((at, at + text.cell_length, key))
                parts.append(text)
                at += text.cell_length
        self.needed_width = at  # the layout test checks it fits
        if palette is not None:
            spans = [s for s in spans if s[1] <= room]
            spans.append((room + 1, width - 1, palette))
        self._spans = spans
        return Content.assemble(Content.assemble(*parts).truncate(room, pad=True), right)

    def on_mouse_down(self, event: MouseDown) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                if key.enabled:
                    self.app.simulate_key(key.key)
                else:
                    self.app.bell()
                return
