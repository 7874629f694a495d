"""Where the data lives: the database file and its daily backups (the Settings screen shows
them, read-only). Long paths keep their end: ``…/share/netrhythm/netrhythm.db``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.widgets import Label

from netrhythm.ui.appref import ctx_of
from netrhythm.ui.key_hints import say_keys

LABEL_WIDTH = 18


def short_path(path: Path | str, width: int) -> str:
    """``path`` (or a shown URL) with the home folder as ``~``, cut at the start to ``width``
    characters."""
    text = str(path)
    home = str(Path.home())
    if home not in ("", "/") and text.startswith(home + "/"):
        text = "~" + text[len(home):]
    return text if len(text) <= width else "…" + text[len(text) - max(width - 1, 1):]


class DataBox(Vertical):
    """The database file and the backups folder (daily, the last 7 kept)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.border_title = "Data"

    def compose(self) -> ComposeResult:
        for key, label in (("db", "Database"), ("backups", "Daily backups")):
            with Horizontal():
                yield Label(label, classes="data-label", markup=False)
                yield Label("", id=f"data-{key}", markup=False)

    def on_mount(self) -> None:
        self.border_subtitle = say_keys(self, "{app.undo} undoes any change")
        self._fill(self.content_size.width)

    def on_resize(self, event: Resize) -> None:
        self._fill(self.content_size.width)

    def _fill(self, width: int) -> None:
        location = ctx_of(self).location
        room = max(width - LABEL_WIDTH, 12)
        for key, path in (("db", str(location)), ("backups", location.backups)):
            self.query_one(f"#data-{key}", Label).update(Content(short_path(path, room)))
