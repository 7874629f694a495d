"""The key bar at the bottom: one line of text, the palette key only where there is room.

Textual's ``Footer`` makes a widget per key and rebuilds them whenever the bindings may have
changed; this footer is one widget that draws the same line (``1-9 Log  [ ] Week r Reach
out  c v E , Go u Undo ? Help q Quit``, disabled keys dimmed) and repaints only when the keys
it shows change. Clicking a key presses it.
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


class Key(NamedTuple):
    """A key on show: what it reads, whether it works, and what to press."""

    key: str
    display: str
    description: str
    enabled: bool
    grouped: bool  # one of a group's keys, shown without its own description


class AppFooter(Widget, can_focus=False):
    """The keys of the current screen, grouped as Textual's compact footer groups them."""

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
        self.needed_width = 0  # columns the keys need, as last drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self._signature() != self._shown:
            self.refresh()

    def _signature(self) -> tuple[object, ...]:
        return self.size.width >= PALETTE_MIN_WIDTH, tuple(
            (key, binding.action, binding.description, binding.key_display, binding.group,
             enabled)
            for key, (_, binding, enabled, _) in self.screen.active_bindings.items()
            if binding.show)

    def _groups(self) -> list[tuple[Binding.Group | None, list[Key]]]:
        """The keys on show in footer order: one key per action, runs of a group together."""
        by_action: defaultdict[str, list[tuple[Binding, bool]]] = defaultdict(list)
        for _, binding, enabled, _ in self.screen.active_bindings.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled))
        groups: list[tuple[Binding.Group | None, list[Key]]] = []
        for (binding, enabled), *_ in by_action.values():
            key = Key(binding.key, self.app.get_key_display(binding), binding.description,
                      enabled, False)
            if groups and binding.group is not None and groups[-1][0] is binding.group:
                groups[-1][1].append(key)
            else:
                groups.append((binding.group, [key]))
        return groups

    def _palette(self) -> Key | None:
        if self.size.width < PALETTE_MIN_WIDTH or not self.app.ENABLE_COMMAND_PALETTE:
            return None
        active = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if active is None:
            return None
        binding = active.binding
        return Key(binding.key, self.app.get_key_display(binding), binding.description,
                   active.enabled, False)

    def render(self) -> Content:
        self._shown = self._signature()
        parts: list[Content] = []
        spans: list[tuple[int, int, Key]] = []
        at = 0

        def add(text: Content | str, key: Key | None = None) -> None:
            nonlocal at
            part = text if isinstance(text, Content) else Content(text)
            if key is not None and not key.enabled:
                part = part.stylize("dim")
            parts.append(part)
            if key is not None:
                spans.append((at, at + part.cell_length, key))
            at += part.cell_length

        gap = 0  # the margin (one column) the previous item leaves after itself
        for group, keys in self._groups():
            if group is not None and len(keys) > 1:  # "[ ] Week": keys, then the group's name
                add(" " * gap + " ")  # each key has a margin of one, collapsed between keys
                for n, key in enumerate(keys):
                    add(" " if n else "")
                    add(Content.styled(key.display, KEY), key._replace(grouped=True))
                add(" ")
                add(Content.styled(group.description, DESCRIPTION))
                gap = 1
            else:
                for key in keys:
                    add(" " * gap)
                    add(Content.assemble((key.display, KEY), (f" {key.description}",
                                                              DESCRIPTION)), key)
                    gap = 1
        add(" " * gap)
        line = Content.assemble(*parts)
        self.needed_width = line.cell_length  # columns the keys need (the layout test checks)
        palette = self._palette()
        width = self.size.width
        if palette is not None:
            right = Content.assemble(("▏", "$foreground 20%"), (palette.display, KEY),
                                     (f" {palette.description}", DESCRIPTION), " ")
            room = max(0, width - right.cell_length)
            line = line.truncate(room, pad=True)
            spans = [s for s in spans if s[1] <= room]
            spans.append((room + 1, width - 1, palette))
            line = Content.assemble(line, right)
        self._spans = spans
        return line

    def on_mouse_down(self, event: MouseDown) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                if key.enabled:
                    self.app.simulate_key(key.key)
                else:
                    self.app.bell()
                return
