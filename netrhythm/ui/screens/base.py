"""What every screen that shows data shares: its context, and reloading when data changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from netrhythm.services.context import Context
from netrhythm.ui.appref import app_of, ctx_of

if TYPE_CHECKING:
    from netrhythm.ui.app import NetrhythmApp

__all__ = ["DataScreen"]


class DataScreen(Screen[None]):
    """A screen that reloads its data (in a worker) whenever the app says data changed.

    Subclasses implement ``load()``, which starts a worker and shows the result; it runs on
    first show, after every change while visible, and on being shown again after a change.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._generation = -1

    @property
    def napp(self) -> NetrhythmApp:
        return app_of(self)

    @property
    def ctx(self) -> Context:
        return ctx_of(self)

    def on_screen_resume(self) -> None:
        if self._generation != self.napp.generation:
            self.reload()

    def reload(self) -> None:
        self._generation = self.napp.generation
        self.load()

    def load(self) -> None:
        raise NotImplementedError

