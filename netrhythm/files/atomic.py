"""Files written whole or not at all: a private temporary beside the target, then into place.

``write_new`` is for the user's files (exports, the review's Markdown): the finished temporary
is hard-linked to the target name, which fails if a file is there, so nothing is ever replaced.
``write_replacing`` is for netrhythm's own copies (backups), which replace their older self
with ``rename``. Both create the temporary readable by the owner only (0600, whatever the
umask), write it, ``fsync`` it, move it into place and ``fsync`` the folder; a failure or a
kill at any point leaves the target as it was (a kill may leave the temporary, which
:func:`netrhythm.files.stale.remove_stale` deletes on the next write into that folder).
``staged`` hands out the temporary for writers that fill it themselves (SQLite's backup API).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from netrhythm.files.stale import PREFIX, remove_stale, temporary_for

CHUNK = 1 << 20
# Where hard links are not supported (some FAT, SMB or FUSE mounts), a new file is made by
# creating the target empty (O_EXCL: never replacing) and renaming the finished temporary over it.
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS}


def _create_private(path: Path) -> int:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.fchmod(fd, 0o600)
    return fd


def fsync_folder(folder: Path) -> None:
    """Make a rename or link inside ``folder`` durable (where the system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the data itself is synced
    finally:
        os.close(fd)


@contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A new, empty, private temporary file beside ``target`` (stale ones there are cleaned
    up first); deleted when the block fails or when it was not moved into place."""
    remove_stale(target.parent)
    tmp = temporary_for(target)
    os.close(_create_private(tmp))
    try:
        yield tmp
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)


def _fill(tmp: Path, data: bytes | Iterable[bytes]) -> None:
    fd = os.open(tmp, os.O_WRONLY | os.O_TRUNC)
    try:
        for chunk in [data] if isinstance(data, bytes) else data:
            view = memoryview(chunk)
            for start in range(0, len(view), CHUNK):
                piece = view[start:start + CHUNK]
                while piece:
                    piece = piece[os.write(fd, piece):]
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_file(path: Path) -> None:
    """``fsync`` a file another writer filled (SQLite closed it)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish_new(tmp: Path, target: Path) -> None:
    """Link the finished ``tmp`` to ``target``; ``FileExistsError`` if a file is there."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        os.close(_create_private(target))  # raises FileExistsError if one is there
        os.replace(tmp, target)
    fsync_folder(target.parent)


def publish_replacing(tmp: Path, target: Path) -> None:
    """Rename the finished ``tmp`` over ``target``."""
    os.replace(tmp, target)
    fsync_folder(target.parent)


def write_new(target: Path, data: bytes | Iterable[bytes]) -> None:
    """Create ``target`` (0600) holding ``data``, whole or not at all; an existing file is
    never replaced (``FileExistsError``)."""
    if os.path.lexists(target):
        raise FileExistsError(errno.EEXIST, "File exists", str(target))
    with _naming(target), staged(target) as tmp:
        _fill(tmp, data)
        publish_new(tmp, target)


def write_numbered(folder: Path, stem: str, suffix: str, data: bytes) -> Path:
    """Write ``data`` to a new file ``STEM.SUFFIX`` in ``folder`` (made private if missing), or
    ``STEM-2.SUFFIX``, ``-3`` … when taken: an existing file is never replaced."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for n in range(1, 1000):
        path = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
        try:
            write_new(path, data)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"{folder / stem}{suffix} and 998 numbered copies already exist")


def write_replacing(target: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``target`` (0600) holding ``data``, whole or not at all, replacing any old one."""
    with _naming(target), staged(target) as tmp:
        _fill(tmp, data)
        publish_replacing(tmp, target)


@contextmanager
def _naming(target: Path) -> Iterator[None]:
    """A system error from writing names ``target`` (the temporary's name means nothing to
    the person, and a full disk is reported with the folder it is in)."""
    try:
        yield
    except OSError as exc:
        if exc.filename is None or PREFIX in str(exc.filename):
            exc.filename = str(target)
        raise
