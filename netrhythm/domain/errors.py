"""Errors the domain raises for bad user input."""

from __future__ import annotations


class InputError(ValueError):
    """User input that cannot be accepted.

    ``field`` names what was wrong (``--date``, ``name``, ``target``) so that the
    command line and the forms can say exactly which input to fix.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
