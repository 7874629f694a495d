"""The theme, remembered across restarts: applied when the app starts, saved when it changes.

Whatever changes the theme (the Settings screen, Textual's "Theme" palette command)
sets ``app.theme``; Textual then publishes ``theme_changed_signal`` and the new name is saved
in a thread worker as one undoable change. Start-up costs one indexed read of one setting.
When the saved theme changes behind the app's back (``u`` undoes a theme change, or
`netrhythm settings theme …` runs elsewhere), ``sync`` shows what the database holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from netrhythm.services import settings
from netrhythm.services.context import Context
from netrhythm.ui.background import in_thread

if TYPE_CHECKING:
    from textual.app import App
    from textual.theme import Theme


class ThemeMemory:
    """Applies the saved theme to ``app`` now; ``start()`` (on mount) saves later changes."""

    def __init__(self, app: App[Any], ctx: Context) -> None:
        self.app = app
        self.ctx = ctx
        self.saved = settings.theme()  # what the database holds, as far as this app knows
        self.saving = 0  # saves under way: the database may still hold an older name
        if self.saved != app.theme and self.saved in app.available_themes:
            app.theme = self.saved

    def start(self) -> None:
        self.app.theme_changed_signal.subscribe(self.app, self._changed)

    def _changed(self, theme: Theme) -> None:
        if theme.name == self.saved:
            return
        self.saved = name = theme.name
        self.saving += 1
        ctx = self.ctx
        in_thread(self.app, lambda: settings.set_value(ctx, "theme", name), self._saved,
                  group="theme-save", exclusive=False, failed=self._failed)

    def _saved(self, _message: str) -> None:
        self.saving -= 1
        data_changed = getattr(self.app, "data_changed", None)
        if data_changed is not None:  # the Settings screen shows the theme too
            data_changed()

    def _failed(self, exc: Exception) -> None:
        self.saving -= 1
        self.app.notify(f"The theme was not saved: {exc}", severity="warning", markup=False)

    def sync(self, stored: str) -> None:
        """The database holds ``stored``: show it, unless a save of ours is still under way."""
        if self.saving or stored == self.saved:
            return
        self.saved = stored
        if stored in self.app.available_themes and stored != self.app.theme:
            self.app.theme = stored
