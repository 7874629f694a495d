"""Run a netrhythm command that stops itself (SIGSTOP) at one point of writing a file, for the
parent to SIGKILL it there: a kill at an exact moment, with no hooks in netrhythm itself.

Usage: python stop_child.py POINT ARGS...   (ARGS as for ``netrhythm``)
POINT, each about a netrhythm temporary file (``.netrhythm-…``):
  writing   half of the first write to it done
  fsync     about to fsync it
  link      about to link it to its final name (a new file: exports)
  linked    just linked
  replace   about to rename it over its final name (a replacing file: backups)
  replaced  just renamed
Only the timing is arranged: every call still goes to the real ``os`` function.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any


def _ours(path: Any) -> bool:
    try:
        return ".netrhythm-" in os.fsdecode(os.fspath(path))
    except TypeError:
        return False


def _path_of(fd: int) -> str:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return ""


def _stop() -> None:
    os.kill(os.getpid(), signal.SIGSTOP)


def main() -> int:
    point, args = sys.argv[1], sys.argv[2:]
    write, fsync, link, replace = os.write, os.fsync, os.link, os.replace

    def writing(fd: int, data: Any) -> int:
        if point == "writing" and _ours(_path_of(fd)) and len(data) > 1:
            write(fd, bytes(data[: len(data) // 2]))
            _stop()
        return write(fd, data)

    def fsyncing(fd: int) -> None:
        if point == "fsync" and _ours(_path_of(fd)):
            _stop()
        fsync(fd)

    def linking(src: Any, dst: Any, *a: Any, **k: Any) -> None:
        if point == "link" and _ours(src):
            _stop()
        link(src, dst, *a, **k)
        if point == "linked" and _ours(src):
            _stop()

    def replacing(src: Any, dst: Any, *a: Any, **k: Any) -> None:
        if point == "replace" and _ours(src):
            _stop()
        replace(src, dst, *a, **k)
        if point == "replaced" and _ours(src):
            _stop()

    os.write, os.fsync, os.link, os.replace = writing, fsyncing, linking, replacing  # type: ignore[assignment]
    from netrhythm.cli.main import main as netrhythm

    return netrhythm(args)


if __name__ == "__main__":
    sys.exit(main())
