"""The Settings screen (placeholder until it is built)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label

from netrhythm.ui.screens.base import DataScreen
from netrhythm.ui.widgets.footer import AppFooter


class SettingsScreen(DataScreen):
    """Settings."""

    def __init__(self) -> None:
        super().__init__(id="settings")

    def compose(self) -> ComposeResult:
        yield Label("Settings", markup=False)
        yield AppFooter()

    def load(self) -> None:
        pass
