"""What a toast says when something fails: words a user can act on, not a class name."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from netrhythm.ui.background import error_text


def test_a_file_that_cannot_be_written_is_named() -> None:
    denied = PermissionError(errno.EACCES, "Permission denied", "/srv/out/review.md")
    assert error_text(denied) == "Permission denied: /srv/out/review.md"


def test_a_full_disk_says_where_and_how_much_is_free(tmp_path: Path) -> None:
    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / ".netrhythm-x"))
    said = error_text(full)
    assert said.startswith("The disk is full (") and said.endswith(f" kB free at {tmp_path}).")
    database = sqlite3.OperationalError("database or disk is full")  # no file named
    assert error_text(database, tmp_path).endswith(f"free at {tmp_path}).")


def test_anything_else_keeps_its_own_words() -> None:
    assert error_text(ValueError("bad value")) == "ValueError: bad value"
