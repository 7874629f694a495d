"""Paths that are not regular files: refused at once (exit 2, saying what they are), never
read. A named pipe would hang the command until another program wrote to it; /dev/zero and
/dev/urandom never end and used to exhaust memory. Files larger than the stated limits are
refused before they are read.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from netrhythm.files.special import TooLarge, read_limited
from tests.helpers import run_cli

LIMITS = {"contacts": 50, "import": 100}  # MB: README, "Files and limits"


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def _socket(tmp_path: Path) -> Path:
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))  # the file stays after the socket is closed
    server.close()
    return path


def _link_to_fifo(tmp_path: Path) -> Path:
    link = tmp_path / "link.vcf"
    link.symlink_to(_fifo(tmp_path))
    return link


KINDS = {
    "fifo": (_fifo, "is a named pipe (FIFO)"),
    "dev-zero": (lambda tmp: Path("/dev/zero"), "is a character device"),
    "dev-urandom": (lambda tmp: Path("/dev/urandom"), "is a character device"),
    "socket": (_socket, "is a socket"),
    "link-to-fifo": (_link_to_fifo, "is a named pipe (FIFO)"),
}


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("command", [["contacts", "import"], ["import"]])
def test_importing_a_special_file_is_refused_at_once(tmp_path: Path, kind: str,
                                                     command: list[str]) -> None:
    make, says = KINDS[kind]
    db = tmp_path / "n.db"
    assert run_cli(db, "status").code == 0
    path = make(tmp_path)
    result = run_cli(db, *command, str(path), timeout=30)  # a hang fails here
    assert result.code == 2, result
    line = _one_line(result.err)
    assert line.startswith(f"netrhythm: error: FILE: {path} {says}, not a file"), line


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "socket", "link-to-fifo"])
def test_a_special_file_as_the_database_is_refused_at_once(tmp_path: Path, kind: str) -> None:
    make, says = KINDS[kind]
    path = make(tmp_path)
    result = run_cli(path, "status", timeout=30)
    assert result.code == 2, result
    line = _one_line(result.err)
    assert line == (f"netrhythm: error: --db: {path.resolve()} {says}, not a database file; "
                    "give the path of a netrhythm database (or of a new one)"), line


def test_a_folder_as_the_database_is_refused(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "status")
    assert result.code == 2
    assert _one_line(result.err).startswith(f"netrhythm: error: --db: {tmp_path} is a folder")


@pytest.mark.parametrize("command", list(LIMITS))
def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path,
                                                            command: str) -> None:
    db = tmp_path / "n.db"
    assert run_cli(db, "status").code == 0
    big = tmp_path / "big.data"
    with big.open("wb") as handle:  # sparse: no disk space, and never read
        handle.truncate(LIMITS[command] * 1024 * 1024 + 1)
    args = ["contacts", "import"] if command == "contacts" else ["import"]
    result = run_cli(db, *args, str(big), timeout=30)
    assert result.code == 2, result
    what = "contacts file" if command == "contacts" else "netrhythm export"
    assert _one_line(result.err) == (
        f"netrhythm: error: FILE: {big} is {LIMITS[command]}.0 MB; a {what} may be at most "
        f"{LIMITS[command]} MB (split it into smaller files)")


def test_the_limit_is_the_largest_size_read(tmp_path: Path) -> None:
    """Exactly ``limit`` bytes are read; one more is refused, also when a file grows while it
    is read (its size said it fitted)."""
    path = tmp_path / "f"
    path.write_bytes(b"x" * 1000)
    assert read_limited(path, 1000) == b"x" * 1000
    with pytest.raises(TooLarge) as raised:
        read_limited(path, 999)
    assert (raised.value.size, raised.value.limit) == (1000, 999)
