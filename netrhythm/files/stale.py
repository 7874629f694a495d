"""Names of netrhythm's temporary files, and the clean-up of those left by killed writers.

A temporary is ``.netrhythm-PID-TOKEN-NAME.tmp`` beside the file NAME it will become (SQLite
may add ``-journal``, ``-wal`` or ``-shm`` to it while writing a database copy). It is stale
when its process is gone (the PID in its name) or when it is older than a day; another
process's live temporary is never touched.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

PREFIX = ".netrhythm-"
STALE_AFTER = 24 * 3600  # seconds
_NAME = re.compile(r"\.netrhythm-(\d+)-[0-9a-f]{8}-.*\.tmp(?:-journal|-wal|-shm)?", re.ASCII)
_KEEP_NAME = 80  # characters of the target's name kept in the temporary's (NAME_MAX is 255)


def temporary_for(target: Path) -> Path:
    """A new temporary's path beside ``target``, named after this process."""
    token = os.urandom(4).hex()
    return target.with_name(f"{PREFIX}{os.getpid()}-{token}-{target.name[:_KEEP_NAME]}.tmp")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: alive
    except OSError:
        return False
    return True


def remove_stale(folder: Path, now: float | None = None) -> list[Path]:
    """Delete this folder's netrhythm temporaries whose writer is gone or that are older than
    a day; return what was deleted. A folder that cannot be listed is left alone."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        found = _NAME.fullmatch(entry.name)
        if found is None:
            continue
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER
            if old or not _alive(int(found.group(1))):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # gone meanwhile, or not ours to delete
    return removed
