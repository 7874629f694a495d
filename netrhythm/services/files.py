"""Files of personal data: created readable by the owner only (0600), never replacing one."""

from __future__ import annotations

import os
from pathlib import Path


def create_private(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file ``path`` with mode 0600 whatever the umask; raises
    ``FileExistsError`` if it exists (nothing is replaced) and removes a half-written file."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
