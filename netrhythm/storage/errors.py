"""Errors about the database file itself. Each says what is wrong and that nothing was changed."""

from __future__ import annotations


class DatabaseFileError(Exception):
    """The file at the database path cannot be used; it was left untouched."""


class NotNetrhythmError(DatabaseFileError):
    """Empty, not SQLite, or another application's SQLite file."""


class CorruptDatabaseError(DatabaseFileError):
    """SQLite reports the file as malformed."""


class NotEmptyError(DatabaseFileError):
    """A database to fill from scratch (a copy's target) holds something already."""


class NewerSchemaError(DatabaseFileError):
    """Written by a newer netrhythm than this one."""


class ServerError(Exception):
    """A database server that cannot be reached or kept, or that refuses us; the message is
    one line that says what to do and that nothing was changed."""
