"""A real, small file system for disk-full tests: a tmpfs of a few hundred kB, mounted for one
test and filled to the byte the test asks for.

Mounting needs root (CI runs as root on these machines); elsewhere the tests that use it skip
and say so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


class SmallDisk:
    """A mounted tmpfs at ``path``; ``fill_to(free)`` leaves about ``free`` bytes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.filler = path / "filler"

    def free(self) -> int:
        return shutil.disk_usage(self.path).free

    def fill_to(self, free: int) -> None:
        """Grow the filler file until at most ``free`` bytes are left (tmpfs counts pages)."""
        with self.filler.open("ab") as handle:
            while self.free() > free:
                step = max(4096, min(1 << 20, self.free() - free))
                try:
                    handle.write(b"\0" * step)
                    handle.flush()
                except OSError:
                    break

    def unfill(self) -> None:
        self.filler.unlink(missing_ok=True)


def _mount(path: Path, size_kb: int) -> str | None:
    """Mount a tmpfs at ``path``; None, or why it could not be done."""
    if os.geteuid() != 0:
        return "mounting a small tmpfs needs root (CI runs as root); not root here"
    if shutil.which("mount") is None:
        return "no mount command here"
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700",
                           "tmpfs", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        return f"cannot mount a tmpfs here: {done.stderr.strip()}"
    return None


@pytest.fixture
def small_disk(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[SmallDisk]:
    """A tmpfs of ``size_kb`` (from ``@pytest.mark.parametrize("small_disk", [KB],
    indirect=True)``, default 8192 kB), unmounted after the test."""
    size_kb = int(getattr(request, "param", 8192))
    path = tmp_path / "disk"
    path.mkdir()
    why = _mount(path, size_kb)
    if why:
        pytest.skip(why)
    try:
        yield SmallDisk(path)
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)
