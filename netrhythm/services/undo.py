"""Undo: revert the latest change, whoever made it (CLI, app, import, another machine)."""

from __future__ import annotations

from netrhythm.storage import journal


def undo() -> str | None:
    """Revert the latest change; its description (naming the machine that made it when that
    was another one), or None when there is nothing to undo."""
    reverted = journal.revert()
    if reverted is None:
        return None
    description, machine = reverted
    if machine and machine != journal.machine_name():
        return f"{description}, made on {machine}"
    return description


def latest_change() -> str | None:
    return journal.latest()
