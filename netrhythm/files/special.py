"""Reading a file someone names: regular files only, and no more than a stated size.

A named pipe (FIFO) would block the reader until some other program writes to it, and
``/dev/zero`` or ``/dev/urandom`` never end: reading either whole exhausts memory. So the
path is checked with ``stat`` before it is opened (opening some devices has effects of its
own), opened without blocking, checked again on the open file (it may have been swapped
meanwhile), and read up to one byte past the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotRegularFile(OSError):
    """The path names something other than a regular file; ``kind`` says what."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path} is {kind}, not a regular file")
        self.path, self.kind = path, kind


class TooLarge(OSError):
    """The file is larger than the reader accepts."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(f"{path} is larger than {limit:,} bytes")
        self.path, self.size, self.limit = path, size, limit


def kind_of(mode: int) -> str | None:
    """What a ``st_mode`` is, in words, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((words for test, words in _KINDS if test(mode)), "not a regular file")


def check_regular(path: Path) -> bool:
    """True if ``path`` is a regular file (symbolic links followed), False if nothing is
    there; raises NotRegularFile for anything else (it is not opened)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return False
    kind = kind_of(mode)
    if kind is not None:
        raise NotRegularFile(path, kind)
    return True


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them; raises
    FileNotFoundError, NotRegularFile, TooLarge or the OSError of the system."""
    if not check_regular(path):
        raise FileNotFoundError(2, "No such file or directory", str(path))
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        kind = kind_of(info.st_mode)
        if kind is not None:
            raise NotRegularFile(path, kind)
        if info.st_size > limit:
            raise TooLarge(path, info.st_size, limit)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise TooLarge(path, total, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)
