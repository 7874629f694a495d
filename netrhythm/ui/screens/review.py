"""The Review screen (placeholder until it is built)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label

from netrhythm.ui.screens.base import DataScreen
from netrhythm.ui.widgets.footer import AppFooter


class ReviewScreen(DataScreen):
    """Review."""

    def __init__(self) -> None:
        super().__init__(id="review")

    def compose(self) -> ComposeResult:
        yield Label("Review", markup=False)
        yield AppFooter()

    def load(self) -> None:
        pass
