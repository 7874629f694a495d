"""Where the stylesheets are. Only ``app.tcss`` and ``week.tcss`` load at start-up (the
first frame is the Week screen); every other screen and dialog names its own with
``CSS_PATH = sheet("contacts")``, which Textual loads when that screen is first shown."""

from __future__ import annotations

from pathlib import Path

STYLES = Path(__file__).with_name("styles")


def sheet(name: str) -> Path:
    """The path of ``styles/NAME.tcss``."""
    return STYLES / f"{name}.tcss"
