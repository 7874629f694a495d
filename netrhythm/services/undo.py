"""Undo: revert the latest change, whoever made it (CLI, app, import)."""

from __future__ import annotations

from netrhythm.storage import journal


def undo() -> str | None:
    """Revert the latest change; its description, or None when there is nothing to undo."""
    return journal.undo()


def latest_change() -> str | None:
    return journal.latest()
